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

/// The glossary at about `variants` distinct forms, made once by `scripts/make-glossary-variants`
/// and kept under `.build/`: above the real glossary's size, the real glossary grown with synthetic
/// names that never occur in the seeds; below it, a fixed subset of the real entries.
private func grownGlossary(_ variants: Int) -> Glossary {
    let folder = root.appendingPathComponent("Benchmarks/.build/glossaries/variants-\(variants)")
    // Written once the script has succeeded: a folder without it is unfinished and made again.
    let finished = folder.appendingPathComponent(".finished")
    if !FileManager.default.fileExists(atPath: finished.path) {
        let process = Process()
        process.executableURL = root.appendingPathComponent("scripts/make-glossary-variants")
        process.arguments = [String(variants), folder.path, "--force"]
        load("scripts/make-glossary-variants \(variants)") { try process.run() }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { fatalError("benchmarks: scripts/make-glossary-variants \(variants) failed") }
        load("the mark of a finished glossary folder") { try Data().write(to: finished) }
    }
    return load("the \(variants)-variant glossary") { try GlossaryLoader.load(directory: folder.path) }
}

/// Each seed as `canon normalize --no-cleanup` sees it: NFC, one paragraph a line, blank lines dropped.
private struct Seed {
    var name: String
    var language: String
    var raw: String
    var text: String
}

private let seeds: [Seed] = load("the seeds") {
    let folder = root.appendingPathComponent("seeds")
    let languages = ["000": "ru", "001": "ru", "002": "pl", "003": "ru", "004": "nb"]
    let plain = ArticleCleaner(rules: .none)
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted().map { name in
        let raw = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let text = plain.clean(Normalizer(.nfc).normalize(raw)).paragraphs.joined(separator: "\n\n")
        return Seed(name: name, language: languages[String(name.prefix(3))]!, raw: raw, text: text)
    }
}

/// Mentions the matcher must find per language, so that a fast wrong answer fails instead of winning.
/// They are `canon normalize seeds/FILE --no-cleanup --lang L` counts; they change only with the
/// glossary or the matcher, and then this table is updated on purpose. The grown glossaries add only
/// names that never occur in the seeds, so they must find exactly the same mentions.
private let expectedMentions = ["ru": 88 + 156 + 29, "pl": 130, "nb": 93]

/// The same counts with the 100-variant subset of the glossary (14 entries, picked by the script's
/// fixed seed), which names little that the seeds mention: counted likewise with `--glossary`.
private let expectedMentionsAt100 = ["ru": 10 + 5 + 0, "pl": 0, "nb": 1]

private func check(_ found: Int, _ language: String, expected: [String: Int] = expectedMentions) {
    guard found == expected[language] else {
        fatalError("benchmarks: the matcher found \(found) mentions in the \(language) seeds, expected \(expected[language]!)")
    }
}

/// Matchers of the grown glossaries, made on first use so that a `--filter` that skips them never
/// pays for the 100k one.
private final class GrownMatchers: @unchecked Sendable {
    static let shared = GrownMatchers()
    private var matchers: [Int: GlossaryMatcher] = [:]
    private let lock = NSLock()

    func matcher(variants: Int) -> GlossaryMatcher {
        lock.withLock {
            if let known = matchers[variants] { return known }
            let made = GlossaryMatcher(grownGlossary(variants))
            matchers[variants] = made
            return made
        }
    }
}

