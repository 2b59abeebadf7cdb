import Foundation

/// Paths into the checkout, found from this file's location so tests run from any directory.
enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // NormalizeTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let fixtures = packageRoot.appendingPathComponent("Tests/NormalizeTests/Fixtures")
    static let transforms = packageRoot.appendingPathComponent("glossaries/transforms")

    /// Every line of the bundled glossary's YAML files: names in every script the glossary holds.
    static func glossaryLines() throws -> [String] {
        let directory = packageRoot.appendingPathComponent("glossaries")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.flatMap { name in
            try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init)
        }
    }

    /// The five bundled seed articles, by file name, in name order.
    static func seeds() throws -> [(name: String, text: String)] {
        let directory = packageRoot.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            (name, try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        }
    }
}
