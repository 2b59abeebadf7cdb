import Foundation
import Testing

/// `canon normalize --stdin-jsonl`: the contract line-oriented engines (Spark's `RDD.pipe`,
/// Hadoop Streaming) rely on — one output line per input line, in order, answered without waiting.
@Suite struct FilterModeTests {
    static func object(_ line: Substring) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    }

    /// Real paragraphs from the seeds as JSON Lines records, some without an ID.
    static func seedRecords(count: Int) throws -> [String] {
        let seeds = CanonProcess.packageRoot.appendingPathComponent("seeds")
        let paragraphs = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().flatMap {
            try String(contentsOf: seeds.appendingPathComponent($0), encoding: .utf8)
                .split(separator: "\n").map(String.init).filter { $0.count > 80 }
        }
        return try (0..<count).map { index in
            var record: [String: String] = ["text": paragraphs[(index * 7) % paragraphs.count]]
            if index % 3 != 0 { record["id"] = "p\(index)" }
            return String(decoding: try JSONSerialization.data(withJSONObject: record, options: .sortedKeys), as: UTF8.self)
        }
    }

    @Test func everyInputLineGetsExactlyOneOutputLineWithErrorRecordsInPlace() throws {
        let lines = [
            #"{"id":"good-1","text":"Tou Lamowi podziękował premier Pham Minh Chinh."}"#,
            "",
            #"{"id":"broken","text":"unterminated"#,
            #"{"id":"no-text","body":"x"}"#,
            #"{"id":"big","text":""# + String(repeating: "Вьетнам ", count: 2000) + #""}"#,
            #"["not","an","object"]"#,
            #"{"id":"good-2","text":"Генеральный секретарь То Лам встретился с Нгуен Фу Чонгом."}"#,
        ]
        let result = try CanonProcess.run(["normalize", "--stdin-jsonl", "--max-doc-bytes", "10000", "--jobs", "2", "-q"],
                                          input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "error records answer bad lines; the run itself succeeded")
        let output = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(output.count == lines.count)
        #expect(Self.object(output[0])?["id"] as? String == "good-1")
        #expect(output[1].isEmpty)
        let broken = try #require(Self.object(output[2]))
        #expect((broken["error"] as? String)?.hasPrefix("malformed JSON") == true)
        #expect(broken["id"] as? String == "stdin:3", "an unreadable record gets the ID it would have had")
        #expect(output[2].hasSuffix(#""id":"stdin:3","source":{"line":3,"path":"-"}}"#))
        #expect(output[3] == #"{"error":"has no \"text\" field (--text-field names the field that holds the text)","id":"no-text","source":{"line":4,"path":"-"}}"#)
        #expect(output[4] == #"{"error":"record of 30022 bytes is larger than --max-doc-bytes (10000); skipped","id":"stdin:5","source":{"line":5,"path":"-"}}"#)
        #expect(output[5] == #"{"error":"a JSON Lines record must be an object","id":"stdin:6","source":{"line":6,"path":"-"}}"#)
        let last = try #require(Self.object(output[6]))
        #expect(last["id"] as? String == "good-2")
        #expect(last["canonical_text"] as? String == "General Secretary of the Communist Party of Vietnam To Lam встретился с Nguyen Phu Trong.")
        #expect(result.stderr.contains("-:3: malformed JSON"), "failures are still reported on stderr, for the engine's logs")
    }

    /// What lets Spark split a file among executors: pieces run separately, each told its file and
    /// first line, give exactly the lines of one run over the whole file.
    @Test func piecesOfAFileGiveTheSameLinesAsTheWholeFile() throws {
        var records = try Self.seedRecords(count: 60)
        records.insert("", at: 25)  // a blank line: nothing in the whole run, an empty line in the piece
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("canon-pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("corpus.jsonl")
        try (records.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)

        let whole = try CanonProcess.run(["normalize", file.path, "--jobs", "2", "-q"])
        #expect(whole.status == 0)
        var pieces = ""
        for (start, end) in [(0, 17), (17, 40), (40, records.count)] {
            let piece = try CanonProcess.run(["normalize", "--stdin-jsonl", "--source-path", file.path, "--first-line", "\(start + 1)", "--jobs", "2", "-q"],
                                             input: records[start..<end].joined(separator: "\n") + "\n")
            #expect(piece.status == 0)
            #expect(piece.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == end - start + 1)
            pieces += piece.stdout
        }
        let nonEmpty = pieces.split(separator: "\n").joined(separator: "\n") + "\n"
        #expect(nonEmpty == whole.stdout)
        #expect(whole.stdout.contains(#""id":"corpus:32""#), "a record without an ID gets its line in the whole file as its ID")
    }

    /// A driver that sends one line and waits for its answer must get it: the slice ends when no
    /// more input is waiting, and the answer is flushed. (The deadline only guards against a hang.)
    @Test func eachLineIsAnsweredBeforeTheNextIsSent() throws {
        let canon = try CanonCoprocess(["normalize", "--stdin-jsonl", "-q"])
        let questions = [#"{"id":"q1","text":"То Ламом"}"#, #"{"id":"q2","text":"Tou Lamowi","lang":"pl"}"#, "{oops"]
        for (index, question) in questions.enumerated() {
            canon.send(question)
            let answer = try #require(canon.nextLine(), "no answer to line \(index + 1) while the input stayed open")
            let object = try #require(Self.object(answer[...]))
            if index < 2 {
                #expect(object["id"] as? String == "q\(index + 1)")
                #expect(object["canonical_text"] as? String == "To Lam")
            } else {
                #expect(object["error"] != nil)
            }
        }
        #expect(try canon.finish() == 0)
    }
}
