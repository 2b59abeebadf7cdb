import Foundation
import Normalize

/// A scraped article taken apart: what the page says about the article, and its text.
public struct CleanedArticle: Equatable, Sendable {
    public struct Caption: Equatable, Sendable {
        public var text: String
        /// Who took or supplied the photo: `VGP/Nhat Bac`.
        public var credit: String?

        public init(text: String, credit: String? = nil) {
            self.text = text
            self.credit = credit
        }
    }

    public var title: String?
    public var outlet: String?
    /// ISO 8601 date, `2025-08-14`.
    public var published: String?
    public var url: String?
    public var author: String?
    /// The agency credit of the whole article: `TTXVN/Wietnam+`.
    public var credit: String?
    /// Body paragraphs, the title not included.
    public var paragraphs: [String] = []
    public var captions: [Caption] = []

    public init() {}
}

/// Separates a scraped news page into title, outlet, date, URL, author, body and captions, and drops
/// banners, image residue and the page tail, following ``CleanupRules``.
///
/// Works line by line on text that is already NFC: a paragraph is a line, blank lines are ignored.
/// Order matters and mirrors how pages are laid out: first the page furniture around the article
/// (banner, tail, source line and signature, a dated teaser at the end), then the byline, then
/// images and captions inside the body, and last the title, which is whatever line then comes first.
public final class ArticleCleaner: Sendable {
    public let rules: CleanupRules

    public init(rules: CleanupRules) {
        self.rules = rules
    }

    public func clean(_ text: String) -> CleanedArticle {
        var article = CleanedArticle()
        var lines = Self.lines(of: text).map(Self.trimmed).filter { !$0.isEmpty }.map { Line($0, rules: rules) }

        // Banners sit at the very top.
        var index = 0
        while index < min(lines.count, 3) {
            if rules.banners.contains(where: { matches($0, lines[index]) }) { lines.remove(at: index) } else { index += 1 }
        }
        // The tail: from the first comment counter or menu heading to the end.
        if let start = lines.indices.dropFirst().first(where: { i in rules.tailStarts.contains { matches($0, lines[i]) } }) {
            lines.removeSubrange(start...)
        }
        // The source line, and the signature above it.
        if let sourceIndex = lines.indices.last(where: { i in rules.sources.contains { matches($0, lines[i]) } }) {
            article.url = rules.sources.lazy.compactMap { self.capture("url", $0, lines[sourceIndex]) }.first
            if sourceIndex >= lines.count / 2 {
                // Where pages put it, at the end: it closes the article.
                lines.removeSubrange(sourceIndex...)
                if let signature = lines.last?.text, lines.count > 1, isSignature(signature) {
                    if !isDomain(signature) { article.author = signature }
                    lines.removeLast()
                }
            } else {
                lines.remove(at: sourceIndex)
            }
        }
        if rules.datedTeaserAtEnd, lines.count >= 3, matches(rules.dateLine, lines[lines.count - 1]),
           isHeadline(lines[lines.count - 2].text) {
            lines.removeLast(2)
        }
        // The byline among the first lines.
        if let bylineIndex = lines.indices.prefix(6).first(where: { i in rules.bylines.contains { matches($0, lines[i]) } }) {
            let line = lines[bylineIndex]
            for byline in rules.bylines {
                guard let groups = captures(["outlet", "date"], byline, line) else { continue }
                article.outlet = groups[0]
                article.published = groups[1].flatMap { isoDate($0) }
                break
            }
            lines.remove(at: bylineIndex)
        }
        // Body, captions and image residue.
        var skipNext = false
        for (position, entry) in lines.enumerated() {
            let line = entry.text
            if skipNext { skipNext = false; continue }
            if article.credit == nil, let credit = rules.articleCredits.lazy.compactMap({ self.capture("credit", $0, entry) }).first {
                article.credit = credit
                continue
            }
            if rules.images.contains(where: { matches($0, entry) }) { continue }
            if let caption = caption(entry) {
                if let last = article.captions.last?.text, Self.sameIgnoringCase(last, caption.text) { continue }
                article.captions.append(caption)
                continue
            }
            if rules.repeatedLineIsCaption, position + 1 < lines.count, lines[position + 1].text.utf8.count == line.utf8.count,
               Self.sameIgnoringCase(lines[position + 1].text, line) {
                article.captions.append(CleanedArticle.Caption(text: line))
                skipNext = true
                continue
            }
            article.paragraphs.append(line)
        }
        if let first = article.paragraphs.first, article.paragraphs.count > 1, Self.hasAtMost(rules.titleMaxCharacters, first) {
            article.title = first
            article.paragraphs.removeFirst()
        }
        return article
    }

    private func caption(_ line: Line) -> CleanedArticle.Caption? {
        for pattern in rules.captions {
            guard let groups = captures(["text", "credit"], pattern, line), let text = groups[0] else { continue }
            return CleanedArticle.Caption(text: text, credit: groups[1])
        }
        return nil
    }

