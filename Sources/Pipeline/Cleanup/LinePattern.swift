import Foundation

/// One cleanup pattern, with cheap tests that rule a line out before the regular expression runs.
///
/// Running an `NSRegularExpression` on a line costs more than the match: Foundation copies the line
/// into UTF-16 for ICU on every call, and most cleanup patterns are tried on every line of every
/// article. So a line is first checked for what the pattern cannot do without:
/// - a pattern that uses `{words:photo}` can only match a line holding one of those words, and a
///   plain substring search is far cheaper than letting ICU try every split of a line;
/// - a pattern that opens with `^{words:source}` can only match a line that starts with one of them;
/// - a pattern anchored on a punctuation literal (`^\(…`, `…\s+\|$`) can only match a line that
///   starts or ends with that character, and one that ends with `\d` before its `$` (a byline's
///   date) only a line whose last character is a digit (or, for `\d\.?$`, a photo's number, one
///   whose last character is a digit or a full stop after one).
final class LinePattern: @unchecked Sendable {
    // NSRegularExpression is immutable and thread-safe once compiled.
    let regex: NSRegularExpression
    /// The words of the pattern's first `{words:NAME}`, as UTF-8; empty when it uses none.
    let requiredWords: [[UInt8]]
    /// The ASCII punctuation a matching line must start with, and end with, when the pattern says so.
    let firstByte: UInt8?
    let lastByte: UInt8?
    /// The bytes a matching line may start with, when the pattern opens with a group of literal
    /// alternatives (`^(No data|No videos available)$` needs an `N`).
    let firstBytes: [UInt8]?
    /// Whether a matching line has no space: the pattern spans the whole line and nothing in it can
    /// match U+0020 (`^[\w.%-]+\.(?i:jpe?g|png)$`, an image file name).
    let refusesSpaces: Bool
    /// The whole line, when the pattern is one literal line (`^Vietnam\.vn - Nền tảng …$`).
    let literalLine: [UInt8]?
    /// Whether a matching line has a digit, and the ASCII punctuation it must hold
    /// (``Requirements``).
    let requiresDigit: Bool
    let requiredBytes: [UInt8]
    /// Whether a matching line ends with a decimal digit, or with one and then `optionalAfterDigit`
    /// (``digitEndingAtLineEnd(_:)``).
    let endsWithDigit: Bool
    let optionalAfterDigit: UInt8?
    /// Whether a matching line starts with one of `requiredWords` (the pattern opens with `^{words:NAME}`).
    let requiredWordsStartLine: Bool

    /// - Parameter wordsStartLine: whether the pattern's source opens with `^{words:NAME}`, the
    ///   words being `requiredWords` (taken as written, so only for a pattern without flags or an
    ///   alternation around its anchors).
    init(_ regex: NSRegularExpression, requiredWords: [String] = [], wordsStartLine: Bool = false) {
        self.regex = regex
        self.requiredWords = requiredWords.map { Array($0.utf8) }
        (firstByte, lastByte) = Self.anchoredLiterals(of: regex.pattern)
        let plain = regex.options.isEmpty
        firstBytes = plain ? Self.alternativeFirstBytes(of: regex.pattern) : nil
        refusesSpaces = plain && Self.cannotMatchSpace(regex.pattern)
        literalLine = plain ? Self.literalLine(of: regex.pattern) : nil
        let requirements = plain ? Self.requirements(of: regex.pattern) : Requirements()
        requiresDigit = requirements.digit
        requiredBytes = requirements.bytes.sorted()
        let ending = plain ? Self.digitEndingAtLineEnd(regex.pattern) : nil
        endsWithDigit = ending != nil
        optionalAfterDigit = ending?.optionalAfterDigit
        let chars = Array(regex.pattern.utf8)
        let alternation = Self.alternationOutsideGroups(of: chars)
        requiredWordsStartLine = wordsStartLine && plain && !requiredWords.isEmpty && !alternation.found && alternation.balanced
            && !Self.inlineFlags(of: chars).contains(UInt8(ascii: "i"))
    }

