/// How one language inflects names and terms, as data from `glossaries/languages/<tag>.yaml`:
/// the endings a base (nominative) form can take in other cases.
///
/// ```yaml
/// inflection:
///   inflects: [person, place, organization, term, title]
///   capitalized: [person, place]
///   min_stem: 2
///   rules:
///     - {base: "", after: бвгджзклмнпрстфхцчшщ, endings: [а, у, ом, е]}   # Чонг → Чонга, Чонгом
///     - {base: а, endings: [ы, и, е, у, ой, ою]}                          # Кисида → Кисидой
/// ```
///
/// The matcher reads rules backwards: a text word ending in one of `endings` may be the base form
/// with that ending replaced by `base` (`Кисидой` − `ой` + `а` = `Кисида`), provided at least
/// `minStem` letters remain before the ending and, for `after`, the stem ends in one of those letters.
/// Endings and bases are compared on matching keys (case-folded, Latin diacritics removed), so Polish
/// `Kishidę` and `Kishide` read alike.
public struct InflectionRules: Hashable, Sendable {
    /// One ending class.
    public struct Rule: Hashable, Sendable {
        /// What the base form ends in; empty when endings are added to it.
        public var base: String
        /// Letters the stem must end in for the rule to apply; empty for any.
        public var after: Set<Character>
        /// Endings that replace `base` in other cases, as matching keys.
        public var endings: [String]

        public init(base: String, after: Set<Character> = [], endings: [String]) {
            self.base = base
            self.after = after
            self.endings = endings
        }
    }

    /// Entity types whose forms inflect in this language.
    public var inflects: Set<EntityType>
    /// Entity types whose capital letters must be kept: `то лам` in running Russian is not To Lam.
    public var capitalized: Set<EntityType>
    /// Letters that must remain of a word before its ending.
    public var minStem: Int
    public var rules: [Rule]

    public init(inflects: Set<EntityType>, capitalized: Set<EntityType>, minStem: Int, rules: [Rule]) {
        self.inflects = inflects
        self.capitalized = capitalized
        self.minStem = minStem
        self.rules = rules
    }

    /// No inflection; capitals kept for names. For languages Canon has no rules for.
    public static let none = InflectionRules(inflects: [], capitalized: [.person, .place], minStem: 2, rules: [])

    /// The base forms `key` may be an inflection of, each with the ending that was removed.
    ///
    /// - Parameter key: a word's matching key.
    /// - Returns: candidates, longest ending first; never `key` itself.
    /// - Complexity: O(*r* · *e*) for *r* rules of *e* endings; endings are short.
    public func bases(of key: String) -> [(base: String, ending: String)] {
        // Keys are folded and composed, so comparing scalars is comparing letters, and much cheaper
        // than comparing Characters.
        var result: [(String, String)] = []
        let letters = Array(key.unicodeScalars)
        for rule in rules {
            for ending in rule.endings {
                let tail = ending.unicodeScalars
                let stemCount = letters.count - tail.count
                guard !tail.isEmpty, stemCount >= minStem, letters[stemCount...].elementsEqual(tail) else { continue }
                if !rule.after.isEmpty, !rule.after.contains(Character(letters[stemCount - 1])) { continue }
                var candidate = String.UnicodeScalarView(letters[..<stemCount])
                candidate.append(contentsOf: rule.base.unicodeScalars)
                let base = String(candidate)
                if base != key { result.append((base, ending)) }
            }
        }
        return result.sorted { $0.1.unicodeScalars.count > $1.1.unicodeScalars.count }
    }
}
