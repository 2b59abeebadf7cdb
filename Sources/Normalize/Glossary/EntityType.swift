/// What kind of thing a glossary entry names. Matching rules depend on it: person and place names
/// must start with a capital letter in languages that capitalise names; titles are annotated but do
/// not count towards entity statistics.
public enum EntityType: String, CaseIterable, Sendable, Hashable, Comparable {
    case person
    case organization
    case place
    case term
    case title

    public static func < (a: EntityType, b: EntityType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
