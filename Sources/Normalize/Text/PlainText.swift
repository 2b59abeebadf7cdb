/// The characters nearly all of Canon's text is made of, recognised on UTF-8 bytes: ASCII, Latin-1
/// and Latin Extended-A/B (U+0080–U+02FF), Cyrillic without its combining marks (U+0400–U+0482,
/// U+048A–U+053F), Latin Extended Additional (Vietnamese, U+1E00–U+1EFF) and general punctuation
/// from U+2002 to U+203F without the zero-width characters.
///
/// Each of them is a character (grapheme cluster) of its own, but for CR LF, which is one; NFC
/// keeps it as it is whatever surrounds it (no combining marks, no singleton decompositions), and two
/// strings of them are canonically equivalent only when they are equal. So for such text the NFC
/// pass has nothing to do, and counting, slicing and comparing by scalars gives what `String` gives
/// by characters wherever no CR is followed by LF (no word holds either). Tests hold each claim to
/// ICU and to `String` on every character of these ranges.
enum PlainText {
    static func isPlain(_ utf8: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let count = utf8.count
        while i < count {
            // Eight bytes at a time while they are ASCII and two-byte Cyrillic (what most text is).
            if i + 8 <= count {
                let step = plainRun(UInt64(littleEndian: utf8.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                if step > 0 { i += step; continue }
            }
            guard let width = plainWidth(utf8, at: i) else { return false }
            i += width
        }
        return true
    }

    /// ``isPlain(_:)`` one character at a time, as the tests' reference.
    static func isPlainCharacterByCharacter(_ utf8: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        while i < utf8.count {
            guard let width = plainWidth(utf8, at: i) else { return false }
            i += width
        }
        return true
    }

    /// The width of the plain character starting at byte `i`, or nil when it is not one.
    @inline(__always)
    private static func plainWidth(_ utf8: UnsafeRawBufferPointer, at i: Int) -> Int? {
        let count = utf8.count
        switch utf8[i] {
        case 0..<0x80: return 1
        case 0xC2...0xCB, 0xD0, 0xD1, 0xD3, 0xD4: return 2  // U+0080–U+02FF, U+0400–U+047F, U+04C0–U+053F
        case 0xD2 where i + 1 < count && (utf8[i + 1] <= 0x82 || utf8[i + 1] >= 0x8A): return 2  // not U+0483–U+0489
        case 0xE1 where i + 1 < count && (0xB8...0xBB).contains(utf8[i + 1]): return 3  // U+1E00–U+1EFF
        // U+2002–U+203F but the zero-width ones (U+200B–U+200F): the joiners attach to the
        // character before them.
        case 0xE2 where i + 2 < count && utf8[i + 1] == 0x80 && utf8[i + 2] >= 0x82 && !(0x8B...0x8F).contains(utf8[i + 2]): return 3
        default: return nil
        }
    }

    /// For eight bytes starting at a character boundary: how many of them are plain characters
    /// known without a closer look, 0 when not all are. Each byte must be ASCII, a continuation
    /// byte, or D0 or D1 (U+0400–U+047F, plain whatever follows: valid UTF-8 makes the next byte its
    /// continuation, which is why a continuation byte here always belongs to a D0 or D1 within the
    /// eight). A D0 or D1 in the last place is left for the next step, which then starts at it.
    @inline(__always)
    static func plainRun(_ word: UInt64) -> Int {
        let highs: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        // Bytes of 0xC0 and above (bits 7 and 6 set): lead bytes.
        let leads = word & (word << 1) & highs
        guard leads != 0 else { return 8 }
        // A byte is D0 or D1 when it is D0 with bit 0 ignored; the even differences make the
        // zero-byte test exact.
        let t = (word ^ (ones &* 0xD0)) & (ones &* 0xFE)
        let cyrillic = (t &- ones) & ~t & highs
        guard leads & ~cyrillic == 0 else { return 0 }
        return leads & (0x80 << 56) != 0 ? 7 : 8
    }

    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isPlain(UnsafeRawBufferPointer($0)) }
    }
}
