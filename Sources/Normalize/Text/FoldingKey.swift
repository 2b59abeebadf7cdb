/// Keys under which two spellings of a name compare equal: the basis of case- and
/// diacritic-insensitive matching.
///
/// Keys are for comparing, never for display: `latin(_:)` throws away information (tones, case)
/// that the output must keep.
///
/// ```swift
/// FoldingKey.caseFolded("Straße")          // "strasse"
/// FoldingKey.latin("Nguyễn Phú Trọng")     // "nguyen phu trong"
/// FoldingKey.latin("Đà Nẵng")              // "da nang"
/// FoldingKey.latin("Ли Чжэ Мёна")          // "ли чжэ мена"
/// ```
public enum FoldingKey {
    /// Full Unicode case folding (not lowercasing): `ß` → `ss`, `İ` → `i̇`, Greek final `ς` → `σ`.
    ///
    /// - Complexity: O(*n*).
    public static func caseFolded(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let units = ICU.utf16(text)
        return units.withUnsafeBufferPointer { buffer in
            do throws(ICUError) {
                return ICU.string(try ICU.foldCase(buffer))
            } catch {
                preconditionFailure("\(NormalizeError(error))")
            }
        }
    }

    /// A case- and diacritic-insensitive key for Latin-script text.
    ///
    /// Applies NFKC_Casefold (case, compatibility forms, default-ignorables), then removes the
    /// combining marks that follow a Latin letter: Vietnamese tone and vowel marks, Polish and Czech
    /// diacritics. Latin letters whose stroke is part of the letter and has no decomposition
    /// (`đ`, `ø`, `ł`, `ı`, …) are mapped to their base letter. Other scripts keep their marks, with one
    /// exception: Cyrillic `ё` becomes `е`, because Russian writes `Мёна` and `Мена` interchangeably;
    /// `й` stays `й`.
    ///
    /// - Parameter text: any string.
    /// - Returns: the key, in NFC.
    /// - Complexity: O(*n*).
    public static func latin(_ text: String) -> String {
        simpleLatinKey(text) ?? removingLatinDiacritics(text, foldingCase: true)
    }

    /// ``latin(_:)`` without ICU for text made only of ASCII, the basic Cyrillic block
    /// (U+0400–U+045F) and the precomposed Latin letters (``latinLetterKeys``), nil for anything
    /// else. For ASCII and Cyrillic the key comes down to lower case with `ё` read as `е`: no
    /// character of those ranges has another case folding or a compatibility form, none is a
    /// combining mark, and the marks of `й`, `ї`, `ў` stay. A precomposed Latin letter's key is
    /// looked up. Keys of such text are the keys of its characters put together, because none of
    /// them ends in a combining mark that could join the next character. English, Russian,
    /// Ukrainian, Polish, Czech, Norwegian, German and Vietnamese words are such text; every new
    /// word of a corpus comes through here.
    static func simpleLatinKey(_ text: String) -> String? {
        // Written as UTF-8 bytes: appending scalars to a `String.UnicodeScalarView` one at a time
        // costs thousands of instructions a word.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0x41...0x5A: value += 0x20
            case 0...0x7F: break
            case 0x0400...0x040F: value += 0x50
            case 0x0410...0x042F: value += 0x20
            case 0x0430...0x045F: break
            default:
                guard let key = latinLetterKeys[scalar] else { return nil }
                bytes.append(contentsOf: key.utf8)
                continue
            }
            if value == 0x0451 { value = 0x0435 }  // ё → е
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else {  // U+0400–U+045F: two bytes
                bytes.append(UInt8(0xC0 | (value >> 6)))
                bytes.append(UInt8(0x80 | (value & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The ICU key of every character of Latin-1 Supplement, Latin Extended-A and -B and Latin
    /// Extended Additional (Vietnamese) whose key holds no combining mark: `Ł` → `l`, `ố` → `o`,
    /// `ß` → `ss`. Made once, by ICU itself, so the shortcut cannot disagree with it.
    static let latinLetterKeys: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for value in Array(UInt32(0x80)...0x024F) + Array(UInt32(0x1E00)...0x1EFF) {
            guard let scalar = Unicode.Scalar(value), !ICU.isNonSpacingMark(value) else { continue }
            let key = removingLatinDiacritics(String(scalar), foldingCase: true)
            guard key.unicodeScalars.allSatisfy({ !ICU.isNonSpacingMark($0.value) }) else { continue }
            table[scalar] = key
        }
        return table
    }()

    /// `text` without the diacritics ``latin(_:)`` removes, keeping case: `Phạm Minh Chính` →
    /// `Pham Minh Chinh`, `Đà Nẵng` → `Da Nang`. Used to tell a diacritic difference from a case one.
    ///
    /// - Complexity: O(*n*).
    public static func withoutLatinDiacritics(_ text: String) -> String {
        removingLatinDiacritics(text, foldingCase: false)
    }

    /// The general way, through ICU: case folding, decomposition, marks removed, recomposition.
    static func removingLatinDiacritics(_ text: String, foldingCase: Bool) -> String {
        let units = ICU.utf16(text)
        let decomposed = units.withUnsafeBufferPointer { buffer -> [UInt16] in
            guard foldingCase else { return nfd.normalizeUnits(buffer) }
            let folded = casefold.normalizeUnits(buffer)
            return folded.withUnsafeBufferPointer { nfd.normalizeUnits($0) }
        }
        var key: [UInt16] = []
        key.reserveCapacity(decomposed.count)
        var lastBase: Unicode.Scalar = " "
        for scalar in String.UnicodeScalarView(decoding: decomposed) {
            if ICU.isNonSpacingMark(scalar.value) {
                if Script(of: lastBase) == .latin { continue }
                if lastBase == "е", scalar == "\u{308}" { continue }
            } else {
                lastBase = scalar
                if let replacement = strokedLetters[scalar] {
                    key.append(contentsOf: replacement.utf16)
                    continue
                }
            }
            key.append(contentsOf: UTF16.encode(scalar)!)
        }
        return key.withUnsafeBufferPointer { ICU.string(nfc.normalizeUnits($0)) }
    }

    /// Latin letters whose diacritic is fused into the letter: Unicode gives them no decomposition,
    /// so removing marks alone would leave them.
    static let strokedLetters: [Unicode.Scalar: String] = [
        "đ": "d", "ð": "d", "ø": "o", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t", "ƀ": "b",
        "ɨ": "i", "ƶ": "z", "æ": "ae", "œ": "oe", "þ": "th",
        "Đ": "D", "Ð": "D", "Ø": "O", "Ł": "L", "Ħ": "H", "Ŧ": "T", "Ɨ": "I", "Ƶ": "Z",
        "Æ": "AE", "Œ": "OE", "Þ": "TH",
    ]

    private static let casefold = Normalizer(.nfkcCasefold)
    private static let nfd = Normalizer(.nfd)
    private static let nfc = Normalizer(.nfc)
}

extension String.UnicodeScalarView {
    /// Decodes UTF-16 code units produced by ICU (always well-formed).
    init(decoding units: [UInt16]) {
        self = String(decoding: units, as: UTF16.self).unicodeScalars
    }
}
