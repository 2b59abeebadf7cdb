/// Finds the stretches of a text that are addresses and file names (`https://vtcnews.vn/…`,
/// `Vietnam.vn`, `ttxvn-2511-thu-tuong-….jpg`): their words are names in disguise (`thu-tuong` is
/// "prime minister" without diacritics), so the matcher skips them rather than report a title inside a
/// file name.
enum TechnicalSpans {
    /// Scalar ranges of the whitespace-separated chunks that look technical.
    static func ranges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        let scalars = text.unicodeScalars
        var chunkStart = scalars.startIndex
        var start = 0, offset = 0
        // Most chunks are plain words: only a dot, an at sign or a colon can make one technical, so
        // only those chunks are looked at closely.
        var hasMark = false
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if isWhitespace(scalar) {
                if hasMark, isTechnical(Array(scalars[chunkStart..<index])) { ranges.append(start..<offset) }
                hasMark = false
                start = offset + 1
                chunkStart = scalars.index(after: index)
            } else if scalar == "." || scalar == "@" || scalar == ":" {
                hasMark = true
            }
            offset += 1
            index = scalars.index(after: index)
        }
        if hasMark, isTechnical(Array(scalars[chunkStart...])) { ranges.append(start..<offset) }
        return ranges
    }

    /// Unicode's White_Space property, spelled out: looking the property up per scalar was most of
    /// this pass's cost.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: true
        case 0..<0x80: false
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
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
