/// Finds every mention of every glossary entity in a text, in any language the glossary and the
/// inflection rules cover: `Нгуен Фу Чонгом`, `Кисидой Фумио`, `Tou Lamowi`, `Pham Minh Chinha`,
/// `официальной помощи в целях развития (ОПР)`.
///
/// How it matches (docs/matching.md has the whole story):
/// - Text is split into words (ICU word breaks); each word is reduced to a matching key (case folded,
///   Latin diacritics and `ё` folded, look-alike letters from another script repaired), and read
///   both as it is and, through the language's ``InflectionRules``, as each base form it may be an
///   inflection of.
/// - Word sequences are looked up in a trie of the glossary's forms. Words of a name may be separated
///   by spaces or hyphens, or joined (`Нгеан` = `Нге Ан`); anything else ends a name.
/// - Case is respected where it carries meaning: person and place names keep their capitals in
///   languages that capitalise names; all-caps abbreviations (`ОПР`, `ODA`) match only in capitals;
///   `case_sensitive` entries match their exact case.
/// - Leftmost-longest: from each word, the longest name wins; ties go to fewer inflected words, then
///   to full forms over short ones, then to glossary order. Mentions never overlap and come in text order.
/// - Short forms (`Кисида`) match only after the entity's full name appeared earlier in the text,
///   and for Vietnamese names (referred to by their last syllable: `Thủ tướng Chính`) only right
///   after a title. Short forms marked standalone match anywhere.
///
/// ```swift
/// let matcher = GlossaryMatcher(glossary)
/// let mentions = matcher.mentions(in: "Генеральный секретарь Нгуен Фу Чонгом", language: LanguageTag(parsing: "ru"),
///                                 breaker: try WordBreaker())
/// mentions.map(\.entryID)   // ["general-secretary-cpv", "nguyen-phu-trong"]
/// ```
///
/// Thread safety: immutable after `init`; share one matcher between threads and give each its own
/// ``WordBreaker``.
public final class GlossaryMatcher: Sendable {
    let index: MatcherIndex
    let languages: LanguageCatalog
    let confusables: Confusables?

    /// Compiles `glossary`.
    ///
    /// - Complexity: O(*v*) in the number of forms.
    public init(_ glossary: Glossary) {
        let breaker = try? WordBreaker()
        index = breaker.map { MatcherIndex(glossary: glossary, breaker: $0) }
            ?? MatcherIndex(glossary: Glossary(entries: [], languages: glossary.languages), breaker: try! WordBreaker())
        languages = glossary.languages
        confusables = try? Confusables()
    }

    /// Relaxations of the running-text rules, for looking up one name as a user typed it.
    public struct Options: Sendable {
        /// Apply the case rules (capitalised names, all-caps abbreviations).
        public var respectingCase = true
        /// Let short forms match without an earlier full mention.
        public var shortFormsAnywhere = false
        /// Behave like an exact-string tool (grep -F -i -w, flashtext): whole forms only, compared
        /// case-insensitively, with no inflection, diacritic or separator folding, no short forms.
        /// The baseline `canon eval --baseline` measures Canon against.
        public var exactBaseline = false

        public init(respectingCase: Bool = true, shortFormsAnywhere: Bool = false, exactBaseline: Bool = false) {
            self.respectingCase = respectingCase
            self.shortFormsAnywhere = shortFormsAnywhere
            self.exactBaseline = exactBaseline
        }
    }

    /// The number of distinct forms and keys compiled, for `canon glossary stats` and benchmarks.
    public var statistics: (forms: Int, keys: Int, trieNodes: Int) {
        (index.forms.count, index.keys.count, Int(index.main.nodeCount + index.dependent.nodeCount))
    }

    /// Every mention in `text`, in text order, never overlapping.
    ///
    /// - Parameters:
    ///   - text: the text, ideally NFC (offsets refer to it as given).
    ///   - language: the text's language, for its inflection and capitalisation rules; nil uses the
    ///     conservative rules of each word's script.
    ///   - breaker: a word breaker owned by the calling thread.
    ///   - options: relaxations for looking up a single name rather than reading running text.
    ///   - cache: word readings remembered across calls, owned by the calling thread; pass the same
    ///     one for every text a worker matches (a fresh one is used when nil).
    /// - Returns: the mentions.
    /// - Complexity: O(*n* · *w*) for *n* words and names of at most *w* words.
    public func mentions(in text: String, language: LanguageTag?, breaker: WordBreaker, options: Options = Options(),
                         cache: ReadingCache? = nil) -> [Mention] {
        let words = TextWords(text: text, spans: breaker.spans(in: text), matcher: self,
                              language: options.exactBaseline ? LanguageTag(parsing: "und")! : language, exact: options.exactBaseline,
                              cache: cache ?? ReadingCache())
        var found = MatchPass(words: words, matcher: self, options: options).run()
        if !options.exactBaseline { found = ExpansionMerger.merge(found, words: words, index: index) }
        return found.map { words.mention(for: $0, index: index) }
    }
}
