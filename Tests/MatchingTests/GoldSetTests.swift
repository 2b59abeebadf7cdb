import Foundation
import Normalize
import Pipeline
import Testing

/// The quality bar on the hand-annotated seeds (Tests/Fixtures/gold/seeds.gold.jsonl).
@Suite struct GoldSetTests {
    static let goldPath = Bundled.packageRoot.appendingPathComponent("Tests/Fixtures/gold/seeds.gold.jsonl").path

    @Test func theGoldSetCoversEverySeed() throws {
        let gold = try GoldSet.load(Self.goldPath)
        let seeds = try Bundled.seeds()
        #expect(gold.documents.map(\.id) == seeds.map { String($0.name.dropLast(4)) })
        for (document, seed) in zip(gold.documents, seeds) {
            #expect(document.text == seed.text, "the gold text of \(document.id) is the seed file as it is")
            #expect(document.mentions.count > 20)
        }
    }

    @Test func everyGoldEntityIsInTheGlossary() throws {
        let ids = Set(Bundled.glossary.entries.map(\.id))
        let gold = try GoldSet.load(Self.goldPath)
        let unknown = gold.documents.flatMap(\.mentions).map(\.entity).filter { !ids.contains($0) }
        #expect(unknown == [])
    }

    @Test func theMatcherMeetsTheQualityBarOnTheSeeds() throws {
        let result = try Evaluation.run(try GoldSet.load(Self.goldPath), matcher: Bundled.matcher)
        #expect(result.entities.precision >= 0.97, "misses: \(result.misses.map(\.context)); false positives: \(result.falsePositives.map(\.context))")
        #expect(result.entities.recall >= 0.95, "misses: \(result.misses.map(\.context))")
    }

    /// `canon glossary lookup` explains every name, term and title form of the seeds, inflected or
    /// not, as the entity the annotators chose.
    @Test func lookupExplainsEveryFormInTheSeeds() throws {
        let gold = try GoldSet.load(Self.goldPath)
        var wrong: [String] = []
        var checked = Set<String>()
        for document in gold.documents {
            for mention in document.mentions where checked.insert("\(document.lang ?? "")|\(mention.surface)").inserted {
                let hit = try MatcherLookup.lookup(mention.surface, in: Bundled.glossary, language: document.lang.flatMap { LanguageTag(parsing: $0) },
                                                   matcher: Bundled.matcher)
                if hit?.entryID != mention.entity { wrong.append("\(mention.surface) → \(hit?.entryID ?? "nothing"), not \(mention.entity)") }
            }
        }
        #expect(checked.count > 150)
        #expect(wrong == [])
    }

    /// What the inflection, folding and short-form handling buy over exact, case-insensitive matching.
    @Test func theExactBaselineFallsFarBehind() throws {
        let gold = try GoldSet.load(Self.goldPath)
        let canon = try Evaluation.run(gold, matcher: Bundled.matcher)
        let exact = try Evaluation.run(gold, matcher: Bundled.matcher, options: .init(exactBaseline: true))
        #expect(exact.entities.recall < canon.entities.recall - 0.3)
    }
}
