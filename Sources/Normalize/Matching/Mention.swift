/// One mention of a glossary entity in a text: what it is, where it is, and how it was recognised.
///
/// Offsets refer to the text the matcher was given, in Unicode scalars and in UTF-8 bytes, end
/// exclusive, so `surface` is always that slice of the text.
public struct Mention: Hashable, Sendable {
    public var entryID: String
    public var canonical: String
    public var type: EntityType
    /// The text as written: `Нгуен Фу Чонгом`.
    public var surface: String
    public var scalarRange: Range<Int>
    public var utf8Range: Range<Int>
    /// The glossary form it matched: `Нгуен Фу Чонг`.
    public var form: String
    /// The language of that form (`en` for the canonical form).
    public var language: LanguageTag
    /// How the surface differs from the form, empty for an exact match.
    public var how: [MatchKind]

    public init(entryID: String, canonical: String, type: EntityType, surface: String, scalarRange: Range<Int>,
                utf8Range: Range<Int>, form: String, language: LanguageTag, how: [MatchKind]) {
        self.entryID = entryID
        self.canonical = canonical
        self.type = type
        self.surface = surface
        self.scalarRange = scalarRange
        self.utf8Range = utf8Range
        self.form = form
        self.language = language
        self.how = how
    }
}

/// How a mention's surface relates to the glossary form it matched.
public enum MatchKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Differs in case.
    case caseFolded = "case"
    /// Differs in Latin diacritics (`Pham Minh Chinh` for `Phạm Minh Chính`) or `ё`/`е`.
    case diacriticsFolded = "diacritics"
    /// Some word carries an inflectional ending (`Чонгом`, `Lamowi`).
    case inflected
    /// Words are joined or split differently (`Нгеан` for `Нге Ан`).
    case separatorsFolded = "separators"
    /// Look-alike letters from another script were repaired.
    case confusables
    /// A short form (`Кисида`) after the full name appeared earlier in the text.
    case shortForm = "short_form"
    /// An abbreviation together with its expansion in parentheses: `официальной помощи в целях развития (ОПР)`.
    case withExpansion = "with_expansion"
}
