/// The compiled form of a glossary for matching: every form split into words, each word reduced to a
/// matching key, the keys numbered, and the forms inserted into a trie whose edges are key numbers.
///
/// Matching a text then costs a dictionary lookup per word (plus one per inflectional reading of it)
/// and a walk of the trie from each word, independent of how many forms the glossary has.
final class MatcherIndex: Sendable {
    /// One written form of an entry, as the matcher sees it. A class: the matcher hands forms
    /// around for every match, and a struct of strings and arrays was copied field by field each time.
    final class Form: Sendable {
        let entry: Int
        let text: String
        let language: LanguageTag
        /// The form's words as written, for case checks.
        let words: [String]
        /// What the case checks ask of each word, worked out once here, not for every match.
        let wordTraits: [WordTraits]
        let kind: Kind
        /// Every word must keep its case (entry `case_sensitive: true`).
        let caseSensitive: Bool
        /// The form was indexed with its words joined into one key (`Нгеан` for `Нге Ан`).
        let joined: Bool

        init(entry: Int, text: String, language: LanguageTag, words: [String], kind: Kind, caseSensitive: Bool, joined: Bool) {
            self.entry = entry
            self.text = text
            self.language = language
            self.words = words
            self.wordTraits = words.map { WordTraits(isAbbreviation: Form.isAbbreviation($0), scalarsAreCharacters: TextWords.scalarsAreCharacters($0)) }
            self.kind = kind
            self.caseSensitive = caseSensitive
            self.joined = joined
        }

        /// One word of a form: whether it is an all-caps abbreviation (`ОПР`, `G20`), and
        /// ``TextWords/scalarsAreCharacters(_:)``. One array of both: a hundred thousand forms, each
        /// with two arrays of flags, made loading a glossary allocate twice as often for them.
        struct WordTraits: Sendable {
            let isAbbreviation: Bool
            let scalarsAreCharacters: Bool
        }

        /// The same form indexed as one word: `Нгеан` for `Нге Ан`.
        func joinedUp() -> Form {
            // Put together from the words' bytes: the generic `joined()` was not specialised for
            // it, and appending string to string checked each one again.
            let joined = String(unsafeUninitializedCapacity: words.reduce(0) { $0 + $1.utf8.count }) { buffer in
                var count = 0
                for var word in words {
                    word.withUTF8 { count = UnsafeMutableBufferPointer(rebasing: buffer[count...]).initialize(fromContentsOf: $0) + count }
                }
                return count
            }
            return Form(entry: entry, text: text, language: language, words: [joined], kind: kind, caseSensitive: caseSensitive,
                        joined: true)
        }

        /// At least two letters, every cased one a capital.
        static func isAbbreviation(_ word: String) -> Bool {
            // ASCII and basic Cyrillic words (nearly all) are decided on their bytes.
            if let (letterCount, capitals) = asciiOrCyrillicLetters(word) { return letterCount >= 2 && capitals == letterCount }
            // A word whose scalars are its characters is no abbreviation as soon as one of them is a
            // lower-case letter (nearly every Vietnamese, Polish or Czech word, at the first letters).
            if TextWords.scalarsAreCharacters(word),
               word.unicodeScalars.contains(where: { $0.value < Form.lowerCaseLimit && Form.lowerCaseLetters[Int($0.value)] }) {
                return false
            }
            // Chinese, Japanese and Korean names have no case at all, so no abbreviation either.
            if word.unicodeScalars.allSatisfy(FoldingKey.isFoldInvariant) { return false }
            let letters = word.filter(\.isLetter)
            return letters.count >= 2 && letters.allSatisfy { $0.isUppercase || !$0.isCased } && letters.contains(where: \.isCased)
        }

