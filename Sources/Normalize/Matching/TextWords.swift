/// The words of one text prepared for matching: offsets, the gap before each word, and each word's
/// readings (key numbers it may stand for, exact or through an inflectional ending).
struct TextWords {
    /// One key number a word may stand for.
    struct Reading {
        var key: Int32
        /// The length in characters of the inflectional ending removed to reach the base form; 0
        /// for the word read as written.
        var endingLength: Int

        var isInflected: Bool { endingLength > 0 }
    }

    /// A matchable token: a plain value, so that the passes copy it without reference counting.
    struct Word {
        var scalarRange: Range<Int>
        var utf8Range: Range<Int>
        var script: Script
        /// Where the word's readings lie in ``TextWords/readings``.
        var readings: Range<Int>
        /// Whether the text between the previous word and this one may sit inside a name: spaces
        /// (not line breaks) or one hyphen.
        var joinsPrevious: Bool
        var repairedConfusables: Bool
        /// The index of the word's span, for gap inspection.
        var spanIndex: Int
        /// Whether every scalar of the word is a character of its own (``TextWords/scalarsAreCharacters(_:)``),
        /// so the case checks may walk scalars instead of breaking grapheme clusters.
        var scalarsAreCharacters: Bool
        /// The word's entry number in the reading cache's table, which keys its verdicts.
        var cacheEntry: Int
    }

    let text: String
    let spans: [TokenSpan]
    private(set) var words: [Word] = []
    /// The readings of every word, one after the other.
    private(set) var readings: [Reading] = []
    let language: LanguageTag?
    /// The cache table of the text's language context, which also remembers the pass's verdicts.
    private let table: ReadingCache.Table
    /// Whether the words' entry numbers still stand for them: false when the cache emptied itself
    /// while the text was read (it then numbers words anew), and verdicts are not remembered.
    private var entriesValid = true
    /// The inflection rules of each script the words are in, for the text's language.
    private(set) var rulesByScript: [Script: InflectionRules] = [:]

