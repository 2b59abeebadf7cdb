import Foundation

/// One cleanup pattern, with cheap tests that rule a line out before the regular expression runs.
///
/// Running an `NSRegularExpression` on a line costs more than the match: Foundation copies the line
/// into UTF-16 for ICU on every call, and most cleanup patterns are tried on every line of every
/// article. So a line is first checked for what the pattern cannot do without:
/// - a pattern that uses `{words:photo}` can only match a line holding one of those words, and a
///   plain substring search (`strstr`) is far cheaper than letting ICU try every split of a line;
/// - a pattern anchored on a punctuation literal (`^\(…`, `…\s+\|$`) can only match a line that
///   starts or ends with that character.
struct LinePattern: @unchecked Sendable {
    // NSRegularExpression is immutable and thread-safe once compiled.
    let regex: NSRegularExpression
    /// The words of the pattern's first `{words:NAME}`, NUL-terminated; empty when it uses none.
    let requiredWords: [[CChar]]
    /// The ASCII punctuation a matching line must start with, and end with, when the pattern says so.
    let firstByte: UInt8?
    let lastByte: UInt8?

    init(_ regex: NSRegularExpression, requiredWords: [String] = []) {
        self.regex = regex
        self.requiredWords = requiredWords.map { $0.utf8CString.map { $0 } }
        (firstByte, lastByte) = Self.anchoredLiterals(of: regex.pattern)
    }

    /// Whether `line` can match at all: it holds one of the required words and has the anchored
    /// first and last characters. `strstr` is vectorised; a line with a NUL character in it is
    /// simply tried against the regex.
    func mayMatch(_ line: String) -> Bool {
        if let firstByte, line.utf8.first != firstByte { return false }
        if let lastByte, line.utf8.last != lastByte { return false }
        guard !requiredWords.isEmpty, !line.utf8.contains(0) else { return true }
        return line.withCString { text in requiredWords.contains { strstr(text, $0) != nil } }
    }

    func firstMatch(in line: String) -> NSTextCheckingResult? {
        guard mayMatch(line) else { return nil }
        return regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line))
    }

    /// The punctuation character a pattern requires right after `^` and right before `$`, when it
    /// is a plain literal: `^\(` gives `(`, `\s+\|$` gives `|`. Anything else (a class, a group, an
    /// optional character, a letter that a case-insensitive flag could change, an alternation at the
    /// top level, extended syntax) gives nil, and the line is left to the regex.
    static func anchoredLiterals(of source: String) -> (first: UInt8?, last: UInt8?) {
        let chars = Array(source.utf8)
        let meta = Set("\\^$.|?*+()[]{}".utf8)
        func isPunctuation(_ byte: UInt8) -> Bool {
            byte < 0x80 && (0x21...0x7E).contains(byte) && !(0x30...0x39).contains(byte)
                && !(0x41...0x5A).contains(byte) && !(0x61...0x7A).contains(byte)
        }
        // Refuse extended syntax ((?x)) and alternation outside any group.
        var depth = 0, inClass = false, index = 0
        while index < chars.count {
            let byte = chars[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            if inClass {
                if byte == UInt8(ascii: "]") { inClass = false }
            } else {
                switch byte {
                case UInt8(ascii: "["): inClass = true
                case UInt8(ascii: "("):
                    depth += 1
                    if index + 1 < chars.count, chars[index + 1] == UInt8(ascii: "?") {
                        var flag = index + 2
                        while flag < chars.count, (0x61...0x7A).contains(chars[flag]) || chars[flag] == UInt8(ascii: "-") {
                            if chars[flag] == UInt8(ascii: "x") { return (nil, nil) }
                            flag += 1
                        }
                    }
                case UInt8(ascii: ")"): depth -= 1
                case UInt8(ascii: "|") where depth == 0: return (nil, nil)
                default: break
                }
            }
            index += 1
        }

        var first: UInt8?
        if chars.count >= 2, chars[0] == UInt8(ascii: "^") {
            var literal: UInt8?, next = 2
            if chars[1] == UInt8(ascii: "\\"), chars.count >= 3, isPunctuation(chars[2]) {
                literal = chars[2]
                next = 3
            } else if isPunctuation(chars[1]), !meta.contains(chars[1]) {
                literal = chars[1]
            }
            // A quantifier that allows zero (`?`, `*`, `{0,…}`) makes the character optional.
            let optional = next < chars.count && [UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "{")].contains(chars[next])
            if !optional { first = literal }
        }

        var last: UInt8?
        let n = chars.count
        func escaped(_ position: Int) -> Bool {  // an odd run of backslashes right before `position`
            var count = 0, i = position - 1
            while i >= 0, chars[i] == UInt8(ascii: "\\") { count += 1; i -= 1 }
            return count % 2 == 1
        }
        if n >= 3, chars[n - 1] == UInt8(ascii: "$"), !escaped(n - 1), isPunctuation(chars[n - 2]) {
            let byte = chars[n - 2]
            if escaped(n - 2) || !meta.contains(byte) { last = byte }
        }
        return (first, last)
    }
}
