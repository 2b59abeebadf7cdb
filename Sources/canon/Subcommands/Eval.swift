import ArgumentParser
import Foundation
import Normalize
import Pipeline

/// `canon eval GOLD.jsonl`: how well the matcher does on a hand-annotated dev set.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the matcher against a hand-annotated gold set (precision, recall, F1).",
        discussion: """
            Prints precision, recall and F1 overall (and for entities without titles), per language and per
            type, then every miss and every false positive in context. --baseline adds the figures of a
            plain exact, case-insensitive matcher over the same glossary, side by side.

            Example: canon eval Tests/Fixtures/gold/seeds.gold.jsonl --baseline
            """)

    @OptionGroup var glossaryOptions: GlossaryOptions
    @Flag(help: "Also score an exact, case-insensitive matcher, for comparison.") var baseline = false
    @Flag(help: "Print the result as JSON.") var json = false
    @Argument(help: "The gold set (JSON Lines).") var gold: String

    struct Report: Encodable {
        var canon: Evaluation
        var baseline: Evaluation?
    }

    func run() throws {
        try reportingFailures {
            let goldSet: GoldSet
            do {
                goldSet = try GoldSet.load(gold)
            } catch let error as PipelineError {
                throw CommandFailure.usage(error.description)
            }
            let matcher = ProcessLifetime.keep(GlossaryMatcher(try glossaryOptions.load()))
            let result = try Evaluation.run(goldSet, matcher: matcher)
            let exact = baseline ? try Evaluation.run(goldSet, matcher: matcher, options: .init(exactBaseline: true)) : nil
            if json {
                try JSONOutput.print(Report(canon: result, baseline: exact))
                return
            }
            print(EvalReport.render(result, baseline: exact))
        }
    }
}

extension Evaluation: Encodable {
    enum CodingKeys: String, CodingKey { case all, entities, by_language, by_type, misses, false_positives }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ScoreRecord(all), forKey: .all)
        try container.encode(ScoreRecord(entities), forKey: .entities)
        try container.encode(byLanguage.mapValues(ScoreRecord.init), forKey: .by_language)
        try container.encode(byType.mapValues(ScoreRecord.init), forKey: .by_type)
        try container.encode(misses, forKey: .misses)
        try container.encode(falsePositives, forKey: .false_positives)
    }
}

/// A score with its ratios, for JSON.
struct ScoreRecord: Encodable {
    var true_positives: Int, false_positives: Int, false_negatives: Int
    var precision: Double, recall: Double, f1: Double

    init(_ score: Evaluation.Score) {
        true_positives = score.truePositives
        false_positives = score.falsePositives
        false_negatives = score.falseNegatives
        precision = score.precision
        recall = score.recall
        f1 = score.f1
    }
}

/// The human-readable report.
enum EvalReport {
    static func render(_ result: Evaluation, baseline: Evaluation?) -> String {
        var lines: [String] = []
        let header = "                         precision  recall     F1    TP   FP   FN"
        lines.append(header + (baseline == nil ? "" : "   | exact baseline: P      R      F1"))
        func row(_ name: String, _ score: Evaluation.Score, _ other: Evaluation.Score?) {
            var line = name.padding(toLength: 25, withPad: " ", startingAt: 0)
            line += String(format: "%8.3f %7.3f %6.3f %5d %4d %4d", score.precision, score.recall, score.f1,
                           score.truePositives, score.falsePositives, score.falseNegatives)
            if let other { line += String(format: "   |                 %6.3f %6.3f %6.3f", other.precision, other.recall, other.f1) }
            lines.append(line)
        }
        row("entities (no titles)", result.entities, baseline?.entities)
        row("all (with titles)", result.all, baseline?.all)
        for (language, score) in result.byLanguage.sorted(by: { $0.key < $1.key }) {
            row("  language \(language)", score, baseline?.byLanguage[language])
        }
        for (type, score) in result.byType.sorted(by: { $0.key < $1.key }) {
            row("  type \(type)", score, baseline?.byType[type])
        }
        lines.append("")
        lines.append("misses (\(result.misses.count)):")
        for miss in result.misses {
            lines.append("  \(miss.document) \(miss.start)..<\(miss.end) \(miss.entity) [\(miss.type)]: \(miss.context)")
        }
        lines.append("false positives (\(result.falsePositives.count)):")
        for error in result.falsePositives {
            let gold = error.gold.map { " (gold: \($0))" } ?? ""
            lines.append("  \(error.document) \(error.start)..<\(error.end) \(error.entity) [\(error.type)]\(gold): \(error.context)")
        }
        return lines.joined(separator: "\n")
    }
}
