/// Everything that can go wrong in the Unicode layer, as data a caller can test and render.
///
/// Descriptions are written for the person at the terminal: they name the file, line and column,
/// quote the offending text, and say what would fix it.
public enum NormalizeError: Error, Equatable, CustomStringConvertible {
    /// A transform ID that neither ICU nor Canon's rule files define; `suggestions` are the closest known IDs.
    case unknownTransform(id: String, suggestions: [String])
    /// A rule file that ICU could not compile. `line` and `column` are 1-based and point where ICU
    /// stopped; `reason` is ICU's error name (`U_MALFORMED_SET`); `excerpt` is that line of the file.
    case invalidTransformRules(file: String, line: Int, column: Int, reason: String, excerpt: String)
    /// A rule file or directory that could not be read.
    case unreadable(path: String, reason: String)
    /// An ICU service that failed to open, which means the ICU installation or its data is broken.
    case icuUnavailable(operation: String, status: String)

    public var description: String {
        switch self {
        case let .unknownTransform(id, suggestions):
            let hint = suggestions.isEmpty
                ? "run `canon translit --list` for every known ID"
                : "did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
            return "unknown transform ID '\(id)': \(hint)"
        case let .invalidTransformRules(file, line, column, reason, excerpt):
            let explanation = NormalizeError.ruleErrorExplanations[reason].map { "\($0) (\(reason))" } ?? reason
            let caret = String(repeating: " ", count: max(0, column - 1)) + "^"
            return "\(file):\(line):\(column): invalid transform rule: \(explanation)\n    \(excerpt)\n    \(caret)"
        case let .unreadable(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .icuUnavailable(operation, status):
            return "ICU failed in \(operation) (\(status)): is libicu installed with its data?"
        }
    }
}

extension NormalizeError {
    init(_ error: ICUError) {
        self = .icuUnavailable(operation: error.operation, status: error.name)
    }
}

extension NormalizeError {
    /// What ICU's rule-parser errors mean, in words a rule author can act on.
    static let ruleErrorExplanations: [String: String] = [
        "U_MISSING_OPERATOR": "a rule needs one of the operators >, < or <>",
        "U_MALFORMED_RULE": "the rule is not of the form 'source > target;'",
        "U_MALFORMED_SET": "a [set] is malformed or not closed",
        "U_MALFORMED_SYMBOL_REFERENCE": "a $variable reference is malformed",
        "U_MALFORMED_UNICODE_ESCAPE": "a \\uXXXX escape is malformed",
        "U_MALFORMED_VARIABLE_DEFINITION": "a $variable definition is malformed",
        "U_MALFORMED_VARIABLE_REFERENCE": "a $variable reference is malformed",
        "U_MISPLACED_ANCHOR_START": "^ may only start a rule's context",
        "U_MISPLACED_CURSOR_OFFSET": "a cursor offset @ is misplaced",
        "U_MISPLACED_QUANTIFIER": "a quantifier (*, +, ?) is misplaced",
        "U_MISSING_SEGMENT_CLOSE": "a ( segment is not closed",
        "U_MISMATCHED_SEGMENT_DELIMITERS": "( and ) do not pair up",
        "U_MULTIPLE_ANTE_CONTEXTS": "a rule has more than one { context",
        "U_MULTIPLE_CURSORS": "a rule has more than one cursor |",
        "U_MULTIPLE_POST_CONTEXTS": "a rule has more than one } context",
        "U_UNDEFINED_VARIABLE": "a $variable is used before it is defined",
        "U_UNQUOTED_SPECIAL": "a special character must be quoted with '...' or escaped with \\",
        "U_UNTERMINATED_QUOTE": "a quote ' is not closed",
        "U_INVALID_ID": "a ::ID step names a transform that neither ICU nor an earlier rule file defines",
        "U_VARIABLE_RANGE_EXHAUSTED": "too many variables and sets for the private-use range",
        "U_RULE_MASK_ERROR": "a rule can never match because an earlier rule masks it",
    ]
}
