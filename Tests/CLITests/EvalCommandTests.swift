import Foundation
import Testing

/// `canon eval` on the bundled gold set and glossary, and on broken gold files.
@Suite struct EvalCommandTests {
    static let gold = "Tests/Fixtures/gold/seeds.gold.jsonl"

    @Test func printsScoresPerLanguageAndTypeWithTheBaselineSideBySide() throws {
        let result = try CanonProcess.run(["eval", Self.gold, "--baseline"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("entities (no titles)"))
        #expect(result.stdout.contains("exact baseline"))
        for language in ["ru", "pl", "nb"] { #expect(result.stdout.contains("language \(language)")) }
        for type in ["person", "organization", "place", "term", "title"] { #expect(result.stdout.contains("type \(type)")) }
        #expect(result.stdout.contains("misses ("))
        #expect(result.stdout.contains("false positives ("))
    }

    @Test func speaksJSON() throws {
        let result = try CanonProcess.run(["eval", Self.gold, "--json", "--baseline"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let canon = try #require(json["canon"] as? [String: Any])
        let entities = try #require(canon["entities"] as? [String: Any])
        #expect((entities["precision"] as? Double ?? 0) >= 0.97)
        #expect(json["baseline"] is [String: Any])
    }

    @Test func aBrokenGoldLineIsAUsageErrorNamingFileAndLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("canon-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("gold.jsonl").path
        let good = #"{"id":"a","lang":"ru","text":"То Лам","mentions":[{"start":0,"end":6,"surface":"То Лам","entity":"to-lam","type":"person"}]}"#
        let bad = #"{"id":"b","lang":"ru","text":"То Лам","mentions":[{"start":0,"end":3,"surface":"То Лам","entity":"to-lam","type":"person"}]}"#
        try (good + "\n" + bad + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CanonProcess.run(["eval", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("gold.jsonl:2:"))
        #expect(result.stderr.contains("does not slice the text"))
    }
}
