extension Token {
    /// Symbols that are part of some names and so must count as words when matching: without them
    /// `Wietnam+` (the outlet VietnamPlus) would share its key with `Wietnam` (the country), and
    /// `Wietnamu` would be read as the outlet.
    static let nameSymbols: Set<Substring> = ["+", "&", "#", "@"]

    /// Whether the matcher keys this token: words, numbers and the few symbols that appear in names.
    var isMatchable: Bool { isWordLike || Token.nameSymbols.contains(text) }
}
