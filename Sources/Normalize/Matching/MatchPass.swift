/// Finds the matches in a prepared text: the leftmost-longest valid full forms first, then the short
/// forms of entities already named.
/// A class, not a struct: its methods and closures would otherwise copy the text's words and the
/// index (a dozen reference counts) at every word.
final class MatchPass {
    let words: TextWords
    let matcher: GlossaryMatcher
    let options: GlossaryMatcher.Options
    /// Held here rather than read through `matcher` at each use.
    let index: MatcherIndex

    init(words: TextWords, matcher: GlossaryMatcher, options: GlossaryMatcher.Options = GlossaryMatcher.Options()) {
        self.words = words
        self.matcher = matcher
        self.options = options
        self.index = matcher.index
    }

    /// One step of a path through the trie: the word it reached, the reading used for that word,
    /// and the step before it (-1 at the first word), so that paths share their beginnings instead of
    /// each copying its list of readings.
    private struct Step {
        var end: Int
        var node: Int32
        var reading: TextWords.Reading
        var parent: Int32
        /// How many readings along the path carry an ending.
        var inflected: Int32
    }

    /// Whether some reading of word `start` begins a path in `trie`: most words begin none.
    @inline(__always)
    private func startsPath(_ start: Int, in trie: MatcherIndex.Trie) -> Bool {
        for reading in words.words[start].readings where trie.opensPath(words.readings[reading].key) { return true }
        return false
    }

    /// The working arrays of ``best(at:in:accept:_:)``, kept by ``run()`` from one call to the next:
    /// every word that opens a name would otherwise allocate them and grow them a doubling at a
    /// time. A local value lent to each call, not a property of the pass: taking arrays out of a
    /// class and putting them back cost reference counting and access checks at every call.
    private struct Scratch {
        var steps: [Step] = []
        var candidates: [Int32] = []
        var stack: [Int32] = []
        var readings: [TextWords.Reading] = []
    }

    func run() -> [Match] {
        var scratch = Scratch()
        var matches: [Match] = []
        var covered = [Bool](repeating: false, count: words.words.count)
        var position = 0
        while position < words.words.count {
            if startsPath(position, in: index.main), let match = best(at: position, in: index.main, accept: { _ in true }, &scratch) {
                matches.append(match)
                for i in match.words { covered[i] = true }
                position = match.words.upperBound
            } else {
                position += 1
            }
        }
        if options.exactBaseline { return matches }
        // Short forms: only for entities named earlier, and for Vietnamese names only after a title.
        // Sized once, and written from the last match back so that the first one's position stays:
        // one hash per match, no look-up first and no growing.
        var firstMention: [Int: Int] = [:]
        firstMention.reserveCapacity(matches.count)
        for match in matches.reversed() { firstMention[index.forms[match.form].entry] = match.words.lowerBound }
        var shortMatches: [Match] = []
        position = 0
        // One closure for the whole pass (it reads `position` as it moves): making one per word
        // copied the pass each time.
        let accept: (Int) -> Bool = { [index, options, words] form in
            if options.shortFormsAnywhere { return true }
            let entry = index.forms[form].entry
            guard let first = firstMention[entry], first < position else { return false }
            if index.traits[entry].origin == "vi", index.traits[entry].type == .person {
                return matches.contains { $0.words.upperBound == position && index.traits[index.forms[$0.form].entry].type == .title
                    && words.words[position].joinsPrevious }
            }
            return true
        }
        while position < words.words.count {
            guard !covered[position] else { position += 1; continue }
            if startsPath(position, in: index.dependent), let match = best(at: position, in: index.dependent, accept: accept, &scratch),
               !match.words.contains(where: { covered[$0] }) {
                var short = match
                short.how.append(.shortForm)
                shortMatches.append(short)
                for i in match.words { covered[i] = true }
                position = match.words.upperBound
            } else {
                position += 1
            }
        }
        return (matches + shortMatches).sorted { $0.words.lowerBound < $1.words.lowerBound }
    }

    /// The best valid match starting at word `start`, or nil.
    private func best(at start: Int, in trie: MatcherIndex.Trie, accept: (Int) -> Bool, _ scratch: inout Scratch) -> Match? {
        best(at: start, in: trie, accept: accept, steps: &scratch.steps, candidates: &scratch.candidates, stack: &scratch.stack,
             readings: &scratch.readings)
    }

