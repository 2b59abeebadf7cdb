/// The languages the glossary may use, from `glossaries/languages.yaml`, and what Canon knows about
/// each: its script and its common words (which make a single-word variant risky).
public struct LanguageCatalog: Sendable {
    public struct Language: Hashable, Sendable {
        public var tag: LanguageTag
        public var name: String
        /// ISO 15924 code: `Latn`, `Cyrl`, `Hani`, `Jpan`, `Kore`.
        public var script: String
        /// Case-folded words common enough that a variant consisting of one of them would match
        /// ordinary text (`то`, `man`, `son`).
        public var commonWords: Set<String>

        public init(tag: LanguageTag, name: String, script: String, commonWords: Set<String> = []) {
            self.tag = tag
            self.name = name
            self.script = script
            self.commonWords = commonWords
        }
    }

    public private(set) var languages: [LanguageTag: Language]
    /// Inflection rules by tag: listed languages, and `und-Cyrl`/`und-Latn` for text whose language is
    /// unknown (conservative rules for the script family).
    public private(set) var inflection: [LanguageTag: InflectionRules] = [:]

    public init(_ languages: [Language]) {
        self.languages = Dictionary(languages.map { ($0.tag, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Sets the inflection rules of a listed language or of an `und-Script` family.
    public mutating func setInflection(_ rules: InflectionRules, for tag: LanguageTag) {
        inflection[tag] = rules
    }

    /// The rules for words written in `script` (ISO 15924) in a text of language `tag`: the language's
    /// own rules when it is written in that script, else the conservative rules of the script family,
    /// else none.
    public func inflectionRules(for tag: LanguageTag?, script: String) -> InflectionRules {
        if let tag {
            let base = tag.languageOnly
            if self.script(of: tag) == script, let rules = inflection[tag] ?? inflection[base] { return rules }
        }
        return inflection[LanguageTag(parsing: "und-\(script)")!] ?? .none
    }

    /// Whether `tag` may be used: its language is listed (`sr-Latn` is known when `sr` is), or it is
    /// `und` with a script (`und-Latn`).
    public func contains(_ tag: LanguageTag) -> Bool {
        if tag.language == "und" { return tag.script != nil && tag.region == nil }
        return languages[tag.languageOnly] != nil
    }

    /// The script `tag` is written in: its own script subtag, else the language's.
    public func script(of tag: LanguageTag) -> String? {
        tag.script ?? languages[tag.languageOnly]?.script
    }

    /// Every language written in `script`, sorted.
    public func languages(writtenIn script: String) -> [LanguageTag] {
        languages.values.filter { $0.script == script }.map(\.tag).sorted()
    }

    /// The common words of `tag`'s language; for `und-Latn`, of every Latin-script language.
    public func commonWords(of tag: LanguageTag) -> Set<String> {
        if tag.language == "und", let script = tag.script {
            return languages.values.filter { $0.script == script }.reduce(into: []) { $0.formUnion($1.commonWords) }
        }
        return languages[tag.languageOnly]?.commonWords ?? []
    }

    /// Adds common words to a listed language (they come from `glossaries/languages/<tag>.yaml`).
    public mutating func addCommonWords(_ words: [String], to tag: LanguageTag) {
        languages[tag]?.commonWords.formUnion(words.map(FoldingKey.caseFolded))
    }

    /// The closest listed tag to a misspelled one, for "did you mean".
    public func suggestion(for text: String) -> String? {
        Similarity.closest(to: text, among: languages.keys.map(\.description).sorted(), limit: 1).first
    }
}
