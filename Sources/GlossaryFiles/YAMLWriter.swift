import Normalize
import Yams

/// Writes entries as glossary YAML in the layout of the curated files (docs/glossary-format.md):
/// keys in the documented order, forms as flow lists, curated forms only (generated ones are
/// regenerated on load). Used by `canon glossary import`.
public enum YAMLWriter {
    public static func write(_ entries: [GlossaryEntry], header: String? = nil) throws -> String {
        var text = header.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n") + "\n\n" } ?? ""
        for (index, entry) in entries.enumerated() {
            if index > 0 { text += "\n" }
            text += try Yams.serialize(node: .sequence(Node.Sequence([node(entry)])), width: -1, allowUnicode: true)
        }
        return text
    }

    static func node(_ entry: GlossaryEntry) -> Node {
        var pairs: [(Node, Node)] = [
            ("id", Node(entry.id)), ("type", Node(entry.type.rawValue)), ("canonical", Node(entry.canonical)),
        ]
        func add(_ key: String, _ value: String?) { if let value { pairs.append((Node(key), Node(value))) } }
        add("expansion", entry.expansion)
        add("native", entry.native)
        add("origin", entry.origin)
        add("romanized", entry.romanized)
        if !entry.roles.isEmpty {
            pairs.append(("roles", .sequence(Node.Sequence(entry.roles.map { role in
                var rolePairs: [(Node, Node)] = [("title", Node(role.title))]
                if let from = role.from { rolePairs.append(("from", Node(String(from), Tag(.int)))) }
                if let to = role.to { rolePairs.append(("to", Node(String(to), Tag(.int)))) }
                if let country = role.country { rolePairs.append(("country", Node(country))) }
                return .mapping(Node.Mapping(rolePairs, .implicit, .flow))
            }))))
        }
        let curated = entry.variants.filter { !$0.isGenerated }
        if !curated.isEmpty {
            pairs.append(("variants", byLanguage(curated.map { variant -> (LanguageTag, Node) in
                if case let .curated(source?) = variant.provenance {
                    return (variant.language, .mapping(Node.Mapping([("form", Node(variant.form)), ("source", Node(source))], .implicit, .flow)))
                }
                return (variant.language, Node(variant.form))
            })))
        }
        if !entry.shortForms.isEmpty {
            pairs.append(("short_forms", byLanguage(entry.shortForms.map { form -> (LanguageTag, Node) in
                form.standalone
                    ? (form.language, .mapping(Node.Mapping([("form", Node(form.form)), ("standalone", Node("true", Tag(.bool)))], .implicit, .flow)))
                    : (form.language, Node(form.form))
            })))
        }
        add("wikidata", entry.wikidata)
        if let caseSensitive = entry.caseSensitive { pairs.append(("case_sensitive", Node(String(caseSensitive), Tag(.bool)))) }
        if !entry.ambiguousWith.isEmpty {
            pairs.append(("ambiguous_with", .sequence(Node.Sequence(entry.ambiguousWith.map { Node($0) }, .implicit, .flow))))
        }
        add("notes", entry.notes)
        return .mapping(Node.Mapping(pairs))
    }

    /// `tag: [forms]` in the order languages first appear.
    private static func byLanguage(_ items: [(LanguageTag, Node)]) -> Node {
        var order: [LanguageTag] = []
        var groups: [LanguageTag: [Node]] = [:]
        for (tag, node) in items {
            if groups[tag] == nil { order.append(tag) }
            groups[tag, default: []].append(node)
        }
        return .mapping(Node.Mapping(order.map { (Node($0.description), .sequence(Node.Sequence(groups[$0]!, .implicit, .flow))) }))
    }
}
