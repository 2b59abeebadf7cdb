/// Finds the stretches of a text that are addresses and file names (`https://vtcnews.vn/…`,
/// `Vietnam.vn`, `ttxvn-2511-thu-tuong-….jpg`): their words are names in disguise (`thu-tuong` is
/// "prime minister" without diacritics), so the matcher skips them rather than report a title inside a
/// file name.
enum TechnicalSpans {
    /// Scalar ranges of the whitespace-separated chunks that look technical.
    static func ranges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var chunk: [Unicode.Scalar] = []
        var start = 0, offset = 0
        func close() {
            // Most chunks are plain words: only a dot, an at sign or a colon can make one technical.
            if chunk.contains(where: { $0 == "." || $0 == "@" || $0 == ":" }), isTechnical(chunk) { ranges.append(start..<offset) }
            chunk.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                close()
                start = offset + 1
            } else {
                chunk.append(scalar)
            }
            offset += 1
        }
        close()
        return ranges
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

    private static func trimmingPunctuation(_ chunk: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let edge: Set<Unicode.Scalar> = ["(", ")", "[", "]", ",", ";", ":", "!", "?", "«", "»", "„", "“", "”", "\"", "'", "."]
        var slice = chunk[...]
        while let first = slice.first, edge.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, edge.contains(last) { slice = slice.dropLast() }
        return Array(slice)
    }
}
