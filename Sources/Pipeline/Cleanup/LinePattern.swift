import Foundation

/// One cleanup pattern, with the words a line must contain for it to have a chance.
///
/// A pattern that uses `{words:photo}` can only match a line holding one of those words, and a plain
/// substring search is far cheaper than letting ICU's regex engine try every split of a long line.
struct LinePattern: @unchecked Sendable {
    // NSRegularExpression is immutable and thread-safe once compiled.
    let regex: NSRegularExpression
    /// The words of the pattern's first `{words:NAME}`, NUL-terminated; empty when it uses none.
    let requiredWords: [[CChar]]

    init(_ regex: NSRegularExpression, requiredWords: [String] = []) {
        self.regex = regex
        self.requiredWords = requiredWords.map { $0.utf8CString.map { $0 } }
    }

    /// Whether `line` holds one of the required words (always, when there are none). glibc's
    /// `strstr` is vectorised; a line with a NUL character in it is simply tried against the regex.
    func mayMatch(_ line: String) -> Bool {
        guard !requiredWords.isEmpty, !line.utf8.contains(0) else { return true }
        return line.withCString { text in requiredWords.contains { strstr(text, $0) != nil } }
    }

    func firstMatch(in line: String) -> NSTextCheckingResult? {
        guard mayMatch(line) else { return nil }
        return regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line))
    }
}
