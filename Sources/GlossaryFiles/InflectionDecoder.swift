import Normalize
import Yams

/// Reads the `inflection:` section of `glossaries/languages/<tag>.yaml` (documented in
/// docs/glossary-format.md, "Inflection").
enum InflectionDecoder {
    static func decode(_ node: Node, in file: inout YAMLFile) -> InflectionRules? {
        guard let pairs = file.pairs(of: node, named: "inflection", allowed: ["inflects", "capitalized", "min_stem", "rules"]) else { return nil }
        var rules = InflectionRules(inflects: [], capitalized: [.person, .place], minStem: 2, rules: [])
        for (key, _, value) in pairs {
            switch key {
            case "inflects": rules.inflects = types(value, key: key, in: &file)
            case "capitalized": rules.capitalized = types(value, key: key, in: &file)
            case "min_stem":
                if let text = file.string(value, key: key) {
                    if let number = Int(text), (1...10).contains(number) { rules.minStem = number } else {
                        file.report(.invalidValue(key: key, value: text, expected: "a number of letters from 1 to 10"), at: value)
                    }
                }
            default:
                guard case let .sequence(sequence) = value else {
                    file.report(.wrongShape(key: key, expected: "a list of {base, after, endings}"), at: value)
                    continue
                }
                rules.rules = sequence.compactMap { rule(from: $0, in: &file) }
            }
        }
        return rules
    }

    private static func rule(from node: Node, in file: inout YAMLFile) -> InflectionRules.Rule? {
        guard let pairs = file.pairs(of: node, named: "rule", allowed: ["base", "after", "endings", "note"]) else { return nil }
        var base = "", after: Set<Character> = [], endings: [String] = []
        for (key, _, value) in pairs {
            switch key {
            case "base": base = FoldingKey.latin(file.string(value, key: key) ?? "")
            case "after": after = Set(FoldingKey.latin(file.string(value, key: key) ?? ""))
            case "endings": endings = file.strings(value, key: key).map { FoldingKey.latin($0.0) }
            default: _ = file.string(value, key: key)
            }
        }
        guard !endings.isEmpty else {
            file.report(.missingKey("endings"), at: node)
            return nil
        }
        return InflectionRules.Rule(base: base, after: after, endings: endings)
    }

    private static func types(_ node: Node, key: String, in file: inout YAMLFile) -> Set<EntityType> {
        Set(file.strings(node, key: key).compactMap { text, item in
            if let type = EntityType(rawValue: text) { return type }
            file.report(.invalidValue(key: key, value: text, expected: EntityType.allCases.map(\.rawValue).joined(separator: ", ")), at: item)
            return nil
        })
    }
}
