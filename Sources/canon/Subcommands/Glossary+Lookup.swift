import ArgumentParser
import GlossaryFiles
import Normalize

extension GlossaryCommand {
    /// `canon glossary lookup TEXT`: which entity a written form is, and how it matched.
    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tell which entity a written form is, and how it matched.",
            discussion: """
                Matching ignores case, diacritics and look-alike letters from another script.
                When nothing matches, the closest entries are shown and the exit status is 1.

                Example: canon glossary lookup 'Nguyen Phu Trong'
                """)

        @OptionGroup var glossaryOptions: GlossaryOptions
        @Option(help: "Prefer forms of this language.") var lang: String?
        @Flag(help: "Print the result as JSON.") var json = false
        @Argument(help: "A name or term as written, e.g. 'ОПР' or 'Pham Minh Chinh'.") var text: String

        /// How a folding reads in the human output.
        static func describe(_ folding: String) -> String {
            switch folding {
            case "case": "case ignored"
            case "diacritics": "diacritics ignored"
            case "confusables": "look-alike letters repaired"
            case "separators": "words joined or split"
            default: folding
            }
        }

        struct Match: Encodable {
            var id: String
            var canonical: String
            var type: String
            var form: String
            var language: String
            var kind: String
            var provenance: String?
            var transform: String?
            var folding: [String]
        }

        struct Report: Encodable {
            var query: String
            var matches: [Match]
            var closest: [String]
        }

        func run() throws {
            try reportingFailures {
                let glossary = try glossaryOptions.load()
                let language = try lang.map { try LanguageOption.parse($0, in: glossary) }
                var hits = GlossaryIndex(glossary).lookup(text, confusables: try? Confusables())
                // Inflected forms (Нгуен Фу Чонгом, Tou Lamowi): ask the matcher for one mention covering the text.
                if hits.isEmpty, let hit = try MatcherLookup.lookup(text, in: glossary, language: language,
                                                                     matcher: ProcessLifetime.keep(GlossaryMatcher(glossary))) {
                    hits = [hit]
                }
                if let language {
                    hits.sort { ($0.language == language ? 0 : 1) < ($1.language == language ? 0 : 1) }
                }
                let matches = hits.compactMap { hit -> Match? in
                    guard let entry = glossary.entry(id: hit.entryID) else { return nil }
                    var provenance: String?, transform: String?
                    switch hit.provenance {
                    case .curated?: provenance = "curated"
                    case let .generated(id)?: provenance = "generated"; transform = id
                    case nil: break
                    }
                    return Match(id: entry.id, canonical: entry.canonical, type: entry.type.rawValue, form: hit.form,
                                 language: hit.language.description, kind: hit.kind.rawValue, provenance: provenance,
                                 transform: transform, folding: hit.how.map(\.rawValue))
                }
                let closest = matches.isEmpty ? try ProcessLifetime.keep(GlossarySearch(glossary)).search(text, limit: 5).map(\.entryID) : []
                if json {
                    try JSONOutput.print(Report(query: text, matches: matches, closest: closest))
                } else if matches.isEmpty {
                    print("no entry for '\(text)'")
                    if !closest.isEmpty {
                        print("closest:")
                        for id in closest { if let entry = glossary.entry(id: id) { print("  \(entry.id)\t\(entry.canonical)") } }
                    }
                } else {
                    for match in matches {
                        var how = "\(match.kind) '\(match.form)' (\(match.language)"
                        if let provenance = match.provenance { how += ", \(provenance)" }
                        if let transform = match.transform { how += " by \(transform)" }
                        how += ")"
                        if !match.folding.isEmpty { how += "; " + match.folding.map(Lookup.describe).joined(separator: ", ") }
                        print("\(match.canonical)\t\(match.id)\t[\(match.type)]\t\(how)")
                    }
                }
                if matches.isEmpty { throw ExitCode(1) }
            }
        }
    }
}
