/// One line of `glossaries/generators.yaml`: which transform writes entries of an `origin` in a
/// language.
///
/// ```yaml
/// - {origin: vi, reads: native, language: ru, transform: Vietnamese-Russian, place_transform: Vietnamese-Russian/Place}
/// - {origin: vi, reads: native, language: und-Latn, transform: Latin-ASCII}
/// ```
public struct GeneratorRule: Hashable, Sendable {
    /// Which field of an entry the transform reads.
    public enum Input: String, Hashable, Sendable, CaseIterable {
        /// `native`: Vietnamese with full diacritics.
        case native
        /// `romanized`, else `canonical`: the family-name-first romanization of Korean or Japanese names.
        case romanized
    }

    public var origin: String
    public var reads: Input
    public var language: LanguageTag
    public var transform: String
    /// The transform for places, when they are written differently (Russian writes them as one word).
    public var placeTransform: String?
    public var location: SourceLocation

    public init(origin: String, reads: Input, language: LanguageTag, transform: String,
                placeTransform: String? = nil, location: SourceLocation) {
        self.origin = origin
        self.reads = reads
        self.language = language
        self.transform = transform
        self.placeTransform = placeTransform
        self.location = location
    }

    /// The transform this rule uses for an entry of `type`.
    public func transform(for type: EntityType) -> String {
        type == .place ? (placeTransform ?? transform) : transform
    }
}

/// Derives variants from an entry's `native` or `romanized` form with the generator rules, so the
/// glossary need not spell out `Нгуен Фу Чонг` when the Russian practical transcription gives it.
///
/// Curated variants win: when an entry has curated forms in a language, nothing is generated in that
/// language (the curator has said how that language writes the name), but the generated form is still
/// computed so that ``expectedForms(for:)`` can flag curated typos.
///
/// Thread safety: not thread-safe (it holds transliterators); use it from one thread while loading.
public final class VariantGenerator {
    public let rules: [GeneratorRule]
    /// Transliterators by transform ID, opened once.
    private var transliterators: [String: Transliterator] = [:]
    /// Transform IDs that did not open, reported once by ``unavailableTransforms``.
    public private(set) var unavailableTransforms: [(id: String, location: SourceLocation)] = []

    /// Opens every transform the rules name. Transforms that do not open are recorded in
    /// ``unavailableTransforms`` and their rules skipped, so one missing rule file does not stop loading.
    public init(rules: [GeneratorRule]) {
        self.rules = rules
        for rule in rules {
            for id in [rule.transform, rule.placeTransform].compactMap({ $0 }) where transliterators[id] == nil {
                if let transliterator = try? Transliterator(id: id) {
                    transliterators[id] = transliterator
                } else if !unavailableTransforms.contains(where: { $0.id == id }) {
                    unavailableTransforms.append((id, rule.location))
                }
            }
        }
    }

    /// The origins some rule reads.
    public var origins: Set<String> { Set(rules.map(\.origin)) }

    /// What the rules give for `entry`, per rule, whether or not curated variants override them.
    public func expectedForms(for entry: GlossaryEntry) -> [(rule: GeneratorRule, form: String)] {
        guard let origin = entry.origin else { return [] }
        var forms: [(GeneratorRule, String)] = []
        for rule in rules where rule.origin == origin {
            let input: String? = switch rule.reads {
            case .native: entry.native
            case .romanized: entry.romanized ?? entry.canonical
            }
            let id = rule.transform(for: entry.type)
            guard let input, !input.isEmpty, let transliterator = transliterators[id] else { continue }
            let form = nfc.normalize(transliterator.transliterate(nfc.normalize(input)))
            if !form.isEmpty { forms.append((rule, form)) }
        }
        return forms
    }

    /// `entry` with its generated variants appended after the curated ones.
    public func addingGeneratedVariants(to entry: GlossaryEntry) -> GlossaryEntry {
        var entry = entry
        let curatedLanguages = Set(entry.variants.map(\.language))
        for (rule, form) in expectedForms(for: entry) where !curatedLanguages.contains(rule.language) {
            let exists = entry.variants.contains { $0.language == rule.language && $0.form == form }
            if !exists {
                entry.variants.append(Variant(form: form, language: rule.language,
                                              provenance: .generated(transform: rule.transform(for: entry.type))))
            }
        }
        return entry
    }

    private let nfc = Normalizer(.nfc)
}
