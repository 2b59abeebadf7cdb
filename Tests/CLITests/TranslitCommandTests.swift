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
        let process = Process()
        process.executableURL = CanonProcess.executable
        process.arguments = ["translit", "--id", "Russian-Latin/BGN"]
        process.currentDirectoryURL = CanonProcess.packageRoot
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        stdin.fileHandleForWriting.write(Data("То Лам\n".utf8))
        // The first line must come back while stdin is still open: a pipe peer waits for it.
        let firstLine = readLine(from: stdout.fileHandleForReading, within: 20)
        #expect(firstLine == "To Lam")
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
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

    /// Reads one line from `handle`, or nil when none arrives within `seconds` (a hang guard, not a timing target).
    private func readLine(from handle: FileHandle, within seconds: Double) -> String? {
        let box = LineBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var bytes = Data()
            while !bytes.contains(UInt8(ascii: "\n")) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                bytes.append(chunk)
            }
            box.line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first.map(String.init)
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success ? box.line : nil
    }
}

private final class LineBox: @unchecked Sendable {
    var line: String?
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
