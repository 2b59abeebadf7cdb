/// Finds which entity a written form is, ignoring case, diacritics and look-alike letters from another
/// script: the exact-form half of `canon glossary lookup`. (The inflection-aware matcher finds forms
/// in running text.)
///
/// ```swift
/// let index = GlossaryIndex(glossary)
/// index.lookup("nguyen phu trong").first?.entryID   // "nguyen-phu-trong"
/// index.lookup("Нгуeн Фу Чонг").first?.how          // [.caseFolded, .confusablesRepaired]
/// ```
///
/// Thread safety: immutable after `init`; share it.
public struct GlossaryIndex: Sendable {
    /// How a looked-up form relates to the glossary form it matched.
    public enum Folding: String, Hashable, Sendable, Codable {
        /// The forms differ in case only.
        case caseFolded = "case"
        /// The forms differ in diacritics (`Pham Minh Chinh` for `Phạm Minh Chính`).
        case diacriticsFolded = "diacritics"
        /// Letters from another script were replaced by their look-alikes.
        case confusablesRepaired = "confusables"
        /// A word carries an inflectional ending (`Чонгом` for `Чонг`).
        case inflected
        /// Words are joined or split differently (`Нгеан` for `Нге Ан`).
        case separators
    }

    /// What a form is in the glossary.
    public struct Hit: Hashable, Sendable {
        public var entryID: String
        /// The glossary form that matched.
        public var form: String
        /// Its language; `en` for the canonical form.
        public var language: LanguageTag
        public var kind: Kind
        /// nil for the canonical and native forms.
        public var provenance: Variant.Provenance?
        /// The foldings needed to match; empty for an exact match.
        public var how: [Folding]

        public enum Kind: String, Hashable, Sendable, Codable {
            case canonical, native, variant, shortForm = "short_form"
        }
    }

    private let byKey: [String: [Hit]]

    public init(_ glossary: Glossary) {
        var byKey: [String: [Hit]] = [:]
        for entry in glossary.entries {
            var forms: [Hit] = [Hit(entryID: entry.id, form: entry.canonical, language: .english, kind: .canonical, provenance: nil, how: [])]
            if let native = entry.native {
                forms.append(Hit(entryID: entry.id, form: native, language: LanguageTag(parsing: entry.origin ?? "und") ?? LanguageTag(parsing: "und")!,
                                 kind: .native, provenance: nil, how: []))
            }
            forms += entry.variants.map { Hit(entryID: entry.id, form: $0.form, language: $0.language, kind: .variant, provenance: $0.provenance, how: []) }
            forms += entry.shortForms.map { Hit(entryID: entry.id, form: $0.form, language: $0.language, kind: .shortForm, provenance: nil, how: []) }
            var seen: Set<String> = []
            for hit in forms where seen.insert("\(hit.kind)|\(hit.language)|\(hit.form)").inserted {
                byKey[FoldingKey.latin(hit.form), default: []].append(hit)
            }
        }
        self.byKey = byKey
    }

    /// Every glossary form `text` is, full forms before short ones, exact matches first.
    ///
    /// - Parameters:
    ///   - text: a name as written, e.g. `Nguyen Phu Trong` or `ОПР`.
    ///   - confusables: repairs mixed-script words when given.
    /// - Complexity: O(*n*) in the length of `text`.
    public func lookup(_ text: String, confusables: Confusables? = nil) -> [Hit] {
        var query = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var repaired = false
        if let confusables {
            let words = query.split(separator: " ").map { confusables.repaired($0) ?? String($0) }
            let joined = words.joined(separator: " ")
            repaired = joined != query
            query = joined
        }
        let hits = byKey[FoldingKey.latin(query)] ?? []
        query = Normalizer(.nfc).normalize(query)
        let queryCaseKey = FoldingKey.caseFolded(query)
        let queryPlain = FoldingKey.withoutLatinDiacritics(query)
        return hits.map { hit in
            var hit = hit
            if hit.form != query {
                if FoldingKey.caseFolded(hit.form) == queryCaseKey {
                    hit.how = [.caseFolded]
                } else {
                    let casesDiffer = FoldingKey.withoutLatinDiacritics(hit.form) != queryPlain
                    hit.how = casesDiffer ? [.caseFolded, .diacriticsFolded] : [.diacriticsFolded]
                }
            }
            if repaired { hit.how.append(.confusablesRepaired) }
            return hit
        }.sorted { a, b in
            (a.kind == .shortForm ? 1 : 0, a.how.count, a.entryID) < (b.kind == .shortForm ? 1 : 0, b.how.count, b.entryID)
        }
    }
}
