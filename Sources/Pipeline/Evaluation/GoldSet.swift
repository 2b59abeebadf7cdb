import Foundation
import Normalize

/// A hand-annotated dev set: JSON Lines, one document a line, with every mention's offsets and entity.
///
/// ```json
/// {"id":"000_a11add72f4209d5d","file":"seeds/000_a11add72f4209d5d.txt","lang":"ru","text":"…",
///  "mentions":[{"start":123,"end":136,"utf8_start":230,"utf8_end":255,"surface":"Нгуен Фу Чонг",
///               "entity":"nguyen-phu-trong","type":"person"}]}
/// ```
/// Offsets are Unicode scalars into `text`, end exclusive.
public struct GoldSet: Sendable {
    public struct Document: Codable, Sendable {
        public var id: String
        public var file: String?
        public var lang: String?
        public var text: String
        public var mentions: [GoldMention]
    }

    public struct GoldMention: Codable, Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var utf8_start: Int?
        public var utf8_end: Int?
        public var surface: String
        public var entity: String
        public var type: String
    }

    public var documents: [Document]

    /// Reads `path`; a line that does not parse, or a mention whose surface is not its slice of the
    /// text, is an error naming the line.
    public static func load(_ path: String) throws -> GoldSet {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PipelineError.unreadable(path: path, reason: "missing, unreadable or not UTF-8")
        }
        var documents: [Document] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let document: Document
            do {
                document = try JSONDecoder().decode(Document.self, from: Data(line.utf8))
            } catch {
                throw PipelineError.malformedRecord(path: path, line: number + 1, reason: "not a gold document: \(error)")
            }
            let scalars = Array(document.text.unicodeScalars)
            for mention in document.mentions {
                guard mention.start >= 0, mention.end <= scalars.count, mention.start < mention.end,
                      String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.surface else {
                    throw PipelineError.malformedRecord(path: path, line: number + 1,
                                                        reason: "mention '\(mention.surface.prefix(40))' at \(mention.start)..<\(mention.end) does not slice the text")
                }
            }
            documents.append(document)
        }
        return GoldSet(documents: documents)
    }
}
