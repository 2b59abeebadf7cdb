/// One entity the glossary knows: a person, organization, place, term or title, with its canonical
/// English form and every way other languages write it.
///
/// ```yaml
/// - id: to-lam
///   type: person
///   canonical: To Lam
///   native: Tô Lâm
///   origin: vi
///   variants:
///     pl: [Tô Lâm]
/// ```
/// After loading, ``variants`` holds the curated forms from the file and the forms generated from
/// `native` or `romanized` by the rule files (`То Лам` from `Vietnamese-Russian`).
public struct GlossaryEntry: Hashable, Sendable, Identifiable {
    /// Stable slug: `nguyen-phu-trong`.
    public var id: String
    public var type: EntityType
    /// The canonical English form Canon outputs.
    public var canonical: String
    /// The English expansion of an abbreviation: `official development assistance` for `ODA`.
    public var expansion: String?
    /// The name in its own language and script: `Nguyễn Phú Trọng`, `岸田文雄`.
    public var native: String?
    /// The naming system generated variants come from: `vi`, `ko`, `ja`.
    public var origin: String?
    /// The romanization generators read for `ko` and `ja` origins (family name first).
    public var romanized: String?
    /// Curated and generated forms, curated first, in file order.
    public var variants: [Variant]
    /// Forms that refer to the entity after its full name has appeared (`Кисида`, `Chính`).
    public var shortForms: [ShortForm]
    public var roles: [Role]
    /// Wikidata QID, `Q` + digits.
    public var wikidata: String?
    /// Explicit case sensitivity; nil means the default (all-caps abbreviations are case-sensitive).
    public var caseSensitive: Bool?
    /// Other entries that share a normalized form with this one on purpose.
    public var ambiguousWith: [String]
    public var notes: String?
    /// Where the entry starts in its file.
    public var location: SourceLocation

    public init(id: String, type: EntityType, canonical: String, expansion: String? = nil, native: String? = nil,
                origin: String? = nil, romanized: String? = nil, variants: [Variant] = [], shortForms: [ShortForm] = [],
                roles: [Role] = [], wikidata: String? = nil, caseSensitive: Bool? = nil, ambiguousWith: [String] = [],
                notes: String? = nil, location: SourceLocation) {
        self.id = id
        self.type = type
        self.canonical = canonical
        self.expansion = expansion
        self.native = native
        self.origin = origin
        self.romanized = romanized
        self.variants = variants
        self.shortForms = shortForms
        self.roles = roles
        self.wikidata = wikidata
        self.caseSensitive = caseSensitive
        self.ambiguousWith = ambiguousWith
        self.notes = notes
        self.location = location
    }

    /// The variants of one language, curated and generated.
    public func variants(in language: LanguageTag) -> [Variant] {
        variants.filter { $0.language == language }
    }
}

/// One written form of an entity in one language.
public struct Variant: Hashable, Sendable {
    /// How a variant came to be in the glossary.
    public enum Provenance: Hashable, Sendable {
        /// Written by hand in a glossary file; `source` says where it is attested when that is not obvious.
        case curated(source: String?)
        /// Produced by a transform from the entry's `native` or `romanized` form.
        case generated(transform: String)
    }

    /// The form as the language writes it, in the nominative: `Нгуен Фу Чонг`, `ОПР`.
    public var form: String
    public var language: LanguageTag
    public var provenance: Provenance
    /// Where a curated variant is written; nil for generated ones.
    public var location: SourceLocation?

    public init(form: String, language: LanguageTag, provenance: Provenance, location: SourceLocation? = nil) {
        self.form = form
        self.language = language
        self.provenance = provenance
        self.location = location
    }

    public var isGenerated: Bool {
        if case .generated = provenance { return true }
        return false
    }
}

/// A shorter form that refers to an entity once its full name has appeared in the same document.
public struct ShortForm: Hashable, Sendable {
    public var form: String
    public var language: LanguageTag
    /// Safe to match on its own, without an earlier full mention (`Obama`).
    public var standalone: Bool
    public var location: SourceLocation?

    public init(form: String, language: LanguageTag, standalone: Bool = false, location: SourceLocation? = nil) {
        self.form = form
        self.language = language
        self.standalone = standalone
        self.location = location
    }
}

/// An office an entity held: `{title: prime-minister-of-vietnam, from: 2021}`.
public struct Role: Hashable, Sendable {
    /// A title entry's id or English text.
    public var title: String
    public var from: Int?
    /// nil while in office.
    public var to: Int?
    /// For foreign office holders: the country, as a place id or English name.
    public var country: String?

    public init(title: String, from: Int? = nil, to: Int? = nil, country: String? = nil) {
        self.title = title
        self.from = from
        self.to = to
        self.country = country
    }
}
