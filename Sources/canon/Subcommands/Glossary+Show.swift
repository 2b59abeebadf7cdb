import ArgumentParser
import GlossaryFiles
import Normalize

extension GlossaryCommand {
    /// `canon glossary show ID`: everything the glossary knows about one entity.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show everything about an entry, variants grouped by language (generated ones marked).")

        @OptionGroup var glossaryOptions: GlossaryOptions
        @Flag(help: "Print the entry as JSON.") var json = false
        @Argument(help: "The entry's id, e.g. nguyen-phu-trong.") var id: String

        func run() throws {
            try reportingFailures {
                let glossary = try glossaryOptions.load()
                guard let entry = glossary.entry(id: id) else {
                    let close = Similarity.closest(to: id, among: glossary.entries.map(\.id), limit: 5)
                    throw CommandFailure.usage("no entry with id '\(id)'"
                        + (close.isEmpty ? "; try `canon glossary search`" : "; did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?"))
                }
                if json {
                    try JSONOutput.print(EntryRecord(entry))
                } else {
                    print(EntryText.render(entry, languages: glossary.languages))
                }
            }
        }
    }
}

/// The human-readable rendering of an entry, for `show`.
enum EntryText {
    static func render(_ entry: GlossaryEntry, languages: LanguageCatalog) -> String {
        var lines: [String] = ["\(entry.canonical)  [\(entry.type.rawValue)]  id: \(entry.id)"]
        func field(_ name: String, _ value: String?) { if let value { lines.append("  \(name): \(value)") } }
        field("expansion", entry.expansion)
        field("native", entry.native)
        field("origin", entry.origin)
        field("romanized", entry.romanized)
        field("wikidata", entry.wikidata)
        for role in entry.roles {
            let years = "\(role.from.map(String.init) ?? "?")–\(role.to.map(String.init) ?? "")"
            lines.append("  role: \(role.title)\(role.country.map { ", \($0)" } ?? "") (\(years))")
        }
        if !entry.ambiguousWith.isEmpty { field("ambiguous with", entry.ambiguousWith.joined(separator: ", ")) }
        field("notes", entry.notes)
        lines.append("  variants:")
        for language in Set(entry.variants.map(\.language)).sorted() {
            let name = languages.languages[language]?.name ?? (language == .anyLatin ? "any Latin-script language" : language.description)
            let forms = entry.variants(in: language).map { variant -> String in
                switch variant.provenance {
                case let .curated(source): source.map { "\(variant.form) (source: \($0))" } ?? variant.form
                case let .generated(transform): "\(variant.form) (generated: \(transform))"
                }
            }
            lines.append("    \(language.description.padding(toLength: 9, withPad: " ", startingAt: 0)) \(forms.joined(separator: "; "))  — \(name)")
        }
        if !entry.shortForms.isEmpty {
            lines.append("  short forms:")
            for language in Set(entry.shortForms.map(\.language)).sorted() {
                let forms = entry.shortForms.filter { $0.language == language }.map { $0.standalone ? "\($0.form) (standalone)" : $0.form }
                lines.append("    \(language.description.padding(toLength: 9, withPad: " ", startingAt: 0)) \(forms.joined(separator: "; "))")
            }
        }
        lines.append("  defined at \(entry.location)")
        return lines.joined(separator: "\n")
    }
}
