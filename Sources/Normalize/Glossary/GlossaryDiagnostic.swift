/// One problem found in the glossary, located in its file.
///
/// Loading and `canon glossary validate` report every problem, not just the first, so a curator
/// fixes a file in one pass. Problems are values: tests compare them directly.
///
/// ```text
/// glossaries/people.yaml:42: error: unknown language tag 'rus'; did you mean 'ru'?
/// glossaries/terms.yaml:88: error: duplicate variant 'ODA' (en): already maps to 'oda' at glossaries/terms.yaml:12
/// ```
public struct GlossaryDiagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var location: SourceLocation
    public var problem: GlossaryProblem

    public init(_ problem: GlossaryProblem, at location: SourceLocation) {
        self.problem = problem
        self.location = location
    }

    public var severity: GlossaryProblem.Severity { problem.severity }

    public var description: String { "\(location): \(severity.rawValue): \(problem)" }

    public static func < (a: GlossaryDiagnostic, b: GlossaryDiagnostic) -> Bool {
        (a.location, a.problem.description) < (b.location, b.problem.description)
    }
}

/// What can be wrong with glossary data.
public enum GlossaryProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    /// The file is not valid YAML.
    case yamlSyntax(String)
    /// A value has the wrong shape: `expected` says what was expected (`a list`, `a mapping`).
    case wrongShape(key: String, expected: String)
    case missingKey(String)
    /// A key the format does not define; a typo must not silently drop data.
    case unknownKey(String, suggestion: String?)
    /// A value of the right shape that is not allowed: a bad slug, type, QID or year.
    case invalidValue(key: String, value: String, expected: String)
    case duplicateID(String, first: SourceLocation)
    case unknownLanguage(String, suggestion: String?)
    case emptyCanonical(id: String)
    /// The same normalized form under two entities that do not declare each other ambiguous.
    case duplicateVariant(form: String, language: LanguageTag, otherID: String, otherLocation: SourceLocation)
    /// `ambiguous_with` names an id no entry has.
    case unknownReference(key: String, id: String)
    /// An `origin` no generator rule reads, so no variant will be generated.
    case unknownOrigin(String)
    /// A generator rule names a transform that is not available.
    case transformUnavailable(String)
    /// A form that would match ordinary text: a single short token or a common word.
    case riskyVariant(form: String, language: LanguageTag, reason: String)
    /// A curated variant, without a `source`, that differs from what the rules generate: a typo?
    case disagreesWithRules(form: String, language: LanguageTag, generated: String, transform: String)

    public var severity: Severity {
        switch self {
        case .riskyVariant, .disagreesWithRules, .unknownOrigin: .warning
        default: .error
        }
    }

    public var description: String {
        switch self {
        case let .yamlSyntax(message):
            return "invalid YAML: \(message)"
        case let .wrongShape(key, expected):
            return "'\(key)' must be \(expected)"
        case let .missingKey(key):
            return "missing required key '\(key)'"
        case let .unknownKey(key, suggestion):
            return "unknown key '\(key)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case let .invalidValue(key, value, expected):
            return "invalid \(key) '\(value)': expected \(expected)"
        case let .duplicateID(id, first):
            return "duplicate id '\(id)': first defined at \(first)"
        case let .unknownLanguage(tag, suggestion):
            return "unknown language tag '\(tag)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; see glossaries/languages.yaml")
        case let .emptyCanonical(id):
            return "entry '\(id)' has an empty canonical form"
        case let .duplicateVariant(form, language, otherID, otherLocation):
            return "duplicate variant '\(form)' (\(language)): already maps to '\(otherID)' at \(otherLocation); "
                + "declare ambiguous_with on both entries if both are right"
        case let .unknownReference(key, id):
            return "\(key) names '\(id)', which no entry has"
        case let .unknownOrigin(origin):
            return "origin '\(origin)' has no generator rule in glossaries/generators.yaml; no variants are generated"
        case let .transformUnavailable(id):
            return "transform '\(id)' is not available: is its rule file in glossaries/transforms/?"
        case let .riskyVariant(form, language, reason):
            return "risky variant '\(form)' (\(language)): \(reason); it would match ordinary text"
        case let .disagreesWithRules(form, language, generated, transform):
            return "curated variant '\(form)' (\(language)) differs from '\(generated)' generated by \(transform); "
                + "add a source if it is right"
        }
    }
}

/// Loading failed: the files could not be read, or they hold errors (warnings alone do not fail).
public enum GlossaryError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// Every problem found, errors and warnings, sorted by location.
    case invalid([GlossaryDiagnostic])

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .invalid(diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }
            return "the glossary has \(errors.count) error\(errors.count == 1 ? "" : "s"):\n"
                + errors.map(\.description).joined(separator: "\n")
        }
    }
}
