import Benchmark
import Foundation
import GlossaryFiles
import Normalize
import Pipeline

/// The repository root: this file sits in Benchmarks/Benchmarks/CanonBenchmarks/.
private let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func load<T>(_ what: String, _ body: () throws -> T) -> T {
    do { return try body() } catch { fatalError("benchmarks: cannot load \(what): \(error)") }
}

private let glossary = load("the glossary") { try GlossaryLoader.load(directory: root.appendingPathComponent("glossaries").path) }
private let matcher = GlossaryMatcher(glossary)
private let cleanupRules = load("the cleanup rules") { try CleanupRules.load(directory: root.appendingPathComponent("glossaries/cleanup").path) }

/// Each seed as `canon normalize --no-cleanup` sees it: NFC, one paragraph a line, blank lines dropped.
private struct Seed {
    var name: String
    var language: String
    var text: String
}

private let seeds: [Seed] = load("the seeds") {
    let folder = root.appendingPathComponent("seeds")
    let languages = ["000": "ru", "001": "ru", "002": "pl", "003": "ru", "004": "nb"]
    let plain = ArticleCleaner(rules: .none)
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted().map { name in
        let raw = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let text = plain.clean(Normalizer(.nfc).normalize(raw)).paragraphs.joined(separator: "\n\n")
        return Seed(name: name, language: languages[String(name.prefix(3))]!, text: text)
    }
}

/// Mentions the matcher must find per language, so that a fast wrong answer fails instead of winning.
/// They are `canon normalize seeds/FILE --no-cleanup --lang L` counts; they change only with the
/// glossary or the matcher, and then this table is updated on purpose.
private let expectedMentions = ["ru": 88 + 156 + 29, "pl": 130, "nb": 93]

private func check(_ found: Int, _ language: String) {
    guard found == expectedMentions[language] else {
        fatalError("benchmarks: the matcher found \(found) mentions in the \(language) seeds, expected \(expectedMentions[language]!)")
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(3), maxIterations: 1_000)

    for language in ["ru", "pl", "nb"] {
        let texts = seeds.filter { $0.language == language }
        let bytes = texts.reduce(0) { $0 + $1.text.utf8.count }
        Benchmark("Matcher \(language) seeds (\(bytes / 1000) kB)") { benchmark in
            let breaker = try WordBreaker()
            let cache = ReadingCache()
            for _ in benchmark.scaledIterations {
                var found = 0
                for seed in texts {
                    found += matcher.mentions(in: seed.text, language: LanguageTag(parsing: language), breaker: breaker, cache: cache).count
                }
                check(found, language)
                blackHole(found)
            }
        }
    }

    Benchmark("Cleanup of the five seeds") { benchmark in
        let cleaner = ArticleCleaner(rules: cleanupRules)
        for _ in benchmark.scaledIterations {
            for seed in seeds { blackHole(cleaner.clean(seed.text)) }
        }
    }

    Benchmark("Glossary compile (\(glossary.entries.count) entries)", configuration: .init(maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(GlossaryMatcher(glossary)) }
    }
}