        /// How many letters and how many capitals `word` has, when all it holds is ASCII and the
        /// Cyrillic letters U+0400–U+045F (capitals U+0400–U+042F); nil otherwise. Read on the UTF-8
        /// bytes: decoding scalar by scalar was a sixth of loading a 100k-variant glossary.
        static func asciiOrCyrillicLetters(_ word: String) -> (letters: Int, capitals: Int)? {
            word.utf8.withContiguousStorageIfAvailable { bytes -> (letters: Int, capitals: Int)? in
                var letters = 0, capitals = 0, i = 0
                while i < bytes.count {
                    let byte = bytes[i]
                    switch byte {
                    case 0x41...0x5A: letters += 1; capitals += 1
                    case 0x61...0x7A: letters += 1
                    case 0..<0x80: break
                    case 0xD0 where i + 1 < bytes.count:  // U+0400–U+043F
                        letters += 1
                        if bytes[i + 1] < 0xB0 { capitals += 1 }  // below U+0430
                        i += 1
                    case 0xD1 where i + 1 < bytes.count:  // U+0440–U+047F
                        guard bytes[i + 1] < 0xA0 else { return nil }  // U+0460 and up
                        letters += 1
                        i += 1
                    default: return nil
                    }
                    i += 1
                }
                return (letters, capitals)
            } ?? nil
        }

        static let lowerCaseLimit: UInt32 = 0x1F00

        /// For each scalar below ``lowerCaseLimit``, whether it is, as a character of its own, a letter
        /// with case that is not upper case: what the general test above refuses. Filled by Swift's
        /// own `Character` properties, so the shortcut cannot disagree with it.
        ///
        /// Only the letters a plain word can hold (``PlainText``: U+0000–U+02FF, U+0400–U+053F,
        /// U+1E00–U+1EFF) are asked, so only they are filled: the `Character` properties build
        /// strings to compare case mappings, and the whole range was a third of loading a compiled
        /// glossary. A scalar left false only sends a word to the general test.
        static let lowerCaseLetters: [Bool] = (0..<lowerCaseLimit).map { value in
            guard value < 0x300 || (0x400..<0x540).contains(value) || (0x1E00..<0x1F00).contains(value),
                  let scalar = Unicode.Scalar(value) else { return false }
            let character = Character(scalar)
            return character.isLetter && character.isCased && !character.isUppercase
        }

        enum Kind: Int, Sendable, Comparable {
            case full = 0, standaloneShort = 1, dependentShort = 2
            static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
        }
    }

    struct Trie: Sendable {
        /// Child by (node << 32 | key number).
        var edges = EdgeTable()
        /// (node, form) for each form ending at a node, while the trie is built; ``finish(forms:)``
        /// lays them out by node. One flat list: an array per node (a dictionary of a hundred
        /// thousand small arrays) was a third of building the trie.
        private var pending: [(node: Int32, form: Int32)] = []
        /// Forms ending at node *n*: `terminalForms[terminalStarts[n]..<terminalStarts[n + 1]]`, in
        /// priority order. Looked up by index at every step of every match, not hashed.
        private var terminalStarts: [Int32] = []
        private var terminalForms: [Int32] = []
        var nodeCount: Int32 = 1
        /// By key number: whether some path begins with that key. Every word of every text asks;
        /// an array answers without hashing into the (large) edge table.
        private var opens: [Bool] = []

