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
                entries are new, unchanged or different from the current glossary.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case tbx, csv }

        @OptionGroup var glossaryOptions: GlossaryOptions
        @Option(help: "tbx or csv (default: from the file's extension).") var format: Format?
        @Option(name: .shortAndLong, help: "Write the YAML to this file (atomically).") var output: String?
        @Argument(help: "The TBX or CSV file.") var file: String

        func run() throws {
            try reportingFailures {
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
                for problem in result.problems { FileHandle.standardError.write(Data("canon: \(problem)\n".utf8)) }
                FileHandle.standardError.write(Data((summary(result.entries) + "\n").utf8))
            }
        }

        /// How the imported entries compare with the current glossary, when it loads.
        private func summary(_ entries: [GlossaryEntry]) -> String {
            guard let glossary = try? glossaryOptions.load() else { return "canon: imported \(entries.count) entries" }
            var new = 0, same = 0, different: [String] = []
            for entry in entries {
                guard let current = glossary.entry(id: entry.id) else { new += 1; continue }
                var currentCurated = current
                currentCurated.variants = current.variants.filter { !$0.isGenerated }
                if ImportComparison.sameContent(currentCurated, entry) { same += 1 } else { different.append(entry.id) }
            }
            var text = "canon: imported \(entries.count) entries: \(new) new, \(same) unchanged, \(different.count) different"
            if !different.isEmpty { text += " (" + different.prefix(10).joined(separator: ", ") + (different.count > 10 ? ", …" : "") + ")" }
            return text
        }
    }
}
