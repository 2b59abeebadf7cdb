import ArgumentParser
import GlossaryFiles
import Normalize

extension GlossaryCommand {
    /// `canon glossary validate`: every problem in the glossary, with file and line.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the glossary and list every problem with its file and line.",
            discussion: "Exit status: 0 when there are no errors (warnings are listed), 1 when there are errors, 2 when the folder cannot be read."
        )

        @OptionGroup var glossaryOptions: GlossaryOptions
        @Flag(help: "Fail on warnings too.") var strict = false
        @Flag(help: "Print the result as JSON.") var json = false

        struct Report: Encodable {
            var directory: String
            var entries: Int
            var variants: Int
            var errors: [String]
            var warnings: [String]
        }

        func run() throws {
            try reportingFailures {
                let directory = try glossaryOptions.directory()
                let result: GlossaryLoader.Result
                do {
                    result = try GlossaryLoader.loadReportingProblems(directory: directory)
                } catch let error as GlossaryError {
                    throw CommandFailure.usage(error.description)
                }
                let entries = result.glossary.entries
                let variants = entries.reduce(0) { $0 + $1.variants.count }
                if json {
                    try JSONOutput.print(Report(directory: directory, entries: entries.count, variants: variants,
                                                errors: result.errors.map(\.description), warnings: result.warnings.map(\.description)))
                } else {
                    for diagnostic in result.diagnostics { print(diagnostic) }
                    print("\(directory): \(entries.count) entries, \(variants) variants: "
                          + "\(result.errors.count) errors, \(result.warnings.count) warnings")
                }
                if !result.errors.isEmpty || (strict && !result.warnings.isEmpty) { throw ExitCode(1) }
            }
        }
    }
}