    private func best(at start: Int, in trie: MatcherIndex.Trie, accept: (Int) -> Bool, steps: inout [Step], candidates: inout [Int32],
                      stack: inout [Int32], readings: inout [TextWords.Reading]) -> Match? {
        // Emptied only where something is left: `removeAll(keepingCapacity:)` goes through
        // `replaceSubrange` even on an empty array, and the stack is always empty here.
        if !steps.isEmpty { steps.removeAll(keepingCapacity: true) }
        if !candidates.isEmpty { candidates.removeAll(keepingCapacity: true) }
        if !stack.isEmpty { stack.removeAll(keepingCapacity: true) }
        // Depth first, the last pushed first: the order candidates are found in breaks ties below.
        stack.append(-1)
        while let top = stack.popLast() {
            let end = top < 0 ? start : steps[Int(top)].end
            guard end < words.words.count else { continue }
            let word = words.words[end]
            if end > start, !word.joinsPrevious { continue }
            let node = top < 0 ? 0 : steps[Int(top)].node
            let inflected = top < 0 ? 0 : steps[Int(top)].inflected
            for r in word.readings {
                let reading = words.readings[r]
                guard let child = trie.child(of: node, key: reading.key) else { continue }
                steps.append(Step(end: end + 1, node: child, reading: reading, parent: top,
                                  inflected: inflected + (reading.isInflected ? 1 : 0)))
                let index = Int32(steps.count - 1)
                if trie.hasTerminals(child) { candidates.append(index) }
                stack.append(index)
            }
        }
        guard !candidates.isEmpty else { return nil }
        // Longest first; then fewer inflected words; the terminal's own order breaks ties.
        candidates.sort { a, b in
            let x = steps[Int(a)], y = steps[Int(b)]
            if x.end != y.end { return x.end > y.end }
            return x.inflected < y.inflected
        }
        for candidate in candidates {
            let last = steps[Int(candidate)]
            if !readings.isEmpty { readings.removeAll(keepingCapacity: true) }
            var step = candidate
            while step >= 0 {
                readings.append(steps[Int(step)].reading)
                step = steps[Int(step)].parent
            }
            readings.reverse()
            // Terminals are kept in priority order (kind, then glossary order) by the index.
            for form in trie.terminals(last.node).lazy.map(Int.init) where accept(form) {
                if let how = validate(form: form, words: start..<last.end, readings: readings) {
                    return Match(words: start..<last.end, form: form, how: how)
                }
            }
        }
        return nil
    }

    /// Whether `form` may match these words, and how they differ from it; nil when case or inflection
    /// rules forbid the match.
    private func validate(form formIndex: Int, words range: Range<Int>, readings: [TextWords.Reading]) -> [MatchKind]? {
        let form = index.forms[formIndex]
        let entry = index.traits[form.entry]
        if options.exactBaseline {
            // Case-insensitive equality of every word, nothing else folded.
            guard !form.joined, form.kind != .dependentShort else { return nil }
            for (offset, wordIndex) in range.enumerated()
            where FoldingKey.caseFolded(String(words.text(of: wordIndex))) != FoldingKey.caseFolded(form.words[offset]) {
                return nil
            }
            return []
        }
        var how = MatchKinds()
        for (offset, wordIndex) in range.enumerated() {
            let reading = readings[offset]
            // A joined form has one glossary word standing for several written ones, and vice versa.
            let wordOfForm = form.joined ? 0 : min(offset, form.words.count - 1)
            // Running text repeats its names: the verdict on one written word against one word of
            // one form is remembered per language context (it depends on nothing else).
            let verdict: MatchKinds?
            if options.respectingCase {
                verdict = words.verdict(word: wordIndex, form: formIndex, wordOfForm: wordOfForm, endingLength: reading.endingLength) {
                    wordVerdict(wordIndex, reading: reading, form: form, entry: entry, wordOfForm: wordOfForm)
                }
            } else {
                verdict = wordVerdict(wordIndex, reading: reading, form: form, entry: entry, wordOfForm: wordOfForm)
            }
            guard let verdict else { return nil }
            how.formUnion(verdict)
        }
        if form.joined { how.insert(.separatorsFolded) }
        guard options.respectingCase else { return how.kinds }
        if range.count == 1, isShoutedCommonWord(range.lowerBound, form: form) { return nil }
        // A short form of a body or a term is a common noun with a capital (`Партии`, `Forum`): only a
        // capital inside a sentence says it names the body.
        // In capitals (a headline) the capital says nothing either.
        if form.kind != .full, entry.type != .person, entry.type != .place,
           words.startsSentence(range.lowerBound) || range.contains(where: { isAllCaps($0) && words.text(of: $0).count > 1 }) {
            return nil
        }
        return how.kinds
    }

