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

    /// The pass itself, over UTF-8 bytes. Every technical chunk holds a dot, an at sign or a colon,
    /// and most text has few of them: the pass jumps from one to the next eight bytes at a time,
    /// looks at the chunk around each, and counts scalars only up to the chunks it reports.
    private static func ranges(utf8: UnsafeRawBufferPointer) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        let count = utf8.count
        // Chunks before `resume` are done; `scalarsBefore` scalars lie before byte `counted`.
        var resume = 0, counted = 0, scalarsBefore = 0
        while let mark = nextMark(utf8, from: resume) {
            var start = mark
            while start > resume, !isASCIIWhitespace(utf8[start - 1]) { start -= 1 }
            // A longer space (no-break, thin, ideographic) may still lie between there and the mark.
            var j = start
            while j < mark {
                let width = whitespaceWidth(utf8, at: j)
                if width > 0 { j += width; start = j } else { j += 1 }
            }
            var end = mark + 1
            while end < count, whitespaceWidth(utf8, at: end) == 0 { end += 1 }
            let chunk = UnsafeRawBufferPointer(rebasing: utf8[start..<end])
            if mayBeTechnical(chunk), isTechnical(Array(String(decoding: chunk, as: UTF8.self).unicodeScalars)) {
                scalarsBefore += UTF8Scalars.count(UnsafeRawBufferPointer(rebasing: utf8[counted..<start]))
                counted = start
                ranges.append(scalarsBefore..<(scalarsBefore + UTF8Scalars.count(chunk)))
            }
            resume = end
        }
        return ranges
    }

    /// The offset of the first dot, at sign or colon at or after `from`.
    @inline(__always)
    private static func nextMark(_ utf8: UnsafeRawBufferPointer, from: Int) -> Int? {
        var i = from
        let count = utf8.count
        // Sixteen bytes at a time (one vector compare) to the sixteen that hold one, then eight.
        let dot = SIMD16<UInt8>(repeating: 0x2E), at = SIMD16<UInt8>(repeating: 0x40), colon = SIMD16<UInt8>(repeating: 0x3A)
        while i + 16 <= count {
            let block = utf8.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            if any((block .== dot) .| (block .== at) .| (block .== colon)) { break }
            i += 16
        }
        while i + 8 <= count {
            let word = UInt64(littleEndian: utf8.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            // The lowest flagged byte is exact; only bytes above a true match may be flagged falsely.
            let found = hasByte(word, 0x2E) | hasByte(word, 0x40) | hasByte(word, 0x3A)
            if found != 0 { return i + found.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < count {
            let byte = utf8[i]
            if byte == 0x2E || byte == 0x40 || byte == 0x3A { return i }
            i += 1
        }
        return nil
    }

    /// The high bit of each byte of `word` that equals `value` (and possibly of bytes above one that does).
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ value: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let x = word ^ (ones &* UInt64(value))
        return (x &- ones) & ~x & 0x8080_8080_8080_8080
    }

    @inline(__always)
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
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
