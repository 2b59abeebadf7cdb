import ArgumentParser
import GlossaryFiles
import Normalize

extension GlossaryCommand {
    /// `canon glossary stats`: how much the glossary knows, by type and language.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count entries by type and variants by language, curated and generated.")

        @OptionGroup var glossaryOptions: GlossaryOptions
        @Flag(help: "Print the counts as JSON.") var json = false

        struct Counts: Encodable {
            var curated = 0
            var generated = 0
        }

        struct Report: Encodable {
            var entries: Int
            var entities_by_type: [String: Int]
            var variants_by_language: [String: Counts]
            var variants: Counts
            var load_milliseconds: Int
        }

        func run() throws {
            try reportingFailures {
                let clock = ContinuousClock()
                let start = clock.now
                let glossary = try glossaryOptions.load()
                let elapsed = start.duration(to: clock.now)
                var byType: [String: Int] = [:]
                var byLanguage: [String: Counts] = [:]
                var total = Counts()
                for entry in glossary.entries {
                    byType[entry.type.rawValue, default: 0] += 1
                    for variant in entry.variants {
                        if variant.isGenerated {
                            byLanguage[variant.language.description, default: Counts()].generated += 1
                            total.generated += 1
                        } else {
                            byLanguage[variant.language.description, default: Counts()].curated += 1
                            total.curated += 1
                        }
                    }
                }
                let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
                let report = Report(entries: glossary.entries.count, entities_by_type: byType, variants_by_language: byLanguage,
                                    variants: total, load_milliseconds: milliseconds)
                if json {
                    try JSONOutput.print(report)
                    return
                }
                print("\(report.entries) entries, \(total.curated + total.generated) variants "
                      + "(\(total.curated) curated, \(total.generated) generated); loaded in \(milliseconds) ms")
                print("by type:")
                for type in EntityType.allCases { print("  \(type.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(byType[type.rawValue] ?? 0)") }
                print("variants by language:        curated  generated")
                for (tag, counts) in byLanguage.sorted(by: { $0.key < $1.key }) {
                    let name = LanguageTag(parsing: tag).flatMap { glossary.languages.languages[$0]?.name } ?? (tag == "und-Latn" ? "any Latin script" : "")
                    let label = "\(tag) \(name)".padding(toLength: 26, withPad: " ", startingAt: 0)
                    print("  \(label) \(String(counts.curated).leftPadded(to: 7))  \(String(counts.generated).leftPadded(to: 9))")
                }
            }
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
