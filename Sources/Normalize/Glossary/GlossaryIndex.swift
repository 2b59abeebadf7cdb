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

    /// Where a form lies in the glossary: entry number, kind, and the variant's or short form's
    /// number. The index keeps these and makes a ``Hit`` only for the forms a lookup finds:
    /// `canon glossary lookup` builds an index for one query, and a hit of three strings for each
    /// of a 100k-variant glossary's forms (keyed through string interpolation and a set of
    /// strings) took more than a second to make and to free again.
    private struct FormReference {
        var entry: Int32
        var kind: Hit.Kind
        var index: Int32
    }

    private let entries: [GlossaryEntry]
    /// Matching key (``FoldingKey/latin(_:)``, as UTF-8) → key number.
    private let keys: ByteTable<Int32>
    /// The forms of key number *k*: `references[starts[k]..<starts[k + 1]]`, in glossary order.
    private let starts: [Int32]
    private let references: [FormReference]

    public init(_ glossary: Glossary) {
        entries = glossary.entries
        var keys = ByteTable<Int32>(minimumCapacity: glossary.entries.count * 4)
        // (key number, form) in glossary order; laid out by key below.
        var found: [(key: Int32, form: FormReference)] = []
        found.reserveCapacity(glossary.entries.count * 4)
        func add(_ form: String, _ reference: FormReference) {
            let key = MatcherIndex.withKey(of: form) { utf8 in
                let (index, _) = keys.insert(Int32(keys.count), for: UnsafeRawBufferPointer(utf8))
                return keys.values[index]
            }
            found.append((key, reference))
        }
        for (number, entry) in glossary.entries.enumerated() {
            let entryNumber = Int32(number)
            add(entry.canonical, FormReference(entry: entryNumber, kind: .canonical, index: 0))
            if let native = entry.native { add(native, FormReference(entry: entryNumber, kind: .native, index: 0)) }
            // A form written twice in one language (a variant in two files) is one form.
            for index in Self.firstOccurrences(entry.variants.map { FormKey(form: $0.form, language: $0.language) }) {
                add(entry.variants[index].form, FormReference(entry: entryNumber, kind: .variant, index: Int32(index)))
            }
            for index in Self.firstOccurrences(entry.shortForms.map { FormKey(form: $0.form, language: $0.language) }) {
                add(entry.shortForms[index].form, FormReference(entry: entryNumber, kind: .shortForm, index: Int32(index)))
            }
        }
        // Counted by key, then placed: the order within a key stays the glossary's.
        var starts = [Int32](repeating: 0, count: keys.count + 1)
        for pair in found { starts[Int(pair.key) + 1] += 1 }
        for key in 0..<keys.count { starts[key + 1] += starts[key] }
        var next = starts
        var references = [FormReference](repeating: FormReference(entry: 0, kind: .canonical, index: 0), count: found.count)
        for pair in found {
            references[Int(next[Int(pair.key)])] = pair.form
            next[Int(pair.key)] += 1
        }
        self.keys = keys
        self.starts = starts
        self.references = references
    }

    private struct FormKey: Hashable {
        var form: String
        var language: LanguageTag
    }

    /// The positions of `keys` that no equal key precedes. An entry has a handful of variants,
    /// which a look back compares faster than a set hashes them; a long list gets a set.
    private static func firstOccurrences(_ keys: [FormKey]) -> [Int] {
        if keys.count <= 32 {
            return keys.indices.filter { index in !keys[..<index].contains(keys[index]) }
        }
        var seen: Set<FormKey> = []
        return keys.indices.filter { seen.insert(keys[$0]).inserted }
    }

    /// The hit a form reference stands for, before foldings.
    private func hit(_ reference: FormReference) -> Hit {
        let entry = entries[Int(reference.entry)]
        switch reference.kind {
        case .canonical:
            return Hit(entryID: entry.id, form: entry.canonical, language: .english, kind: .canonical, provenance: nil, how: [])
        case .native:
            return Hit(entryID: entry.id, form: entry.native ?? "", language: LanguageTag(parsing: entry.origin ?? "und") ?? LanguageTag(parsing: "und")!,
                       kind: .native, provenance: nil, how: [])
        case .variant:
            let variant = entry.variants[Int(reference.index)]
            return Hit(entryID: entry.id, form: variant.form, language: variant.language, kind: .variant, provenance: variant.provenance, how: [])
        case .shortForm:
            let short = entry.shortForms[Int(reference.index)]
            return Hit(entryID: entry.id, form: short.form, language: short.language, kind: .shortForm, provenance: nil, how: [])
        }
    }

    /// The forms whose key is `text`'s, in glossary order.
    private func formsKeyed(like text: String) -> [Hit] {
        guard let key = MatcherIndex.withKey(of: text, { keys.value(for: UnsafeRawBufferPointer($0)) }) else { return [] }
        return references[Int(starts[Int(key)])..<Int(starts[Int(key) + 1])].map(hit)
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
        let hits = formsKeyed(like: query)
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
