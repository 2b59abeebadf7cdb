/// A Unicode normalization form.
public enum NormalizationForm: String, CaseIterable, Sendable {
    /// Canonical composition: what Canon's output text is in, and what all offsets refer to.
    case nfc = "NFC"
    /// Canonical decomposition: base letters followed by their combining marks.
    case nfd = "NFD"
    /// Compatibility composition: also folds ligatures, full-width forms, superscripts.
    case nfkc = "NFKC"
    /// NFKC with full case folding and default-ignorables removed: a matching key, not display text.
    case nfkcCasefold = "NFKC_Casefold"
}

/// Normalizes text to one of the Unicode normalization forms, through ICU.
///
/// Scraped news mixes precomposed `ễ` (U+1EC5) and decomposed `e` + U+0302 + U+0303 in one corpus;
/// normalizing first makes both the same string. Most text is already normalized, so `normalize(_:)`
/// runs ICU's quick check first and returns the very same string when it passes, without copying it.
///
/// ```swift
/// let nfc = Normalizer(.nfc)
/// nfc.normalize("Nguye\u{302}\u{303}n") // "Nguyễn" (U+1EC5)
/// ```
///
/// Thread safety: a `Normalizer` is a value over one of ICU's immutable, process-wide instances and
/// may be used from any number of threads at once.
public struct Normalizer: Sendable {
    /// The form this normalizer produces.
    public let form: NormalizationForm
    private let icu: ICU.Normalizer2

    /// Creates a normalizer for `form`.
    ///
    /// ICU's normalization data is compiled into the library, so this cannot fail on a working
    /// installation; a broken one stops the program with ICU's error name.
    public init(_ form: NormalizationForm) {
        self.form = form
        do {
            switch form {
            case .nfc: icu = try ICU.Normalizer2(.nfc)
            case .nfd: icu = try ICU.Normalizer2(.nfd)
            case .nfkc: icu = try ICU.Normalizer2(.nfkc)
            case .nfkcCasefold: icu = try ICU.Normalizer2(.nfkcCasefold)
            }
        } catch {
            preconditionFailure("\(NormalizeError(error))")
        }
    }

    /// `text` in this normalization form.
    ///
    /// - Parameter text: any string.
    /// - Returns: the normalized string; the argument itself when it is already normalized.
    /// - Complexity: O(*n*). ASCII text and text that passes ICU's quick check are not copied.
    public func normalize(_ text: String) -> String {
        if form != .nfkcCasefold, text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        // Text of plain characters is NFC whatever they are (``PlainText``): no conversion for ICU.
        if form == .nfc, PlainText.isPlain(text) { return text }
        let units = ICU.utf16(text)
        return units.withUnsafeBufferPointer { buffer in
            if icu.normalizedPrefixLength(buffer) == buffer.count { return text }
            return ICU.string(normalizeUnits(buffer))
        }
    }

    /// Whether `text` is already in this form.
    ///
    /// - Complexity: O(*n*); the quick check decides most inputs without normalizing them.
    public func isNormalized(_ text: String) -> Bool {
        let units = ICU.utf16(text)
        return units.withUnsafeBufferPointer { buffer in
            icu.normalizedPrefixLength(buffer) == buffer.count || normalizeUnits(buffer).elementsEqual(buffer)
        }
    }

    /// Normalizes UTF-16 already converted by the caller; for other Normalize types.
    func normalizeUnits(_ units: UnsafeBufferPointer<UInt16>) -> [UInt16] {
        do {
            return try icu.normalize(units)
        } catch {
            // Only invalid arguments or allocation failure can get here.
            preconditionFailure("\(NormalizeError(error))")
        }
    }
}
