/// Finds the stretches of a text that are addresses and file names (`https://vtcnews.vn/…`,
/// `Vietnam.vn`, `ttxvn-2511-thu-tuong-….jpg`): their words are names in disguise (`thu-tuong` is
/// "prime minister" without diacritics), so the matcher skips them rather than report a title inside a
/// file name.
enum TechnicalSpans {
    /// Scalar ranges of the whitespace-separated chunks that look technical.
    static func ranges(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { ranges(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// The pass itself, over UTF-8 bytes: every text is scanned, so it skips eight bytes at a time
    /// while none can start a space or be a dot, an at sign or a colon, and counts scalars as it goes
    /// rather than decoding them.
    private static func ranges(utf8: UnsafeRawBufferPointer) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var chunkStart = 0, scalarStart = 0, scalarOffset = 0
        var hasMark = false
        var i = 0
        let count = utf8.count
        while i <= count {
            if i + 8 <= count {
                let word = utf8.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if !mayHoldSpaceOrMark(word) {
                    scalarOffset += 8 - continuationBytes(word)
                    i += 8
                    continue
                }
            }
            let width = i < count ? whitespaceWidth(utf8, at: i) : 1
            guard width > 0 else {
                let byte = utf8[i]
                if byte & 0xC0 != 0x80 { scalarOffset += 1 }
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "@") || byte == UInt8(ascii: ":") { hasMark = true }
                i += 1
                continue
            }
            if hasMark, mayBeTechnical(UnsafeRawBufferPointer(rebasing: utf8[chunkStart..<i])),
               isTechnical(Array(String(decoding: utf8[chunkStart..<i], as: UTF8.self).unicodeScalars)) {
                ranges.append(scalarStart..<scalarOffset)
            }
            hasMark = false
            i += width
            scalarOffset += 1
            chunkStart = i
            scalarStart = scalarOffset
        }
        return ranges
    }

    /// Whether any of eight bytes is at most 0x20 (the ASCII spaces and controls), a dot, an at sign,
    /// a colon, or a lead byte of a longer space (C2, E1, E2, E3): word tricks, exact for "any".
    @inline(__always)
    private static func mayHoldSpaceOrMark(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasByte(_ value: UInt64) -> UInt64 {
            let x = word ^ (ones &* value)
            return (x &- ones) & ~x & highs
        }
        let low = (word &- ones &* 0x21) & ~word & highs
        return low | hasByte(0x2E) | hasByte(0x40) | hasByte(0x3A) | hasByte(0xC2) | hasByte(0xE1) | hasByte(0xE2) | hasByte(0xE3) != 0
    }

    /// How many of eight bytes continue a scalar (10xxxxxx).
    @inline(__always)
    private static func continuationBytes(_ word: UInt64) -> Int {
        (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    /// The UTF-8 length of the White_Space character at `i`, or 0: the ASCII ones, U+0085, U+00A0,
    /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
    @inline(__always)
    private static func whitespaceWidth(_ utf8: UnsafeRawBufferPointer, at i: Int) -> Int {
        let byte = utf8[i]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        let count = utf8.count
        switch byte {
        case 0xC2:
            return i + 1 < count && (utf8[i + 1] == 0x85 || utf8[i + 1] == 0xA0) ? 2 : 0
        case 0xE1:
            return i + 2 < count && utf8[i + 1] == 0x9A && utf8[i + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard i + 2 < count else { return 0 }
            let (b1, b2) = (utf8[i + 1], utf8[i + 2])
            if b1 == 0x80, (0x80...0x8A).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF { return 3 }
            return b1 == 0x81 && b2 == 0x9F ? 3 : 0
        case 0xE3:
            return i + 2 < count && utf8[i + 1] == 0x80 && utf8[i + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    /// What every technical chunk has, checked on the bytes first: `://`, `www.`, an `@`, or a dot
    /// followed by a lowercase ASCII letter (the start of a domain or file suffix). A word at the end
    /// of a sentence (`słowa.`) has none of them.
    private static func mayBeTechnical(_ chunk: UnsafeRawBufferPointer) -> Bool {
        let count = chunk.count
        for i in 0..<count {
            switch chunk[i] {
            case UInt8(ascii: "@"): return true
            case UInt8(ascii: "."):
                if i + 1 < count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(chunk[i + 1]) { return true }
                if i >= 3, chunk[i - 3] | 0x20 == UInt8(ascii: "w"), chunk[i - 2] | 0x20 == UInt8(ascii: "w"),
                   chunk[i - 1] | 0x20 == UInt8(ascii: "w") { return true }
            case UInt8(ascii: ":"):
                if i + 2 < count, chunk[i + 1] == UInt8(ascii: "/"), chunk[i + 2] == UInt8(ascii: "/") { return true }
            default: continue
            }
        }
        return false
    }

    static func isTechnical(_ chunk: [Unicode.Scalar]) -> Bool {
        let trimmed = trimmingPunctuation(chunk)
        let text = String(String.UnicodeScalarView(trimmed))
        if text.contains("://") || text.hasPrefix("www.") { return true }
        if text.contains("@"), text.contains(".") { return true }
        // A domain or a file name: letters or digits, a dot, then 2–4 lowercase ASCII letters at the end.
        guard let dot = trimmed.lastIndex(of: "."), dot > 0, trimmed[dot - 1].properties.isAlphabetic || ("0"..."9").contains(trimmed[dot - 1]) else {
            return false
        }
        let suffix = trimmed[(dot + 1)...]
        return (2...4).contains(suffix.count) && suffix.allSatisfy { ("a"..."z").contains($0) }
    }

    private static let edge: Set<Unicode.Scalar> = ["(", ")", "[", "]", ",", ";", ":", "!", "?", "«", "»", "„", "“", "”", "\"", "'", "."]

    private static func trimmingPunctuation(_ chunk: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var slice = chunk[...]
        while let first = slice.first, edge.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, edge.contains(last) { slice = slice.dropLast() }
        return Array(slice)
    }
}
