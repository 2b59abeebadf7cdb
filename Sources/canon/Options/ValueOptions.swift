import Normalize

/// `--lang` values: a tag the glossary's language list knows, else a usage error with the closest tag.
enum LanguageOption {
    static func parse(_ text: String, in glossary: Glossary) throws -> LanguageTag {
        guard let tag = LanguageTag(parsing: text), glossary.languages.contains(tag) else {
            let hint = glossary.languages.suggestion(for: text).map { "; did you mean '\($0)'?" } ?? ""
            throw CommandFailure.usage("unknown language tag '\(text)'\(hint)")
        }
        return tag
    }
}

/// `--type` values: an entity type, else a usage error listing the types. Parsed here rather than by
/// ArgumentParser so that a bad value exits 2 like every other usage error.
enum TypeOption {
    static func parse(_ text: String) throws -> EntityType {
        guard let type = EntityType(rawValue: text) else {
            throw CommandFailure.usage("unknown type '\(text)': expected one of " + EntityType.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return type
    }

    /// The glossary's entries, only those of `type` when one is given.
    static func entries(of glossary: Glossary, type: String?) throws -> [GlossaryEntry] {
        guard let type else { return glossary.entries }
        let entityType = try parse(type)
        return glossary.entries.filter { $0.type == entityType }
    }
}
