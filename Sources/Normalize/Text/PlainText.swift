/// The characters nearly all of Canon's text is made of, recognised on UTF-8 bytes: ASCII, Latin-1
/// and Latin Extended-A/B (U+0080–U+02FF), Cyrillic without its combining marks (U+0400–U+0482,
/// U+048A–U+053F), Latin Extended Additional (Vietnamese, U+1E00–U+1EFF) and general punctuation
/// from U+2002 to U+203F without the zero-width characters.
///
/// Each of them is a character (grapheme cluster) of its own, NFC keeps it as it is whatever
/// surrounds it (no combining marks, no singleton decompositions), and two strings of them are
/// canonically equivalent only when they are equal. So for such text the NFC pass has nothing to do,
/// and counting, slicing and comparing by scalars gives what `String` gives by characters. Tests hold
/// each claim to ICU and to `String` on every character of these ranges.
enum PlainText {
    static func isPlain(_ utf8: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let count = utf8.count
        while i < count {
            let byte = utf8[i]
            switch byte {
            case 0..<0x80: i += 1
            case 0xC2...0xCB, 0xD0, 0xD1, 0xD3, 0xD4: i += 2  // U+0080–U+02FF, U+0400–U+047F, U+04C0–U+053F
            case 0xD2 where i + 1 < count && (utf8[i + 1] <= 0x82 || utf8[i + 1] >= 0x8A): i += 2  // not U+0483–U+0489
            case 0xE1 where i + 1 < count && (0xB8...0xBB).contains(utf8[i + 1]): i += 3  // U+1E00–U+1EFF
            // U+2002–U+203F but the zero-width ones (U+200B–U+200F): the joiners attach to the
            // character before them.
            case 0xE2 where i + 2 < count && utf8[i + 1] == 0x80 && utf8[i + 2] >= 0x82 && !(0x8B...0x8F).contains(utf8[i + 2]): i += 3
            default: return false
            }
        }
        return true
    }

    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isPlain(UnsafeRawBufferPointer($0)) }
    }
}
