import ArgumentParser
import Foundation
import GlossaryFiles
import Normalize

extension GlossaryCommand {
    /// `canon glossary search QUERY`: ranked fuzzy search across scripts.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fuzzy search across scripts: 'chong' finds Nguyen Phu Trong through Чонг.")

        @OptionGroup var glossaryOptions: GlossaryOptions
        @Option(help: "At most this many results.") var limit = 10
        @Flag(help: "Print the results as JSON.") var json = false
        @Argument(help: "Words to look for, in any script.") var query: String

        struct Result: Encodable {
            var id: String
            var canonical: String
            var type: String
            var form: String
            var language: String
            var score: Double
        }

        func run() throws {
            try reportingFailures {
                let glossary = try glossaryOptions.load()
                let results = try ProcessLifetime.keep(GlossarySearch(glossary)).search(query, limit: limit).compactMap { result -> Result? in
                    guard let entry = glossary.entry(id: result.entryID) else { return nil }
                    return Result(id: entry.id, canonical: entry.canonical, type: entry.type.rawValue, form: result.form,
                                  language: result.language.description, score: (result.score * 100).rounded() / 100)
                }
                if json {
                    try JSONOutput.print(results)
                    return
                }
                if results.isEmpty { print("nothing close to '\(query)'") }
                for result in results {
                    print("\(String(format: "%.2f", result.score))\t\(result.id)\t\(result.canonical)\t[\(result.type)]\tvia '\(result.form)' (\(result.language))")
                }
            }
        }
    }
}