    /// A short line of capitalised words, or a bare domain: a reporter's name or the site's.
    private func isSignature(_ line: String) -> Bool {
        if isDomain(line) { return true }
        // Split no further than one word past the limit: the line above a source line may be a
        // whole paragraph.
        let words = line.split(separator: " ", maxSplits: rules.authorMaxWords)
        return words.count <= rules.authorMaxWords && words.allSatisfy { $0.first?.isUppercase == true }
            && !line.contains(where: { ".!?:;,…".contains($0) })
    }

    private func isDomain(_ line: String) -> Bool {
        // What the pattern needs, looked for on the bytes before Foundation copies the line to
        // UTF-16 for ICU: a dot, and no space.
        guard line.utf8.contains(UInt8(ascii: ".")), !line.utf8.contains(UInt8(ascii: " ")) else { return false }
        return Self.domain.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }

    // Compiled once: NSRegularExpression is immutable and safe to share between threads.
    private static let domain = try! NSRegularExpression(pattern: #"^[\p{L}\d-]+(\.[\p{L}\d-]+)+$"#)

    /// A line that reads like a headline: short, without final punctuation.
    private func isHeadline(_ line: String) -> Bool {
        Self.hasAtMost(rules.titleMaxCharacters, line) && !(line.last.map { ".!?:;…".contains($0) } ?? true)
    }

    /// `a.lowercased() == b.lowercased()`, without lowercasing two paragraphs whenever two lines of
    /// the same length meet (most of them differ early). Where the first scalars that differ are
    /// both ASCII, or both basic Cyrillic letters without a decomposition, and stay different in
    /// lower case, the answer is no: what comes before is the same in both, and such a letter is a
    /// starter that canonical equivalence neither splits nor moves past. Anything else is decided by
    /// lowercasing, as before.
    static func sameIgnoringCase(_ a: String, _ b: String) -> Bool {
        var left = a.unicodeScalars.makeIterator(), right = b.unicodeScalars.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case let (x?, y?) where x == y: continue
            case let (x?, y?):
                if let lowerX = simpleLowercase(x), let lowerY = simpleLowercase(y), lowerX != lowerY { return false }
                return a.lowercased() == b.lowercased()
            default: return a.lowercased() == b.lowercased()
            }
        }
    }

    /// The lower case of an ASCII character or a basic Cyrillic letter other than Й and й (which
    /// decompose), or nil.
    private static func simpleLowercase(_ scalar: Unicode.Scalar) -> UInt32? {
        let value = scalar.value
        switch value {
        case 0x41...0x5A: return value + 0x20
        case 0..<0x80: return value
        case 0x419, 0x439: return nil
        case 0x410...0x42F: return value + 0x20
        case 0x430...0x44F: return value
        default: return nil
        }
    }

    /// `text.count <= limit`, without counting the characters of a long paragraph to the end.
    static func hasAtMost(_ limit: Int, _ text: String) -> Bool {
        if text.utf8.count <= limit { return true }  // a character is at least one byte
        let scalars = text.scalarCount
        if scalars <= limit { return true }  // and at least one scalar
        // Where every scalar is a character of its own the count is the scalars'; otherwise the
        // characters are walked (up to `limit` of them).
        if scalarsAreCharacters(text) { return false }
        return text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex).map { $0 == text.endIndex } ?? true
    }

    /// Whether every scalar of `text` is an extended grapheme cluster of its own: the text holds
    /// only ASCII other than CR (CR LF is one character), U+0080–U+02FF (Latin-1 and the Latin
    /// extensions, spacing modifiers: no combining mark among them), U+0400–U+047F (Cyrillic
    /// letters), U+1E00–U+1EFF (Vietnamese and other precomposed Latin letters) and U+2010–U+2027
    /// (dashes, quotation marks, bullets, the ellipsis). Read on the bytes; nearly every line is such.
    static func scalarsAreCharacters(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                switch byte {
                case 0x0D: return false
                case 0..<0x80: i += 1
                case 0xC2...0xCB, 0xD0, 0xD1: i += 2
                case 0xE1 where i + 1 < count && (0xB8...0xBB).contains(bytes[i + 1]): i += 3
                case 0xE2 where i + 2 < count && bytes[i + 1] == 0x80 && (0x90...0xA7).contains(bytes[i + 2]): i += 3
                default: return false
                }
            }
            return true
        } ?? false
    }

    /// `date` as `YYYY-MM-DD` when one of the date layouts reads it as a real calendar date.
    func isoDate(_ date: String) -> String? {
        let date = Line(date, rules: rules)
        for layout in rules.dates {
            guard let groups = captures(["year", "month", "day"], layout, date),
                  let year = groups[0].flatMap({ Int($0) }),
                  let month = groups[1].flatMap({ Int($0) }),
                  let day = groups[2].flatMap({ Int($0) }) else { continue }
            return Self.isoDate(year: year, month: month, day: day)
        }
        return nil
    }

    /// `YYYY-MM-DD` when year, month and day make a real calendar date (no 31 February).
    static func isoDate(year: Int, month: Int, day: Int) -> String? {
        var components = DateComponents(calendar: Calendar(identifier: .gregorian), year: year, month: month, day: day)
        components.timeZone = TimeZone(identifier: "UTC")
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day), components.isValidDate else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The lines of `text`, split where `Character.isNewline` would split, but scalar by scalar: a
    /// line break is always a grapheme of its own (CR LF is two breaks with nothing between), so
    /// the grapheme breaking a `Character` split does is wasted work on every article.
    static func lines(of text: String) -> [Substring] {
        // Found on the UTF-8 bytes: U+000A–U+000D, U+0085 (C2 85), U+2028 and U+2029 (E2 80 A8/A9).
        var breaks: [(start: Int, width: Int)] = []
        var copy = text
        copy.withUTF8 { bytes in
            var i = 0
            let count = bytes.count
            let raw = UnsafeRawBufferPointer(bytes)
            let control = SIMD16<UInt8>(repeating: 0x0E), c2 = SIMD16<UInt8>(repeating: 0xC2), e2 = SIMD16<UInt8>(repeating: 0xE2)
            while i < count {
                // Sixteen bytes, then eight, at a time while none is a control character or the
                // lead byte of U+0085 or U+2028/2029 (C2, E2).
                if i + 16 <= count {
                    let block = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                    if !any((block .< control) .| (block .== c2) .| (block .== e2)) {
                        i += 16
                        continue
                    }
                }
                if i + 8 <= count, !ArticleCleaner.mayBreakLine(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                let byte = bytes[i]
                if (0x0A...0x0D).contains(byte) {
                    breaks.append((i, 1))
                } else if byte == 0xC2, i + 1 < count, bytes[i + 1] == 0x85 {
                    breaks.append((i, 2))
                } else if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                    breaks.append((i, 3))
                }
                i += 1
            }
        }
        var lines: [Substring] = []
        var start = 0
        let utf8 = text.utf8
        for (position, width) in breaks + [(utf8.count, 0)] {
            if start < position {
                lines.append(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: position)])
            }
            start = position + width
        }
        return lines
    }

    /// Whether any of eight bytes is below 0x0E (line breaks are 0A–0D), or C2 or E2 (the lead
    /// bytes of U+0085 and U+2028/2029): word tricks, exact for "any".
    @inline(__always)
    private static func mayBreakLine(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x0E) & ~word & highs
        let c2 = word ^ (ones &* 0xC2), e2 = word ^ (ones &* 0xE2)
        return below | ((c2 &- ones) & ~c2 & highs) | ((e2 &- ones) & ~e2 & highs) != 0
    }

    /// `line` without surrounding whitespace (any Unicode space, the no-break ones included).
    static func trimmed(_ line: Substring) -> String {
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// A line with what every pattern asks of it first, worked out once: whether it is short enough
    /// to be page furniture.
    private struct Line {
        let text: String
        /// Page furniture is short; a longer line is body text, and no pattern is tried on it
        /// (regular expressions over every long paragraph were most of the cleanup's cost).
        let mayBeFurniture: Bool

        init(_ text: String, rules: CleanupRules) {
            self.text = text
            let bytes = text.utf8.count  // free; a character takes 1 to 4 bytes
            if bytes <= rules.furnitureMaxCharacters {
                mayBeFurniture = true
            } else if bytes > 4 * rules.furnitureMaxCharacters {
                mayBeFurniture = false
            } else {
                mayBeFurniture = text.scalarCount <= rules.furnitureMaxCharacters
            }
        }
    }

    private func matches(_ pattern: LinePattern, _ line: Line) -> Bool {
        guard line.mayBeFurniture else { return false }
        return pattern.firstMatch(in: line.text) != nil
    }

    private func capture(_ group: String, _ pattern: LinePattern, _ line: Line) -> String? {
        captures([group], pattern, line)?[0]
    }

    /// The named groups of `pattern`'s match in `line`, trimmed (nil for a group that is absent or
    /// empty); nil when the pattern does not match. One regex run for all the groups.
    private func captures(_ groups: [String], _ pattern: LinePattern, _ line: Line) -> [String?]? {
        guard line.mayBeFurniture, let match = pattern.firstMatch(in: line.text) else { return nil }
        let line = line.text
        return groups.map { group in
            let range = match.range(withName: group)
            guard range.location != NSNotFound, let swiftRange = Range(range, in: line) else { return nil }
            let value = Self.trimmed(line[swiftRange])
            return value.isEmpty ? nil : value
        }
    }
}
