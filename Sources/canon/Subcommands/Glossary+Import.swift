import ArgumentParser
import Foundation
import GlossaryFiles
import Normalize
import Pipeline

extension GlossaryCommand {
    /// `canon glossary import FILE`: TBX or CSV from CAT tools and spreadsheets, as glossary YAML.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a TBX or CSV file into glossary YAML, and say how it differs from the glossary.",
            discussion: """
                The YAML goes to standard output or --output; review it and add it to glossaries/. A file
                exported by Canon imports back without loss; generated forms are left out (Canon
                regenerates them). On standard error: problems in the file with their line, and how many
                entries are new, unchanged or different from the current glossary. With --json that
                report goes to standard output as JSON, and the YAML needs --output.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case tbx, csv }

        @OptionGroup var glossaryOptions: GlossaryOptions
        @Option(help: "tbx or csv (default: from the file's extension).") var format: Format?
        @Option(name: .shortAndLong, help: "Write the YAML to this file (atomically).") var output: String?
        @Flag(help: "Print the import report as JSON (the YAML then needs --output).") var json = false
        @Argument(help: "The TBX or CSV file.") var file: String

        struct Report: Encodable {
            var file: String
            var entries: Int
            var new: [String]?
            var unchanged: [String]?
            var different: [String]?
            var problems: [String]
            var output: String
        }

        func run() throws {
            try reportingFailures {
                if json, output == nil {
                    throw CommandFailure.usage("--json prints the report on standard output: pass --output FILE for the YAML")
                }
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw CommandFailure.usage("\(file): cannot read (missing or unreadable)")
                }
                let extensionFormat = Format(rawValue: URL(fileURLWithPath: file).pathExtension.lowercased())
                guard let format = format ?? extensionFormat else {
                    throw CommandFailure.usage("\(file): cannot tell the format from the name; pass --format tbx or --format csv")
                }
                let result: ImportResult
                switch format {
                case .tbx: result = TBXReader.read(data, file: file)
                case .csv:
                    guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure.usage("\(file): not valid UTF-8") }
                    result = CSVFormat.read(text, file: file)
                }
                let yaml = try YAMLWriter.write(result.entries, header: "Imported by canon glossary import from \(URL(fileURLWithPath: file).lastPathComponent)")
                if let output {
                    do {
                        try AtomicFile.write(Data(yaml.utf8), to: output)
                    } catch {
                        throw CommandFailure.usage("\(output): cannot write: \(error.localizedDescription)")
                    }
                } else {
                    FileHandle.standardOutput.write(Data(yaml.utf8))
                }
                let comparison = compare(result.entries)
                if json {
                    try JSONOutput.print(Report(file: file, entries: result.entries.count, new: comparison?.new,
                                                unchanged: comparison?.same, different: comparison?.different,
                                                problems: result.problems, output: output ?? "-"))
                    return
                }
                for problem in result.problems { FileHandle.standardError.write(Data("canon: \(problem)\n".utf8)) }
                FileHandle.standardError.write(Data((summary(result.entries.count, comparison) + "\n").utf8))
            }
        }

        /// How the imported entries compare with the current glossary, when it loads: ids new,
        /// unchanged and different.
        private func compare(_ entries: [GlossaryEntry]) -> (new: [String], same: [String], different: [String])? {
            guard let glossary = try? glossaryOptions.load() else { return nil }
            var new: [String] = [], same: [String] = [], different: [String] = []
            for entry in entries {
                guard let current = glossary.entry(id: entry.id) else { new.append(entry.id); continue }
                var currentCurated = current
                currentCurated.variants = current.variants.filter { !$0.isGenerated }
                if ImportComparison.sameContent(currentCurated, entry) { same.append(entry.id) } else { different.append(entry.id) }
            }
            return (new, same, different)
        }

        private func summary(_ count: Int, _ comparison: (new: [String], same: [String], different: [String])?) -> String {
            guard let comparison else { return "canon: imported \(count) entries" }
            var text = "canon: imported \(count) entries: \(comparison.new.count) new, \(comparison.same.count) unchanged, \(comparison.different.count) different"
            let different = comparison.different
            if !different.isEmpty { text += " (" + different.prefix(10).joined(separator: ", ") + (different.count > 10 ? ", …" : "") + ")" }
            return text
        }
    }
}
