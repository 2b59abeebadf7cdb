import Foundation
import Pipeline

/// The repository's bundled data, loaded once for the pipeline tests.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let cleanupRules: CleanupRules = {
        do {
            return try CleanupRules.load(directory: path("glossaries/cleanup"))
        } catch {
            fatalError("the bundled cleanup rules must load: \(error)")
        }
    }()

    /// The text of `seeds/NAME` where NAME starts with `prefix` (`000`).
    static func seed(_ prefix: String) throws -> String {
        let directory = path("seeds")
        let name = try FileManager.default.contentsOfDirectory(atPath: directory).sorted().first { $0.hasPrefix(prefix) }!
        return try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    }
}

import GlossaryFiles
import Normalize

/// Runs the whole `canon normalize` pipeline in process, for tests that inspect its output.
enum Normalizing {
    static let matcher: GlossaryMatcher = {
        do {
            return GlossaryMatcher(try GlossaryLoader.load(directory: Repository.path("glossaries")))
        } catch {
            fatalError("the bundled glossary must load: \(error)")
        }
    }()

    struct Run {
        var lines: [String]
        var failures: [InputFailure]
        var summary: BatchSummary
    }

    static func run(_ paths: [String], jobs: Int = 2, settings: NormalizeSettings = NormalizeSettings(),
                    maxDocumentBytes: Int = 16 << 20, sliceDocuments: Int = 512) throws -> Run {
        let processors = try (0..<jobs).map { _ in
            try DocumentProcessor(matcher: matcher, cleanup: Repository.cleanupRules, settings: settings)
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("canon-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let sink = try OutputSink(path: output, format: .jsonl)
        var failures: [InputFailure] = []
        let runner = BatchRunner(processors: processors)
        runner.sliceDocuments = sliceDocuments
        let summary = try runner.run(DocumentReader(files: InputFiles.expand(paths), maxDocumentBytes: maxDocumentBytes),
                                     output: sink, failed: { failures.append($0) })
        try sink.finish()
        let text = try String(contentsOfFile: output, encoding: .utf8)
        return Run(lines: text.split(separator: "\n").map(String.init), failures: failures, summary: summary)
    }

    /// A temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("canon-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// JSON Lines records made from the seeds' paragraphs: many small documents in three languages.
    static func paragraphRecords(count: Int) throws -> [String] {
        var paragraphs: [String] = []
        for prefix in ["000", "001", "002", "003", "004"] {
            paragraphs += try Repository.seed(prefix).split(separator: "\n").map(String.init).filter { $0.count > 80 }
        }
        return (0..<count).map { index in
            let text = paragraphs[(index * 7) % paragraphs.count] + "\n" + paragraphs[(index * 13 + 5) % paragraphs.count]
            let object: [String: Any] = ["id": "p\(index)", "text": text]
            let data = try! JSONSerialization.data(withJSONObject: object)
            return String(decoding: data, as: UTF8.self)
        }
    }
}
