import Foundation
import Pipeline
import Testing

@Suite struct NormalizeRunTests {
    @Test func everyLineOfTheSeedsOutputSatisfiesTheJSONSchema() throws {
        let run = try Normalizing.run([Repository.path("seeds")], settings: { var s = NormalizeSettings(); s.transliterate = true; return s }())
        #expect(run.lines.count == 5)
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Repository.path("schema/canon-document.schema.json"))))
        let validator = try JSONSchemaValidator(schema: schema)
        for line in run.lines {
            let document = try JSONSerialization.jsonObject(with: Data(line.utf8))
            #expect(validator.errors(in: document) == [])
        }
    }

    @Test func offsetsSliceTheTextAndCanonicalTextReplacesEveryMention() throws {
        let run = try Normalizing.run([Repository.path("seeds")])
        for line in run.lines {
            let document = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = try #require(document["text"] as? String)
            let scalars = Array(text.unicodeScalars), bytes = Array(text.utf8)
            let mentions = try #require(document["mentions"] as? [[String: Any]])
            #expect(!mentions.isEmpty)
            var canonical = ""
            var position = 0
            for mention in mentions {
                let start = mention["start"] as! Int, end = mention["end"] as! Int
                let surface = mention["surface"] as! String
                #expect(String(String.UnicodeScalarView(scalars[start..<end])) == surface)
                #expect(String(decoding: bytes[(mention["utf8_start"] as! Int)..<(mention["utf8_end"] as! Int)], as: UTF8.self) == surface)
                canonical += String(String.UnicodeScalarView(scalars[position..<start])) + (mention["canonical"] as! String)
                position = end
            }
            canonical += String(String.UnicodeScalarView(scalars[position...]))
            #expect(document["canonical_text"] as? String == canonical)
        }
    }

    @Test func outputIsByteIdenticalWhateverTheNumberOfWorkers() throws {
        let folder = try Normalizing.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("paragraphs.jsonl")
        try (Normalizing.paragraphRecords(count: 400).joined(separator: "\n") + "\n").write(to: corpus, atomically: true, encoding: .utf8)
        let paths = [Repository.path("seeds"), corpus.path]
        // Small slices so that work is spread over many slices and workers interleave.
        let one = try Normalizing.run(paths, jobs: 1, sliceDocuments: 37)
        let four = try Normalizing.run(paths, jobs: 4, sliceDocuments: 37)
        #expect(one.lines.count == 405)
        #expect(one.lines == four.lines)
        #expect(one.summary.mentions == four.summary.mentions)
    }

    @Test func theDetectedLanguageDrivesInflection() throws {
        // Polish endings (`Tou Lamowi`) are read because the document is detected as Polish.
        let folder = try Normalizing.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pl.txt")
        try "Premier Pham Minh Chinh przekazał serdeczne powitanie od Sekretarza Generalnego Tou Lama wszystkim delegatom, a następnie podziękował Sekretarzowi Generalnemu Tou Lamowi za wskazówki.".write(to: file, atomically: true, encoding: .utf8)
        let run = try Normalizing.run([file.path])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.lines[0].utf8)) as? [String: Any])
        #expect(document["lang"] as? String == "pl")
        let mentions = try #require(document["mentions"] as? [[String: Any]])
        let toLam = mentions.filter { $0["entity"] as? String == "to-lam" }.map { $0["surface"] as? String }
        #expect(toLam == ["Tou Lama", "Tou Lamowi"])
    }

    @Test func anISOPublicationDateIsReadWithOrWithoutCleanupRules() throws {
        let folder = try Normalizing.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("dated.jsonl")
        try [#"{"id":"a","text":"Premier Pham Minh Chinh przybył do Hanoi.","published":"2025-11-25T08:30:00Z"}"#,
             #"{"id":"b","text":"Premier Pham Minh Chinh przybył do Hanoi.","published":"2025-02-30"}"#]
            .joined(separator: "\n").write(to: corpus, atomically: true, encoding: .utf8)
        for cleanup in [true, false] {
            var settings = NormalizeSettings()
            settings.cleanup = cleanup
            let documents = try Normalizing.run([corpus.path], settings: settings).lines.map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            #expect(documents[0]["published"] as? String == "2025-11-25", "cleanup \(cleanup)")
            #expect((documents[0]["warnings"] as? [String])?.isEmpty == true)
            #expect(documents[1]["published"] is NSNull)
            #expect((documents[1]["warnings"] as? [String]) == ["\"published\" '2025-02-30' is not a date; ignored"])
        }
    }
}
