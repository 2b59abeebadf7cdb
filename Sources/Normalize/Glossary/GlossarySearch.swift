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
        var readings: [[String]]
        /// Romanized from Han, kana or hangul.
        var guessed: Bool
    }

    private let forms: [Form]
    private let cyrillicRomanizer: Transliterator
    private let romanizer: Transliterator
    private let entryOrder: [String: Int]

    /// Romanizes every form of `glossary` once.
    ///
    /// - Throws: ``NormalizeError`` when ICU's transforms are unavailable.
    public init(_ glossary: Glossary) throws {
        romanizer = try Transliterator(id: "Any-Latin; Latin-ASCII")
        cyrillicRomanizer = try Transliterator(id: "Russian-Latin/BGN; Any-Latin; Latin-ASCII")
        var forms: [Form] = []
        for entry in glossary.entries {
            var texts: [(String, LanguageTag)] = [(entry.canonical, .english)]
            if let native = entry.native { texts.append((native, LanguageTag(parsing: entry.origin ?? "und") ?? .anyLatin)) }
            if let romanized = entry.romanized { texts.append((romanized, .anyLatin)) }
            texts += entry.variants.map { ($0.form, $0.language) } + entry.shortForms.map { ($0.form, $0.language) }
            var seen: Set<String> = []
            for (text, language) in texts where seen.insert(text).inserted {
                let scripts = Set(ScriptProfile(of: text).scripts)
                var readings = [GlossarySearch.words(romanizer.transliterate(text))]
                if scripts.contains(.cyrillic) { readings.append(GlossarySearch.words(cyrillicRomanizer.transliterate(text))) }
                let guessed = !scripts.isDisjoint(with: [.han, .hangul, .hiragana, .katakana])
                forms.append(Form(entryID: entry.id, text: text, language: language, readings: readings, guessed: guessed))
            }
        }
        self.forms = forms
        entryOrder = Dictionary(glossary.entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The entries best matching `query`, best first, at most `limit`, each with its best form.
    ///
    /// - Complexity: O(*f* · *w*) for *f* forms of *w* words; the glossary is small enough.
    public func search(_ query: String, limit: Int = 10) -> [Result] {
        let queryWords = GlossarySearch.words(romanizer.transliterate(query))
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

    /// The average, over query words, of how well each matches its best word in the form:
    /// 1 equal, 0.8 a prefix of at least three letters, 0.7 minus 0.1 per edit for close words.
    static func score(_ query: [String], _ form: [String]) -> Double {
        var total = 0.0
        for word in query {
            var best = 0.0
            for candidate in form {
                if candidate == word { best = 1; break }
                if word.count >= 3, candidate.hasPrefix(word) { best = max(best, 0.8); continue }
                let distance = Similarity.editDistance(Array(word), Array(candidate))
                if distance <= max(1, word.count / 4) { best = max(best, 0.7 - 0.1 * Double(distance)) }
            }
            total += best
        }
        // A form with many more words than the query is a weaker match.
        let extra = Double(max(0, form.count - query.count)) * 0.02
        return total / Double(query.count) - extra
    }

    private static func words(_ romanized: String) -> [String] {
        FoldingKey.latin(romanized).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
}
