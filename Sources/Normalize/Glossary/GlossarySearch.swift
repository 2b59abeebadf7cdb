/// Ranked fuzzy search over every form of every entry, across scripts: each form is romanized
/// (`Any-Latin; Latin-ASCII`, and Cyrillic also the way English-language media write it, BGN/PCGN)
/// and case-folded, so `chong` finds Nguyen Phu Trong through `Чонг`, and `kishida` finds Кисида and
/// the entry for 岸田文雄. Romanized Han, kana and hangul only guess at a reading (a Japanese name in
/// pinyin), so matches through them rank a little lower.
///
/// ```swift
/// let search = try GlossarySearch(glossary)
/// search.search("chong").first?.entryID   // "nguyen-phu-trong"
/// ```
///
/// Thread safety: not thread-safe (it keeps a transliterator); one per thread.
public final class GlossarySearch {
    /// One ranked result.
    public struct Result: Hashable, Sendable {
        public var entryID: String
        /// The form that matched best, as the glossary writes it.
        public var form: String
        public var language: LanguageTag
        /// 0…1: 1 when every query word equals a word of the form.
        public var score: Double
    }

    private struct Form {
        var entryID: String
        var text: String
        var language: LanguageTag
        /// The form's words under each romanization.
        var readings: [[Word]]
        /// Romanized from Han, kana or hangul.
        var guessed: Bool
    }

    private let forms: [Form]
    /// `Any-Latin`, and `Russian-Latin/BGN; Any-Latin` for Cyrillic; each followed by
    /// ``asciiFolder`` only where ``latinWords(_:)`` cannot stand in for it.
    private let romanizer: Transliterator
    private let cyrillicRomanizer: Transliterator
    private let asciiFolder: Transliterator
    private let entryOrder: [String: Int]

    /// Romanizes every form of `glossary` once.
    ///
    /// - Throws: ``NormalizeError`` when ICU's transforms are unavailable.
    public init(_ glossary: Glossary) throws {
        romanizer = try Transliterator(id: "Any-Latin")
        cyrillicRomanizer = try Transliterator(id: "Russian-Latin/BGN; Any-Latin")
        asciiFolder = try Transliterator(id: "Latin-ASCII")
        var forms: [Form] = []
        for entry in glossary.entries {
            var texts: [(String, LanguageTag)] = [(entry.canonical, .english)]
            if let native = entry.native { texts.append((native, LanguageTag(parsing: entry.origin ?? "und") ?? .anyLatin)) }
            if let romanized = entry.romanized { texts.append((romanized, .anyLatin)) }
            texts += entry.variants.map { ($0.form, $0.language) } + entry.shortForms.map { ($0.form, $0.language) }
            var seen: Set<String> = []
            for (text, language) in texts where seen.insert(text).inserted {
                var form = Form(entryID: entry.id, text: text, language: language, readings: [], guessed: false)
                if let words = GlossarySearch.latinWords(text) {
                    form.readings = [words]
                } else {
                    let scripts = Set(ScriptProfile(of: text).scripts)
                    form.guessed = !scripts.isDisjoint(with: [.han, .hangul, .hiragana, .katakana])
                    form.readings = [GlossarySearch.reading(of: text, through: romanizer, then: asciiFolder)]
                    if scripts.contains(.cyrillic) {
                        form.readings.append(GlossarySearch.reading(of: text, through: cyrillicRomanizer, then: asciiFolder))
                    }
                }
                forms.append(form)
            }
        }
        self.forms = forms
        entryOrder = Dictionary(glossary.entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The entries best matching `query`, best first, at most `limit`, each with its best form.
    ///
    /// - Complexity: O(*f* · *w*) for *f* forms of *w* words; the glossary is small enough.
    public func search(_ query: String, limit: Int = 10) -> [Result] {
        let queryWords = GlossarySearch.reading(of: query, through: romanizer, then: asciiFolder)
        guard !queryWords.isEmpty else { return [] }
        var best: [String: Result] = [:]
        for form in forms {
            let score = form.readings.map { GlossarySearch.score(queryWords, $0) }.max()! - (form.guessed ? 0.05 : 0)
            guard score >= 0.5 else { continue }
            if score > best[form.entryID]?.score ?? 0 {
                best[form.entryID] = Result(entryID: form.entryID, form: form.text, language: form.language, score: score)
            }
        }
        return best.values.sorted { a, b in
            a.score != b.score ? a.score > b.score : (entryOrder[a.entryID] ?? 0) < (entryOrder[b.entryID] ?? 0)
        }.prefix(limit).map { $0 }
    }

    /// A word as search compares it: romanized, case-folded, in scalars so that comparing and
    /// measuring it does not walk grapheme clusters.
    typealias Word = [Unicode.Scalar]

    /// The words of `text` romanized by `romanizer` and then `folder` (`Latin-ASCII`), as the
    /// compound `…; Latin-ASCII` would give them. Text of ASCII and precomposed Latin letters
    /// whose folded key is ASCII (English, Polish, Czech, German, Vietnamese forms, and most of
    /// what Any-Latin makes of Cyrillic) needs neither: ``latinWords(_:)`` reads it from its key.
    /// At 100,000 variants, romanizing every form through ICU was most of a search, and
    /// Latin-ASCII over romanized Cyrillic more than half of that. Tests hold both shortcuts to
    /// the compound transforms for every letter they take and every form of the bundled glossary.
    static func reading(of text: String, through romanizer: Transliterator, then folder: Transliterator) -> [Word] {
        if let words = latinWords(text) { return words }
        let latin = romanizer.transliterate(text)
        return latinWords(latin) ?? words(folder.transliterate(latin))
    }

    /// The words of `text` without ICU when its romanization is its folded key, else nil.
    static func latinWords(_ text: String) -> [Word]? {
        guard text.unicodeScalars.allSatisfy({
            $0.isASCII || ($0.value < 0x250 || (0x1E00...0x1EFF).contains($0.value)) && $0.properties.isAlphabetic
        }) else { return nil }
        let key = FoldingKey.latin(text)
        guard key.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var words: [Word] = [], word: Word = []
        for byte in key.utf8 {
            if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                word.append(Unicode.Scalar(byte))
            } else if !word.isEmpty {
                words.append(word)
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// The average, over query words, of how well each matches its best word in the form:
    /// 1 equal, 0.8 a prefix of at least three letters, 0.7 minus 0.1 per edit for close words.
    static func score(_ query: [Word], _ form: [Word]) -> Double {
        var total = 0.0
        for word in query {
            var best = 0.0
            // Words whose lengths differ by more edits than allowed cannot be close.
            let allowed = max(1, word.count / 4)
            for candidate in form {
                if candidate == word { best = 1; break }
                if word.count >= 3, candidate.starts(with: word) { best = max(best, 0.8); continue }
                guard abs(candidate.count - word.count) <= allowed, best < 0.7 else { continue }
                let distance = Similarity.editDistance(word, candidate)
                if distance <= allowed { best = max(best, 0.7 - 0.1 * Double(distance)) }
            }
            total += best
        }
        // A form with many more words than the query is a weaker match.
        let extra = Double(max(0, form.count - query.count)) * 0.02
        return total / Double(query.count) - extra
    }

    static func words(_ romanized: String) -> [Word] {
        FoldingKey.latin(romanized).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { Array($0.unicodeScalars) }
    }
}
