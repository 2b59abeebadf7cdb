/// The words of one text prepared for matching: offsets, the gap before each word, and each word's
/// readings (key numbers it may stand for, exact or through an inflectional ending).
struct TextWords {
    struct Reading {
        var key: Int32
        /// The ending removed to reach the base form; empty for an exact reading.
        var ending: String
    }

    struct Word {
        var text: Substring
        var scalarRange: Range<Int>
        var utf8Range: Range<Int>
        /// ISO 15924 code of the word's script.
        var script: String
        var readings: [Reading]
        /// Whether the text between the previous word and this one may sit inside a name: spaces
        /// (not line breaks) or one hyphen.
        var joinsPrevious: Bool
        var repairedConfusables: Bool
        /// The index of the word's first token, for gap inspection.
        var tokenIndex: Int
    }

    let text: String
    let tokens: [Token]
    var words: [Word] = []
    let language: LanguageTag?
    /// The inflection rules of each script the words are in, for the text's language.
    private(set) var rulesByScript: [String: InflectionRules] = [:]

    init(text: String, tokens: [Token], matcher: GlossaryMatcher, language: LanguageTag?, exact: Bool = false,
         cache: ReadingCache = ReadingCache()) {
        self.text = text
        self.tokens = tokens
        self.language = language
        cache.bind(to: matcher)
        // A word reads differently per language (its endings) and in the exact baseline.
        let context = (language?.description ?? "") + (exact ? "|exact" : "")
        let table = cache.table(for: context)
        var gap = NameGap()
        var lastScript = ""
        var gapOK = false
        let technical = TechnicalSpans.ranges(in: text)
        var nextTechnical = 0
        for (tokenIndex, token) in tokens.enumerated() {
            while nextTechnical < technical.count, technical[nextTechnical].upperBound <= token.scalarRange.lowerBound { nextTechnical += 1 }
            let insideTechnical = nextTechnical < technical.count && technical[nextTechnical].contains(token.scalarRange.lowerBound)
            guard token.isMatchable, !insideTechnical else {
                gap.add(token.text)
                continue
            }
            let script = token.script.code
            if script != lastScript, rulesByScript[script] == nil {
                rulesByScript[script] = exact ? .none : cache.rules(context: context, script: script) {
                    matcher.languages.inflectionRules(for: language, script: script)
                }
            }
            lastScript = script
            let (readings, repaired): ([Reading], Bool)
            let spelled = ByteKey(String(token.text))
            if let cached = cache.lookup(spelled, in: table) {
                (readings, repaired) = (cached.readings, cached.repairedConfusables)
            } else {
                var word = spelled.text
                var wasRepaired = false
                if !exact, token.scripts.isMixed, let fixed = matcher.confusables?.repaired(word) {
                    word = fixed
                    wasRepaired = true
                }
                let computed = TextWords.readings(of: word, rules: rulesByScript[script]!, keys: matcher.index.keys)
                cache.store(ReadingCache.Entry(readings: computed, repairedConfusables: wasRepaired), for: spelled, in: table)
                (readings, repaired) = (computed, wasRepaired)
            }
            gapOK = !words.isEmpty && gap.joins
            words.append(Word(text: token.text, scalarRange: token.scalarRange, utf8Range: token.utf8Range, script: script,
                              readings: readings, joinsPrevious: gapOK, repairedConfusables: repaired, tokenIndex: tokenIndex))
            gap = NameGap()
        }
    }

    static func readings(of word: String, rules: InflectionRules, keys: [ByteKey: Int32]) -> [Reading] {
        let key = MatcherIndex.key(of: word)
        var readings: [Reading] = []
        if let number = keys[ByteKey(key)] { readings.append(Reading(key: number, ending: "")) }
        for (base, ending) in rules.bases(of: key) {
            if let number = keys[ByteKey(base)], !readings.contains(where: { $0.key == number }) {
                readings.append(Reading(key: number, ending: ending))
            }
        }
        return readings
    }

    /// What lies between two words, read token by token without building the string: the words of
    /// a name may be separated by spaces within a line, or a single hyphen (with optional spaces):
    /// `Jae-myung`, `Ha Long`.
    struct NameGap {
        private var hyphens = 0
        private var other = false

        var joins: Bool { !other && hyphens <= 1 }

        mutating func add(_ text: Substring) {
            guard !other else { return }
            for scalar in text.unicodeScalars {
                switch scalar {
                case " ", "\u{A0}", "\u{202F}": continue
                case "-", "\u{2010}", "\u{2011}": hyphens += 1
                default: other = true; return
                }
            }
        }
    }

    /// Whether word `index` opens a sentence or a line, where a capital says nothing about a name.
    func startsSentence(_ index: Int) -> Bool {
        var token = words[index].tokenIndex - 1
        while token >= 0 {
            let text = tokens[token].text
            if text.contains(where: { ".!?…:\n\r•|".contains($0) }) { return true }
            if text.contains(where: { !$0.isWhitespace && !"«»„“”\"'‘’([".contains($0) }) { return false }
            token -= 1
        }
        return true
    }

    /// A found match as a public mention.
    func mention(for match: Match, index: MatcherIndex) -> Mention {
        let form = index.forms[match.form]
        let entry = index.entries[form.entry]
        let first = words[match.words.lowerBound], last = words[match.words.upperBound - 1]
        let scalarRange = first.scalarRange.lowerBound..<(match.extendedScalarEnd ?? last.scalarRange.upperBound)
        let utf8Range = first.utf8Range.lowerBound..<(match.extendedUTF8End ?? last.utf8Range.upperBound)
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: utf8Range.lowerBound)
        let end = text.utf8.index(start, offsetBy: utf8Range.count)
        return Mention(entryID: entry.id, canonical: entry.canonical, type: entry.type,
                       surface: String(text[start..<end]), scalarRange: scalarRange, utf8Range: utf8Range,
                       form: form.text, language: form.language, how: match.how)
    }
}

/// A match found by a pass, before it becomes a ``Mention``.
struct Match {
    var words: Range<Int>
    var form: Int
    var how: [MatchKind]
    /// Set when the match was extended past its last word (a closing parenthesis).
    var extendedScalarEnd: Int?
    var extendedUTF8End: Int?
}
