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
