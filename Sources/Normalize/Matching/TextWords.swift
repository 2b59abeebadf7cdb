/// The words of one text prepared for matching: offsets, the gap before each word, and each word's
/// readings (key numbers it may stand for, exact or through an inflectional ending).
struct TextWords {
    struct Reading {
        var key: Int32
        /// The ending removed to reach the base form; empty for an exact reading.
        let ending: String
        /// The ending's length in characters, counted once when the word is first read.
        let endingLength: Int

        init(key: Int32, ending: String) {
            self.key = key
            self.ending = ending
            self.endingLength = ending.count
        }
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
        /// Whether every scalar of the word is a character of its own (``TextWords/scalarsAreCharacters(_:)``),
        /// so the case checks may walk scalars instead of breaking grapheme clusters.
        var scalarsAreCharacters: Bool
    }

    let text: String
    let tokens: [Token]
    var words: [Word] = []
    let language: LanguageTag?
    /// The cache table of the text's language context, which also remembers the pass's verdicts.
    private let table: ReadingCache.Table
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
        self.table = table
        var gap = NameGap()
        var lastScript = ""
        var gapOK = false
        let technical = TechnicalSpans.ranges(in: text)
        var nextTechnical = 0
        words.reserveCapacity(tokens.count / 2)
        // Words are looked up in the cache by their bytes where they lie in the text.
        var utf8 = text
        utf8.makeContiguousUTF8()
        utf8.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
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
                let spelled = UnsafeRawBufferPointer(rebasing: bytes[token.utf8Range])
                if let cached = cache.lookup(spelled, in: table) {
                    (readings, repaired) = (cached.readings, cached.repairedConfusables)
                } else {
                    var word = String(token.text)
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
                                  readings: readings, joinsPrevious: gapOK, repairedConfusables: repaired, tokenIndex: tokenIndex,
                                  scalarsAreCharacters: !readings.isEmpty && TextWords.scalarsAreCharacters(spelled)))
                gap = NameGap()
            }
        }
    }

    static func readings(of word: String, rules: InflectionRules, keys: ByteTable<Int32>) -> [Reading] {
        let key = MatcherIndex.key(of: word)
        var readings: [Reading] = []
        var utf8 = key
        utf8.withUTF8 { utf8 in
            if let number = keys.value(for: UnsafeRawBufferPointer(utf8)) { readings.append(Reading(key: number, ending: "")) }
            // Each base form is looked up as bytes put together on the stack, not as a string.
            for candidate in rules.baseCandidates(of: key, utf8: utf8) {
                let length = candidate.stemBytes + candidate.base.count
                let number = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(length, 1)) { buffer -> Int32? in
                    _ = buffer.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: utf8[..<candidate.stemBytes]))
                    _ = buffer[candidate.stemBytes...].initialize(fromContentsOf: candidate.base)
                    return keys.value(for: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<length])))
                }
                if let number, !readings.contains(where: { $0.key == number }) {
                    readings.append(Reading(key: number, ending: candidate.ending))
                }
            }
        }
        return readings
    }

    /// Whether each scalar of `utf8` is a character of its own and no two different strings of
    /// such scalars are canonically equivalent (``PlainText``), so that counting, slicing and
    /// comparing by scalars gives what `String` gives by characters. Only words that may match are
    /// asked.
    static func scalarsAreCharacters(_ utf8: UnsafeRawBufferPointer) -> Bool {
        PlainText.isPlain(utf8)
    }

    static func scalarsAreCharacters(_ text: String) -> Bool {
        PlainText.isPlain(text)
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

    /// The verdict on word `index` standing for word `wordOfForm` of form `form` with an ending of
    /// `endingLength` characters, made by `judge` the first time and remembered for the language
    /// context (keyed by the word's bytes and those three numbers).
    func verdict(word index: Int, form: Int, wordOfForm: Int, endingLength: Int,
                 _ judge: () -> MatchPass.MatchKinds?) -> MatchPass.MatchKinds? {
        let range = words[index].utf8Range
        let known: UInt8? = text.utf8.withContiguousStorageIfAvailable { utf8 -> UInt8? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count + 6) { key in
                let base = key.baseAddress!
                base.update(from: utf8.baseAddress! + range.lowerBound, count: range.count)
                let tail = base + range.count
                tail[0] = UInt8(truncatingIfNeeded: form)
                tail[1] = UInt8(truncatingIfNeeded: form >> 8)
                tail[2] = UInt8(truncatingIfNeeded: form >> 16)
                tail[3] = UInt8(truncatingIfNeeded: form >> 24)
                tail[4] = UInt8(truncatingIfNeeded: wordOfForm)
                tail[5] = UInt8(truncatingIfNeeded: endingLength)
                let bytes = UnsafeRawBufferPointer(start: base, count: range.count + 6)
                if let stored = table.verdicts.value(for: bytes) { return stored }
                let made = judge().map { $0.bits | 0x80 } ?? 0
                table.verdicts.set(made, for: bytes)
                return made
            }
        } ?? nil
        guard let known else { return judge() }
        return known == 0 ? nil : MatchPass.MatchKinds(bits: known & 0x7F)
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
