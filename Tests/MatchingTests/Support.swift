import Foundation
import GlossaryFiles
import Normalize

/// The bundled glossary and a matcher over it, loaded once for all matching tests.
enum Bundled {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let glossary: Glossary = {
        do {
            return try GlossaryLoader.load(directory: packageRoot.appendingPathComponent("glossaries").path)
        } catch {
            fatalError("the bundled glossary must load: \(error)")
        }
    }()

    static let matcher = GlossaryMatcher(glossary)

    static func seeds() throws -> [(name: String, text: String)] {
        let directory = packageRoot.appendingPathComponent("seeds")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted().map {
            ($0, try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8))
        }
    }

    /// Mentions in `text` as (surface, entry id) pairs, optionally without titles.
    static func mentions(_ text: String, _ language: String?, titles: Bool = false) throws -> [Pair] {
        try matcher.mentions(in: text, language: language.flatMap { LanguageTag(parsing: $0) }, breaker: WordBreaker())
            .filter { titles || $0.type != .title }
            .map { Pair($0.surface, $0.entryID) }
    }
}

struct Pair: Equatable, CustomStringConvertible {
    var surface: String
    var entry: String
    init(_ surface: String, _ entry: String) { self.surface = surface; self.entry = entry }
    var description: String { "⟦\(surface)⟧→\(entry)" }
}
