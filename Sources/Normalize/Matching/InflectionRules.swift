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
    private(set) var endings: EndingIndex

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

    /// Every non-empty ending of every rule, grouped by its last UTF-8 byte, in rule order, laid out
    /// flat: every new word of every text is tried against the endings its last byte can close, and
    /// records holding arrays or strings would cost reference counting at each.
    final class EndingIndex: Sendable {
        struct Ending {
            /// The ending's UTF-8 in `bytes`, compared with the tail of a word's key.
            let start: Int32
            let count: Int32
            /// The UTF-8 of the rule's base in `bytes`, for building base forms out of bytes.
            let baseStart: Int32
            let baseCount: Int32
            let scalarCount: Int32
            /// The ending's length in characters (what a reading records).
            let characterCount: Int32
            /// Index of the rule's `after` letters in `afters`, or -1 for any.
            let after: Int32
            /// Whether replacing the ending by the rule's base gives the word back unchanged.
            let isIdentity: Bool
        }

        let endings: [Ending]
        /// The endings' and bases' bytes.
        let bytes: [UInt8]
        let texts: [String]
        let afters: [Set<Character>]
        /// By last byte: the range of `endings` that byte closes.
        let byLastByte: [Range<Int32>]

        init(_ rules: [Rule]) {
            var groups = [[(ending: String, rule: Int)]](repeating: [], count: 256)
            for (index, rule) in rules.enumerated() {
                for ending in rule.endings {
                    guard let last = ending.utf8.last else { continue }
                    groups[Int(last)].append((ending, index))
                }
            }
            var endings: [Ending] = [], bytes: [UInt8] = [], texts: [String] = [], afters: [Set<Character>] = []
            var afterOfRule: [Int: Int32] = [:]
            var byLastByte: [Range<Int32>] = []
            for group in groups {
                let first = Int32(endings.count)
                for (text, ruleIndex) in group {
                    let rule = rules[ruleIndex]
                    var after: Int32 = -1
                    if !rule.after.isEmpty {
                        if let known = afterOfRule[ruleIndex] {
                            after = known
                        } else {
                            after = Int32(afters.count)
                            afters.append(rule.after)
                            afterOfRule[ruleIndex] = after
                        }
                    }
                    let start = Int32(bytes.count)
                    bytes += text.utf8
                    let baseStart = Int32(bytes.count)
                    bytes += rule.base.utf8
                    let scalars = Array(text.unicodeScalars)
                    endings.append(Ending(start: start, count: Int32(text.utf8.count), baseStart: baseStart,
                                          baseCount: Int32(rule.base.utf8.count), scalarCount: Int32(scalars.count),
                                          characterCount: Int32(text.count), after: after,
                                          isIdentity: Array(rule.base.unicodeScalars) == scalars))
                    texts.append(text)
                }
                byLastByte.append(first..<Int32(endings.count))
            }
            self.endings = endings
            self.bytes = bytes
            self.texts = texts
            self.afters = afters
            self.byLastByte = byLastByte
        }

        func forEachBase(of utf8: UnsafeBufferPointer<UInt8>, minStem: Int,
                         _ body: (_ stemBytes: Int, _ base: UnsafeBufferPointer<UInt8>, _ ending: Int, _ endingLength: Int) -> Void) {
            guard let last = utf8.last else { return }
            let group = byLastByte[Int(last)]
            guard !group.isEmpty else { return }
            let scalars = UTF8Scalars.count(UnsafeRawBufferPointer(utf8))
            // The matching endings (few: most words have none or one), on the stack, then by length,
            // longest first, rule order kept among equals.
            withUnsafeTemporaryAllocation(of: Int.self, capacity: group.count) { found in
                endings.withUnsafeBufferPointer { list in
                    self.bytes.withUnsafeBufferPointer { bytes in
                        var count = 0
                        for index in Int(group.lowerBound)..<Int(group.upperBound) {
                            let ending = list[index]
                            let stemBytes = utf8.count - Int(ending.count)
                            guard stemBytes >= 0, scalars - Int(ending.scalarCount) >= minStem, !ending.isIdentity,
                                  UnsafeBufferPointer(rebasing: bytes[Int(ending.start)..<Int(ending.start + ending.count)])
                                      .elementsEqual(UnsafeBufferPointer(rebasing: utf8[stemBytes...])) else { continue }
                            if ending.after >= 0 {
                                guard stemBytes > 0 else { continue }
                                // The stem's last scalar: back from the ending over continuation bytes.
                                var start = stemBytes - 1
                                while start > 0, utf8[start] & 0xC0 == 0x80 { start -= 1 }
                                let letter = String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<stemBytes]), as: UTF8.self)
                                    .unicodeScalars.first!
                                if !afters[Int(ending.after)].contains(Character(letter)) { continue }
                            }
                            // Insertion by length: stays behind the equally long ones found before it.
                            var position = count
                            while position > 0, list[found[position - 1]].scalarCount < ending.scalarCount {
                                found[position] = found[position - 1]
                                position -= 1
                            }
                            found[position] = index
                            count += 1
                        }
                        for index in found[..<count] {
                            let ending = list[index]
                            body(utf8.count - Int(ending.count),
                                 UnsafeBufferPointer(rebasing: bytes[Int(ending.baseStart)..<Int(ending.baseStart + ending.baseCount)]),
                                 index, Int(ending.characterCount))
                        }
                    }
                }
            }
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
        var key = key
        var result: [(base: String, ending: String)] = []
        key.withUTF8 { utf8 in
            forEachBase(of: utf8) { stemBytes, base, ending, _ in
                var bytes = Array(utf8[..<stemBytes])
                bytes += base
                result.append((String(decoding: bytes, as: UTF8.self), endings.texts[ending]))
            }
        }
        return result
    }

    /// The base forms of ``bases(of:)`` as the key's first `stemBytes` bytes followed by `base`, so
    /// the matcher can look them up without building a string for each, longest ending first; the
    /// third argument numbers the ending, the fourth is its length in characters.
    ///
    /// Works on the key's UTF-8: an ending is the key's tail scalar for scalar exactly when it is its
    /// tail byte for byte (an ending starts with a lead byte), and the stem's length in scalars is
    /// the key's less the ending's.
    func forEachBase(of utf8: UnsafeBufferPointer<UInt8>,
                     _ body: (_ stemBytes: Int, _ base: UnsafeBufferPointer<UInt8>, _ ending: Int, _ endingLength: Int) -> Void) {
        endings.forEachBase(of: utf8, minStem: minStem, body)
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
