import ArgumentParser
import GlossaryFiles
import Normalize

extension GlossaryCommand {
    /// `canon glossary list`: the entries, one a line, optionally of one type or with one language's forms.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List entries: id, type, canonical form, and with --lang that language's forms.")

        @OptionGroup var glossaryOptions: GlossaryOptions
        @Option(help: "Only entries of this type (person, organization, place, term, title).") var type: String?
        @Option(help: "Show this language's forms, and only entries that have some.") var lang: String?
        @Flag(help: "Print the entries as JSON.") var json = false

        func run() throws {
            try reportingFailures {
                let glossary = try glossaryOptions.load()
                var entries = try TypeOption.entries(of: glossary, type: type)
                let language = try lang.map { try LanguageOption.parse($0, in: glossary) }
                if let language { entries = entries.filter { !$0.variants(in: language).isEmpty } }
                if json {
                    try JSONOutput.print(entries.map(EntryRecord.init))
                    return
                }
                for entry in entries {
                    var columns = [entry.id, entry.type.rawValue, entry.canonical]
                    if let language { columns.append(entry.variants(in: language).map(\.form).joined(separator: "; ")) }
                    print(columns.joined(separator: "\t"))
                }
            }
        }
    }
}

/// Parses and checks `--lang`.
