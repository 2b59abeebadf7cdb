import Foundation
@testable import Pipeline
import Testing

@Suite struct CorpusStatsTests {
    @Test func unknownCandidatesAreCapitalisedRunsInsideSentencesThatNoMentionCovers() {
        let text = "Premier spotkał się z Janem Kowalskim w Hanoi. Następnie Delegacja Ha-Noi pojechała dalej."
        // "Hanoi" (41..<46) is a mention; "Następnie" starts a sentence.
        let found = UnknownCandidates.find(in: text, covered: [41..<46])
        #expect(found == ["Janem Kowalskim", "Delegacja Ha-Noi"])
    }

    @Test func theSeedsOutputCountsDocumentsLanguagesAndEntities() throws {
        let stats = try CorpusStats.read(Repository.path("Tests/Fixtures/normalize/seeds.canon.jsonl"))
        #expect(stats.documents == 5)
        #expect(stats.documents_by_language == ["ru": 3, "pl": 1, "nb": 1])
        let vietnam = try #require(stats.entities.first { $0.entity == "vietnam" })
        #expect(vietnam.documents == 5)
        #expect(vietnam.by_language.keys.sorted() == ["nb", "pl", "ru"])
        let toLam = try #require(stats.entities.first { $0.entity == "to-lam" })
        #expect(toLam.by_language["pl"] == 2)  // `Tou Lama`, `Tou Lamowi`
        #expect(stats.entities.map(\.mentions) == stats.entities.map(\.mentions).sorted(by: >))
        #expect(stats.skipped_lines.isEmpty)
    }

    @Test func linesThatAreNotCanonOutputAreSkippedAndNamed() throws {
        let folder = try Normalizing.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mixed.jsonl")
        try "{\"id\":\"x\",\"text\":\"A\",\"mentions\":[],\"lang\":\"en\"}\nnot json\n".write(to: file, atomically: true, encoding: .utf8)
        let stats = try CorpusStats.read(file.path)
        #expect(stats.documents == 1)
        #expect(stats.skipped_lines == ["\(file.path):2: not a canon normalize document"])
    }
}
