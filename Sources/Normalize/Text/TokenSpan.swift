/// A token as plain numbers: where it lies in the text, its kind and its script, without the slice
/// of text a ``Token`` carries.
///
/// The matcher looks at every token of every text, most of them only to pass over them; copying a
/// `Token` costs reference counting on its `Substring` at each step, and building the slice costs
/// index checks. A span is a trivial value, and the matcher slices the text only for the few words
/// it has to read as characters.
struct TokenSpan: Equatable {
    var utf8Range: Range<Int>
    var scalarRange: Range<Int>
    var kind: Token.Kind
    /// ICU's rule status (``Token/ruleStatus``).
    var ruleStatus: Int
    /// The script most of the token's letters are in; Common when it has none (``ScriptProfile/primary``).
    var script: Script
    /// Whether letters of more than one writing system meet in the token (``ScriptProfile/isMixed``).
    var mixedScripts: Bool

    /// Whether the token is a word, number, kana or ideographic run (``Token/isWordLike``).
    var isWordLike: Bool { kind != .whitespace && kind != .punctuation }

    init(utf8Range: Range<Int>, scalarRange: Range<Int>, kind: Token.Kind, ruleStatus: Int, script: Script, mixedScripts: Bool) {
        self.utf8Range = utf8Range
        self.scalarRange = scalarRange
        self.kind = kind
        self.ruleStatus = ruleStatus
        self.script = script
        self.mixedScripts = mixedScripts
    }

    init(_ token: Token) {
        self.init(utf8Range: token.utf8Range, scalarRange: token.scalarRange, kind: token.kind, ruleStatus: token.ruleStatus,
                  script: token.script, mixedScripts: token.scripts.isMixed)
    }
}

extension String {
    /// The part of the string at `range`, in UTF-8 offsets that fall between scalars (a token's or
    /// a word's), sliced through the UTF-8 view: a `String` subscript would round both ends to
    /// grapheme-cluster boundaries first.
    public func slice(utf8 range: Range<Int>) -> Substring {
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return Substring(utf8[start..<end])
    }
}
