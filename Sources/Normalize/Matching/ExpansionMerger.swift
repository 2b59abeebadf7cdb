/// Joins an abbreviation and its expansion in parentheses into one mention, in either order:
/// `официальной помощи в целях развития (ОПР)`, `ODA (official development assistance)`.
enum ExpansionMerger {
    static func merge(_ matches: [Match], words: TextWords, index: MatcherIndex) -> [Match] {
        var result: [Match] = []
        var i = 0
        while i < matches.count {
            if i + 1 < matches.count, let merged = join(matches[i], matches[i + 1], words: words, index: index) {
                result.append(merged)
                i += 2
            } else {
                result.append(matches[i])
                i += 1
            }
        }
        return result
    }

    /// `outer (inner)` as one match when both name the same entry.
    private static func join(_ outer: Match, _ inner: Match, words: TextWords, index: MatcherIndex) -> Match? {
        guard index.forms[outer.form].entry == index.forms[inner.form].entry else { return nil }
        let from = words.words[outer.words.upperBound - 1].spanIndex + 1
        let to = words.words[inner.words.lowerBound].spanIndex
        guard from < to else { return nil }
        // Only spaces and one opening parenthesis between them. Checked scalar by scalar, stopping
        // at the first other one: the same entity named twice is usually far apart.
        var parentheses = 0
        for span in from..<to {
            for scalar in words.text(ofSpan: span).unicodeScalars {
                switch scalar {
                case " ", "\u{A0}": continue
                case "(": parentheses += 1
                default: return nil
                }
            }
        }
        guard parentheses == 1 else { return nil }
        let closing = words.words[inner.words.upperBound - 1].spanIndex + 1
        guard closing < words.spans.count, words.text(ofSpan: closing) == ")" else { return nil }
        var merged = outer
        merged.words = outer.words.lowerBound..<inner.words.upperBound
        merged.how = MatchKind.allCases.filter { Set(outer.how + inner.how + [.withExpansion]).contains($0) }
        merged.extendedScalarEnd = words.spans[closing].scalarRange.upperBound
        merged.extendedUTF8End = words.spans[closing].utf8Range.upperBound
        return merged
    }
}
