/// Ranks strings by how close they are to a query, for "did you mean" hints.
public enum Similarity {
    /// The candidates closest to `query`, best first: those containing it (ignoring case), then
    /// those within a small edit distance.
    ///
    /// - Complexity: O(*c* · *q* · *m*) for *c* candidates of length *m* and a query of length *q*;
    ///   meant for error paths, not hot loops.
    public static func closest(to query: String, among candidates: [String], limit: Int = 5) -> [String] {
        let needle = Array(query.lowercased())
        guard !needle.isEmpty else { return [] }
        let threshold = max(2, needle.count / 3)
        var scored: [(score: Int, candidate: String)] = []
        for candidate in candidates {
            let hay = candidate.lowercased()
            let distance = editDistance(needle, Array(hay))
            if hay.contains(String(needle)) {
                scored.append((distance - 1000, candidate))
            } else if distance <= threshold {
                scored.append((distance, candidate))
            }
        }
        return scored.sorted { ($0.score, $0.candidate) < ($1.score, $1.candidate) }.prefix(limit).map(\.candidate)
    }

    /// Levenshtein distance between two arrays of characters, scalars or bytes.
    public static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
