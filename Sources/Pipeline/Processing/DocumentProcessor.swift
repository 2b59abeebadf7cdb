import Foundation
import Normalize

/// One document, processed: its output line and the counts the batch summary adds up.
public struct ProcessedDocument: Sendable {
    /// The canonical JSON object, without the line break.
    public var json: [UInt8]
    public var inputBytes: Int
    public var mentions: Int
    /// The IDs of the entities the document names, each once, in the order of its `entities`:
    /// already distinct, so no set is built per document.
    public var entities: [String]
    public var warnings: [String]
}

/// Turns one raw document into its canonical output: decode, NFC, cleanup, language, mentions,
/// canonical text, JSON.
///
/// Thread safety: not thread-safe; it owns a word breaker and, with `--transliterate`, a
/// transliterator. Each worker makes its own; the matcher and rules inside are shared.
public final class DocumentProcessor {
    let matcher: GlossaryMatcher
    let cleaner: ArticleCleaner
    let settings: NormalizeSettings
    let breaker: WordBreaker
    let transliterator: Transliterator?
    let nfc = Normalizer(.nfc)
    /// Word readings remembered across this worker's documents.
    let readings = ReadingCache()

    public init(matcher: GlossaryMatcher, cleanup: CleanupRules, settings: NormalizeSettings) throws {
        self.matcher = matcher
        self.cleaner = ArticleCleaner(rules: settings.cleanup ? cleanup : .none)
        self.settings = settings
        self.breaker = try WordBreaker()
        self.transliterator = settings.transliterate ? try Transliterator(id: "Any-Latin") : nil
    }

    /// The processed document, or a failure naming its file and line.
    public func process(_ raw: RawDocument) -> Result<ProcessedDocument, InputFailure> {
        var warnings: [String] = []
        let fields: Fields
        switch decode(raw, warnings: &warnings) {
        case let .success(decoded): fields = decoded
        case let .failure(failure): return .failure(failure)
        }
        return .success(build(raw, fields, warnings: warnings))
    }

    /// What a record or file supplies before cleanup.
    struct Fields {
        var id: String
        var text: String
        var lang: String?
        var title: String?
        var url: String?
        var published: String?
    }

    private func decode(_ raw: RawDocument, warnings: inout [String]) -> Result<Fields, InputFailure> {
        func fail(_ reason: String, id: String? = nil) -> Result<Fields, InputFailure> {
            .failure(InputFailure(path: raw.path, line: raw.line, id: id ?? raw.fallbackID, reason: reason, bytes: raw.byteCount))
        }
        switch raw.payload {
        case let .text(bytes):
            return .success(Fields(id: raw.fallbackID, text: utf8(bytes, warnings: &warnings)))
        case let .jsonLine(bytes):
            let line = utf8(bytes, warnings: &warnings)
            let names = settings.fields
            let wanted = [names.id, names.text, names.lang, names.title, names.url, names.published]
            let slot = (id: 0, text: 1, lang: 2, title: 3, url: 4, published: 5)
            let values: [JSONRecordScanner.Value?]
            if let scanned = JSONRecordScanner.values(of: wanted, in: line) {
                values = scanned
            } else {
                // What the scanner leaves (bad JSON above all) is Foundation's to parse and report.
                let object: Any
                do {
                    object = try JSONSerialization.jsonObject(with: Data(line.utf8))
                } catch {
                    return fail("malformed JSON: \(Self.describe(error))")
                }
                guard let record = object as? [String: Any] else { return fail("a JSON Lines record must be an object") }
                values = wanted.map { record[$0].map(Self.value) }
            }
            let (idValue, textValue) = (values[slot.id], values[slot.text])
            var id = raw.fallbackID
            switch idValue {
            case nil: break
            case let .string(string)? where !string.isEmpty: id = string
            case let .number(number)?: id = number
            default: warnings.append("\"\(names.id)\" is neither a string nor a number; using \(raw.fallbackID)")
            }
            guard case let .string(text)? = textValue else {
                let reason = textValue == nil ? "has no \"\(names.text)\" field" : "\"\(names.text)\" is not a string"
                return fail("\(reason) (--text-field names the field that holds the text)", id: id)
            }
            func string(_ index: Int) -> String? {
                switch values[index] {
                case nil, .null?: return nil
                case let .string(text)?:
                    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    return trimmed.isEmpty ? nil : trimmed
                default:
                    warnings.append("\"\(wanted[index])\" is not a string; ignored")
                    return nil
                }
            }
            var lang = string(slot.lang)
            if let given = lang {
                if let tag = LanguageTag(parsing: given) { lang = tag.description } else {
                    warnings.append("\"\(names.lang)\" '\(given)' is not a BCP 47 language tag; detecting the language instead")
                    lang = nil
                }
            }
            var published = string(slot.published)
            if let given = published {
                published = Self.isoDate(given, cleaner: cleaner)
                if published == nil { warnings.append("\"\(names.published)\" '\(given)' is not a date; ignored") }
            }
            return .success(Fields(id: id, text: text, lang: lang, title: string(slot.title), url: string(slot.url), published: published))
        }
    }

