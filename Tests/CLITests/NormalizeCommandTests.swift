import Foundation
import Testing

@Suite struct NormalizeCommandTests {
    static let golden = CanonProcess.packageRoot.appendingPathComponent("Tests/Fixtures/normalize/seeds.canon.jsonl")

    /// The golden file was reviewed by eye (titles, dates, outlets, URLs, captions, no boilerplate).
    /// After an intended change, regenerate it with
    /// `swift run canon normalize --jobs 1 -q > Tests/Fixtures/normalize/seeds.canon.jsonl` and review the diff.
    @Test func theSeedsNormalizeToTheReviewedGoldenOutput() throws {
        let result = try CanonProcess.run(["normalize", "--jobs", "1"])
        #expect(result.status == 0)
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        let actual = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in expected.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            #expect(number < actual.count && actual[number] == line, "line \(number + 1) differs from \(Self.golden.lastPathComponent)")
        }
        #expect(result.stdout == expected)
        #expect(result.stderr.contains("canon: 5 documents"))
        #expect(result.stderr.contains("0 failures"))
    }

    @Test func everyGoodDocumentSurvivesEachKindOfBadInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("canon-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        let good = "Генеральный секретарь То Лам встретился с премьер-министром Японии Кисидой Фумио."
        try write("a-good.txt", Array(good.utf8))
        try write("b-binary.txt", Array("PK".utf8) + [0, 0, 3, 4, 0, 255])
        try write("c-invalid-utf8.txt", Array("Premier Pham Minh Chinh przybył do Tokio".utf8) + [0xC3, 0x28] + Array(" w poniedziałek.".utf8))
        let lines = [
            #"{"id":"j1","text":"Statsminister Pham Minh Chinh tok imot ledere fra Japan."}"#,
            #"{"id":"j2","text":"unterminated"#,
            #"["not","an","object"]"#,
            #"{"id":"j4","body":"no text field"}"#,
            #"{"id":"j5","text":""# + String(repeating: "Вьетнам ", count: 2000) + #""}"#,
            #"{"id":"j6","text":"Tou Lamowi podziękował premier Pham Minh Chinh.","published":"yesterday"}"#,
        ]
        try write("d-corpus.jsonl", Array(lines.joined(separator: "\n").utf8))
        try write("e-truncated.jsonl.gz", [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, 0x4B, 0x4C, 0x4A])
        let missing = folder.appendingPathComponent("f-missing.txt").path

        let result = try CanonProcess.run(["normalize", folder.path, missing, "--max-doc-bytes", "10000", "--jobs", "2"])
        #expect(result.status == 1)
        let ids = result.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == ["a-good", "c-invalid-utf8", "j1", "j6"])
        let errors = result.stderr
        #expect(errors.contains("b-binary.txt: binary data"))
        #expect(errors.contains("d-corpus.jsonl:2: malformed JSON"))
        #expect(errors.contains("d-corpus.jsonl:3: a JSON Lines record must be an object"))
        #expect(errors.contains("d-corpus.jsonl:4: has no \"text\" field"))
        #expect(errors.contains("d-corpus.jsonl:5: record of"))
        #expect(errors.contains("e-truncated.jsonl.gz: read failed: compressed data ends early (truncated file); the rest of the file is lost"))
        #expect(errors.contains("f-missing.txt: no such file or folder"))
        #expect(errors.contains("4 documents"))
        #expect(errors.contains("7 failures"))
        #expect(result.stdout.contains("invalid UTF-8 repaired with U+FFFD"))
        #expect(result.stdout.contains("'yesterday' is not a date; ignored"))
    }

    @Test func standardInputJSONLinesWithMappedFieldsAndAGivenLanguage() throws {
        let input = #"{"doc":"n1","body":"Statsministeren møtte Ishiba Shigeru i Tokyo.","headline":"Møte i Tokyo"}"# + "\n"
        let result = try CanonProcess.run(["normalize", "-", "--id-field", "doc", "--text-field", "body", "--title-field", "headline", "--lang", "nb", "-q"], input: input)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["id"] as? String == "n1")
        #expect(document["lang"] as? String == "nb")
        #expect(document["title"] as? String == "Møte i Tokyo")
        #expect(document["text"] as? String == "Møte i Tokyo\n\nStatsministeren møtte Ishiba Shigeru i Tokyo.")
        #expect(document["canonical_text"] as? String == "Møte i Tokyo\n\nPrime Minister møtte Shigeru Ishiba i Tokyo.")
    }

    @Test func anOutputFileIsWrittenWholeAndTheArrayFormatParses() throws {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("canon-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: target) }
        let result = try CanonProcess.run(["normalize", "--format", "json", "--output", target.path, "-q"])
        #expect(result.status == 0 && result.stdout.isEmpty)
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: target)) as? [[String: Any]])
        #expect(documents.map { $0["id"] as? String } == ["000_a11add72f4209d5d", "001_d01c4093a0a61823", "002_a13da4224afa6d59", "003_9a38c9271065906b", "004_f956d2f28f6616da"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path).filter { $0.hasPrefix(".\(target.lastPathComponent)") }
        #expect(leftovers.isEmpty)
    }

    @Test func aCompiledGlossaryGivesTheSameOutputAsItsFolder() throws {
        let compiled = FileManager.default.temporaryDirectory.appendingPathComponent("canon-\(UUID().uuidString).canonglossary")
        defer { try? FileManager.default.removeItem(at: compiled) }
        let compile = try CanonProcess.run(["glossary", "compile", "--output", compiled.path])
        #expect(compile.status == 0, "\(compile.stderr)")
        #expect(compile.stdout.contains("1 cleanup rule files"))
        let result = try CanonProcess.run(["normalize", "--glossary", compiled.path, "--jobs", "1"])
        #expect(result.status == 0)
        #expect(result.stdout == (try String(contentsOf: Self.golden, encoding: .utf8)))
        let lookup = try CanonProcess.run(["glossary", "lookup", "--glossary", compiled.path, "Tou Lamowi"])
        #expect(lookup.stdout.hasPrefix("To Lam\tto-lam"))
        let translit = try CanonProcess.run(["translit", "--glossary", compiled.path, "x"])
        #expect(translit.status == 2)
        #expect(translit.stderr.contains("is a compiled glossary; this command needs the glossary folder"))
    }

    @Test(arguments: [["--format", "xml"], ["--lang", "Russian!"], ["--jobs", "0"], ["--stdin-jsonl", "seeds"],
                      ["--stdin-jsonl", "--format", "json"], ["--first-line", "5"], ["--stdin-jsonl", "--first-line", "0"]])
    func badOptionsAreUsageErrorsThatExitTwo(arguments: [String]) throws {
        let result = try CanonProcess.run(["normalize"] + arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("canon: error:"))
    }
}

