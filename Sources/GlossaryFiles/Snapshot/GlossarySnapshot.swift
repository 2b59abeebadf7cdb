import Foundation
import Normalize

/// A glossary compiled into one file (`canon glossary compile`): the loaded, validated and expanded
/// glossary (generated variants included) and the cleanup rule files, read back in a fraction of
/// the time YAML takes. For large glossaries and for engines that start Canon many times (one
/// process per Spark partition), and as one file to ship instead of a folder.
///
/// The file starts with a fixed header and a format number; a file of another format, or a damaged
/// one, is refused with a message, never half-read. Warnings found when the glossary was compiled
/// are not kept: `canon glossary compile` prints them, as `canon glossary validate` does.
public struct GlossarySnapshot: Sendable {
    public static let fileExtension = "canonglossary"
    static let header = Array("CANON GLOSSARY\n".utf8)
    static let format = 1

    public var glossary: Glossary
    /// Each cleanup rule file of the glossary folder (`cleanup/*.yaml`), by name, sorted.
    public var cleanupFiles: [CleanupFile]

    public struct CleanupFile: Equatable, Sendable {
        public var name: String
        public var text: String

        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    public init(glossary: Glossary, cleanupFiles: [CleanupFile]) {
        self.glossary = glossary
        self.cleanupFiles = cleanupFiles
    }

