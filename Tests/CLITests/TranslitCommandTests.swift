import Foundation
import Testing

@Suite struct TranslitCommandTests {
    @Test func transliteratesVietnameseIntoRussianPracticalTranscription() throws {
        let result = try CanonProcess.run(["translit", "--id", "Vietnamese-Russian", "Nguyễn Phú Trọng"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Нгуен Фу Чонг\n")
    }

    @Test func composesCanonTransformsWithBuiltIns() throws {
        let result = try CanonProcess.run(["translit", "--id", "Vietnamese-Russian; Any-Upper", "Tô Lâm"])
        #expect(result.stdout == "ТО ЛАМ\n")
    }

    @Test func readsStandardInputLineByLine() throws {
        let input = "Нгуен Фу Чонг\n\nКисида Фумио\nТо Лам"
        let result = try CanonProcess.run(["translit", "--id", "Russian-Latin/BGN"], input: input)
        #expect(result.status == 0)
        #expect(result.stdout == "Nguyen Fu Chong\n\nKisida Fumio\nTo Lam\n")
    }

    @Test func writesEachLineBeforeReadingTheNext() throws {
        let canon = try CanonCoprocess(["translit", "--id", "Russian-Latin/BGN"])
        canon.send("То Лам")
        // The first line must come back while stdin is still open: a pipe peer waits for it.
        #expect(canon.nextLine(within: 20) == "To Lam")
        #expect(try canon.finish() == 0)
    }

    @Test func listsBuiltInAndCanonIds() throws {
        let result = try CanonProcess.run(["translit", "--list"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("Vietnamese-Russian\t(canon)"))
        #expect(lines.contains("Vietnamese-Russian/Place\t(canon)"))
        #expect(lines.contains("Russian-Latin/BGN"))
        #expect(lines.count > 300)
    }

    @Test func unknownIdExitsTwoWithCloseIds() throws {
        let result = try CanonProcess.run(["translit", "--id", "Vietnamese-Rusian", "x"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown transform ID 'Vietnamese-Rusian'"))
        #expect(result.stderr.contains("'Vietnamese-Russian'"))
    }

    @Test func aBrokenRuleFileExitsTwoNamingFileAndLine() throws {
        let file = "Tests/NormalizeTests/Fixtures/transforms/fail/Unquoted-Special.txt"
        let result = try CanonProcess.run(["translit", "--rules", file, "nga"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file):4:1: invalid transform rule"))
        #expect(result.stderr.contains("x > y z > w;"))
    }

    @Test func aRuleFileCanUseTheBundledTransforms() throws {
        let rules = FileManager.default.temporaryDirectory.appendingPathComponent("Canon-Test-\(UUID().uuidString).txt")
        try ":: Vietnamese-Russian;\n:: Any-Upper;\n".write(to: rules, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: rules) }
        let result = try CanonProcess.run(["translit", "--rules", rules.path, "Bùi Thanh Sơn"])
        #expect(result.stdout == "БУЙ ТХАНЬ ШОН\n", "\(result.stderr)")
    }

    @Test func aMissingGlossaryFolderIsAUsageError() throws {
        let result = try CanonProcess.run(["translit", "--glossary", "/nonexistent", "x"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent"))
    }
}

@Suite struct RootCommandTests {
    @Test func versionNamesCanonIcuAndUnicode() throws {
        let result = try CanonProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("canon 0.1.0 (ICU 72"))
        #expect(result.stdout.contains("Unicode 15"))
    }

    @Test func helpListsTheSubcommands() throws {
        let result = try CanonProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("translit"))
    }
}
