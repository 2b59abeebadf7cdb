import Normalize
import Yams

/// Turns one YAML entry mapping into a ``GlossaryEntry``, reporting every problem in it.
/// The keys and their meaning are documented in docs/glossary-format.md.
enum EntryDecoder {
    static let keys = ["id", "type", "canonical", "expansion", "native", "origin", "romanized", "variants",
                       "short_forms", "roles", "wikidata", "case_sensitive", "ambiguous_with", "notes"]

    /// The entry, or nil when a required key is missing or unusable (problems are in `file`).
    static func decode(_ node: Node, in file: inout YAMLFile) -> GlossaryEntry? {
        guard let pairs = file.pairs(of: node, named: "entry", allowed: keys) else { return nil }
        var entry = GlossaryEntry(id: "", type: .term, canonical: "", location: file.location(of: node))
        var hasID = false, hasType = false, hasCanonical = false
        for (key, _, value) in pairs {
            switch key {
            case "id":
                guard let id = file.string(value, key: key) else { continue }
                if isSlug(id) {
                    entry.id = id
                    hasID = true
                } else {
                    file.report(.invalidValue(key: key, value: id, expected: "a slug of lowercase letters, digits and single hyphens"), at: value)
                }
            case "type":
                guard let text = file.string(value, key: key) else { continue }
                if let type = EntityType(rawValue: text) {
                    entry.type = type
                    hasType = true
                } else {
                    file.report(.invalidValue(key: key, value: text, expected: EntityType.allCases.map(\.rawValue).joined(separator: ", ")), at: value)
                }
            case "canonical":
                if let text = file.string(value, key: key) {
                    entry.canonical = text
                    hasCanonical = true
                }
            case "expansion": entry.expansion = file.string(value, key: key)
            case "native": entry.native = file.string(value, key: key)
            case "origin": entry.origin = file.string(value, key: key)
            case "romanized": entry.romanized = file.string(value, key: key)
            case "notes": entry.notes = file.string(value, key: key)
            case "case_sensitive": entry.caseSensitive = file.bool(value, key: key)
            case "ambiguous_with": entry.ambiguousWith = file.strings(value, key: key).map(\.0)
            case "wikidata":
                guard let text = file.string(value, key: key) else { continue }
                if text.first == "Q", text.count > 1, text.dropFirst().allSatisfy(\.isASCIIDigitCharacter) {
                    entry.wikidata = text
                } else {
                    file.report(.invalidValue(key: key, value: text, expected: "a Wikidata QID such as Q1187564"), at: value)
                }
            case "variants": entry.variants = variants(value, in: &file)
            case "short_forms": entry.shortForms = shortForms(value, in: &file)
            case "roles": entry.roles = roles(value, in: &file)
            default: break
            }
        }
        for (present, key) in [(hasID, "id"), (hasType, "type"), (hasCanonical, "canonical")] where !present {
            // A key that is present but invalid was already reported.
            if !pairs.contains(where: { $0.key == key }) { file.report(.missingKey(key), at: node) }
        }
        return hasID && hasType && hasCanonical ? entry : nil
    }

    private static func variants(_ node: Node, in file: inout YAMLFile) -> [Variant] {
        byLanguage(node, key: "variants", in: &file).flatMap { language, items in
            items.compactMap { item -> Variant? in
                guard let (form, extra) = formAndExtras(item, key: "variants", extras: ["source"], in: &file) else { return nil }
                let source = extra["source"].flatMap { file.string($0, key: "source") }
                return Variant(form: form, language: language, provenance: .curated(source: source), location: file.location(of: item))
            }
        }
    }

    private static func shortForms(_ node: Node, in file: inout YAMLFile) -> [ShortForm] {
        byLanguage(node, key: "short_forms", in: &file).flatMap { language, items in
            items.compactMap { item -> ShortForm? in
                guard let (form, extra) = formAndExtras(item, key: "short_forms", extras: ["standalone", "source"], in: &file) else { return nil }
                let standalone = extra["standalone"].flatMap { file.bool($0, key: "standalone") } ?? false
                return ShortForm(form: form, language: language, standalone: standalone, location: file.location(of: item))
            }
        }
    }

    /// `tag: [items]` pairs of a variants-like mapping.
    private static func byLanguage(_ node: Node, key: String, in file: inout YAMLFile) -> [(LanguageTag, [Node])] {
        guard case let .mapping(mapping) = node else {
            file.report(.wrongShape(key: key, expected: "a mapping of language tags to lists"), at: node)
            return []
        }
        var result: [(LanguageTag, [Node])] = []
        for (tagNode, items) in mapping {
            guard let text = file.string(tagNode, key: key), let tag = file.languageTag(tagNode, text: text) else { continue }
            switch items {
            case .scalar, .mapping: result.append((tag, [items]))
            case let .sequence(sequence): result.append((tag, Array(sequence)))
            case .alias: file.report(.wrongShape(key: key, expected: "a list, not an alias"), at: items)
            }
        }
        return result
    }

    /// A form written either as a plain value or as `{form: …, <extras>}`.
    private static func formAndExtras(_ item: Node, key: String, extras: [String], in file: inout YAMLFile) -> (String, [String: Node])? {
        if case .scalar = item {
            guard let form = file.string(item, key: key), !form.isEmpty else { return nil }
            return (form, [:])
        }
        guard let pairs = file.pairs(of: item, named: key, allowed: ["form"] + extras) else { return nil }
        var values: [String: Node] = [:]
        for (name, _, value) in pairs { values[name] = value }
        guard let formNode = values.removeValue(forKey: "form") else {
            file.report(.missingKey("form"), at: item)
            return nil
        }
        guard let form = file.string(formNode, key: "form"), !form.isEmpty else { return nil }
        return (form, values)
    }

    private static func roles(_ node: Node, in file: inout YAMLFile) -> [Role] {
        guard case let .sequence(sequence) = node else {
            file.report(.wrongShape(key: "roles", expected: "a list of {title, from, to}"), at: node)
            return []
        }
        return sequence.compactMap { item -> Role? in
            guard let pairs = file.pairs(of: item, named: "roles", allowed: ["title", "from", "to", "country", "note"]) else { return nil }
            var role = Role(title: "")
            for (key, _, value) in pairs {
                switch key {
                case "title": role.title = file.string(value, key: key) ?? ""
                case "from": role.from = file.year(value, key: key)
                case "to": role.to = file.year(value, key: key)
                case "country": role.country = file.string(value, key: key)
                default: _ = file.string(value, key: key)
                }
            }
            guard !role.title.isEmpty else {
                file.report(.missingKey("title"), at: item)
                return nil
            }
            return role
        }
    }

    /// Whether `text` is lower-case ASCII letters and digits in parts joined by single hyphens.
    /// Read on the bytes: asking each `Character` for its Unicode properties took 30,000
    /// instructions an ID.
    static func isSlug(_ text: String) -> Bool {
        var previous = UInt8(ascii: "-")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