    /// `2025-11-25`, `2025-11-25T08:30:00Z` or a layout of the cleanup rules, as `YYYY-MM-DD`.
    ///
    /// ISO 8601 is read here, not through the cleanup rules: it is what JSON records carry, and it must
    /// be understood with `--no-cleanup` too (no rules, no layouts).
    static func isoDate(_ text: String, cleaner: ArticleCleaner) -> String? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard bytes[range].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
            return Int(String(decoding: bytes[range], as: UTF8.self))
        }
        if bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
           bytes.count == 10 || bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
           let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) {
            return ArticleCleaner.isoDate(year: year, month: month, day: day)
        }
        return cleaner.isoDate(text)
    }

    private func utf8(_ bytes: [UInt8], warnings: inout [String]) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        warnings.append("invalid UTF-8 repaired with U+FFFD")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A member of a record Foundation parsed, as the scanner reports one.
    static func value(_ object: Any) -> JSONRecordScanner.Value {
        switch object {
        case let string as String: .string(string)
        case is NSNull: .null
        // "c" is how a JSON boolean's NSNumber describes itself.
        case let number as NSNumber where String(cString: number.objCType) != "c": .number(number.stringValue)
        default: .other
        }
    }

    private static func describe(_ error: Error) -> String {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return description ?? "not a JSON value"
    }

    private func build(_ raw: RawDocument, _ fields: Fields, warnings: [String]) -> ProcessedDocument {
        var warnings = warnings
        var article = cleaner.clean(nfc.normalize(fields.text))
        if let title = fields.title.map(nfc.normalize) {
            // A record's own title wins; drop it from the body when the text repeats it.
            if let extracted = article.title, extracted != title { article.paragraphs.insert(extracted, at: 0) }
            if article.paragraphs.first == title { article.paragraphs.removeFirst() }
            article.title = title
        }
        article.url = fields.url ?? article.url
        article.published = fields.published ?? article.published

        // The text: title, blank line, paragraphs separated by blank lines.
        var blocks = (article.title.map { [$0] } ?? []) + article.paragraphs
        blocks = blocks.filter { !$0.isEmpty }
        let text = blocks.joined(separator: "\n\n")
        if text.isEmpty { warnings.append("no text left after cleanup") }
        var blockRanges: [Range<Int>] = []
        var offset = 0
        for block in blocks {
            let length = block.scalarCount
            blockRanges.append(offset..<offset + length)
            offset += length + 2
        }

        let languages: LanguageAssignment
        if let given = settings.language ?? fields.lang {
            languages = .given(given, paragraphs: blocks.count)
        } else {
            languages = .detect(blocks.map { $0[...] }, text: text)
            if !text.isEmpty, !languages.document.reliable { warnings.append("language uncertain: \(languages.document.language) at \(languages.document.confidence)") }
        }
        let tag = languages.document.language == "und" ? nil : LanguageTag(parsing: languages.document.language)

        let mentions = matcher.mentions(in: text, language: tag, breaker: breaker, cache: readings)
        let captionMentions = article.captions.map { matcher.mentions(in: $0.text, language: tag, breaker: breaker, cache: readings) }
        // The body's own array when no caption names anything (most documents): `+` would copy
        // every mention, retaining its strings.
        let all = captionMentions.allSatisfy(\.isEmpty) ? mentions : mentions + captionMentions.joined()

        // Written member by member, keys in canonical order.
        var json = JSONWriter(capacity: text.utf8.count * 3)
        json.beginObject()
        json.key("author"); json.optional(article.author)
        json.key("canonical_text"); Self.writeCanonicalText(text, mentions, into: &json)
        json.key("captions")
        json.beginArray()
        for (caption, found) in zip(article.captions, captionMentions) {
            json.beginObject()
            json.key("credit"); json.optional(caption.credit)
            json.key("mentions"); Self.write(found, into: &json)
            json.key("text"); json.string(caption.text)
            json.endObject()
        }
        json.endArray()
        json.key("credit"); json.optional(article.credit)
        json.key("entities"); let entities = Self.writeEntities(all, into: &json)
        json.key("id"); json.string(fields.id)
        json.key("lang"); json.string(languages.document.language)
        json.key("lang_confidence"); json.double(languages.document.confidence)
        json.key("mentions"); Self.write(mentions, into: &json)
        json.key("outlet"); json.optional(article.outlet)
        json.key("paragraphs")
        json.beginArray()
        for (range, guess) in zip(blockRanges, languages.paragraphs) {
            json.beginObject()
            json.key("end"); json.int(range.upperBound)
            json.key("lang"); json.string(guess.language)
            json.key("lang_confidence"); json.double(guess.confidence)
            json.key("start"); json.int(range.lowerBound)
            json.endObject()
        }
        json.endArray()
        json.key("published"); json.optional(article.published)
        json.key("source")
        json.beginObject()
        json.key("line"); json.int(raw.line)
        json.key("path"); json.string(raw.path)
        json.endObject()
        json.key("text"); json.string(text)
        if let transliterator {
            json.key("text_latin"); json.string(transliterator.transliterate(text))
        }
        json.key("title"); json.optional(article.title)
        json.key("url"); json.optional(article.url)
        json.key("warnings"); json.strings(warnings)
        json.endObject()
        return ProcessedDocument(json: json.finish(), inputBytes: raw.byteCount, mentions: all.count,
                                 entities: entities, warnings: warnings)
    }

    /// Mentions as an array of objects.
    static func write(_ mentions: [Mention], into json: inout JSONWriter) {
        json.beginArray()
        // Read in place: a `for mention in mentions` loop copied each mention (retaining its five
        // strings and releasing them again).
        mentions.withUnsafeBufferPointer { mentions in
            for index in mentions.indices {
                let mention = mentions[index]
                json.beginObject()
                json.key("canonical"); json.string(mention.canonical)
                json.key("end"); json.int(mention.scalarRange.upperBound)
                json.key("entity"); json.string(mention.entryID)
                json.key("form"); json.string(mention.form)
                json.key("how")
                json.beginArray()
                for kind in mention.how { json.string(kind.rawValue) }
                json.endArray()
                json.key("lang"); json.string(mention.language.description)
                json.key("start"); json.int(mention.scalarRange.lowerBound)
                json.key("surface"); json.string(mention.surface)
                json.key("type"); json.string(mention.type.rawValue)
                json.key("utf8_end"); json.int(mention.utf8Range.upperBound)
                json.key("utf8_start"); json.int(mention.utf8Range.lowerBound)
                json.endObject()
            }
        }
        json.endArray()
    }

    /// Entities by descending count, then by ID: a stable order for consumers that diff outputs.
    /// Returns their IDs, each once.
    static func writeEntities(_ mentions: [Mention], into json: inout JSONWriter) -> [String] {
        // One slot per entity, found through its ID; the first mention stands for the entity.
        var slots: [String: Int] = [:]
        slots.reserveCapacity(mentions.count)
        var counts: [(first: Int, count: Int)] = []
        for index in mentions.indices {
            let id = mentions[index].entryID
            if let slot = slots[id] {
                counts[slot].count += 1
            } else {
                slots[id] = counts.count
                counts.append((index, 1))
            }
        }
        json.beginArray()
        var ids: [String] = []
        ids.reserveCapacity(counts.count)
        for entry in counts.sorted(by: { ($1.count, mentions[$0.first].entryID) < ($0.count, mentions[$1.first].entryID) }) {
            // Field by field from the array: a `let mention` copied all of it.
            json.beginObject()
            json.key("canonical"); json.string(mentions[entry.first].canonical)
            json.key("count"); json.int(entry.count)
            json.key("entity"); json.string(mentions[entry.first].entryID)
            json.key("type"); json.string(mentions[entry.first].type.rawValue)
            json.endObject()
            ids.append(mentions[entry.first].entryID)
        }
        json.endArray()
        return ids
    }

    /// `text` with every mention replaced by its canonical English form, written as a JSON string
    /// straight from the text's bytes and the canonical forms, with no string built in between.
    static func writeCanonicalText(_ text: String, _ mentions: [Mention], into json: inout JSONWriter) {
        var text = text
        text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            json.string { add in
                var position = 0
                for index in mentions.indices {
                    let range = mentions[index].utf8Range
                    add(UnsafeRawBufferPointer(rebasing: bytes[position..<range.lowerBound]))
                    mentions[index].canonical.withContiguousUTF8 { add(UnsafeRawBufferPointer($0)) }
                    position = range.upperBound
                }
                add(UnsafeRawBufferPointer(rebasing: bytes[position...]))
            }
        }
    }
}