    /// Whether `path` is a snapshot file (rather than a glossary folder).
    public static func isSnapshot(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: header.count)).map { Array($0) == header } ?? false
    }

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        var writer = SnapshotWriter()
        writer.raw(Self.header)
        writer.int(Self.format)
        Self.write(glossary.languages, into: &writer)
        writer.array(glossary.entries) { Self.write($1, into: &$0) }
        writer.array(cleanupFiles) { writer, file in
            writer.string(file.name)
            writer.string(file.text)
        }
        return writer.bytes
    }

    /// Reads a snapshot file.
    ///
    /// - Throws: ``GlossaryError/unreadable(path:reason:)`` naming the file and what is wrong with it.
    public static func read(path: String) throws(GlossaryError) -> GlossarySnapshot {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        do {
            return try decode(Array(data))
        } catch {
            throw .unreadable(path: path, reason: "not a usable compiled glossary (\(error.reason)); compile it again with canon glossary compile")
        }
    }

    static func decode(_ bytes: [UInt8]) throws(SnapshotReader.Malformed) -> GlossarySnapshot {
        guard bytes.starts(with: header) else { throw .init(reason: "no compiled-glossary header") }
        var reader = SnapshotReader(bytes, from: header.count)
        let format = try reader.int()
        guard format == Self.format else { throw .init(reason: "format \(format), this canon reads format \(Self.format)") }
        let languages = try readLanguages(&reader)
        let entries = try reader.array { (reader: inout SnapshotReader) throws(SnapshotReader.Malformed) in try readEntry(&reader) }
        let cleanup = try reader.array { (reader: inout SnapshotReader) throws(SnapshotReader.Malformed) in
            CleanupFile(name: try reader.string(), text: try reader.string())
        }
        guard reader.atEnd else { throw .init(reason: "bytes after the end") }
        return GlossarySnapshot(glossary: Glossary(entries: entries, languages: languages), cleanupFiles: cleanup)
    }

    // MARK: Languages

    private static func write(_ catalog: LanguageCatalog, into writer: inout SnapshotWriter) {
        writer.array(catalog.languages.values.sorted { $0.tag < $1.tag }) { writer, language in
            writer.string(language.tag.description)
            writer.string(language.name)
            writer.string(language.script)
            writer.array(language.commonWords.sorted()) { $0.string($1) }
        }
        writer.array(catalog.inflection.sorted { $0.key < $1.key }) { writer, pair in
            writer.string(pair.key.description)
            let rules = pair.value
            writer.array(rules.inflects.sorted()) { $0.string($1.rawValue) }
            writer.array(rules.capitalized.sorted()) { $0.string($1.rawValue) }
            writer.int(rules.minStem)
            writer.array(rules.rules) { writer, rule in
                writer.string(rule.base)
                writer.array(rule.after.map(String.init).sorted()) { $0.string($1) }
                writer.array(rule.endings) { $0.string($1) }
            }
        }
    }

    private static func readLanguages(_ reader: inout SnapshotReader) throws(SnapshotReader.Malformed) -> LanguageCatalog {
        let languages = try reader.array { (reader: inout SnapshotReader) throws(SnapshotReader.Malformed) in
            LanguageCatalog.Language(tag: try readTag(&reader), name: try reader.string(), script: try reader.string(),
                                     commonWords: Set(try reader.array { (r: inout SnapshotReader) throws(SnapshotReader.Malformed) in try r.string() }))
        }
        var catalog = LanguageCatalog(languages)
        let count = try reader.int()
        for _ in 0..<count {
            let tag = try readTag(&reader)
            let inflects = try readTypes(&reader)
            let capitalized = try readTypes(&reader)
            let minStem = try reader.int()
            let rules = try reader.array { (reader: inout SnapshotReader) throws(SnapshotReader.Malformed) in
                InflectionRules.Rule(
                    base: try reader.string(),
                    after: Set(try reader.array { (r: inout SnapshotReader) throws(SnapshotReader.Malformed) in
                        let letter = try r.string()
                        guard letter.count == 1 else { throw .init(reason: "an `after` letter is '\(letter)'") }
                        return Character(letter)
                    }),
                    endings: try reader.array { (r: inout SnapshotReader) throws(SnapshotReader.Malformed) in try r.string() })
            }
            catalog.setInflection(InflectionRules(inflects: inflects, capitalized: capitalized, minStem: minStem, rules: rules), for: tag)
        }
        return catalog
    }

    private static func readTag(_ reader: inout SnapshotReader) throws(SnapshotReader.Malformed) -> LanguageTag {
        let text = try reader.string()
        if let known = reader.tags[text] { return known }
        guard let tag = LanguageTag(parsing: text) else { throw .init(reason: "'\(text)' is not a language tag") }
        reader.tags[text] = tag
        return tag
    }

    private static func readType(_ reader: inout SnapshotReader) throws(SnapshotReader.Malformed) -> EntityType {
        let text = try reader.string()
        guard let type = EntityType(rawValue: text) else { throw .init(reason: "'\(text)' is not an entity type") }
        return type
    }

    private static func readTypes(_ reader: inout SnapshotReader) throws(SnapshotReader.Malformed) -> Set<EntityType> {
        Set(try reader.array { (r: inout SnapshotReader) throws(SnapshotReader.Malformed) in try readType(&r) })
    }

    // MARK: Entries

    private static func write(_ entry: GlossaryEntry, into writer: inout SnapshotWriter) {
        writer.string(entry.id)
        writer.string(entry.type.rawValue)
        writer.string(entry.canonical)
        for text in [entry.expansion, entry.native, entry.origin, entry.romanized, entry.wikidata, entry.notes] {
            writer.optional(text) { $0.string($1) }
        }
        writer.optional(entry.caseSensitive) { $0.bool($1) }
        writer.array(entry.ambiguousWith) { $0.string($1) }
        write(entry.location, into: &writer)
        writer.array(entry.variants) { writer, variant in
            writer.string(variant.form)
            writer.string(variant.language.description)
            switch variant.provenance {
            case let .curated(source):
                writer.int(0)
                writer.optional(source) { $0.string($1) }
            case let .generated(transform):
                writer.int(1)
                writer.string(transform)
            }
            writer.optional(variant.location) { write($1, into: &$0) }
        }
        writer.array(entry.shortForms) { writer, short in
            writer.string(short.form)
            writer.string(short.language.description)
            writer.bool(short.standalone)
            writer.optional(short.location) { write($1, into: &$0) }
        }
        writer.array(entry.roles) { writer, role in
            writer.string(role.title)
            writer.optional(role.from) { writeSigned($1, into: &$0) }
            writer.optional(role.to) { writeSigned($1, into: &$0) }
            writer.optional(role.country) { $0.string($1) }
        }
    }

    private static func readEntry(_ reader: inout SnapshotReader) throws(SnapshotReader.Malformed) -> GlossaryEntry {
        let id = try reader.string()
        let type = try readType(&reader)
        let canonical = try reader.string()
        var texts: [String?] = []
        for _ in 0..<6 { texts.append(try reader.optional { (r: inout SnapshotReader) throws(SnapshotReader.Malformed) in try r.string() }) }
        let caseSensitive = try reader.optional { (r: inout SnapshotReader) throws(SnapshotReader.Malformed) in try r.bool() }
        let ambiguousWith = try reader.array { (r: inout SnapshotReader) throws(SnapshotReader.Malformed) in try r.string() }
        let location = try readLocation(&reader)
        let variants = try reader.array { (reader: inout SnapshotReader) throws(SnapshotReader.Malformed) in
            let form = try reader.string()
            let language = try readTag(&reader)
            let provenance: Variant.Provenance
            switch try reader.int() {
            case 0: provenance = .curated(source: try reader.optional { (r: inout SnapshotReader) throws(SnapshotReader.Malformed) in try r.string() })
            case 1: provenance = .generated(transform: try reader.string())
            case let other: throw .init(reason: "provenance \(other)")
            }
            let location = try reader.optional { (r: inout SnapshotReader) throws(SnapshotReader.Malformed) in try readLocation(&r) }
            return Variant(form: form, language: language, provenance: provenance, location: location)
        }
        let shortForms = try reader.array { (reader: inout SnapshotReader) throws(SnapshotReader.Malformed) in
            ShortForm(form: try reader.string(), language: try readTag(&reader), standalone: try reader.bool(),
                      location: try reader.optional { (r: inout SnapshotReader) throws(SnapshotReader.Malformed) in try readLocation(&r) })
        }
        let roles = try reader.array { (reader: inout SnapshotReader) throws(SnapshotReader.Malformed) in
            Role(title: try reader.string(),
                 from: try reader.optional { (r: inout SnapshotReader) throws(SnapshotReader.Malformed) in try readSigned(&r) },
                 to: try reader.optional { (r: inout SnapshotReader) throws(SnapshotReader.Malformed) in try readSigned(&r) },
                 country: try reader.optional { (r: inout SnapshotReader) throws(SnapshotReader.Malformed) in try r.string() })
        }
        return GlossaryEntry(id: id, type: type, canonical: canonical, expansion: texts[0], native: texts[1], origin: texts[2],
                             romanized: texts[3], variants: variants, shortForms: shortForms, roles: roles, wikidata: texts[4],
                             caseSensitive: caseSensitive, ambiguousWith: ambiguousWith, notes: texts[5], location: location)
    }

    private static func write(_ location: SourceLocation, into writer: inout SnapshotWriter) {
        writer.string(location.file)
        writer.int(location.line)
        writer.int(location.column)
    }

    private static func readLocation(_ reader: inout SnapshotReader) throws(SnapshotReader.Malformed) -> SourceLocation {
        SourceLocation(file: try reader.string(), line: try reader.int(), column: try reader.int())
    }

    /// Years may in principle be negative: zigzag, so small magnitudes stay one or two bytes.
    private static func writeSigned(_ value: Int, into writer: inout SnapshotWriter) {
        writer.int(value >= 0 ? value << 1 : ((-value) << 1) - 1)
    }

    private static func readSigned(_ reader: inout SnapshotReader) throws(SnapshotReader.Malformed) -> Int {
        let raw = try reader.int()
        return raw & 1 == 0 ? raw >> 1 : -((raw + 1) >> 1)
    }
}

extension GlossarySnapshot {
    /// Loads the glossary folder (failing on any error, as every command does) and takes its
    /// cleanup rule files along; returns the warnings too, for the caller to print.
    public static func compile(directory: String) throws -> (snapshot: GlossarySnapshot, warnings: [GlossaryDiagnostic]) {
        let result = try GlossaryLoader.loadReportingProblems(directory: directory)
        guard result.errors.isEmpty else { throw GlossaryError.invalid(result.diagnostics) }
        let cleanup = (directory as NSString).appendingPathComponent("cleanup")
        var files: [CleanupFile] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cleanup)) ?? []
        for name in names.filter({ $0.hasSuffix(".yaml") }).sorted() {
            let path = (cleanup as NSString).appendingPathComponent(name)
            do {
                files.append(CleanupFile(name: name, text: try String(contentsOfFile: path, encoding: .utf8)))
            } catch {
                throw GlossaryError.unreadable(path: path, reason: error.localizedDescription)
            }
        }
        return (GlossarySnapshot(glossary: result.glossary, cleanupFiles: files), result.warnings)
    }
}
