import ArgumentParser
import Foundation
import GlossaryFiles
import Normalize
import Pipeline

extension GlossaryCommand {
    /// `canon glossary export`: the glossary for CAT tools, MT glossaries, spreadsheets and benchmarks.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the glossary as TBX, CSV, JSON, or a plain list of variants.",
            discussion: """
                tbx       TBX-Basic (ISO 30042:2019): conceptEntry / langSec / termSec, generated forms marked
                csv       one row per entry, one column per language (forms separated by ' | ')
                json      every entry with its variants and their provenance
                variants  every distinct form (canonical and variants), one a line: for grep -F -f and benchmarks
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case tbx, csv, json, variants
        }

        @OptionGroup var glossaryOptions: GlossaryOptions
        @Option(help: "tbx, csv, json or variants.") var format: Format
        @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.") var output: String?
        @Flag(help: "CSV: add columns with the generated forms.") var includeGenerated = false
        @Option(help: "Only entries of this type.") var type: String?

        func run() throws {
            try reportingFailures {
                let glossary = try glossaryOptions.load()
                let entries = try TypeOption.entries(of: glossary, type: type)
                let text: String
                switch format {
                case .tbx: text = TBXWriter.write(entries)
                case .csv: text = CSVFormat.write(entries, includeGenerated: includeGenerated)
                case .json:
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
                    text = String(decoding: try encoder.encode(entries.map(EntryRecord.init)), as: UTF8.self) + "\n"
                case .variants:
                    let forms = Set(entries.flatMap { [$0.canonical] + $0.variants.map(\.form) })
                    text = forms.sorted().joined(separator: "\n") + "\n"
                }
                if let output {
                    do {
                        try AtomicFile.write(Data(text.utf8), to: output)
                    } catch {
                        throw CommandFailure.usage("\(output): cannot write: \(error.localizedDescription)")
                    }
                } else {
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
            }
        }
    }
}