    /// How one written word may stand for word `wordOfForm` of `form`, and how it differs from it;
    /// nil when case or inflection rules forbid it.
    private func wordVerdict(_ wordIndex: Int, reading: TextWords.Reading, form: MatcherIndex.Form, entry: MatcherIndex.Traits,
                             wordOfForm: Int) -> MatchKinds? {
        let word = words.words[wordIndex]
        let text = words.text(of: wordIndex)
        var how = MatchKinds()
        let rules = words.rulesByScript[word.script] ?? matcher.languages.inflectionRules(for: words.language, script: word.script.code)
        if reading.isInflected {
            guard rules.inflects(entry.type), inflectsInText(form, of: entry) else { return nil }
            how.insert(.inflected)
        }
        if word.repairedConfusables { how.insert(.confusables) }
        let written = form.words[wordOfForm]
        // Words and forms whose scalars are their characters (nearly all) are checked scalar by
        // scalar, without breaking grapheme clusters; the answers are the same.
        let byScalars = word.scalarsAreCharacters && form.wordTraits[wordOfForm].scalarsAreCharacters
        let stemLength = (byScalars ? word.scalarRange.count : text.count) - reading.endingLength
        let capitalized = rules.capitalizes(entry.type) || form.kind != .full
        if options.respectingCase {
            let allowed = byScalars
                ? MatchPass.caseAllowed(word: text.unicodeScalars.lazy.map(Character.init), stemLength: stemLength,
                                        formWord: written, isAbbreviation: form.wordTraits[wordOfForm].isAbbreviation, caseSensitive: entry.caseSensitive,
                                        capitalized: capitalized, strict: form.caseSensitive)
                : MatchPass.caseAllowed(word: text, stemLength: stemLength, formWord: written,
                                        isAbbreviation: form.wordTraits[wordOfForm].isAbbreviation, caseSensitive: entry.caseSensitive,
                                        capitalized: capitalized, strict: form.caseSensitive)
            guard allowed else { return nil }
        }
        guard !form.joined else { return how }
        if byScalars, text.unicodeScalars.prefix(stemLength).elementsEqual(written.unicodeScalars.prefix(stemLength)) {
            return how
        }
        let plainWord = String(text.prefix(stemLength)), plainForm = String(written.prefix(stemLength))
        if plainWord != plainForm {
            let sameCase = FoldingKey.withoutLatinDiacritics(plainWord) == FoldingKey.withoutLatinDiacritics(plainForm)
            let sameLetters = FoldingKey.caseFolded(plainWord) == FoldingKey.caseFolded(plainForm)
            if !sameLetters { how.insert(.diacriticsFolded) }
            if !sameCase || sameLetters { how.insert(.caseFolded) }
        }
        return how
    }

    /// A set of ``MatchKind`` in one byte, listed in declaration order.
    struct MatchKinds {
        private(set) var bits: UInt8 = 0

        init(bits: UInt8 = 0) {
            self.bits = bits
        }

        mutating func formUnion(_ other: MatchKinds) {
            bits |= other.bits
        }

        mutating func insert(_ kind: MatchKind) {
            bits |= 1 << UInt8(MatchKinds.order.firstIndex(of: kind)!)
        }

        var kinds: [MatchKind] {
            MatchKinds.lists[Int(bits)]
        }

        private static let order = MatchKind.allCases
        /// The list for every set of kinds, made once: every match asks for one.
        private static let lists: [[MatchKind]] = (0..<(1 << order.count)).map { bits in
            order.indices.filter { bits & (1 << $0) != 0 }.map { order[$0] }
        }
    }

