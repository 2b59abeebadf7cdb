import Foundation

/// Figures over a `canon normalize` output: what a corpus talks about, in which languages, and
/// which capitalised names the glossary does not know yet (candidates for new entries).
public struct CorpusStats: Sendable, Encodable {
    public struct EntityCount: Sendable, Encodable, Equatable {
        public var entity: String
        public var canonical: String
        public var type: String
        /// Mentions in all documents.
        public var mentions: Int
        /// Documents that mention it at least once.
        public var documents: Int
        /// Mentions per document language.
        public var by_language: [String: Int]
    }

    public struct Candidate: Sendable, Encodable, Equatable {
        public var surface: String
        public var count: Int
    }

    public var documents = 0
    public var documents_by_language: [String: Int] = [:]
    public var mentions_by_type: [String: Int] = [:]
    public var entities: [EntityCount] = []
    /// Capitalised word sequences inside sentences that no mention covers, most frequent first.
    public var unknown_candidates: [Candidate] = []
    public var unknown_candidate_occurrences = 0
    /// Lines that were not Canon output objects, as `path:line: reason`.
    public var skipped_lines: [String] = []

    /// Reads `path` (JSON Lines, possibly gzip-compressed; `-` for standard input).
    ///
    /// - Parameter top: how many unknown candidates to keep.
    /// - Throws: ``PipelineError/unreadable(path:reason:)`` when the file cannot be read at all.
    public static func read(_ path: String, top: Int = 30) throws -> CorpusStats {
        var stats = CorpusStats()
        var entities: [String: EntityCount] = [:]
        var candidates: [String: Int] = [:]
        var lines = LineReader(reader: try CompressedFileReader(path: path), maxLineBytes: Int.max)
        while let line = try lines.next() {
            guard case let .line(bytes, number) = line, !bytes.isEmpty else { continue }
            guard let document = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any],
                  let text = document["text"] as? String, let mentions = document["mentions"] as? [[String: Any]] else {
                stats.skipped_lines.append("\(path):\(number): not a canon normalize document")
                continue
            }
            stats.documents += 1
            let language = document["lang"] as? String ?? "und"
            stats.documents_by_language[language, default: 0] += 1
            var seen = Set<String>()
            var covered: [Range<Int>] = []
            let captionMentions = (document["captions"] as? [[String: Any]] ?? []).flatMap { $0["mentions"] as? [[String: Any]] ?? [] }
            for mention in mentions + captionMentions {
                guard let id = mention["entity"] as? String, let type = mention["type"] as? String else { continue }
                var entry = entities[id] ?? EntityCount(entity: id, canonical: mention["canonical"] as? String ?? id, type: type,
                                                        mentions: 0, documents: 0, by_language: [:])
                entry.mentions += 1
                entry.by_language[language, default: 0] += 1
                if seen.insert(id).inserted { entry.documents += 1 }
                entities[id] = entry
                stats.mentions_by_type[type, default: 0] += 1
            }
            for mention in mentions {
                if let start = mention["start"] as? Int, let end = mention["end"] as? Int, start <= end { covered.append(start..<end) }
            }
            for candidate in UnknownCandidates.find(in: text, covered: covered) {
                candidates[candidate, default: 0] += 1
                stats.unknown_candidate_occurrences += 1
            }
        }
        stats.entities = entities.values.sorted { ($1.mentions, $0.entity) < ($0.mentions, $1.entity) }
        stats.unknown_candidates = candidates.map { Candidate(surface: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.surface) < ($0.count, $1.surface) }
            .prefix(top).map { $0 }
        return stats
    }
}

/// Capitalised names a glossary might be missing: runs of capitalised words (joined by a space or a
/// hyphen) that do not start a sentence and overlap no mention. A capital at the start of a
/// sentence says nothing, so those words are skipped.
enum UnknownCandidates {
    static func find(in text: String, covered: [Range<Int>]) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var found: [String] = []
        var run: [Range<Int>] = []
        var index = 0
        var sentenceStart = true
        func flush() {
            defer { run = [] }
            guard let first = run.first, let last = run.last else { return }
            let span = first.lowerBound..<last.upperBound
            guard !covered.contains(where: { $0.overlaps(span) }) else { return }
            found.append(String(String.UnicodeScalarView(scalars[span])))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar.properties.isAlphabetic else {
                // After these a capital may just start a sentence, a quotation or a heading.
                if ".!?…:;\n«»„“\"()–—".unicodeScalars.contains(scalar) { sentenceStart = true; flush() }
                else if !(scalar == " " || scalar == "-"), !run.isEmpty { flush() }
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, scalars[end].properties.isAlphabetic || scalars[end].properties.generalCategory == .nonspacingMark { end += 1 }
            let capitalised = scalar.properties.isUppercase && end - index > 1
                && scalars[index + 1..<end].contains { $0.properties.isLowercase }
            if capitalised, !sentenceStart {
                if let last = run.last, !gapJoins(scalars[last.upperBound..<index]) { flush() }
                run.append(index..<end)
            } else {
                flush()
            }
            sentenceStart = false
            index = end
        }
        flush()
        return found
    }

    private static func gapJoins(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
        gap.count == 1 && (gap.first == " " || gap.first == "-")
    }
}
