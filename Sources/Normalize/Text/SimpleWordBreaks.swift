/// Word boundaries for the text Canon reads nearly all the time, without ICU's break iterator.
///
/// ICU's iterator walks a state machine over UTF-16 that the text must first be converted to, and
/// it was the largest single cost of matching. For text whose every character is below U+2070, in
/// the Latin, Cyrillic or no particular script, and of one of the plain Word_Break classes (letters, digits, the mid-word and mid-number punctuation,
/// spaces, line breaks, combining marks and format characters, everything else "Other"), the rules
/// of UAX #29 that can apply are few, and they are applied here directly on UTF-8. Any other text
/// (a Hebrew, Thai or CJK letter, an emoji, an underscore, a character above U+206F) gets nil and
/// goes to ICU, so the answer is always ICU's. Tests compare the two on the seeds and on random
/// strings of every class.
///
/// The classes come from ICU itself, with one difference ICU's root rules make to UAX #29: the
/// colon is not MidLetter (CLDR's tailoring; `Nguyen:Trong` is three tokens) and the at sign is a
/// letter.
enum SimpleWordBreaks {
    enum Class: UInt8 {
        case other, cr, lf, newline, extend, format, aLetter, numeric, midLetter, midNum, midNumLetQ, wSegSpace
        /// A class these rules do not cover: the text goes to ICU.
        case unsupported
    }

    static let limit: UInt32 = 0x2070

    /// For each scalar below ``limit``: its class (bits 0–3), White_Space (bit 7) and ICU script code
    /// (bits 8–15).
    /// Kept in memory that is never freed (like every static table), so the scanning loops read it
    /// through a plain pointer instead of a closure.
    nonisolated(unsafe) private static let table: UnsafeBufferPointer<UInt32> = permanent((0..<limit).map { value in
        let whitespace: UInt32 = Unicode.Scalar(value)?.properties.isWhitespace == true ? 0x80 : 0
        return UInt32(classOf(value).rawValue) | whitespace | UInt32(Script.table[Int(value)]) << 8
    })

    /// The entry (with its UTF-8 width) of every scalar a lead byte can begin, where they all share
    /// one: every ASCII byte, and the two-byte leads whose 64 scalars are all of one class and script
    /// (D0 and D1, the Cyrillic letters U+0400–U+047F). 0 where the scalar must be decoded. Worked
    /// out from ``table``, so it holds no fact of its own.
    nonisolated(unsafe) private static let byLead: UnsafeBufferPointer<UInt32> = permanent((0..<256).map { lead -> UInt32 in
        if lead < 0x80 { return table[lead] | 1 << 4 }
        guard (0xC2..<0xE0).contains(lead) else { return 0 }
        let first = (lead & 0x1F) << 6
        let entries = Set((first..<(first + 64)).map { table[$0] })
        return entries.count == 1 && entries.first! & 0x0F != UInt32(Class.unsupported.rawValue) ? entries.first! | 2 << 4 : 0
    })

    /// The script code shared by every Cyrillic letter U+0400–U+047F (lead bytes D0 and D1, one
    /// entry each in ``byLead``), and by the 52 ASCII letters: what a run of them inside a word of
    /// that script changes is only the counts, so ``spans(_:)`` steps over it eight bytes at a time.
    /// -1 where the table does not say so (the run is then never taken). Worked out from ``table``.
    private static let cyrillicRunScript: Int32 = runScript([byLead[0xD0], byLead[0xD1]])
    private static let asciiLetterRunScript: Int32 = runScript(
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { byLead[Int($0)] } + (UInt8(ascii: "a")...UInt8(ascii: "z")).map { byLead[Int($0)] })

    /// The ASCII letters' script code when every letter of U+00C0–U+017F (Latin-1's and Latin
    /// Extended-A's: all but × and ÷) has an ASCII letter's entry, so that a run of them and ASCII
    /// letters inside a Latin word is stepped over too (``latinLetters(_:)``); -1 otherwise.
    /// Worked out from ``table``.
    private static let latinRunScript: Int32 = {
        let letter = table[Int(UInt8(ascii: "a"))]
        let extended = (0xC0...0x17F).filter { $0 != 0xD7 && $0 != 0xF7 }
        return asciiLetterRunScript >= 0 && extended.allSatisfy({ table[$0] == letter }) ? asciiLetterRunScript : -1
    }()