        mutating func insert(_ path: some Collection<Int32>, form: Int32) {
            if let first = path.first {
                // Appended one by one (the array's growth is amortised): key numbers rise one at a
                // time, and a new array of the missing flags was made for nearly every form.
                while Int(first) >= opens.count { opens.append(false) }
                opens[Int(first)] = true
            }
            var node: Int32 = 0
            for key in path {
                let edge = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: key))
                if let child = edges[edge] {
                    node = child
                } else {
                    edges[edge] = nodeCount
                    node = nodeCount
                    nodeCount += 1
                }
            }
            pending.append((node, form))
        }

        /// Puts each node's forms in the order the matcher tries them (full forms before short ones,
        /// then glossary order) and lays them out by node.
        mutating func finish(forms: [Form]) {
            // By node, then in priority order; a form inserted twice at one node counts once.
            let kinds = forms.map { Int32($0.kind.rawValue) }
            pending.sort { ($0.node, kinds[Int($0.form)], $0.form) < ($1.node, kinds[Int($1.form)], $1.form) }
            terminalStarts = [Int32](repeating: 0, count: Int(nodeCount) + 1)
            terminalForms = []
            terminalForms.reserveCapacity(pending.count)
            for (index, pair) in pending.enumerated() where index == 0 || pending[index - 1] != pair {
                terminalStarts[Int(pair.node) + 1] += 1
                terminalForms.append(pair.form)
            }
            for node in 0..<Int(nodeCount) { terminalStarts[node + 1] += terminalStarts[node] }
            pending = []
        }

        func child(of node: Int32, key: Int32) -> Int32? {
            edges[UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: key))]
        }

        /// Whether some path begins with key number `key` (`child(of: 0, key: key) != nil`).
        @inline(__always)
        func opensPath(_ key: Int32) -> Bool {
            Int(key) < opens.count && opens[Int(key)]
        }

        /// Whether some form ends at `node`.
        @inline(__always)
        func hasTerminals(_ node: Int32) -> Bool {
            terminalStarts[Int(node)] != terminalStarts[Int(node) + 1]
        }

        /// The forms ending at `node`, in priority order.
        func terminals(_ node: Int32) -> ArraySlice<Int32> {
            terminalForms[Int(terminalStarts[Int(node)])..<Int(terminalStarts[Int(node) + 1])]
        }
    }

    let entries: [GlossaryEntry]
    /// What the matching rules ask of each entry, apart from the entry (a large struct to copy).
    let traits: [Traits]
    let forms: [Form]
    /// Matching key (its UTF-8) → key number.
    let keys: ByteTable<Int32>
    /// Full forms and standalone short forms.
    let main: Trie
    /// Short forms valid only after the entity's full name appeared.
    let dependent: Trie

    struct Traits: Sendable {
        var type: EntityType
        var origin: String?
        var caseSensitive: Bool?
    }

    init(glossary: Glossary, breaker: WordBreaker) {
        let built = Builder(glossary: glossary, breaker: breaker)
        entries = built.entries
        traits = built.traits
        forms = built.forms
        keys = built.keys
        main = built.main
        dependent = built.dependent
    }

    /// Puts the tables together. Kept apart from the index, which is a class of constants: each
    /// text's match pass holds it, and as a struct of a dozen arrays it was copied, reference count
    /// by reference count, for every paragraph.
    private struct Builder {
        var entries: [GlossaryEntry]
        var traits: [Traits] = []
        var forms: [Form] = []
        var keys = ByteTable<Int32>()
        var main = Trie()
        var dependent = Trie()

        init(glossary: Glossary, breaker: WordBreaker) {
            entries = glossary.entries
            traits = entries.map { Traits(type: $0.type, origin: $0.origin, caseSensitive: $0.caseSensitive) }
            // Sized up front: growing these tables one doubling at a time is a good part of compiling a
            // large glossary.
            let formCount = glossary.entries.reduce(0) { $0 + $1.variants.count + $1.shortForms.count + 3 }
            forms.reserveCapacity(formCount * 3 / 2)
            keys = ByteTable(minimumCapacity: formCount)
            main.edges.reserveCapacity(formCount * 2)
            // Each entry's forms are added once per kind, whichever of its fields repeats them.
            var seen = ByteTable<Bool>(minimumCapacity: formCount)
            // The keys of a form's words, one after the other, and where each ends: a word's key is
            // looked up from these bytes and the joined form's key is all of them, with no string made
            // for either. Kept from one form to the next.
            var keyBytes: [UInt8] = [], keyEnds: [Int] = []
            // A form's key numbers, kept likewise.
            var path: [Int32] = []
            for (entryIndex, entry) in glossary.entries.enumerated() {
                func add(_ text: String, _ language: LanguageTag, _ kind: Form.Kind) {
                    var utf8Text = text
                    let (isNew, words) = utf8Text.withUTF8 { utf8 -> (Bool, [String]) in
                        let bytes = UnsafeRawBufferPointer(utf8)
                        // Seen under the entry's number, the kind and the text, as bytes on the stack.
                        let isNew = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 5) { key -> Bool in
                            withUnsafeBytes(of: UInt32(truncatingIfNeeded: entryIndex).littleEndian) { number in
                                for i in 0..<4 { key[i] = number[i] }
                            }
                            key[4] = UInt8(kind.rawValue)
                            for i in 0..<bytes.count { key[5 + i] = bytes[i] }
                            return seen.insert(true, for: UnsafeRawBufferPointer(key)).inserted
                        }
                        guard isNew else { return (false, []) }
                        // The words, from the spans the matcher reads texts by (no public `Token`s), made
                        // from their bytes in one pass: filtering, then slicing the text by offsets, made
                        // an array and a substring more per form.
                        let spans = breaker.spans(in: text)
                        var words: [String] = []
                        words.reserveCapacity(spans.count / 2 + 1)
                        for span in spans {
                            let spelled = UnsafeRawBufferPointer(rebasing: bytes[span.utf8Range])
                            if span.isMatchable(spelled) { words.append(String(decoding: spelled, as: UTF8.self)) }
                        }
                        return (true, words)
                    }
                    guard isNew else { return }
                    guard !words.isEmpty else { return }
                    let caseSensitive = entry.caseSensitive == true
                    keyBytes.removeAll(keepingCapacity: true)
                    keyEnds.removeAll(keepingCapacity: true)
                    for word in words {
                        MatcherIndex.withKey(of: word) { keyBytes.append(contentsOf: $0) }
                        keyEnds.append(keyBytes.count)
                    }
                    path.removeAll(keepingCapacity: true)
                    keyBytes.withUnsafeBytes { all in
                        var start = 0
                        for end in keyEnds {
                            path.append(key(for: UnsafeRawBufferPointer(rebasing: all[start..<end])))
                            start = end
                        }
                    }
                    let form = Form(entry: entryIndex, text: text, language: language, words: words, kind: kind,
                                    caseSensitive: caseSensitive, joined: false)
                    forms.append(form)
                    let number = Int32(forms.count - 1)
                    if kind == .dependentShort { dependent.insert(path, form: number) } else { main.insert(path, form: number) }
                    // Also index multi-word forms joined into one word: Нге Ан → Нгеан, Ha Noi → Hanoi.
                    if words.count > 1, kind == .full {
                        forms.append(form.joinedUp())
                        main.insert(CollectionOfOne(keyBytes.withUnsafeBytes { key(for: $0) }), form: Int32(forms.count - 1))
                    }
                }
                add(entry.canonical, .english, .full)
                if let native = entry.native { add(native, LanguageTag(parsing: entry.origin ?? "und") ?? .anyLatin, .full) }
                if let romanized = entry.romanized { add(romanized, .anyLatin, .full) }
                for variant in entry.variants { add(variant.form, variant.language, .full) }
                for short in entry.shortForms { add(short.form, short.language, short.standalone ? .standaloneShort : .dependentShort) }
            }
            main.finish(forms: forms)
            dependent.finish(forms: forms)
        }

        /// The number of the key given by its UTF-8, numbered anew when the key is new.
        private mutating func key(for bytes: UnsafeRawBufferPointer) -> Int32 {
            let next = Int32(keys.count)
            let (index, _) = keys.insert(next, for: bytes)
            return keys.values[index]
        }
    }

    /// The matching key of a word: case-folded, Latin diacritics and `ё` folded.
    static func key(of word: some StringProtocol) -> String {
        FoldingKey.latin(String(word))
    }

    /// ``key(of:)`` handed to `body` as UTF-8: made from the word's bytes on the stack where the
    /// shortcut covers them (nearly always), as a string otherwise. Texts' words and glossary forms'
    /// words are keyed this way.
    static func withKey<Result>(of word: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var spelled = word
        if let result = spelled.withUTF8({ FoldingKey.withSimpleLatinKey(of: $0, body) }) { return result }
        var key = key(of: word)
        return key.withUTF8(body)
    }
}
