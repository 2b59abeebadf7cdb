extension Token {
    /// Symbols that are part of some names and so must count as words when matching: without them
    /// `Wietnam+` (the outlet VietnamPlus) would share its key with `Wietnam` (the country), and
    /// `Wietnamu` would be read as the outlet.
    @inline(__always)
    static func isNameSymbol(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "+"), UInt8(ascii: "&"), UInt8(ascii: "#"), UInt8(ascii: "@"): true
        default: false
        }
    }

    /// Whether the matcher keys this token: words, numbers and the few symbols that appear in names.
    var isMatchable: Bool {
        if isWordLike { return true }
        // Asked of every space and punctuation mark of every text: compared as a byte, not hashed
        // as a string.
        guard utf8Range.count == 1, let byte = text.utf8.first else { return false }
        return Token.isNameSymbol(byte)
    }
}

extension TokenSpan {
    /// ``Token/isMatchable`` for a span whose bytes are `spelled`.
    @inline(__always)
    func isMatchable(_ spelled: UnsafeRawBufferPointer) -> Bool {
        if isWordLike { return true }
        guard spelled.count == 1 else { return false }
        return Token.isNameSymbol(spelled[0])
    }
}
