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
    public var inflects: Set<EntityType> {
        didSet { inflectsMask = EntityType.mask(inflects) }
    }
    /// Entity types whose capital letters must be kept: `то лам` in running Russian is not To Lam.
    public var capitalized: Set<EntityType> {
        didSet { capitalizedMask = EntityType.mask(capitalized) }
    }
    /// The two sets as bits, for the matcher, which asks for every match (a `Set` of a
    /// string-backed enum hashes the string).
    private var inflectsMask: UInt8
    private var capitalizedMask: UInt8

    /// Whether `type` is in ``inflects``.
    func inflects(_ type: EntityType) -> Bool { inflectsMask & type.bit != 0 }
    /// Whether `type` is in ``capitalized``.
    func capitalizes(_ type: EntityType) -> Bool { capitalizedMask & type.bit != 0 }
    /// Letters that must remain of a word before its ending.
    public var minStem: Int
    public var rules: [Rule] {
        didSet { endings = EndingIndex(rules) }
    }
    /// The rules' endings by their last letter, compiled once: a word is tried only against the
    /// endings it can have (every new word of every text comes through ``bases(of:)``).
    private var endings: EndingIndex

    public init(inflects: Set<EntityType>, capitalized: Set<EntityType>, minStem: Int, rules: [Rule]) {
        self.inflects = inflects
        self.capitalized = capitalized
        self.inflectsMask = EntityType.mask(inflects)
        self.capitalizedMask = EntityType.mask(capitalized)
        self.minStem = minStem
        self.rules = rules
        self.endings = EndingIndex(rules)
    }

    public static func == (a: InflectionRules, b: InflectionRules) -> Bool {
        a.inflects == b.inflects && a.capitalized == b.capitalized && a.minStem == b.minStem && a.rules == b.rules
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(inflects)
        hasher.combine(capitalized)
        hasher.combine(minStem)
        hasher.combine(rules)
    }

    /// Every non-empty ending of every rule, grouped by its last scalar, in rule order.
    private final class EndingIndex: Sendable {
        struct Ending {
            let scalars: [Unicode.Scalar]
            let text: String
            let rule: Int
            /// Whether replacing the ending by the rule's base gives the word back unchanged.
            let isIdentity: Bool
            /// The ending's length in UTF-8, and the UTF-8 of the rule's base, for building base
            /// forms out of bytes.
            let utf8Count: Int
            let baseUTF8: [UInt8]
        }

        let byLast: [Unicode.Scalar: [Ending]]

        init(_ rules: [Rule]) {
            var byLast: [Unicode.Scalar: [Ending]] = [:]
            for (index, rule) in rules.enumerated() {
                for ending in rule.endings {
                    let scalars = Array(ending.unicodeScalars)
                    guard let last = scalars.last else { continue }
                    byLast[last, default: []].append(Ending(scalars: scalars, text: ending, rule: index,
                                                            isIdentity: Array(rule.base.unicodeScalars) == scalars,
                                                            utf8Count: ending.utf8.count, baseUTF8: Array(rule.base.utf8)))
                }
            }
            self.byLast = byLast
        }
    }

    /// No inflection; capitals kept for names. For languages Canon has no rules for.
    public static let none = InflectionRules(inflects: [], capitalized: [.person, .place], minStem: 2, rules: [])

    /// The base forms `key` may be an inflection of, each with the ending that was removed.
    ///
    /// - Parameter key: a word's matching key.
    /// - Returns: candidates, longest ending first; never `key` itself.
    /// - Complexity: O(*r* · *e*) for *r* rules of *e* endings; endings are short.
    public func bases(of key: String) -> [(base: String, ending: String)] {
        let original = key
        var key = key
        return key.withUTF8 { utf8 in
            baseCandidates(of: original, utf8: utf8).map { candidate in
                let stem = UnsafeBufferPointer(rebasing: utf8[..<candidate.stemBytes])
                let base = String(unsafeUninitializedCapacity: stem.count + candidate.base.count) { buffer in
                    _ = buffer.initialize(fromContentsOf: stem)
                    _ = buffer[stem.count...].initialize(fromContentsOf: candidate.base)
                    return stem.count + candidate.base.count
                }
                return (base, candidate.ending)
            }
        }
    }

    /// The base forms of ``bases(of:)`` as the key's first `stemBytes` bytes followed by `base`, so
    /// the matcher can look them up without building a string for each.
    func baseCandidates(of key: String, utf8: UnsafeBufferPointer<UInt8>) -> [(stemBytes: Int, base: [UInt8], ending: String)] {
        let letters = Array(key.unicodeScalars)
        guard let last = letters.last, let candidates = endings.byLast[last] else { return [] }
        var result: [(stemBytes: Int, base: [UInt8], ending: String, length: Int)] = []
        for ending in candidates {
            let stemCount = letters.count - ending.scalars.count
            guard stemCount >= minStem, !ending.isIdentity, letters[stemCount...].elementsEqual(ending.scalars) else { continue }
            let rule = rules[ending.rule]
            if !rule.after.isEmpty, !rule.after.contains(Character(letters[stemCount - 1])) { continue }
            // The stem is the key without the ending's bytes (the ending is the key's tail, scalar
            // for scalar).
            result.append((utf8.count - ending.utf8Count, ending.baseUTF8, ending.text, ending.scalars.count))
        }
        return result.sorted { $0.length > $1.length }.map { ($0.stemBytes, $0.base, $0.ending) }
    }
}

extension EntityType {
    /// One bit per type, in declaration order.
    var bit: UInt8 {
        switch self {
        case .person: 1
        case .organization: 2
        case .place: 4
        case .term: 8
        case .title: 16
        }
    }

    static func mask(_ types: Set<EntityType>) -> UInt8 {
        types.reduce(0) { $0 | $1.bit }
    }
}