    /// Whether `line` can match at all: it has the anchored first and last characters and holds one
    /// of the required words (`memchr` and `memcmp`, vectorised).
    func mayMatch(_ line: String) -> Bool {
        if let firstByte, line.utf8.first != firstByte { return false }
        if let lastByte, line.utf8.last != lastByte { return false }
        if endsWithDigit, !Self.endsWithDigit(line, thenOptionally: optionalAfterDigit) { return false }
        if let firstBytes {
            guard let first = line.utf8.first, firstBytes.contains(first) else { return false }
        }
        if refusesSpaces, line.utf8.contains(0x20) { return false }
        if let literalLine, !line.utf8.elementsEqual(literalLine) { return false }
        if requiredWordsStartLine, !line.withContiguousUTF8({ text in requiredWords.contains { Self.starts(text, with: $0) } }) {
            return false
        }
        if requiresDigit, !Self.hasDigit(line) { return false }
        // A line that starts with a required word holds it: no search for it then.
        let wordsToFind = !requiredWords.isEmpty && !requiredWordsStartLine
        guard !requiredBytes.isEmpty || wordsToFind else { return true }
        return line.withContiguousUTF8 { text in
            guard let base = text.baseAddress else { return requiredBytes.isEmpty && !wordsToFind }
            for byte in requiredBytes where memchr(base, Int32(byte), text.count) == nil { return false }
            return !wordsToFind || requiredWords.contains { word in word.withUnsafeBufferPointer { Self.find($0, in: text) } }
        }
    }

    /// Whether `text` starts with `word`: `memcmp`, not the generic `starts(with:)`.
    static func starts(_ text: UnsafeBufferPointer<UInt8>, with word: [UInt8]) -> Bool {
        guard word.count <= text.count else { return false }
        guard let base = text.baseAddress else { return word.isEmpty }
        return word.withUnsafeBufferPointer { memcmp(base, $0.baseAddress!, word.count) == 0 }
    }

    /// Whether `word` occurs in `text`: `memchr` (vectorised) to each candidate, then `memcmp`.
    ///
    /// The byte searched for is the word's second byte when the first starts a two-byte letter: in
    /// Cyrillic text nearly every other byte is 0xD0 or 0xD1, but the letter's second byte is as
    /// rare as the letter.
    static func find(_ word: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = word.first else { return true }
        guard word.count <= text.count, let base = text.baseAddress, let needle = word.baseAddress else { return false }
        let probe = (0xC2...0xDF).contains(first) && word.count > 1 ? 1 : 0
        var offset = probe
        let last = text.count - word.count + probe
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(word[probe]), last - offset + 1) else { return false }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - probe
            if memcmp(base + position, needle, word.count) == 0 { return true }
            offset = position + probe + 1
        }
        return false
    }

    /// Whether the last character of `line` is one `\d` matches (general category Nd).
    static func endsWithDigit(_ line: String) -> Bool {
        guard let last = line.utf8.last else { return false }
        if last < 0x80 { return (0x30...0x39).contains(last) }
        return line.unicodeScalars.last?.properties.generalCategory == .decimalNumber
    }

    /// ``endsWithDigit(_:)``, or, where `line` ends with `optional` (ASCII), whether the character
    /// before it is one `\d` matches.
    static func endsWithDigit(_ line: String, thenOptionally optional: UInt8?) -> Bool {
        guard let optional, line.utf8.last == optional else { return endsWithDigit(line) }
        let scalars = line.unicodeScalars
        guard let index = scalars.index(scalars.endIndex, offsetBy: -2, limitedBy: scalars.startIndex) else { return false }
        let before = scalars[index]
        return before.isASCII ? (0x30...0x39).contains(before.value) : before.properties.generalCategory == .decimalNumber
    }

    func firstMatch(in line: String) -> NSTextCheckingResult? {
        guard mayMatch(line) else { return nil }
        return regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line))
    }

    /// Whether `line` has a character `\d` matches (a decimal digit, general category Nd): ASCII
    /// digits are looked for on the bytes, and only characters from U+0660 on (where the other
    /// scripts' digits start; Latin and Cyrillic letters lie below) are decoded and asked.
    static func hasDigit(_ line: String) -> Bool {
        return line.withContiguousUTF8 { bytes in
            // Eight bytes at a time, for both questions at once: an ASCII digit (0x30–0x39), or a
            // lead byte of U+0640 or above (0xD9 and up).
            let raw = UnsafeRawBufferPointer(bytes)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var i = 0, high = false
            while i + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // Bytes below 0x80 with 0x30 ≤ b < 0x3A: (b + 0x50) and (b + 0x46) straddle 0x80.
                let low = ~word & highs
                let digits = ((word & ~highs) &+ ones &* 0x50) & ~((word & ~highs) &+ ones &* 0x46) & low
                if digits != 0 { return true }
                // Bytes of 0xD9 and up: 0xD9 + 0x27 carries out of the byte.
                if word & ((word & ~highs) &+ ones &* 0x27) & highs != 0 { high = true }
                i += 8
            }
            while i < raw.count {
                let byte = raw[i]
                if (0x30...0x39).contains(byte) { return true }
                if byte >= 0xD9 { high = true }
                i += 1
            }
            guard high else { return false }
            return String(decoding: bytes, as: UTF8.self).unicodeScalars.contains {
                $0.value >= 0x660 && $0.properties.generalCategory == .decimalNumber
            }
        }
    }
}
