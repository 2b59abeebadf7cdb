/// Joins an abbreviation and its expansion in parentheses into one mention, in either order:
/// `официальной помощи в целях развития (ОПР)`, `ODA (official development assistance)`.
enum ExpansionMerger {
    static func merge(_ matches: [Match], words: TextWords, index: MatcherIndex) -> [Match] {
        // Two neighbours are asked first whether they name one entry, by index: most never do,
        // and the matches are copied into a new array only from the first join on (copying each
        // retained its list of kinds).
        var result: [Match]? = nil
        var i = 0
        while i < matches.count {
            if i + 1 < matches.count, index.forms[matches[i].form].entry == index.forms[matches[i + 1].form].entry,
               let merged = join(matches[i], matches[i + 1], words: words) {
                if result == nil { result = Array(matches[..<i]) }
                result!.append(merged)
                i += 2
            } else {
                result?.append(matches[i])
                i += 1
            }
        }
        return result ?? matches
    }

    /// `outer (inner)` as one match, for two matches of the same entry.
    private static func join(_ outer: Match, _ inner: Match, words: TextWords) -> Match? {
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
        // The kinds of both, once each, in declaration order (the set made once, not per kind).
        let kinds = Set(outer.how + inner.how + [.withExpansion])
        merged.how = MatchKind.allCases.filter { kinds.contains($0) }
        merged.extendedScalarEnd = words.spans[closing].scalarRange.upperBound
        merged.extendedUTF8End = words.spans[closing].utf8Range.upperBound
        return merged
    }
}
