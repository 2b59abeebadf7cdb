import ArgumentParser
import Foundation
import GlossaryFiles
import Normalize
import Pipeline

extension GlossaryCommand {
    /// `canon glossary compile`: the glossary folder as one file that loads in a fraction of the time.
    struct Compile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile the glossary folder into one .canonglossary file for --glossary.",
            discussion: """
                The file holds the validated glossary with its generated variants and the cleanup rules, and
                loads without parsing YAML or validating again: for large glossaries, for engines that start
                canon once per partition (Spark), and to ship one file instead of a folder. canon normalize,
                eval and the glossary lookup, search, list, show, stats and export commands accept it as
                --glossary. Compile again after editing the folder: the file does not follow it.
                Warnings are printed here, as glossary validate prints them; errors stop the compilation.
                """)

        @OptionGroup var glossaryOptions: GlossaryOptions
        @Option(name: [.short, .long], help: ArgumentHelp("The file to write (atomically).", valueName: "file"))
        var output: String

        func run() throws {
            try reportingFailures {
                let directory = try glossaryOptions.directory()
                let clock = ContinuousClock()
                let start = clock.now
                let compiled: (snapshot: GlossarySnapshot, warnings: [GlossaryDiagnostic])
                do {
                    compiled = try GlossarySnapshot.compile(directory: directory)
                } catch let error as GlossaryError {
                    throw CommandFailure.usage(error.description)
                }
                for warning in compiled.warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
                let bytes = compiled.snapshot.encoded()
                do {
                    try AtomicFile.write(Data(bytes), to: output)
                } catch {
                    throw CommandFailure.usage("\(output): cannot write: \(error.localizedDescription)")
                }
                let glossary = compiled.snapshot.glossary
                let variants = glossary.entries.reduce(0) { $0 + $1.variants.count }
                let seconds = (clock.now - start).seconds
                print("\(output): \(glossary.entries.count) entries, \(variants) variants, \(compiled.snapshot.cleanupFiles.count) cleanup rule files, "
                      + "\(bytes.count / 1024) KiB, \(compiled.warnings.count) warnings, compiled in \(String(format: "%.2f", seconds)) s")
            }
        }
    }
}