    /// Whether the text's inflection rules may apply to `form`: forms of the text's own language, and
    /// the language-neutral forms a writer declines (English, the native or romanized name). Another
    /// language's form declined by this language's rules is no word anyone writes: Czech `Japonsko`
    /// read with Polish endings would turn the adjective `japońskie` into Japan.
    private func inflectsInText(_ form: MatcherIndex.Form, of entry: MatcherIndex.Traits) -> Bool {
        guard let language = words.language else { return true }
        let formLanguage = form.language.language
        return formLanguage == language.language || formLanguage == "en" || formLanguage == "und"
            || formLanguage == entry.origin
    }

    /// An abbreviation that is also a common word of the text's language (`NA` the National Assembly,
    /// Polish `na` "on") tells nothing when the words around it are in capitals too: that is a
    /// headline in capitals, not an abbreviation.
    private func isShoutedCommonWord(_ wordIndex: Int, form: MatcherIndex.Form) -> Bool {
        let word = words.words[wordIndex]
        // Counted in scalars where they are the characters (most matched words are long), before
        // the word is sliced out of the text.
        if word.scalarsAreCharacters, word.scalarRange.count > 4 { return false }
        let text = words.text(of: wordIndex)
        guard word.scalarsAreCharacters || text.count <= 4, isAllCaps(wordIndex) else { return false }
        let language = words.language ?? LanguageTag(parsing: "und-\(word.script.code)")
        guard let language, matcher.languages.commonWords(of: language).contains(FoldingKey.caseFolded(String(text))) else { return false }
        let neighbours = [wordIndex - 1, wordIndex + 1].filter { words.words.indices.contains($0) }
        return neighbours.contains { isAllCaps($0) && words.text(of: $0).count >= 2 }
    }

    /// Whether word `index` is written in capitals.
    private func isAllCaps(_ index: Int) -> Bool {
        let text = words.text(of: index)
        return words.words[index].scalarsAreCharacters ? MatchPass.isAllCaps(scalars: text.unicodeScalars) : MatchPass.isAllCaps(text)
    }

    /// ``isAllCaps(_:)`` for a word whose scalars are its characters, from the scalars' properties:
    /// `Character`'s own case properties build and compare strings for every lowercase letter and
    /// every uncased character. A character of one scalar is cased when the scalar is or when case
    /// mapping changes it, and uppercase when the scalar is or when it is cased and uppercasing
    /// leaves it as it is. A test holds this to `Character` on every scalar below U+2070.
    static func isAllCaps(scalars: some Sequence<Unicode.Scalar>) -> Bool {
        var cased = false
        for scalar in scalars {
            let properties = scalar.properties
            if properties.isUppercase {
                cased = true
                continue
            }
            let changesWhenUppercased = properties.changesWhenUppercased
            guard properties.isCased || changesWhenUppercased || properties.changesWhenLowercased else { continue }
            if changesWhenUppercased { return false }
            cased = true
        }
        return cased
    }

    static func isAllCaps(_ word: some Collection<Character>) -> Bool {
        word.contains(where: \.isCased) && word.allSatisfy { !$0.isCased || $0.isUppercase }
    }

    /// Case rules for one written word against the glossary word it matched.
    ///
    /// - An all-caps abbreviation (`ОПР`, `ODA`, `G20`) needs its letters in capitals and any ending in
    ///   lower case, unless the entry says `case_sensitive: false`.
    /// - A `case_sensitive` entry needs each capital of the form to be a capital in the text.
    /// - A name in a language that capitalises names needs its capital initial.
    static func caseAllowed(word: some Collection<Character>, stemLength: Int, formWord: String, isAbbreviation: Bool,
                            caseSensitive: Bool?, capitalized: Bool, strict: Bool) -> Bool {
        let stem = word.prefix(max(stemLength, 0))
        if isAbbreviation, caseSensitive != false {
            // A declined abbreviation writes its ending in lower case (`ASEANu`); in `ROKU` the capitals
            // run on, so it is a word in capitals (Polish `roku` "year"), not `ROK` declined.
            let ending = word.dropFirst(max(stemLength, 0))
            if ending.contains(where: \.isCased), ending.allSatisfy({ !$0.isCased || $0.isUppercase }) { return false }
            return stem.allSatisfy { !$0.isLetter || $0.isUppercase || !$0.isCased }
        }
        if strict {
            for (written, glossary) in zip(stem, formWord) where glossary.isUppercase && !written.isUppercase { return false }
            return true
        }
        if capitalized, let first = formWord.first, first.isUppercase, let written = word.first, written.isCased {
            return written.isUppercase
        }
        return true
    }
}
