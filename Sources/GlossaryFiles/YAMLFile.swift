import Foundation
import Normalize
import Yams

/// A YAML file parsed into nodes that remember their line and column, and the problems found while
/// reading it. Decoders read values through it so that every problem points into the file.
struct YAMLFile {
    let path: String
    let root: Node?
    private(set) var diagnostics: [GlossaryDiagnostic] = []

    /// Reads and parses `path`. A syntax error becomes a diagnostic at its line; an unreadable file throws.
    init(path: String) throws(GlossaryError) {
        self.init(path: path, text: try YAMLFile.text(of: path))
    }

    /// Parses `text`, a part of `path` that starts on line `firstLine`, so that every node and
    /// problem points to its line in the whole file.
    init(path: String, text: String, firstLine: Int = 1) {
        self.path = path
        // libyaml counts lines from the start of what it is given; blank lines ahead of the part
        // move it to where it stands in the file, at the cost of skipping them.
        let text = firstLine > 1 ? String(repeating: "\n", count: firstLine - 1) + text : text
        do {
            // The basic resolver tags every scalar a string instead of trying YAML's int, float,
            // bool, null and timestamp patterns (regular expressions) on each: the decoders read
            // every value from its text (`bool`, `year` below), so the tags were never looked at,
            // and resolving them was most of the time a 100k-variant glossary took to load.
            root = try Yams.compose(yaml: text, .basic)
        } catch {
            root = nil
            let (line, column, message) = YAMLFile.describe(error)
            diagnostics.append(GlossaryDiagnostic(.yamlSyntax(message), at: SourceLocation(file: path, line: line, column: column)))
        }
    }

    /// The contents of `path` as text.
    static func text(of path: String) throws(GlossaryError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "not valid UTF-8")
        }
        return text
    }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    mutating func report(_ problem: GlossaryProblem, at node: Node) {
        diagnostics.append(GlossaryDiagnostic(problem, at: location(of: node)))
    }

    /// The root as a sequence, or a diagnostic.
    mutating func rootSequence(of what: String) -> [Node] {
        guard let root else { return [] }
        guard case let .sequence(sequence) = root else {
            report(.wrongShape(key: what, expected: "a list (each item starting with '- ')"), at: root)
            return []
        }
        return Array(sequence)
    }

    /// The pairs of a mapping node whose keys are all in `allowed`; other keys are reported.
    mutating func pairs(of node: Node, named what: String, allowed: [String]) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case let .mapping(mapping) = node else {
            report(.wrongShape(key: what, expected: "a mapping of keys to values"), at: node)
            return nil
        }
        var result: [(String, Node, Node)] = []
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                report(.wrongShape(key: what, expected: "keys that are plain words"), at: keyNode)
                continue
            }
            guard allowed.contains(key) else {
                report(.unknownKey(key, suggestion: Similarity.closest(to: key, among: allowed, limit: 1).first), at: keyNode)
                continue
            }
            guard seen.insert(key).inserted else {
                report(.invalidValue(key: key, value: key, expected: "each key once per mapping"), at: keyNode)
                continue
            }
            result.append((key, keyNode, value))
        }
        return result
    }

    /// A scalar's text, or a diagnostic when the value is a list or mapping.
    mutating func string(_ node: Node, key: String) -> String? {
        guard case .scalar = node, let text = node.string else {
            report(.wrongShape(key: key, expected: "a single value"), at: node)
            return nil
        }
        return text
    }

    /// A list of scalars; a single scalar is accepted as a list of one.
    mutating func strings(_ node: Node, key: String) -> [(String, Node)] {
        switch node {
        case .scalar:
            return string(node, key: key).map { [($0, node)] } ?? []
        case let .sequence(sequence):
            return sequence.compactMap { item in string(item, key: key).map { ($0, item) } }
        default:
            report(.wrongShape(key: key, expected: "a list of values"), at: node)
            return []
        }
    }

    mutating func year(_ node: Node, key: String) -> Int? {
        guard let text = string(node, key: key) else { return nil }
        guard let year = Int(text), (1800...2100).contains(year) else {
            report(.invalidValue(key: key, value: text, expected: "a year such as 2021"), at: node)
            return nil
        }
        return year
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        guard let text = string(node, key: key) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(.invalidValue(key: key, value: text, expected: "true or false"), at: node)
            return nil
        }
    }

    mutating func languageTag(_ node: Node, text: String) -> LanguageTag? {
        guard let tag = LanguageTag(parsing: text) else {
            report(.unknownLanguage(text, suggestion: nil), at: node)
            return nil
        }
        return tag
    }

    /// Line, column and message of a Yams error.
    private static func describe(_ error: Error) -> (Int, Int, String) {
        guard let error = error as? YamlError else { return (1, 1, "\(error)") }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            return (mark.line, mark.column, prefix + problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, context.mark.column, "duplicate keys \(duplicates.joined(separator: ", ")) in one mapping")
        default:
            return (1, 1, "\(error)")
        }
    }
}
