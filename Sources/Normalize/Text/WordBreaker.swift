/// Splits text into tokens at Unicode word boundaries (UAX #29, with ICU's dictionaries for
/// Chinese, Japanese and Thai), keeping every token's offsets in the original string.
///
/// ```swift
/// let breaker = try WordBreaker()
/// for token in breaker.tokens(in: "Генсек Нгуен Фу Чонг, 2024") where token.isWordLike {
///     print(token.text, token.kind, token.scalarRange)
/// }
/// // Генсек word 0..<6, Нгуен word 7..<12, Фу word 13..<15, Чонг word 16..<20, 2024 number 22..<26
/// ```
///
/// Tokens cover the text without gaps: concatenating their `text` gives the input back.
///
/// Thread safety: not thread-safe; the underlying ICU break iterator is mutable. Create one per
/// worker, or ``clone()`` a configured one.
public final class WordBreaker {
    private let iterator: ICU.BreakIterator
    /// The locale the rules come from (`""` for the root rules, right for most languages).
    public let locale: String

    /// Opens a word-break iterator for `locale`.
    ///
    /// - Throws: ``NormalizeError/icuUnavailable(operation:status:)`` when ICU's break data is missing.
    public init(locale: String = "") throws {
        self.locale = locale
        do {
            iterator = try ICU.BreakIterator(locale: locale)
        } catch {
            throw NormalizeError(error)
        }
    }

    private init(locale: String, iterator: ICU.BreakIterator) {
        self.locale = locale
        self.iterator = iterator
    }

    /// An independent copy for another worker.
    public func clone() -> sending WordBreaker {
        WordBreaker(locale: locale, iterator: iterator.clone())
    }

    /// The tokens of `text`, in order, covering it entirely.
    ///
    /// - Parameter text: any string.
    /// - Returns: the tokens; their `text` slices `text`.
    /// - Complexity: O(*n*); Latin and Cyrillic text is broken by ``SimpleWordBreaks`` (≈ 100 MB/s with
    ///   the tokens built), anything else by ICU's iterator.
    public func tokens(in text: String) -> [Token] {
        // Text of the plain classes gets the same boundaries without the ICU iterator (the root rules
        // only: a locale may tailor them).
        if locale.isEmpty, let tokens = simpleTokens(in: text) { return tokens }
        return icuTokens(in: text)
    }

    /// The tokens as ICU's break iterator draws them (what ``tokens(in:)`` falls back to, and what
    /// tests compare its shortcut with).
    func icuTokens(in text: String) -> [Token] {
        let units = ICU.utf16(text)
        return units.withUnsafeBufferPointer { tokens(in: text, units: $0) }
    }

    private func tokens(in text: String, units: UnsafeBufferPointer<UInt16>) -> [Token] {
        var tokens: [Token] = []
        // News text has a token for every three or four UTF-16 units (a word, then a space).
        tokens.reserveCapacity(units.count / 3 + 4)
        var start16 = iterator.reset(units)
        var scalarOffset = 0, utf8Offset = 0
        var startIndex = text.startIndex
        while let end16 = iterator.next() {
            let status = iterator.ruleStatus
            // Walk the UTF-16 units of this segment once to advance the scalar and UTF-8 offsets.
            var scalars = 0, bytes = 0, i = start16
            while i < end16 {
                let unit = units[i]
                if unit & 0xFC00 == 0xD800 {
                    scalars += 1; bytes += 4; i += 2
                } else {
                    scalars += 1; bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3; i += 1
                }
            }
            let endIndex = text.utf8.index(startIndex, offsetBy: bytes)
            // Sliced through the UTF-8 view: a `String` subscript would first round both ends to
            // grapheme-cluster boundaries and the scalar view checks scalar alignment, a cost per
            // token; ICU's boundaries fall between scalars, and never split a cluster (UAX #29, WB4).
            let slice = Substring(text.utf8[startIndex..<endIndex])
            let segment = UnsafeBufferPointer(rebasing: units[start16..<end16])
            tokens.append(Token(
                text: slice,
                kind: WordBreaker.kind(status: status) { WordBreaker.isWhitespace(segment) },
                ruleStatus: status,
                scalarRange: scalarOffset..<(scalarOffset + scalars),
                utf8Range: utf8Offset..<(utf8Offset + bytes),
                scripts: ScriptProfile(utf16: segment)
            ))
            scalarOffset += scalars
            utf8Offset += bytes
            startIndex = endIndex
            start16 = end16
        }
        return tokens
    }

    /// The tokens of `text` as spans: what the matcher reads.
    func spans(in text: String) -> [TokenSpan] {
        if locale.isEmpty, let spans = simpleSpans(in: text) { return spans }
        return icuTokens(in: text).map(TokenSpan.init)
    }

    /// The tokens ``SimpleWordBreaks`` finds, or nil when the text needs ICU.
    private func simpleTokens(in text: String) -> [Token]? {
        guard let spans = simpleSpans(in: text) else { return nil }
        return spans.map { span in
            let slice = text.slice(utf8: span.utf8Range)
            return Token(text: slice, kind: span.kind, ruleStatus: span.ruleStatus, scalarRange: span.scalarRange,
                         utf8Range: span.utf8Range,
                         scripts: span.mixedScripts ? ScriptProfile(of: slice) : ScriptProfile(single: span.script.isNeutral ? nil : span.script))
        }
    }

    /// The spans ``SimpleWordBreaks`` finds, or nil when the text needs ICU.
    private func simpleSpans(in text: String) -> [TokenSpan]? {
        var copy = text
        return copy.withUTF8 { SimpleWordBreaks.spans($0) }
    }

    /// A token's kind from ICU's rule status; `isWhitespace` is asked only for a token that is
    /// neither word nor number.
    private static func kind(status: Int, isWhitespace: () -> Bool) -> Token.Kind {
        switch status {
        case 100..<200: .number
        case 200..<300: .word
        case 300..<400: .kana
        case 400..<500: .ideographic
        default: isWhitespace() ? .whitespace : .punctuation
        }
    }

    /// White_Space for every scalar, with the ASCII cases (nearly every token here) decided without
    /// a table lookup.
    private static func isWhitespace(_ utf16: UnsafeBufferPointer<UInt16>) -> Bool {
        for scalar in UTF16Scalars(units: utf16) {
            if scalar.isASCII {
                if scalar != " ", !(0x09...0x0D).contains(scalar.value) { return false }
            } else if !scalar.properties.isWhitespace {
                return false
            }
        }
        return true
    }
}
