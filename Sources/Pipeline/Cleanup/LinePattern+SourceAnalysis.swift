import Foundation

/// What a cleanup pattern's source says about the lines it can match, read once when the rules are
/// loaded: each answer is a necessary condition, so a line that fails it is ruled out without the
/// regular expression, and an answer in doubt is "nothing known". Tests hold every answer against
/// the regex on the seeds' lines.
extension LinePattern {
    /// Printable ASCII that is neither a letter nor a digit: what a backslash makes literal.
    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte) && !(0x30...0x39).contains(byte)
            && !(0x41...0x5A).contains(byte) && !(0x61...0x7A).contains(byte)
    }

    /// Every flag letter a pattern's inline options name, set or cleared (`(?i)`, `(?ix:`, `(?-x)`):
    /// read off every `(?` followed by letters, escaped or in a class too, so that a doubt counts
    /// as a flag.
    static func inlineFlags(of chars: [UInt8]) -> Set<UInt8> {
        var flags: Set<UInt8> = []
        var index = 0
        while index + 1 < chars.count {
            if chars[index] == UInt8(ascii: "("), chars[index + 1] == UInt8(ascii: "?") {
                var flag = index + 2
                while flag < chars.count, (0x61...0x7A).contains(chars[flag]) || chars[flag] == UInt8(ascii: "-") {
                    flags.insert(chars[flag])
                    flag += 1
                }
            }
            index += 1
        }
        return flags
    }

    /// Whether a pattern has an alternation outside any group (`^a$|^b$`), and whether its groups
    /// and classes close.
    static func alternationOutsideGroups(of chars: [UInt8]) -> (found: Bool, balanced: Bool) {
        var depth = 0, inClass = false, index = 0
        while index < chars.count {
            let byte = chars[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            if inClass {
                if byte == UInt8(ascii: "]") { inClass = false }
            } else {
                switch byte {
                case UInt8(ascii: "["): inClass = true
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"): depth -= 1
                case UInt8(ascii: "|") where depth == 0: return (true, false)
                default: break
                }
            }
            index += 1
        }
        return (false, depth == 0 && !inClass)
    }

    /// Whether the character at `position` is escaped: an odd run of backslashes right before it.
    static func isEscaped(_ chars: [UInt8], at position: Int) -> Bool {
        var count = 0, i = position - 1
        while i >= 0, chars[i] == UInt8(ascii: "\\") { count += 1; i -= 1 }
        return count % 2 == 1
    }

    /// The line a pattern of one literal line matches: `^`, characters with no special meaning
    /// (punctuation may be escaped), `$`; nil for anything else.
    static func literalLine(of source: String) -> [UInt8]? {
        let chars = Array(source.utf8)
        guard chars.count >= 2, chars.first == UInt8(ascii: "^"), chars.last == UInt8(ascii: "$") else { return nil }
        let meta = Set("\\^$.|?*+()[]{}#".utf8)
        var literal: [UInt8] = []
        var index = 1
        while index < chars.count - 1 {
            let byte = chars[index]
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < chars.count - 1 else { return nil }
                let next = chars[index + 1]
                // Only escaped punctuation is a plain character; `\d`, `\Q`, `\x41` are not.
                guard isASCIIPunctuation(next) else { return nil }
                literal.append(next)
                index += 2
            } else {
                guard !meta.contains(byte) else { return nil }
                literal.append(byte)
                index += 1
            }
        }
        return literal
    }

    /// What every match of a pattern holds, as far as its source tells: a decimal digit (`\d`
    /// outside anything optional, or in every alternative of a group that is not optional: a
    /// byline's date), ASCII punctuation written as a literal (`:` and `(` in a caption's
    /// `(Foto: …)`), and whether the match ends with a `\d` (a byline's date before its `$`).
    struct Requirements: Equatable {
        var digit = false
        var bytes: Set<UInt8> = []
        /// The last character the match consumes is a `\d`: zero-width assertions (`$`, `\b`, a
        /// lookaround) aside, the sequence ends with `\d` or a group all of whose alternatives do,
        /// under no quantifier that allows zero.
        var endsWithDigit = false
        /// With ``endsWithDigit``: the `\d` may be followed by this one ASCII punctuation character,
        /// made optional (`\d+\.?`, the number of a photo, `Ảnh 1.`).
        var optionalAfterDigit: UInt8?

        /// Both alternatives of `a|b` need only what they share.
        func shared(with other: Requirements) -> Requirements {
            var both = Requirements(digit: digit && other.digit, bytes: bytes.intersection(other.bytes),
                                    endsWithDigit: endsWithDigit && other.endsWithDigit)
            // `\d` or `\d.?` is `\d.?`; two different optional characters are not followed.
            switch (optionalAfterDigit, other.optionalAfterDigit) {
            case (nil, nil): break
            case let (x?, nil), let (nil, x?): both.optionalAfterDigit = x
            case let (x?, y?): if x == y { both.optionalAfterDigit = x } else { both.endsWithDigit = false }
            }
            if !both.endsWithDigit { both.optionalAfterDigit = nil }
            return both
        }

        /// `a` then `b` needs what either needs, and ends as `b` does.
        func adding(_ other: Requirements) -> Requirements {
            Requirements(digit: digit || other.digit, bytes: bytes.union(other.bytes), endsWithDigit: other.endsWithDigit,
                         optionalAfterDigit: other.optionalAfterDigit)
        }
    }

    /// How every match of `source` ends at the end of the line, when it ends with a `\d`, or with a
    /// `\d` and then one optional punctuation character (`\d+\.?$`: the line ends in a digit, or in
    /// a digit and a full stop); nil otherwise. The pattern must end with its `$` anchor, have no
    /// alternation outside a group (`^a\d$|b` proves nothing), and its ``Requirements`` must end
    /// with a digit.
    static func digitEndingAtLineEnd(_ source: String) -> DigitEnding? {
        let chars = Array(source.utf8)
        // `\$` is no anchor; a multi-line flag would let `$` match inside the text.
        guard chars.last == UInt8(ascii: "$"), !isEscaped(chars, at: chars.count - 1), !inlineFlags(of: chars).contains(UInt8(ascii: "m")) else {
            return nil
        }
        let requirements = requirements(of: source)
        let alternation = alternationOutsideGroups(of: chars)
        guard requirements.endsWithDigit, !alternation.found, alternation.balanced else { return nil }
        return DigitEnding(optionalAfterDigit: requirements.optionalAfterDigit)
    }

    /// How every match of a pattern ends (``digitEndingAtLineEnd(_:)``).
    struct DigitEnding: Equatable {
        /// The punctuation character that may follow the final digit.
        var optionalAfterDigit: UInt8?
    }

    /// The ``Requirements`` of `source`. Conservative: a class, a lookaround, a backreference, a
    /// letter (a flag may change its case) or anything the parse does not follow requires nothing.
    static func requirements(of source: String) -> Requirements {
        // Extended syntax and `\Q…\E` quoting change what the characters mean: nothing is known.
        guard !inlineFlags(of: Array(source.utf8)).contains(UInt8(ascii: "x")), !source.contains("\\Q") else { return Requirements() }
        var index = 0
        return sequenceRequirements(Array(source.utf8), &index) ?? Requirements()
    }

    /// Parses alternatives up to a closing parenthesis or the end; nil when the source is not
    /// followed.
    private static func sequenceRequirements(_ chars: [UInt8], _ index: inout Int) -> Requirements? {
        var everyAlternative: Requirements?
        var thisAlternative = Requirements()
        let meta = Set("\\^$.|?*+()[]{}".utf8)
        while index < chars.count {
            let byte = chars[index]
            if byte == UInt8(ascii: ")") { break }
            if byte == UInt8(ascii: "|") {
                everyAlternative = everyAlternative?.shared(with: thisAlternative) ?? thisAlternative
                thisAlternative = Requirements()
                index += 1
                continue
            }
            // One atom, then its quantifier.
            var atom = Requirements()
            // An assertion consumes nothing: the sequence still ends as it did before it.
            var zeroWidth = false
            // The atom is this one ASCII punctuation character, written as a literal.
            var literal: UInt8?
            switch byte {
            case UInt8(ascii: "\\"):
                guard index + 1 < chars.count else { return nil }
                let next = chars[index + 1]
                if next == UInt8(ascii: "d") { atom.digit = true; atom.endsWithDigit = true }
                if next == UInt8(ascii: "b") || next == UInt8(ascii: "B") { zeroWidth = true }
                if isASCIIPunctuation(next) { atom.bytes = [next]; literal = next }
                index += 2
                // `\p{…}`, `\k<…>`, `\N{…}`, `\x{…}`: skip the argument.
                if Set("pPkNx".utf8).contains(next), index < chars.count,
                   chars[index] == UInt8(ascii: "{") || chars[index] == UInt8(ascii: "<") {
                    let close = chars[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ">")
                    guard let end = chars[index...].firstIndex(of: close) else { return nil }
                    index = end + 1
                }
            case UInt8(ascii: "["):
                // Skip the class, escapes and nested classes included.
                var depth = 0
                repeat {
                    if chars[index] == UInt8(ascii: "\\") { index += 2; continue }
                    if chars[index] == UInt8(ascii: "[") { depth += 1 }
                    if chars[index] == UInt8(ascii: "]") { depth -= 1 }
                    index += 1
                } while index < chars.count && depth > 0
            case UInt8(ascii: "("):
                index += 1
                var lookaround = false
                if index < chars.count, chars[index] == UInt8(ascii: "?") {
                    index += 1
                    if index < chars.count, [UInt8(ascii: "="), UInt8(ascii: "!")].contains(chars[index]) {
                        lookaround = true
                    } else if index + 1 < chars.count, chars[index] == UInt8(ascii: "<"),
                              [UInt8(ascii: "="), UInt8(ascii: "!")].contains(chars[index + 1]) {
                        lookaround = true
                    } else if index < chars.count, chars[index] == UInt8(ascii: "<") {
                        guard let end = chars[index...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                        index = end + 1  // a named group
                    } else {
                        // Flags, `(?:`, `(?i:`, `(?i)`: skip to the colon or the parenthesis.
                        while index < chars.count, chars[index] != UInt8(ascii: ":"), chars[index] != UInt8(ascii: ")") { index += 1 }
                        if index < chars.count, chars[index] == UInt8(ascii: ":") { index += 1 }
                    }
                }
                guard let inner = sequenceRequirements(chars, &index), index < chars.count,
                      chars[index] == UInt8(ascii: ")") else { return nil }
                index += 1
                if lookaround { zeroWidth = true } else { atom = inner }
            default:
                if isASCIIPunctuation(byte), !meta.contains(byte) { atom.bytes = [byte]; literal = byte }
                if byte == UInt8(ascii: "^") || byte == UInt8(ascii: "$") { zeroWidth = true }
                index += 1
            }
            // A quantifier that allows zero makes the atom optional.
            var optionalLiteral: UInt8?
            if index < chars.count {
                let q = chars[index]
                if q == UInt8(ascii: "?") || q == UInt8(ascii: "*") {
                    if q == UInt8(ascii: "?") { optionalLiteral = literal }
                    atom = Requirements()
                    zeroWidth = false
                    index += 1
                } else if q == UInt8(ascii: "+") {
                    index += 1
                } else if q == UInt8(ascii: "{"), let end = chars[index...].firstIndex(of: UInt8(ascii: "}")) {
                    if chars[index + 1] == UInt8(ascii: "0") || chars[index + 1] == UInt8(ascii: ",") { atom = Requirements(); zeroWidth = false }
                    index = end + 1
                }
                // Lazy or possessive forms of the quantifier.
                if index < chars.count, chars[index] == UInt8(ascii: "?") || chars[index] == UInt8(ascii: "+") {
                    if q == UInt8(ascii: "?") || q == UInt8(ascii: "*") || q == UInt8(ascii: "+") || q == UInt8(ascii: "{") { index += 1 }
                }
            }
            var ending = zeroWidth ? thisAlternative.endsWithDigit : atom.endsWithDigit
            var optionalAfterDigit = zeroWidth ? thisAlternative.optionalAfterDigit : atom.optionalAfterDigit
            // `\d` then an optional `X`: the match ends with the digit, or with the digit and `X`.
            if let optionalLiteral, thisAlternative.endsWithDigit, thisAlternative.optionalAfterDigit == nil {
                ending = true
                optionalAfterDigit = optionalLiteral
            }
            thisAlternative = thisAlternative.adding(atom)
            thisAlternative.endsWithDigit = ending
            thisAlternative.optionalAfterDigit = ending ? optionalAfterDigit : nil
        }
        return everyAlternative?.shared(with: thisAlternative) ?? thisAlternative
    }

    /// The first bytes of `^(A|B|…)` when every alternative starts with a literal character that no
    /// quantifier makes optional; nil for anything else, and for any pattern with a case-insensitive
    /// flag.
    static func alternativeFirstBytes(of source: String) -> [UInt8]? {
        let chars = Array(source.utf8)
        let flags = inlineFlags(of: chars)
        guard !flags.contains(UInt8(ascii: "i")), !flags.contains(UInt8(ascii: "x")), chars.count >= 3,
              chars[0] == UInt8(ascii: "^"), chars[1] == UInt8(ascii: "(") else { return nil }
        var index = 2
        if index < chars.count, chars[index] == UInt8(ascii: "?") {
            // Only a plain or a named group: `(?:`, `(?<name>`.
            if index + 1 < chars.count, chars[index + 1] == UInt8(ascii: ":") {
                index += 2
            } else if index + 1 < chars.count, chars[index + 1] == UInt8(ascii: "<"),
                      let close = chars[(index + 2)...].firstIndex(of: UInt8(ascii: ">")),
                      chars[(index + 2)..<close].allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) {
                index = close + 1
            } else {
                return nil
            }
        }
        let meta = Set("\\^$.|?*+()[]{}".utf8)
        let optional = Set("?*{".utf8)
        var bytes: [UInt8] = []
        var depth = 0, atStart = true
        while index < chars.count {
            let byte = chars[index]
            if atStart {
                // The alternative's first character: a literal, not a metacharacter, not optional.
                var width = 1
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < chars.count, chars[index + 1] < 0x80, meta.contains(chars[index + 1]) else { return nil }
                    bytes.append(chars[index + 1])
                    width = 2
                } else {
                    guard !meta.contains(byte) else { return nil }
                    bytes.append(byte)
                    if byte >= 0xC0 { while index + width < chars.count, chars[index + width] & 0xC0 == 0x80 { width += 1 } }
                }
                if index + width < chars.count, optional.contains(chars[index + width]) { return nil }
                atStart = false
                index += width
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"): index += 2; continue
            case UInt8(ascii: "["):
                // Skip a class: nothing in it ends the group or starts an alternative.
                guard let close = chars[(index + 1)...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
                index = close + 1; continue
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                if depth == 0 {
                    // The group closes: it must not be optional itself.
                    if index + 1 < chars.count, optional.contains(chars[index + 1]) { return nil }
                    return bytes.isEmpty ? nil : Array(Set(bytes)).sorted()
                }
                depth -= 1
            case UInt8(ascii: "|") where depth == 0: atStart = true
            default: break
            }
            index += 1
        }
        return nil
    }

    /// Whether no line with a space can match `source`: it is anchored at both ends (`^…$`, no
    /// alternation around the anchors, no extended syntax), and it holds nothing that can match a
    /// space: no literal space, no `.` outside a class, no negated class, and no escape but `\w`,
    /// `\d`, `\S`, `\b`, `\B` and escaped punctuation.
    static func cannotMatchSpace(_ source: String) -> Bool {
        let chars = Array(source.utf8)
        guard chars.count >= 2, chars.first == UInt8(ascii: "^"), chars.last == UInt8(ascii: "$"),
              !inlineFlags(of: chars).contains(UInt8(ascii: "x")) else { return false }
        let allowedEscapes = Set("wdSbB".utf8)
        var index = 0, depth = 0, inClass = false
        while index < chars.count {
            let byte = chars[index]
            switch byte {
            case UInt8(ascii: "\\"):
                guard index + 1 < chars.count else { return false }
                let next = chars[index + 1]
                guard allowedEscapes.contains(next) || isASCIIPunctuation(next) else { return false }
                if index + 1 == chars.count - 1 { return false }  // `\$`: no anchor at the end
                index += 2
                continue
            case UInt8(ascii: " "), 0x00..<0x20: return false
            case UInt8(ascii: "["):
                if inClass { return false }  // nested classes and set operations
                if index + 1 < chars.count, chars[index + 1] == UInt8(ascii: "^") { return false }
                if index + 1 < chars.count, chars[index + 1] == UInt8(ascii: ":") { return false }
                inClass = true
            case UInt8(ascii: "]"): inClass = false
            case UInt8(ascii: "."): if !inClass { return false }
            case UInt8(ascii: "("): if !inClass { depth += 1 }
            case UInt8(ascii: ")"): if !inClass { depth -= 1 }
            case UInt8(ascii: "|"): if !inClass, depth == 0 { return false }
            default: break
            }
            index += 1
        }
        return !inClass && depth == 0
    }

    /// The punctuation character a pattern requires right after `^` and right before `$`, when it
    /// is a plain literal: `^\(` gives `(`, `\s+\|$` gives `|`. Anything else (a class, a group, an
    /// optional character, a letter that a case-insensitive flag could change, an alternation at the
    /// top level, extended syntax) gives nil, and the line is left to the regex.
    static func anchoredLiterals(of source: String) -> (first: UInt8?, last: UInt8?) {
        let chars = Array(source.utf8)
        let meta = Set("\\^$.|?*+()[]{}".utf8)
        // Refuse extended syntax ((?x)) and alternation outside any group.
        if inlineFlags(of: chars).contains(UInt8(ascii: "x")) || alternationOutsideGroups(of: chars).found { return (nil, nil) }

        var first: UInt8?
        if chars.count >= 2, chars[0] == UInt8(ascii: "^") {
            var literal: UInt8?, next = 2
            if chars[1] == UInt8(ascii: "\\"), chars.count >= 3, isASCIIPunctuation(chars[2]) {
                literal = chars[2]
                next = 3
            } else if isASCIIPunctuation(chars[1]), !meta.contains(chars[1]) {
                literal = chars[1]
            }
            // A quantifier that allows zero (`?`, `*`, `{0,…}`) makes the character optional.
            let optional = next < chars.count && [UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "{")].contains(chars[next])
            if !optional { first = literal }
        }

        var last: UInt8?
        let n = chars.count
        if n >= 3, chars[n - 1] == UInt8(ascii: "$"), !isEscaped(chars, at: n - 1), isASCIIPunctuation(chars[n - 2]) {
            let byte = chars[n - 2]
            if isEscaped(chars, at: n - 2) || !meta.contains(byte) { last = byte }
        }
        return (first, last)
    }
}
