/// The loaded glossary: every entry with its curated and generated variants, the language catalog,
/// and the problems found while loading.
///
/// ```swift
/// let glossary = try GlossaryLoader.load(directory: "glossaries")   // GlossaryFiles module
/// glossary.entry(id: "to-lam")?.variants(in: LanguageTag(parsing: "ru")!)   // [То Лам (generated)]
/// ```
///
/// A `Glossary` is an immutable value, safe to share between threads.
public struct Glossary: Sendable {
    /// Entries in file order (files sorted by name).
    public let entries: [GlossaryEntry]
    public let languages: LanguageCatalog
    /// Warnings found while loading (errors make loading fail).
    public let diagnostics: [GlossaryDiagnostic]
    private let indexByID: [String: Int]

    public init(entries: [GlossaryEntry], languages: LanguageCatalog, diagnostics: [GlossaryDiagnostic] = []) {
        self.entries = entries
        self.languages = languages
        self.diagnostics = diagnostics
        self.indexByID = Dictionary(entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The entry with `id`, or nil.
    public func entry(id: String) -> GlossaryEntry? {
        indexByID[id].map { entries[$0] }
    }

    /// Every language tag some variant or short form uses, sorted.
    public var usedLanguages: [LanguageTag] {
        Set(entries.flatMap { $0.variants.map(\.language) + $0.shortForms.map(\.language) }).sorted()
    }
}
