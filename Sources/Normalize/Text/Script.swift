/// A Unicode script (ISO 15924), as ICU assigns it to characters.
///
/// Canon uses scripts to pick matching rules (Cyrillic inflection, Latin diacritic folding) and to
/// notice words that mix scripts, such as a Cyrillic name typed with a Latin `e`.
public struct Script: Hashable, Sendable, CustomStringConvertible {
    /// ICU's `UScriptCode` value, stable across ICU versions.
    let rawValue: Int32

    init(rawValue: Int32) { self.rawValue = rawValue }

    /// The script of one character.
    public init(of scalar: Unicode.Scalar) {
        let v = scalar.value
        if v < Script.tableLimit {
            rawValue = Int32(Script.table[Int(v)])
        } else {
            rawValue = ICU.scriptCode(v)
        }
    }

    /// Characters below this have their script in ``table``: Latin with its extensions and
    /// Vietnamese letters, Greek, Cyrillic, general punctuation: every letter of every word of a
    /// European or Vietnamese text, which would otherwise cost a call into ICU each.
    static let tableLimit: UInt32 = 0x2070

    /// Scripts of the characters below ``tableLimit``, as ICU assigns them (filled from ICU once, so
    /// it cannot disagree with it).
    static let table: [UInt8] = (0..<tableLimit).map { value in
        let code = ICU.scriptCode(value)
        precondition((0...255).contains(code), "ICU script code \(code) out of the table's range")
        return UInt8(code)
    }

    /// The ISO 15924 code, e.g. `Cyrl`.
    public var code: String {
        switch self {  // the scripts of nearly every word, without a call into ICU
        case .latin: "Latn"
        case .cyrillic: "Cyrl"
        case .common: "Zyyy"
        default: ICU.scriptShortName(rawValue)
        }
    }
    /// The Unicode name, e.g. `Cyrillic`.
    public var name: String { ICU.scriptLongName(rawValue) }
    public var description: String { name }

    /// Common (`Zyyy`): digits, punctuation, symbols shared by every script.
    public static let common = Script(rawValue: 0)
    /// Inherited (`Zinh`): combining marks, which take the script of their base letter.
    public static let inherited = Script(rawValue: 1)
    public static let arabic = Script(rawValue: 2)
    public static let cyrillic = Script(rawValue: 8)
    public static let greek = Script(rawValue: 14)
    public static let han = Script(rawValue: 17)
    public static let hangul = Script(rawValue: 18)
    public static let hiragana = Script(rawValue: 20)
    public static let katakana = Script(rawValue: 22)
    public static let latin = Script(rawValue: 25)
    public static let thai = Script(rawValue: 38)

    /// Whether this script stands for no writing system of its own (Common or Inherited).
    public var isNeutral: Bool { self == .common || self == .inherited }

    /// Scripts written together as one writing system: Japanese mixes Han, Hiragana and Katakana,
    /// Korean mixes Hangul and Han. A word mixing scripts of one family is not "mixed-script".
    var family: Int32 {
        switch self {
        case .hiragana, .katakana, .han, .hangul: Script.han.rawValue
        default: rawValue
        }
    }
}

/// Which scripts a piece of text is written in.
///
/// ```swift
/// let profile = ScriptProfile(of: "Нгуeн")   // the 4th letter is Latin U+0065
/// profile.primary    // Cyrillic
/// profile.isMixed    // true
/// ```
public struct ScriptProfile: Hashable, Sendable {
    /// The most frequent script, and the others: stored apart so that the usual one-script profile
    /// (every token of every text gets one) holds no array.
    private let first: Script?
    private let others: [Script]

    /// Every script with at least one letter in the text, most frequent first (ties by ICU code),
    /// without Common and Inherited.
    public var scripts: [Script] { first.map { [$0] + others } ?? [] }

    /// The script most of the text's letters are in; Common when it has no letters.
    public var primary: Script { first ?? .common }

    /// Whether letters from more than one writing system meet in the text (Japanese kana with kanji
    /// is one writing system, Cyrillic with Latin is two).
    public var isMixed: Bool {
        guard let first else { return false }
        return others.contains { $0.family != first.family }
    }

    /// Profiles `text`.
    ///
    /// - Complexity: O(*n*).
    public init(of text: some StringProtocol) {
        self.init(scalars: text.unicodeScalars)
    }

    /// Profiles a stretch of UTF-16 (the word breaker's tokens, which it holds as UTF-16 for ICU).
    init(utf16 units: UnsafeBufferPointer<UInt16>) {
        // Every token of every text comes through here: the usual token, letters of one script
        // below ``Script/tableLimit`` or a single space or mark, is profiled straight from the table.
        var single: Script?
        var plain = true
        Script.table.withUnsafeBufferPointer { table in
            for unit in units {
                guard UInt32(unit) < Script.tableLimit else { plain = false; return }
                let script = Script(rawValue: Int32(table[Int(unit)]))
                if script.isNeutral { continue }
                if single == nil {
                    single = script
                } else if single != script {
                    plain = false
                    return
                }
            }
        }
        if plain {
            self.init(first: single, others: [])
        } else {
            self.init(scalars: UTF16Scalars(units: units))
        }
    }

    /// The profile of text whose letters are all in `script` (nil: no letters).
    init(single script: Script?) {
        self.init(first: script, others: [])
    }

    private init(first: Script?, others: [Script]) {
        self.first = first
        self.others = others
    }

    private init(scalars: some Sequence<Unicode.Scalar>) {
        // Almost every token is in one script: count it without a dictionary, and fall back to
        // one only when a second script turns up (every token of every text comes through here).
        var single: Script?
        var counts: [Script: Int] = [:]
        var singleCount = 0
        for scalar in scalars {
            let script = Script(of: scalar)
            if script.isNeutral { continue }
            if counts.isEmpty, single == nil || single == script {
                single = script
                singleCount += 1
            } else {
                if counts.isEmpty, let single { counts[single] = singleCount }
                counts[script, default: 0] += 1
            }
        }
        guard !counts.isEmpty else {
            first = single
            others = []
            return
        }
        let sorted = counts.sorted { a, b in
            a.value != b.value ? a.value > b.value : a.key.rawValue < b.key.rawValue
        }.map(\.key)
        first = sorted.first
        others = Array(sorted.dropFirst())
    }
}

/// The scalars of well-formed UTF-16, decoded in place.
struct UTF16Scalars: Sequence, IteratorProtocol {
    let units: UnsafeBufferPointer<UInt16>
    var position = 0

    init(units: UnsafeBufferPointer<UInt16>) {
        self.units = units
    }

    mutating func next() -> Unicode.Scalar? {
        guard position < units.count else { return nil }
        let unit = units[position]
        position += 1
        if unit & 0xFC00 == 0xD800, position < units.count, units[position] & 0xFC00 == 0xDC00 {
            let low = units[position]
            position += 1
            return Unicode.Scalar(0x10000 + ((UInt32(unit) & 0x3FF) << 10) + (UInt32(low) & 0x3FF))
        }
        return Unicode.Scalar(UInt32(unit)) ?? "\u{FFFD}"
    }
}
