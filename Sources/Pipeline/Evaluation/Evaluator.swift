import Foundation
import Normalize

/// Scores a matcher against a gold set: precision, recall and F1, overall, per language and per
/// type, with every miss and false positive in context.
///
/// A predicted mention is right when its span and entity equal a gold mention's exactly.
public struct Evaluation: Sendable {
    public struct Score: Codable, Equatable, Sendable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

        mutating func add(_ other: Score) {
            truePositives += other.truePositives
            falsePositives += other.falsePositives
            falseNegatives += other.falseNegatives
        }
    }

    /// A miss or a false positive, with the text around it.
    public struct Error: Codable, Equatable, Sendable {
        public var document: String
        public var start: Int
        public var end: Int
        public var surface: String
        public var entity: String
        public var type: String
        /// For a false positive: the gold mention overlapping it, if any.
        public var gold: String?
        public var context: String
    }

    /// Every mention type, titles included.
    public var all = Score()
    /// Persons, organizations, places and terms: the figure the quality bar applies to.
    public var entities = Score()
    public var byLanguage: [String: Score] = [:]
    public var byType: [String: Score] = [:]
    public var misses: [Error] = []
    public var falsePositives: [Error] = []

    /// Runs `matcher` over every gold document and scores it.
    public static func run(_ gold: GoldSet, matcher: GlossaryMatcher, options: GlossaryMatcher.Options = .init()) throws -> Evaluation {
        let breaker = try WordBreaker()
        var evaluation = Evaluation()
        for document in gold.documents {
            let language = document.lang.flatMap { LanguageTag(parsing: $0) }
            let predicted = matcher.mentions(in: document.text, language: language, breaker: breaker, options: options)
            evaluation.score(document, predicted: predicted)
        }
        return evaluation
    }

    private mutating func score(_ document: GoldSet.Document, predicted: [Mention]) {
        struct Key: Hashable { var start: Int; var end: Int; var entity: String }
        let goldKeys = Set(document.mentions.map { Key(start: $0.start, end: $0.end, entity: $0.entity) })
        let predictedKeys = Set(predicted.map { Key(start: $0.scalarRange.lowerBound, end: $0.scalarRange.upperBound, entity: $0.entryID) })
        let scalars = Array(document.text.unicodeScalars)
        let language = document.lang ?? "und"
        func context(_ start: Int, _ end: Int) -> String {
            let before = String(String.UnicodeScalarView(scalars[max(0, start - 30)..<start]))
            let after = String(String.UnicodeScalarView(scalars[end..<min(scalars.count, end + 30)]))
            let middle = String(String.UnicodeScalarView(scalars[start..<end]))
            return (before + "⟦" + middle + "⟧" + after).replacingOccurrences(of: "\n", with: " ")
        }
        func record(type: String, _ change: (inout Score) -> Void) {
            change(&all)
            if type != EntityType.title.rawValue { change(&entities) }
            change(&byLanguage[language, default: Score()])
            change(&byType[type, default: Score()])
        }
        for mention in predicted {
            let key = Key(start: mention.scalarRange.lowerBound, end: mention.scalarRange.upperBound, entity: mention.entryID)
            if goldKeys.contains(key) {
                record(type: mention.type.rawValue) { $0.truePositives += 1 }
            } else {
                record(type: mention.type.rawValue) { $0.falsePositives += 1 }
                let overlapping = document.mentions.first { $0.start < key.end && key.start < $0.end }
                falsePositives.append(Error(document: document.id, start: key.start, end: key.end, surface: mention.surface,
                                            entity: mention.entryID, type: mention.type.rawValue,
                                            gold: overlapping.map { "\($0.entity) '\($0.surface)'" }, context: context(key.start, key.end)))
            }
        }
        for mention in document.mentions where !predictedKeys.contains(Key(start: mention.start, end: mention.end, entity: mention.entity)) {
            record(type: mention.type) { $0.falseNegatives += 1 }
            misses.append(Error(document: document.id, start: mention.start, end: mention.end, surface: mention.surface,
                                entity: mention.entity, type: mention.type, gold: nil, context: context(mention.start, mention.end)))
        }
    }
}
