/// Looks up a whole written form with the matcher, so inflected forms are explained too:
/// `Нгуен Фу Чонгом` is the instrumental of `Нгуен Фу Чонг`.
public enum MatcherLookup {
    /// The entry `text` names as a whole, as a ``GlossaryIndex/Hit``, or nil when no single mention
    /// covers it. Case is not enforced: a name typed in lower case is still looked up.
    ///
    /// - Parameter language: the language whose inflection rules to try first; every language with
    ///   rules is tried when it is nil.
    public static func lookup(_ text: String, in glossary: Glossary, language: LanguageTag?,
                              matcher: GlossaryMatcher? = nil) throws -> GlossaryIndex.Hit? {
        let trimmed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !trimmed.isEmpty else { return nil }
        let matcher = matcher ?? GlossaryMatcher(glossary)
        let breaker = try WordBreaker()
        let languages = [language].compactMap { $0 } + glossary.languages.inflection.keys.sorted()
        for candidate in language == nil ? languages : [language!] {
            let mentions = matcher.mentions(in: trimmed, language: candidate, breaker: breaker,
                                           options: .init(respectingCase: false, shortFormsAnywhere: true))
            guard mentions.count == 1, let mention = mentions.first, mention.scalarRange == 0..<trimmed.unicodeScalars.count else { continue }
            let entry = glossary.entry(id: mention.entryID)
            let provenance = entry?.variants.first { $0.form == mention.form && $0.language == mention.language }?.provenance
            let kind: GlossaryIndex.Hit.Kind = mention.how.contains(.shortForm) ? .shortForm
                : mention.form == entry?.canonical ? .canonical : mention.form == entry?.native ? .native : .variant
            return GlossaryIndex.Hit(entryID: mention.entryID, form: mention.form, language: mention.language, kind: kind,
                                     provenance: provenance, how: mention.how.compactMap(GlossaryIndex.Folding.init))
        }
        return nil
    }
}

extension GlossaryIndex.Folding {
    /// The lookup's account of a matcher's ``MatchKind``.
    init?(_ kind: MatchKind) {
        switch kind {
        case .caseFolded: self = .caseFolded
        case .diacriticsFolded: self = .diacriticsFolded
        case .confusables: self = .confusablesRepaired
        case .inflected: self = .inflected
        case .separatorsFolded: self = .separators
        case .shortForm, .withExpansion: return nil
        }
    }
}