@Suite struct NormalizeInterruptionTests {
    @Test func anInterruptedRunLeavesNeitherTargetNorTemporaryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("canon-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Enough work to still be running when the signal comes: the seeds, 400 times.
        let seeds = CanonProcess.packageRoot.appendingPathComponent("seeds")
        let texts = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().map {
            try String(contentsOf: seeds.appendingPathComponent($0), encoding: .utf8)
        }
        var lines: [String] = []
        for round in 0..<80 {
            for (index, text) in texts.enumerated() {
                let data = try JSONSerialization.data(withJSONObject: ["id": "r\(round)-\(index)", "text": text])
                lines.append(String(decoding: data, as: UTF8.self))
            }
        }
        let corpus = folder.appendingPathComponent("corpus.jsonl")
        try lines.joined(separator: "\n").write(to: corpus, atomically: true, encoding: .utf8)
        let target = folder.appendingPathComponent("out.jsonl")

        let process = Process()
        process.executableURL = CanonProcess.executable
        process.arguments = ["normalize", corpus.path, "--output", target.path, "--jobs", "1", "-q"]
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning,
              (try FileManager.default.contentsOfDirectory(atPath: folder.path)).allSatisfy({ !$0.hasSuffix(".tmp") }) {
            usleep(20_000)
        }
        #expect(process.isRunning, "the run ended before it could be interrupted")
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["corpus.jsonl"])
    }
}