    init(text: String, spans: [TokenSpan], matcher: GlossaryMatcher, language: LanguageTag?, exact: Bool = false,
         cache: ReadingCache = ReadingCache()) {
        self.text = text
        self.spans = spans
        self.language = language
        cache.bind(to: matcher)
        // A word reads differently per language (its endings) and in the exact baseline.
        let context = (language?.description ?? "") + (exact ? "|exact" : "")
        let table = cache.table(for: context)
        self.table = table
        let generation = cache.generation
        var gap = NameGap()
        var lastScript = Script(rawValue: -1)
        var rules = InflectionRules.none
        let technical = TechnicalSpans.ranges(in: text)
        var nextTechnical = 0
        words.reserveCapacity(spans.count / 2)
        // About one reading per word that has any: grown by doubling, the array was copied half a
        // dozen times per text.
        readings.reserveCapacity(spans.count / 4 + 4)
        // Words are looked up in the cache by their bytes where they lie in the text.
        var utf8 = text
        utf8.makeContiguousUTF8()
        utf8.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            for (spanIndex, span) in spans.enumerated() {
                let spelled = UnsafeRawBufferPointer(rebasing: bytes[span.utf8Range])
                while nextTechnical < technical.count, technical[nextTechnical].upperBound <= span.scalarRange.lowerBound { nextTechnical += 1 }
                let insideTechnical = nextTechnical < technical.count && technical[nextTechnical].contains(span.scalarRange.lowerBound)
                guard span.isMatchable(spelled), !insideTechnical else {
                    gap.add(spelled)
                    continue
                }
                let script = span.script
                if script != lastScript {
                    if let known = rulesByScript[script] {
                        rules = known
                    } else {
                        let code = script.code
                        rules = exact ? .none : cache.rules(context: context, script: code) {
                            matcher.languages.inflectionRules(for: language, script: code)
                        }
                        rulesByScript[script] = rules
                    }
                    lastScript = script
                }
                let (entry, entryIndex): (ReadingCache.Entry, Int)
                if let cached = cache.lookup(spelled, in: table) {
                    (entry, entryIndex) = cached
                } else {
                    var word = String(text.slice(utf8: span.utf8Range))
                    var wasRepaired = false
                    if !exact, span.mixedScripts, let fixed = matcher.confusables?.repaired(word) {
                        word = fixed
                        wasRepaired = true
                    }
                    (entry, entryIndex) = cache.store(TextWords.readings(of: word, rules: rules, keys: matcher.index.keys),
                                                      repairedConfusables: wasRepaired, for: spelled, in: table)
                }
                let start = readings.count
                if entry.count > 0 { table.appendReadings(of: entry, to: &readings) }
                words.append(Word(scalarRange: span.scalarRange, utf8Range: span.utf8Range, script: script,
                                  readings: start..<readings.count, joinsPrevious: !words.isEmpty && gap.joins,
                                  repairedConfusables: entry.repairedConfusables, spanIndex: spanIndex,
                                  scalarsAreCharacters: entry.scalarsAreCharacters, cacheEntry: entryIndex))
                gap = NameGap()
            }
        }
        entriesValid = cache.generation == generation
    }

    /// The text of word `index`.
    func text(of index: Int) -> Substring {
        text.slice(utf8: words[index].utf8Range)
    }

    /// The text of span `index`.
    func text(ofSpan index: Int) -> Substring {
        text.slice(utf8: spans[index].utf8Range)
    }

    static func readings(of word: String, rules: InflectionRules, keys: ByteTable<Int32>) -> [Reading] {
        // Captured by the closure below as a class reference, not as the whole rules value.
        let endings = rules.endings, minStem = rules.minStem
        return MatcherIndex.withKey(of: word) { readings(ofKey: $0, endings: endings, minStem: minStem, keys: keys) }
    }

    /// The readings of a word given by its matching key's UTF-8.
    private static func readings(ofKey utf8: UnsafeBufferPointer<UInt8>, endings: InflectionRules.EndingIndex, minStem: Int,
                                 keys: ByteTable<Int32>) -> [Reading] {
        var readings: [Reading] = []
        if let number = keys.value(for: UnsafeRawBufferPointer(utf8)) { readings.append(Reading(key: number, endingLength: 0)) }
        // Each base form is looked up as bytes put together on the stack, not as a string.
        endings.forEachBase(of: utf8, minStem: minStem) { stemBytes, base, _, endingLength in
            let length = stemBytes + base.count
            let number = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(length, 1)) { buffer -> Int32? in
                _ = buffer.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: utf8[..<stemBytes]))
                _ = buffer[stemBytes...].initialize(fromContentsOf: base)
                return keys.value(for: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<length])))
            }
            if let number, !readings.contains(where: { $0.key == number }) {
                readings.append(Reading(key: number, endingLength: endingLength))
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

        /// Adds a token given by its UTF-8 bytes.
        mutating func add(_ utf8: UnsafeRawBufferPointer) {
            guard !other else { return }
            let count = utf8.count
            var i = 0
            while i < count {
                switch utf8[i] {
                case 0x20: i += 1
                case 0x2D: hyphens += 1; i += 1  // -
                case 0xC2 where i + 1 < count && utf8[i + 1] == 0xA0: i += 2  // no-break space
                case 0xE2 where i + 2 < count && utf8[i + 1] == 0x80:
                    switch utf8[i + 2] {
                    case 0xAF: i += 3  // narrow no-break space
                    case 0x90, 0x91: hyphens += 1; i += 3  // hyphen, non-breaking hyphen
                    default: other = true; return
                    }
                default: other = true; return
                }
            }
        }
    }

    /// The verdict on word `index` standing for word `wordOfForm` of form `form` with an ending of
    /// `endingLength` characters, made by `judge` the first time and remembered for the language
    /// context. It depends on the word's bytes and those three numbers only; the word's entry number
    /// in the cache stands for its bytes, so the four numbers packed in 64 bits are the key.
    func verdict(word index: Int, form: Int, wordOfForm: Int, endingLength: Int,
                 _ judge: () -> MatchPass.MatchKinds?) -> MatchPass.MatchKinds? {
        let entry = words[index].cacheEntry
        guard entriesValid, (0..<(1 << 24 - 1)).contains(entry), (0..<(1 << 28)).contains(form), (0..<64).contains(wordOfForm),
              (0..<64).contains(endingLength) else { return judge() }
        let key = UInt64(entry) << 40 | UInt64(form) << 12 | UInt64(wordOfForm) << 6 | UInt64(endingLength)
        if let stored = table.verdicts[key] {
            return stored == 0 ? nil : MatchPass.MatchKinds(bits: UInt8(stored) & 0x7F)
        }
        let made = judge()
        table.verdicts[key] = made.map { Int32($0.bits | 0x80) } ?? 0
        return made
    }

    /// What ends a sentence or a line before a word, and what may stand between it and the word.
    private static let sentenceMarks = Set(".!?…:\n\r•|")
    private static let openingMarks = Set("«»„“”\"'‘’([")

    /// Whether word `index` opens a sentence or a line, where a capital says nothing about a name.
    func startsSentence(_ index: Int) -> Bool {
        var token = words[index].spanIndex - 1
        while token >= 0 {
            let text = text(ofSpan: token)
            if text.contains(where: { TextWords.sentenceMarks.contains($0) }) { return true }
            if text.contains(where: { !$0.isWhitespace && !TextWords.openingMarks.contains($0) }) { return false }
            token -= 1
        }
        return true
    }

    /// A found match as a public mention.
    func mention(for match: Match, index: MatcherIndex) -> Mention {
        let form = index.forms[match.form]
        let first = words[match.words.lowerBound], last = words[match.words.upperBound - 1]
        let scalarRange = first.scalarRange.lowerBound..<(match.extendedScalarEnd ?? last.scalarRange.upperBound)
        let utf8Range = first.utf8Range.lowerBound..<(match.extendedUTF8End ?? last.utf8Range.upperBound)
        // The entry's fields are read in place: a whole `GlossaryEntry` is a large value to copy.
        return Mention(entryID: index.entries[form.entry].id, canonical: index.entries[form.entry].canonical,
                       type: index.entries[form.entry].type,
                       surface: surface(utf8: utf8Range), scalarRange: scalarRange, utf8Range: utf8Range,
                       form: form.text, language: form.language, how: match.how)
    }
}

extension TextWords {
    /// The text's bytes in `range` (token boundaries, so whole scalars) as a string of their own,
    /// made from the bytes: slicing the text by indices checked each bound's scalar alignment, and
    /// a substring's copy cost as much again.
    fileprivate func surface(utf8 range: Range<Int>) -> String {
        text.utf8.withContiguousStorageIfAvailable { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
            ?? String(text.slice(utf8: range))
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
