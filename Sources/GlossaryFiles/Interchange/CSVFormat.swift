import Foundation
import Normalize

/// Reads and writes the glossary as CSV (RFC 4180): one row per entry, one column per language, the
/// shape spreadsheet users and MT glossary uploads expect.
///
/// Columns: `entry_id` (not `id`, which is Indonesian's language code), `type`, `canonical`,
/// `expansion`, `native`, `origin`, `romanized`, `wikidata`, then one column per language tag holding
/// its curated forms separated by ` | `, then `canon_extra`: a JSON object with what has no column
/// (roles, short forms, sources, notes…), so a Canon export imports back without loss. With
/// generated forms included, they get columns of their own, `ru (generated)`, which import ignores.
public enum CSVFormat {
    static let fixed = ["entry_id", "type", "canonical", "expansion", "native", "origin", "romanized", "wikidata"]
    static let extra = "canon_extra"
    static let separator = " | "
    static let generatedSuffix = " (generated)"

    public static func write(_ entries: [GlossaryEntry], includeGenerated: Bool) -> String {
        let curatedTags = Set(entries.flatMap { $0.variants.filter { !$0.isGenerated }.map(\.language) }).sorted()
        let generatedTags = includeGenerated ? Set(entries.flatMap { $0.variants.filter(\.isGenerated).map(\.language) }).sorted() : []
        var rows = [fixed + curatedTags.map(\.description) + generatedTags.map { $0.description + generatedSuffix } + [extra]]
        for entry in entries {
            var row = [entry.id, entry.type.rawValue, entry.canonical, entry.expansion ?? "", entry.native ?? "",
                       entry.origin ?? "", entry.romanized ?? "", entry.wikidata ?? ""]
            for tag in curatedTags {
                row.append(entry.variants.filter { $0.language == tag && !$0.isGenerated }.map(\.form).joined(separator: separator))
            }
            for tag in generatedTags {
                row.append(entry.variants.filter { $0.language == tag && $0.isGenerated }.map(\.form).joined(separator: separator))
            }
            let fields = CanonFields(entry, includeTermLevel: true)
            row.append(fields == CanonFields() ? "" : CanonFields.encodeJSON(fields))
            rows.append(row)
        }
        return rows.map { $0.map(quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public static func read(_ text: String, file: String) -> ImportResult {
        var problems: [String] = []
        let records = parse(text)
        guard let header = records.first?.fields else {
            return ImportResult(entries: [], problems: ["\(file):1: empty CSV file"])
        }
        let column = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        guard let idColumn = column["entry_id"] ?? column["id"], let canonicalColumn = column["canonical"] else {
            return ImportResult(entries: [], problems: ["\(file):1: the header needs 'entry_id' and 'canonical' columns"])
        }
        var languageColumns: [(Int, LanguageTag)] = []
        for (index, name) in header.enumerated() where !fixed.contains(name) && name != extra && name != "id" {
            if name.hasSuffix(generatedSuffix) { continue }
            if let tag = LanguageTag(parsing: name) {
                languageColumns.append((index, tag))
            } else {
                problems.append("\(file):1: column '\(name)' is neither a known column nor a language tag; ignored")
            }
        }
        var entries: [GlossaryEntry] = []
        for record in records.dropFirst() {
            let fields = record.fields
            func value(_ name: String) -> String? {
                guard let index = column[name], index < fields.count, !fields[index].isEmpty else { return nil }
                return fields[index]
            }
            guard idColumn < fields.count, canonicalColumn < fields.count, !fields[canonicalColumn].isEmpty else {
                if fields.contains(where: { !$0.isEmpty }) { problems.append("\(file):\(record.line): row without canonical; skipped") }
                continue
            }
            let id = fields[idColumn].isEmpty ? Slug.make(fields[canonicalColumn]) : fields[idColumn]
            let typeText = value("type") ?? "term"
            let type = EntityType(rawValue: typeText) ?? {
                problems.append("\(file):\(record.line): type '\(typeText)' is not a Canon type; imported as term")
                return .term
            }()
            var entry = GlossaryEntry(id: id, type: type, canonical: fields[canonicalColumn], expansion: value("expansion"),
                                      native: value("native"), origin: value("origin"), romanized: value("romanized"),
                                      wikidata: value("wikidata"), location: SourceLocation(file: file, line: record.line))
            for (index, tag) in languageColumns where index < fields.count {
                let forms = fields[index].components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                entry.variants += forms.map { Variant(form: $0, language: tag, provenance: .curated(source: nil)) }
            }
            if let json = value(extra) {
                if let fields = try? JSONDecoder().decode(CanonFields.self, from: Data(json.utf8)) {
                    fields.apply(to: &entry)
                } else {
                    problems.append("\(file):\(record.line): canon_extra is not valid JSON; ignored")
                }
            }
            entries.append(entry)
        }
        return ImportResult(entries: entries, problems: problems)
    }

    /// RFC 4180 quoting: fields with a comma, quote, line break or edge spaces are quoted.
    static func quote(_ field: String) -> String {
        let needsQuotes = field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || field.first == " " || field.last == " "
        return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    /// Records with the line each starts on; quoted fields may span lines.
    static func parse(_ text: String) -> [(line: Int, fields: [String])] {
        var records: [(Int, [String])] = []
        var fields: [String] = [], field = "", inQuotes = false, line = 1, recordLine = 1
        var iterator = Array(text.unicodeScalars.map(Character.init)).makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let character = next() {
            if inQuotes {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case ",": fields.append(field); field = ""
            case "\r": break
            case "\n":
                fields.append(field); field = ""
                records.append((recordLine, fields)); fields = []
                line += 1; recordLine = line
            default: field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append((recordLine, fields))
        }
        return records
    }
}