/// The matcher on one language's seeds. Each run makes its reading cache anew (set-up runs once per
/// sample), so it reads text whose every word is new; with `warm`, the texts are matched once before
/// the measurement, so it reads words the cache knows, as a worker does deep into a corpus.
private func matcherBenchmark(_ name: String, language: String, warm: Bool = false, expected: [String: Int] = expectedMentions,
                              _ matcher: @escaping @Sendable () -> GlossaryMatcher) {
    let texts = seeds.filter { $0.language == language }
    let bytes = texts.reduce(0) { $0 + $1.text.utf8.count }
    Benchmark("Matcher \(language) seeds (\(bytes / 1000) kB), \(name)\(warm ? ", words seen before (warm cache)" : "")") { benchmark in
        let matcher = matcher()
        let breaker = try WordBreaker()
        let cache = ReadingCache()
        if warm {
            for seed in texts { _ = matcher.mentions(in: seed.text, language: LanguageTag(parsing: language), breaker: breaker, cache: cache) }
        }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var found = 0
            for seed in texts {
                found += matcher.mentions(in: seed.text, language: LanguageTag(parsing: language), breaker: breaker, cache: cache).count
            }
            check(found, language, expected: expected)
            blackHole(found)
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(3), maxIterations: 1_000)

    let realVariants = Set(glossary.entries.flatMap { [$0.canonical] + $0.variants.map(\.form) }).count
    for language in ["ru", "pl", "nb"] {
        matcherBenchmark("\(realVariants / 1000)k variants (the glossary)", language: language) { matcher }
    }
    for language in ["ru", "pl"] {
        matcherBenchmark("\(realVariants / 1000)k variants (the glossary)", language: language, warm: true) { matcher }
    }
    // A small glossary, for the issue's line at about a hundred variants.
    for language in ["ru", "pl", "nb"] {
        matcherBenchmark("100 variants", language: language, expected: expectedMentionsAt100) { GrownMatchers.shared.matcher(variants: 100) }
    }
    for language in ["ru", "pl"] {
        matcherBenchmark("100 variants", language: language, warm: true, expected: expectedMentionsAt100) {
            GrownMatchers.shared.matcher(variants: 100)
        }
    }
    matcherBenchmark("100k variants", language: "ru", warm: true) { GrownMatchers.shared.matcher(variants: 100_000) }
    for variants in [10_000, 100_000] {
        for language in ["ru", "pl"] {
            matcherBenchmark("\(variants / 1000)k variants", language: language) { GrownMatchers.shared.matcher(variants: variants) }
        }
    }

    Benchmark("Tokenizer (word breaks), five seeds") { benchmark in
        let breaker = try WordBreaker()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for seed in seeds { blackHole(breaker.tokens(in: seed.text).count) }
        }
    }

    Benchmark("Normalizer (NFC), five seeds") { benchmark in
        let nfc = Normalizer(.nfc)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for seed in seeds { blackHole(nfc.normalize(seed.raw)) }
        }
    }

    Benchmark("Cleanup of the five seeds") { benchmark in
        let cleaner = ArticleCleaner(rules: cleanupRules)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for seed in seeds { blackHole(cleaner.clean(seed.text)) }
        }
    }

    // One document end to end, as canon normalize runs it: decode, NFC, cleanup, language ID,
    // matching, canonical JSON. Its malloc count per iteration divided by 5 is allocations per document.
    Benchmark("Document processing, five seeds end to end") { benchmark in
        let processor = try DocumentProcessor(matcher: matcher, cleanup: cleanupRules, settings: NormalizeSettings())
        let documents = seeds.map { RawDocument(path: "seeds/\($0.name)", line: 1, fallbackID: $0.name, payload: .text(Array($0.raw.utf8))) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var bytes = 0
            for document in documents {
                guard case let .success(processed) = processor.process(document) else { fatalError("benchmarks: a seed failed") }
                bytes += processed.json.count
            }
            blackHole(bytes)
        }
    }

    // The same documents as JSON Lines records, as corpora arrive: the record's fields are read
    // first (JSONRecordScanner, Foundation for what it leaves). Each must find the mentions the
    // plain-text run finds.
    Benchmark("Document processing, five seeds as JSON Lines records") { benchmark in
        let processor = try DocumentProcessor(matcher: matcher, cleanup: cleanupRules, settings: NormalizeSettings())
        // Counted by a processor of their own, so the measured one starts with an empty reading cache
        // like the plain-text benchmark's.
        let counter = try DocumentProcessor(matcher: matcher, cleanup: cleanupRules, settings: NormalizeSettings())
        let expected = seeds.map { seed -> Int in
            let raw = RawDocument(path: "seeds/\(seed.name)", line: 1, fallbackID: seed.name, payload: .text(Array(seed.raw.utf8)))
            guard case let .success(processed) = counter.process(raw) else { fatalError("benchmarks: a seed failed") }
            return processed.mentions
        }
        let records = try seeds.map { seed in
            let line = try JSONSerialization.data(withJSONObject: ["id": seed.name, "text": seed.raw], options: [.sortedKeys])
            return RawDocument(path: "seeds.jsonl", line: 1, fallbackID: seed.name, payload: .jsonLine(Array(line)))
        }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var bytes = 0
            for (record, mentions) in zip(records, expected) {
                guard case let .success(processed) = processor.process(record), processed.mentions == mentions else {
                    fatalError("benchmarks: a seed record failed or found other mentions than its text")
                }
                bytes += processed.json.count
            }
            blackHole(bytes)
        }
    }

    Benchmark("Canonical JSON writer, the seeds' output") { benchmark in
        let processor = try DocumentProcessor(matcher: matcher, cleanup: cleanupRules, settings: NormalizeSettings())
        let values: [JSONValue] = seeds.map { seed in
            guard case let .success(processed) = processor.process(RawDocument(path: seed.name, line: 1, fallbackID: seed.name, payload: .text(Array(seed.raw.utf8)))),
                  let object = try? JSONSerialization.jsonObject(with: Data(processed.json)) else { fatalError("benchmarks: a seed failed") }
            return JSONValue(foundation: object)
        }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var output: [UInt8] = []
            for value in values { CanonicalJSON.write(value, into: &output) }
            blackHole(output.count)
        }
    }

    Benchmark("Glossary compile (\(glossary.entries.count) entries)", configuration: .init(maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(GlossaryMatcher(glossary)) }
    }

    Benchmark("Compiled glossary (.canonglossary) load and index, 100k variants", configuration: .init(maxIterations: 10)) { benchmark in
        _ = grownGlossary(100_000)
        let folder = root.appendingPathComponent("Benchmarks/.build/glossaries/variants-100000").path
        let file = root.appendingPathComponent("Benchmarks/.build/glossaries/variants-100000.canonglossary").path
        let compiled = load("the 100k glossary, compiled") { try GlossarySnapshot.compile(directory: folder).snapshot }
        load("the compiled file") { try Data(compiled.encoded()).write(to: URL(fileURLWithPath: file)) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let snapshot = load("the compiled file") { try GlossarySnapshot.read(path: file) }
            blackHole(GlossaryMatcher(snapshot.glossary))
        }
    }

    Benchmark("Glossary load and compile, 100k variants", configuration: .init(maxIterations: 5)) { benchmark in
        _ = grownGlossary(100_000)  // made once, outside the measurement
        let folder = root.appendingPathComponent("Benchmarks/.build/glossaries/variants-100000").path
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let loaded = load("the 100k glossary") { try GlossaryLoader.load(directory: folder) }
            blackHole(GlossaryMatcher(loaded))
        }
    }
}

extension JSONValue {
    /// A value from `JSONSerialization`, for the writer benchmark's input.
    init(foundation value: Any) {
        switch value {
        case is NSNull: self = .null
        case let number as NSNumber where String(cString: number.objCType) == "c": self = .bool(number.boolValue)
        case let number as NSNumber where ["d", "f"].contains(String(cString: number.objCType)): self = .double(number.doubleValue)
        case let number as NSNumber: self = .int(number.intValue)
        case let text as String: self = .string(String(decoding: Array(text.utf8), as: UTF8.self))  // native, as in a run
        case let array as [Any]: self = .array(array.map(JSONValue.init(foundation:)))
        case let object as [String: Any]:
            self = .object(Dictionary(uniqueKeysWithValues: object.map { (String(decoding: Array($0.key.utf8), as: UTF8.self), JSONValue(foundation: $0.value)) }))
        default: fatalError("benchmarks: unexpected JSON value \(value)")
        }
    }
}
