import ArgumentParser
import Foundation
import Pipeline

/// `canon stats OUTPUT.jsonl`: what a normalized corpus contains.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarize a canon normalize output: documents per language, entity frequencies, unknown names.",
        discussion: """
            Entity frequencies count mentions in text and captions, with the documents that mention each
            entity and a breakdown by document language. Unknown candidates are capitalised word runs inside
            sentences that no mention covers: names the glossary may be missing.

            Example: canon normalize corpus/ -o corpus.jsonl && canon stats corpus.jsonl --top 50
            """)

    @Argument(help: ArgumentHelp("A canon normalize output (JSON Lines, .gz too; - for standard input).", valueName: "output.jsonl"))
    var path: String

    @Option(help: ArgumentHelp("How many entities and unknown candidates to list.", valueName: "n"))
    var top = 30

    @Option(help: ArgumentHelp("Only entities of this type.", valueName: "type"))
    var type: String?

    @Flag(help: "Print the figures as JSON.") var json = false

    func run() throws {
        try reportingFailures {
            if let type { _ = try TypeOption.parse(type) }
            var stats: CorpusStats
            do {
                stats = try CorpusStats.read(path, top: top)
            } catch let error as PipelineError {
                throw CommandFailure.usage(error.description)
            }
            if let type { stats.entities = stats.entities.filter { $0.type == type } }
            stats.entities = Array(stats.entities.prefix(top))
            for skipped in stats.skipped_lines.prefix(10) {
                FileHandle.standardError.write(Data("canon: \(skipped)\n".utf8))
            }
            if json {
                try JSONOutput.print(stats)
                return
            }
            print(render(stats))
        }
    }

    private func render(_ stats: CorpusStats) -> String {
        var lines = ["documents: \(stats.documents)"]
        lines.append("by language: " + stats.documents_by_language.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        lines.append("mentions by type: " + stats.mentions_by_type.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        lines.append("")
        lines.append("entity".padding(toLength: 42, withPad: " ", startingAt: 0) + "type          mentions  docs  by language")
        for entity in stats.entities {
            let languages = entity.by_language.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let name = entity.canonical.count > 40 ? entity.canonical.prefix(39) + "…" : entity.canonical
            lines.append(name.padding(toLength: 42, withPad: " ", startingAt: 0)
                + entity.type.padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(format: "%10d %5d  ", entity.mentions, entity.documents) + languages)
        }
        lines.append("")
        lines.append("unknown candidates (\(stats.unknown_candidate_occurrences) occurrences; top \(stats.unknown_candidates.count)):")
        for candidate in stats.unknown_candidates {
            lines.append(String(format: "%6d  ", candidate.count) + candidate.surface)
        }
        return lines.joined(separator: "\n")
    }
}
