import Foundation
import Normalize

/// The entry fields that TBX and CSV have no data category for, carried losslessly between Canon
/// exports and imports: in TBX as `<note>canon.KEY=VALUE</note>`, in CSV as one JSON column.
/// A CAT tool shows them as notes and ignores them; Canon reads them back.
struct CanonFields: Codable, Equatable {
    var native: String?
    var origin: String?
    var romanized: String?
    var case_sensitive: Bool?
    var ambiguous_with: [String]?
    var notes: String?
    var roles: [EntryRecord.RoleRecord]?
    /// CSV only (TBX has term-level notes): short forms and variant sources by language.
    var short_forms: [String: [EntryRecord.ShortFormRecord]]?
    var sources: [String: [String: String]]?

    init() {}

    init(_ entry: GlossaryEntry, includeTermLevel: Bool) {
        native = entry.native
        origin = entry.origin
        romanized = entry.romanized
        case_sensitive = entry.caseSensitive
        ambiguous_with = entry.ambiguousWith.isEmpty ? nil : entry.ambiguousWith
        notes = entry.notes
        roles = entry.roles.isEmpty ? nil : entry.roles.map { EntryRecord.RoleRecord(title: $0.title, from: $0.from, to: $0.to, country: $0.country) }
        guard includeTermLevel else { return }
        let shortForms = Dictionary(grouping: entry.shortForms, by: { $0.language.description })
            .mapValues { $0.map { EntryRecord.ShortFormRecord(form: $0.form, standalone: $0.standalone) } }
        short_forms = shortForms.isEmpty ? nil : shortForms
        var sources: [String: [String: String]] = [:]
        for variant in entry.variants {
            if case let .curated(source?) = variant.provenance { sources[variant.language.description, default: [:]][variant.form] = source }
        }
        self.sources = sources.isEmpty ? nil : sources
    }

    /// Applies the fields to an entry being imported.
    func apply(to entry: inout GlossaryEntry) {
        entry.native = native ?? entry.native
        entry.origin = origin ?? entry.origin
        entry.romanized = romanized ?? entry.romanized
        entry.caseSensitive = case_sensitive ?? entry.caseSensitive
        entry.ambiguousWith = ambiguous_with ?? entry.ambiguousWith
        entry.notes = notes ?? entry.notes
        if let roles { entry.roles = roles.map { Role(title: $0.title, from: $0.from, to: $0.to, country: $0.country) } }
        if let short_forms {
            for (tag, forms) in short_forms.sorted(by: { $0.key < $1.key }) {
                guard let language = LanguageTag(parsing: tag) else { continue }
                entry.shortForms += forms.map { ShortForm(form: $0.form, language: language, standalone: $0.standalone) }
            }
        }
        if let sources {
            for index in entry.variants.indices {
                if let source = sources[entry.variants[index].language.description]?[entry.variants[index].form] {
                    entry.variants[index].provenance = .curated(source: source)
                }
            }
        }
    }

    static func encodeJSON<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}

/// The result of importing: the entries read, and what could not be read, with where.
public struct ImportResult: Sendable {
    public var entries: [GlossaryEntry]
    /// Problems in the imported file, e.g. `terms.tbx:120: term without a language`.
    public var problems: [String]
}
