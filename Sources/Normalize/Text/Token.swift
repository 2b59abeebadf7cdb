/// One segment of text between two word boundaries, with its place in the original string.
///
/// Every token knows its offsets in Unicode scalars (what JSON consumers in most languages count in)
/// and in UTF-8 bytes (what byte-oriented tools slice with), so a match found on tokens can always be
/// reported against the original text, and `text` is a slice of the original string, not a copy.
public struct Token: Hashable, Sendable {
    /// What kind of segment a token is, from ICU's word-break rule status.
    public enum Kind: String, Hashable, Sendable {
        /// Letters (ICU status 200–299): `Нгуен`, `Chính`, `Jae-myung` is three tokens.
        case word
        /// A number (100–199): `2045`, `150`.
        case number
        /// Kana (300–399).
        case kana
        /// Ideographs (400–499): ICU splits Chinese and Japanese with a dictionary.
        case ideographic
        /// Spaces and line breaks.
        case whitespace
        /// Anything else: punctuation, symbols.
        case punctuation
    }

    /// The token's text: a slice of the string that was tokenized.
    public let text: Substring
    /// The segment's kind.
    public let kind: Kind
    /// ICU's raw rule status, for callers that need finer distinctions than ``kind``.
    public let ruleStatus: Int
    /// Offsets in Unicode scalars into the original string.
    public let scalarRange: Range<Int>
    /// Offsets in UTF-8 bytes into the original string.
    public let utf8Range: Range<Int>
    /// The scripts of the token's letters.
    public let scripts: ScriptProfile

    /// The script most of the token's letters are in (Common for numbers and punctuation).
    public var script: Script { scripts.primary }

    /// Whether the token is a word, number, kana or ideographic run, i.e. something a name is made of.
    public var isWordLike: Bool { kind != .whitespace && kind != .punctuation }
}
