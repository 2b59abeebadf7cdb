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
        if let key = simpleLatinKey(text) { return key }
        if text.unicodeScalars.allSatisfy(isFoldInvariant) { return text }
        return removingLatinDiacritics(text, foldingCase: true)
    }

    /// The CJK ideographs of the basic block and Extension A, the Hangul syllables and the kana
    /// letters (without the combining voicing marks and the compatibility ones): scalars with no
    /// case, no case mapping and no compatibility form, that removing marks leaves (their
    /// decompositions are not Latin) and that do not compose with one another. Text of them is its
    /// own key, and has no cased letter; tests hold every one of them to ICU and to Swift. Chinese,
    /// Japanese and Korean forms of the glossary are such text, and went through ICU three times.
    @inline(__always)
    static func isFoldInvariant(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3041...0x3096, 0x309D...0x309E, 0x30A1...0x30FA, 0x30FC...0x30FE, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
        default: false
        }
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
        var text = text
        return text.withUTF8 { utf8 in withSimpleLatinKey(of: utf8) { String(decoding: $0, as: UTF8.self) } }
    }

    /// ``simpleLatinKey(_:)`` from UTF-8 to UTF-8, written into a buffer on the stack and handed to
    /// `body`; nil (and `body` not called) for text the shortcut does not cover. The matcher keys
    /// every new word of a text this way without building a string.
    static func withSimpleLatinKey<R>(of utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let count = utf8.count
        // A two-byte letter's key takes at most seven bytes (``latinLetterKeyBytes``).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count * 4 + 8) { output -> R? in
            var n = 0, i = 0
            while i < count {
                let lead = utf8[i]
                if lead < 0x80 {
                    output[n] = (0x41...0x5A).contains(lead) ? lead + 0x20 : lead
                    n += 1
                    i += 1
                    continue
                }
                var value: UInt32
                if lead < 0xE0 {
                    guard i + 1 < count else { return nil }
                    value = UInt32(lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                    i += 2
                } else if lead < 0xF0 {
                    guard i + 2 < count else { return nil }
                    value = UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                    i += 3
                } else {
                    return nil
                }
                switch value {
                case 0x0400...0x040F: value += 0x50
                case 0x0410...0x042F: value += 0x20
                case 0x0430...0x045F: break
                default:
                    let packed = latinLetterKeyBytes(value)
                    guard packed != 0 else { return nil }
                    for k in 0..<Int(packed & 0xFF) { output[n + k] = UInt8(truncatingIfNeeded: packed >> (8 * (k + 1))) }
                    n += Int(packed & 0xFF)
                    continue
                }
                if value == 0x0451 { value = 0x0435 }  // ё → е
                output[n] = UInt8(0xC0 | (value >> 6))
                output[n + 1] = UInt8(0x80 | (value & 0x3F))
                n += 2
            }
            return body(UnsafeBufferPointer(rebasing: output[..<n]))
        }
    }

    /// ``latinLetterKeys`` packed for the byte loop: for U+0080–U+024F and U+1E00–U+1EFF, the key's
    /// length in the low byte and its UTF-8 in the seven above; 0 where there is no key (or a longer
    /// one, which the shortcut then leaves to ICU).
    private static let latinLetterKeyTable: [UInt64] = (Array(UInt32(0x80)...0x024F) + Array(UInt32(0x1E00)...0x1EFF)).map { value in
        guard let scalar = Unicode.Scalar(value), let key = latinLetterKeys[scalar], (1...7).contains(key.utf8.count) else { return 0 }
        var packed = UInt64(key.utf8.count)
        for (k, byte) in key.utf8.enumerated() { packed |= UInt64(byte) << (8 * (k + 1)) }
        return packed
    }

    @inline(__always)
    private static func latinLetterKeyBytes(_ value: UInt32) -> UInt64 {
        switch value {
        case 0x80...0x024F: latinLetterKeyTable[Int(value - 0x80)]
        case 0x1E00...0x1EFF: latinLetterKeyTable[Int(value - 0x1E00) + (0x0250 - 0x80)]
        default: 0
        }
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
