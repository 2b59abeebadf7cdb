import Normalize

/// The JSON shape of an entry, shared by `canon glossary … --json` and `export --format json`:
/// the YAML keys, plus each variant's provenance. Keys are snake_case like the YAML.
public struct EntryRecord: Codable, Equatable, Sendable {
    public struct VariantRecord: Codable, Equatable, Sendable {
        public var form: String
        /// `curated` or `generated`.
        public var provenance: String
        /// The transform of a generated variant.
        public var transform: String?
        /// Where a curated variant is attested, when the glossary says.
        public var source: String?
        /// `file:line` of a curated variant.
        public var location: String?
    }

    public struct ShortFormRecord: Codable, Equatable, Sendable {
        public var form: String
        public var standalone: Bool
    }

    public struct RoleRecord: Codable, Equatable, Sendable {
        public var title: String
        public var from: Int?
        public var to: Int?
        public var country: String?
    }

    public var id: String
    public var type: String
    public var canonical: String
    public var expansion: String?
    public var native: String?
    public var origin: String?
    public var romanized: String?
    /// Variants by language tag.
    public var variants: [String: [VariantRecord]]
    public var short_forms: [String: [ShortFormRecord]]
    public var roles: [RoleRecord]
    public var wikidata: String?
    public var case_sensitive: Bool?
    public var ambiguous_with: [String]
    public var notes: String?
    /// `file:line` where the entry starts.
    public var location: String

    public init(_ entry: GlossaryEntry) {
        id = entry.id
        type = entry.type.rawValue
        canonical = entry.canonical
        expansion = entry.expansion
        native = entry.native
        origin = entry.origin
        romanized = entry.romanized
        variants = Dictionary(grouping: entry.variants, by: { $0.language.description }).mapValues { variants in
            variants.map { variant in
                switch variant.provenance {
                case let .curated(source):
                    VariantRecord(form: variant.form, provenance: "curated", transform: nil, source: source,
                                  location: variant.location?.description)
                case let .generated(transform):
                    VariantRecord(form: variant.form, provenance: "generated", transform: transform, source: nil, location: nil)
                }
            }
        }
        short_forms = Dictionary(grouping: entry.shortForms, by: { $0.language.description }).mapValues { forms in
            forms.map { ShortFormRecord(form: $0.form, standalone: $0.standalone) }
        }
        roles = entry.roles.map { RoleRecord(title: $0.title, from: $0.from, to: $0.to, country: $0.country) }
        wikidata = entry.wikidata
        case_sensitive = entry.caseSensitive
        ambiguous_with = entry.ambiguousWith
        notes = entry.notes
        location = entry.location.description
    }
}