    private static func runScript(_ entries: [UInt32]) -> Int32 {
        guard let first = entries.first, entries.allSatisfy({ $0 == first }), first & 0x0F == UInt32(Class.aLetter.rawValue),
              first & 0x80 == 0 else { return -1 }
        let code = Int32(first >> 8 & 0xFF)
        return code > 1 ? code : -1
    }

    private static func permanent<T>(_ values: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: values.count)
        _ = buffer.initialize(from: values)
        return UnsafeBufferPointer(buffer)
    }

    private static func classOf(_ value: UInt32) -> Class {
        guard let scalar = Unicode.Scalar(value) else { return .unsupported }
        // Latin and Cyrillic only (and the shared punctuation, digits and marks): Thai, Lao, Khmer and
        // Myanmar words are found with ICU's dictionaries, other scripts are simply left to ICU.
        guard [Script.latin, .cyrillic, .common, .inherited].contains(Script(of: scalar)) else { return .unsupported }
        if value == 0x3A { return .other }  // ICU's root rules take the colon out of MidLetter
        if value == 0x40 { return .aLetter }  // and count the at sign as a letter (`user@host` is one word)
        typealias WB = ICU.WordBreakValue
        switch ICU.wordBreak(value) {
        case WB.other, WB.doubleQuote: return .other  // Double_Quote acts only next to Hebrew letters
        case WB.cr: return .cr
        case WB.lf: return .lf
        case WB.newline: return .newline
        case WB.extend: return .extend
        case WB.format: return .format
        case WB.aLetter: return .aLetter
        case WB.numeric: return .numeric
        case WB.midLetter: return .midLetter
        case WB.midNum: return .midNum
        case WB.midNumLet, WB.singleQuote: return .midNumLetQ
        case WB.wSegSpace: return .wSegSpace
        default: return .unsupported  // Hebrew_Letter, Katakana, ExtendNumLet, ZWJ, Regional_Indicator, …
        }
    }

    /// What a pair of neighbouring classes (WB4 applied, no line break among them) decides:
    /// 0 a boundary, 1 none, 2 none if the next letter or digit continues the word (WB6, WB12),
    /// 3 none if the one before the punctuation began it (WB7, WB11).
    nonisolated(unsafe) private static let pairs: UnsafeBufferPointer<UInt8> = {
        var pairs = [UInt8](repeating: 0, count: 16 * 16)
        func set(_ a: Class, _ b: Class, _ value: UInt8) { pairs[Int(a.rawValue) << 4 | Int(b.rawValue)] = value }
        for (a, b) in [(Class.aLetter, Class.aLetter), (.aLetter, .numeric), (.numeric, .aLetter), (.numeric, .numeric)] { set(a, b, 1) }
        for (a, b) in [(Class.aLetter, Class.midLetter), (.aLetter, .midNumLetQ), (.numeric, .midNum), (.numeric, .midNumLetQ)] { set(a, b, 2) }
        for (a, b) in [(Class.midLetter, Class.aLetter), (.midNumLetQ, .aLetter), (.midNum, .numeric), (.midNumLetQ, .numeric)] { set(a, b, 3) }
        return permanent(pairs)
    }()

    /// The tokens of `utf8`, or nil when the text has a character these rules do not cover.
    ///
    /// One pass over the bytes: each scalar is decoded, classified through ``table`` and decided on
    /// at once; only a mid-word punctuation mark looks ahead (WB6, WB12). Inside a word the loop
    /// stays in a tighter one for as long as letters and digits follow each other, which is most of
    /// every text.
    static func spans(_ utf8: UnsafeBufferPointer<UInt8>) -> [TokenSpan]? {
        guard !utf8.isEmpty else { return [] }
        // Written in place into an array made with room for about one token in three bytes (a word
        // of five letters and a space in Latin text; Cyrillic words are longer): appending checked
        // the array's uniqueness and capacity at every token, a sixth of the breaker's work. A text
        // with more tokens than that (numbers and punctuation) is broken again into room for one
        // token per byte, which no text exceeds.
        var outcome = Outcome.done
        var capacity = utf8.count / 3 + 8
        while true {
            let spans = [TokenSpan](unsafeUninitializedCapacity: capacity) { buffer, written in
                (outcome, written) = tokens(of: utf8, into: buffer)
            }
            switch outcome {
            case .done: return spans
            case .unsupported: return nil
            case .full:
                precondition(capacity <= utf8.count, "a text of \(utf8.count) bytes has more tokens than bytes")
                capacity = utf8.count + 1
            }
        }
    }

    /// How a pass of ``tokens(of:into:)`` ended.
    private enum Outcome { case done, unsupported, full }

    /// Writes the tokens of `utf8` into `spans` and says how many it wrote; `.full` when they do not
    /// fit, `.unsupported` when the text has a character these rules do not cover.
    private static func tokens(of utf8: UnsafeBufferPointer<UInt8>, into spans: UnsafeMutableBufferPointer<TokenSpan>) -> (Outcome, Int) {
        let count = utf8.count
        let table = SimpleWordBreaks.table
        let byLead = SimpleWordBreaks.byLead
        let pairs = SimpleWordBreaks.pairs
        let cyrillicRun = SimpleWordBreaks.cyrillicRunScript, asciiRun = SimpleWordBreaks.asciiLetterRunScript
        let latinRun = SimpleWordBreaks.latinRunScript
        let raw = UnsafeRawBufferPointer(utf8)
        // Classes as raw numbers: this runs for every scalar of every text.
        let cr = Class.cr.rawValue, lf = Class.lf.rawValue, newline = Class.newline.rawValue
        let extend = Class.extend.rawValue, format = Class.format.rawValue, space = Class.wSegSpace.rawValue
        let letter = Class.aLetter.rawValue, digit = Class.numeric.rawValue
        let unsupported = UInt32(Class.unsupported.rawValue)
        @inline(__always) func isHard(_ c: UInt8) -> Bool { c == cr || c == lf || c == newline }
        @inline(__always) func isIgnorable(_ c: UInt8) -> Bool { c == extend || c == format }
        /// The table entry of the scalar at byte `i` with its UTF-8 width in bits 4–6; nil for a scalar
        /// these rules do not cover (or a truncated one).
        @inline(__always) func entry(at i: Int) -> UInt32? {
            let lead = utf8[i]
            let value: UInt32, width: UInt32
            if lead < 0x80 {
                value = UInt32(lead); width = 1
            } else if lead < 0xE0 {
                guard i + 1 < count else { return nil }
                value = UInt32(lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); width = 2
            } else if lead < 0xF0 {
                guard i + 2 < count else { return nil }
                value = UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); width = 3
            } else {
                return nil  // above U+FFFF
            }
            guard value < limit else { return nil }
            let entry = table[Int(value)]
            guard entry & 0x0F != unsupported else { return nil }
            return entry | width << 4
        }

        let capacity = spans.count
        var written = 0
        // The token being built.
        var start = 0, scalarStart = 0, scalars = 0
        var status = 0, whitespace = true
        var script: Int32 = -1, mixed = false
        // The class standing for the previous scalar once marks are folded into their base (WB4),
        // and the one standing before that.
        var previousRaw = Class.other.rawValue, previous = Class.other.rawValue, beforePrevious = Class.other.rawValue

        func close(at end: Int) {
            var primary = mixed || script < 0 ? Script.common : Script(rawValue: script)
            if mixed {
                // Latin and Cyrillic letters in one word: the more frequent names the word's script.
                primary = ScriptProfile(of: String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self)).primary
            }
            let kind: Token.Kind = switch status {
            case 100: .number
            case 200: .word
            default: whitespace ? .whitespace : .punctuation
            }
            spans.initializeElement(at: written, to: TokenSpan(utf8Range: start..<end, scalarRange: scalarStart..<(scalarStart + scalars),
                                                               kind: kind, ruleStatus: status, script: primary, mixedScripts: mixed))
            written += 1
        }

        var i = 0
        while i < count {
            // An ASCII space after anything but a space opens a token of its own (no rule but WB3d
            // keeps a space with what precedes it) and looks at nothing after it: what the steps
            // below do for it, without decoding and asking. Every word of running text ends in one.
            // (The token's reset is written out here and below: as a nested function shared by the
            // two, the loop took 70% more instructions.)
            if utf8[i] == 0x20, i > 0, previousRaw != space {
                guard written < capacity else { return (.full, written) }
                close(at: i)
                start = i
                scalarStart += scalars
                scalars = 1
                status = 0; whitespace = true
                script = -1; mixed = false
                beforePrevious = previous
                previous = space; previousRaw = space
                i += 1
                continue
            }
            guard let e = entry(at: i) else { return (.unsupported, written) }
            let c = UInt8(truncatingIfNeeded: e & 0x0F)
            let width = Int(e >> 4 & 0x07)
            let boundary: Bool
            if i == 0 {
                boundary = false
            } else if previousRaw == cr, c == lf {
                boundary = false  // WB3
            } else if isHard(previousRaw) || isHard(c) {
                boundary = true  // WB3a, WB3b
            } else if previousRaw == space, c == space {
                boundary = false  // WB3d
            } else if isIgnorable(c) {
                boundary = false  // WB4
            } else {
                switch pairs[Int(previous) << 4 | Int(c)] {
                case 1: boundary = false
                case 2:
                    // The punctuation stays inside if the same class follows it, marks skipped.
                    var k = i + width
                    var next: UInt8? = nil
                    while k < count {
                        guard let ahead = entry(at: k) else { return (.unsupported, written) }
                        let kc = UInt8(truncatingIfNeeded: ahead & 0x0F)
                        if !isIgnorable(kc) { next = kc; break }
                        k += Int(ahead >> 4 & 0x07)
                    }
                    boundary = next != previous
                case 3: boundary = beforePrevious != c
                default: boundary = true
                }
            }
            if boundary {
                guard written < capacity else { return (.full, written) }
                close(at: i)
                start = i
                scalarStart += scalars
                scalars = 0
                status = 0; whitespace = true
                script = -1; mixed = false
            }
            scalars += 1
            if e & 0x80 == 0 { whitespace = false }
            // ICU tags a token by the rule that ended it: its last letter or digit decides (`G20` is
            // a number, `20G` a word).
            if c == letter { status = 200 } else if c == digit { status = 100 }
            let code = Int32(e >> 8 & 0xFF)
            // Common (0) and Inherited (1) belong to no writing system.
            if code > 1, code != script {
                if script < 0 { script = code } else { mixed = true }
            }
            if !(i > 0 && isIgnorable(c) && !isHard(previousRaw)) {
                beforePrevious = previous
                previous = c
            }
            previousRaw = c
            i += width
            // Letters and digits after a letter or digit: no boundary (WB5, WB8–WB10), nothing to
            // look ahead for.
            guard c == letter || c == digit else { continue }
            // Inside a Cyrillic or a Latin word, the Cyrillic letters of U+0400–U+047F, or the
            // letters of ASCII, Latin-1 and Latin Extended-A (Polish, Czech, German, French,
            // Norwegian words), that the next eight bytes begin with are more letters of the same
            // script: taken together, until eight bytes end in something else (most often the
            // word's end). What follows goes one scalar at a time.
            var tryRuns = script == cyrillicRun || script == asciiRun
            while i < count {
                if tryRuns, i + 8 <= count {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    let run: (bytes: Int, scalars: Int)
                    if script == cyrillicRun {
                        run = Self.cyrillicLetters(word)
                    } else if script == latinRun {
                        run = Self.latinLetters(word)
                    } else {
                        run = Self.areASCIILetters(word) ? (8, 8) : (0, 0)
                    }
                    if run.bytes > 0 {
                        scalars += run.scalars
                        status = 200
                        beforePrevious = letter; previous = letter; previousRaw = letter
                        i += run.bytes
                    }
                    // A run cut short ends at the word's end or at a letter these runs do not take.
                    if run.bytes < 7 { tryRuns = false }
                    continue
                }
                let lead = utf8[i]
                var next = byLead[Int(lead)]
                if next == 0 {
                    guard lead >= 0xC2, lead < 0xE0, i + 1 < count else { break }
                    next = table[Int(lead & 0x1F) << 6 | Int(utf8[i + 1] & 0x3F)] | 2 << 4
                } else if lead >= 0x80, i + 1 >= count {
                    break
                }
                let nc = UInt8(truncatingIfNeeded: next & 0x0F)
                guard nc == letter || nc == digit else { break }
                scalars += 1
                status = nc == letter ? 200 : 100
                let code = Int32(next >> 8 & 0xFF)
                if code > 1, code != script {
                    if script < 0 { script = code } else { mixed = true }
                }
                beforePrevious = previous
                previous = nc
                previousRaw = nc
                i += Int(next >> 4 & 0x07)
            }
        }
        guard written < capacity else { return (.full, written) }
        close(at: count)
        return (.done, written)
    }

    /// How many of eight bytes, from a scalar on, are whole letters of ASCII, Latin-1 or Latin
    /// Extended-A (U+00C0–U+017F but × and ÷) before the first that is not, and how many scalars
    /// they make. A letter that begins in the eighth byte and ends further on is left out.
    ///
    /// In valid UTF-8 with no lead byte but C3, C4 and C5, every continuation byte is the second
    /// byte of one of their two-byte letters, so the bytes need only be of those three kinds.
    @inline(__always)
    static func latinLetters(_ word: UInt64) -> (bytes: Int, scalars: Int) {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // Each byte's low seven bits, in `a`–`z` once 0x20 is set: no addition carries into the next byte.
        let lower = (word | ones &* 0x20) & ~highs
        let asciiLetters = (lower &+ ones &* (0x80 - 0x61)) & ~(lower &+ ones &* (0x80 - 0x7B)) & ~word & highs
        let continuations = word & ~(word << 1) & highs  // 10xxxxxx
        let c3 = equalBytes(word, 0xC3)
        let leads = c3 | equalBytes(word & (ones &* 0xFE), 0xC4)  // C3, C4, C5
        // The lead bytes of × (C3 97) and ÷ (C3 B7) count as what they are: no letters.
        let signs = c3 & (equalBytes(word, 0x97) | equalBytes(word, 0xB7)) >> 8
        let others = ~(asciiLetters | continuations | leads) & highs | signs
        var bytes = others == 0 ? 8 : others.trailingZeroBitCount / 8
        // Before the first other byte the letters are whole: only the eighth byte may lead a
        // letter whose second byte lies beyond.
        if bytes == 8, leads >> 63 != 0 { bytes = 7 }
        let counted = bytes == 8 ? continuations : continuations & (1 << (8 * bytes) - 1)
        return (bytes, bytes - counted.nonzeroBitCount)
    }

    /// How many of eight bytes, from a scalar on, are Cyrillic letters of U+0400–U+047F (lead byte
    /// D0 or D1; valid UTF-8 makes the byte after each its continuation) before the first that is
    /// not, and how many scalars they make.
    @inline(__always)
    static func cyrillicLetters(_ word: UInt64) -> (bytes: Int, scalars: Int) {
        let others = word & 0x00FE_00FE_00FE_00FE ^ 0x00D0_00D0_00D0_00D0
        let letters = others == 0 ? 4 : others.trailingZeroBitCount / 16
        return (2 * letters, letters)
    }

    /// The high bit of every byte of `word` that is `value`, and of no other (no borrow or carry
    /// crosses a byte, unlike the "has a zero byte" trick).
    @inline(__always)
    static func equalBytes(_ word: UInt64, _ value: UInt8) -> UInt64 {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let x = word ^ 0x0101_0101_0101_0101 &* UInt64(value)
        return ~((x & ~highs &+ ~highs) | x) & highs
    }

    /// Whether all eight bytes are ASCII letters: below 0x80, and in `a`–`z` once 0x20 is set
    /// (which maps exactly `A`–`Z` there).
    @inline(__always)
    static func areASCIILetters(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        guard word & highs == 0 else { return false }
        let lower = word | ones &* 0x20
        // No byte carries into the next: each is below 0x80 before the addition.
        let atLeastA = lower &+ ones &* (0x80 - 0x61), pastZ = lower &+ ones &* (0x80 - 0x7B)
        return atLeastA & ~pastZ & highs == highs
    }
}
