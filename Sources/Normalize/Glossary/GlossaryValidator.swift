import Dispatch

/// Checks a glossary for the mistakes that would make Canon normalize wrongly: duplicate ids,
/// unknown languages, empty canonicals, one form under two entities, variants that would match
/// ordinary words, and curated forms that disagree with the transcription rules.
///
/// Every finding is reported, each with its file and line; errors and warnings are told apart by
/// ``GlossaryProblem/severity``.
public struct GlossaryValidator {
    public let languages: LanguageCatalog
    /// Used to compare curated variants with what the rules generate; nil skips that check.
    public let generator: VariantGenerator?

    public init(languages: LanguageCatalog, generator: VariantGenerator?) {
        self.languages = languages
        self.generator = generator
    }

    /// Every problem in `entries`, sorted by location. With more than one worker, the checks of
    /// languages and risky variants (a third of validating a large glossary, and entry by entry)
    /// run on another thread while this one compares forms with the rules and with each other.
    ///
    /// - Complexity: O(*v*) in the number of variants, plus one transliteration per generator rule
    ///   and entry.
    public func validate(_ entries: [GlossaryEntry], workers: Int = 1) -> [GlossaryDiagnostic] {
        var found: [GlossaryDiagnostic] = []
        var firstByID: [String: SourceLocation] = [:]
        for entry in entries {
            if let first = firstByID[entry.id] {
                found.append(GlossaryDiagnostic(.duplicateID(entry.id, first: first), at: entry.location))
            } else {
                firstByID[entry.id] = entry.location
            }
            if entry.canonical.allSatisfy(\.isWhitespace) {
                found.append(GlossaryDiagnostic(.emptyCanonical(id: entry.id), at: entry.location))
            }
        }
        let risks = ResultSlots<[GlossaryDiagnostic]>(count: 1)
        let group = DispatchGroup()
        let languages = languages
        let checkRisks: @Sendable () -> Void = {
            risks.set(0, entries.flatMap { GlossaryValidator.checkLanguagesAndRisk($0, languages: languages) })
        }
        if workers > 1 { DispatchQueue.global().async(group: group, execute: checkRisks) } else { checkRisks() }
        for entry in entries {
            found += checkReferences(entry, known: firstByID)
            found += checkAgainstRules(entry)
        }
        found += checkDuplicateVariants(entries)
        group.wait()
        found += risks.values[0]!
        return found.sorted()
    }

    private func checkReferences(_ entry: GlossaryEntry, known: [String: SourceLocation]) -> [GlossaryDiagnostic] {
        var found: [GlossaryDiagnostic] = []
        for id in entry.ambiguousWith where known[id] == nil {
            found.append(GlossaryDiagnostic(.unknownReference(key: "ambiguous_with", id: id), at: entry.location))
        }
        if let origin = entry.origin, let generator, !generator.origins.contains(origin) {
            found.append(GlossaryDiagnostic(.unknownOrigin(origin), at: entry.location))
        }
        return found
    }

    private static func checkLanguagesAndRisk(_ entry: GlossaryEntry, languages: LanguageCatalog) -> [GlossaryDiagnostic] {
        var found: [GlossaryDiagnostic] = []
        var reported: Set<LanguageTag> = []
        let forms = entry.variants.filter { !$0.isGenerated }.map { ($0.form, $0.language, $0.location, false) }
            + entry.shortForms.map { ($0.form, $0.language, $0.location, !$0.standalone) }
        for (form, language, location, isDependentShortForm) in forms {
            let at = location ?? entry.location
            guard languages.contains(language) else {
                if reported.insert(language).inserted {
                    found.append(GlossaryDiagnostic(.unknownLanguage(language.description,
                                                                     suggestion: languages.suggestion(for: language.description)), at: at))
                }
                continue
            }
            // A short form used only after a full mention may be short; one that stands alone may not.
            if !isDependentShortForm, let reason = risk(of: form, in: language, entry: entry, languages: languages) {
                found.append(GlossaryDiagnostic(.riskyVariant(form: form, language: language, reason: reason), at: at))
            }
        }
        return found
    }

    /// Whether `form` is one word: one run of characters between spaces and hyphens (counted, not
    /// split out). Plain text is read scalar by scalar: there each scalar is a character, whose
    /// White_Space is its scalar's, but for CR LF, one character whose two scalars are both spaces.
    /// Asking each `Character` cost most of validating a large glossary.
    static func isOneWord(_ form: String) -> Bool {
        func count<Units: Sequence>(_ units: Units, isSeparator: (Units.Element) -> Bool) -> Int {
            var words = 0, inWord = false
            for unit in units {
                if isSeparator(unit) {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    words += 1
                    if words > 1 { break }
                }
            }
            return words
        }
        if PlainText.isPlain(form) {
            return count(form.unicodeScalars) { $0 == "-" || $0.properties.isWhitespace } == 1
        }
        return count(form) { $0.isWhitespace || $0 == "-" } == 1
    }

    /// Why `form` would match ordinary text, or nil when it is safe.
    func risk(of form: String, in language: LanguageTag, entry: GlossaryEntry) -> String? {
        GlossaryValidator.risk(of: form, in: language, entry: entry, languages: languages)
    }

    private static func risk(of form: String, in language: LanguageTag, entry: GlossaryEntry, languages: LanguageCatalog) -> String? {
        guard Self.isOneWord(form) else { return nil }
        let letters = form.filter(\.isLetter)
        // ODA, ОПР, G20: upper-case letters (and digits) match case-sensitively, so they are safe.
        let isAbbreviation = form.count >= 2 && !letters.isEmpty && letters.allSatisfy { $0.isUppercase || !$0.isCased }
        if isAbbreviation || entry.caseSensitive == true { return nil }
        if letters.count <= 3, letters.contains(where: \.isCased) { return "a single word of \(letters.count) letters" }
        let key = FoldingKey.caseFolded(form)
        if languages.commonWords(of: language).contains(key) { return "a common \(language) word" }
        return nil
    }

    private func checkAgainstRules(_ entry: GlossaryEntry) -> [GlossaryDiagnostic] {
        guard let generator else { return [] }
        var found: [GlossaryDiagnostic] = []
        for (rule, generated) in generator.expectedForms(for: entry) {
            let curated = entry.variants.filter { $0.language == rule.language && !$0.isGenerated }
            guard !curated.isEmpty else { continue }
            let key = FoldingKey.latin(generated)
            if curated.contains(where: { FoldingKey.latin($0.form) == key }) { continue }
            for variant in curated {
                if case .curated(source: .some) = variant.provenance { continue }
                found.append(GlossaryDiagnostic(.disagreesWithRules(form: variant.form, language: rule.language,
                                                                     generated: generated, transform: rule.transform(for: entry.type)),
                                                at: variant.location ?? entry.location))
            }
        }
        return found
    }

    private func checkDuplicateVariants(_ entries: [GlossaryEntry]) -> [GlossaryDiagnostic] {
        struct Owner { var id: String; var location: SourceLocation; var ambiguousWith: [String] }
        /// A key's first owner, and the last entry whose forms had it (an entry's own repeats count once).
        struct Seen { var owner: Int; var lastEntry: Int }
        // Keys are looked up by their bytes: they are NFC, so equal bytes are equal strings, and a
        // `String` key is hashed through Swift's canonical-equivalence check scalar by scalar (most
        // of this check's time on a 100k-variant glossary).
        var seen = ByteTable<Seen>(minimumCapacity: entries.reduce(0) { $0 + 1 + $1.variants.count })
        var owners: [Owner] = []
        var found: [GlossaryDiagnostic] = []
        for (entryIndex, entry) in entries.enumerated() {
            let forms = [(entry.canonical, LanguageTag.english, entry.location as SourceLocation?)]
                + entry.variants.map { ($0.form, $0.language, $0.location) }
            for (form, language, location) in forms {
                var key = FoldingKey.latin(form)
                guard !key.isEmpty else { continue }
                key.withUTF8 { utf8 in
                    let bytes = UnsafeRawBufferPointer(utf8)
                    guard let (slot, known) = seen.entry(for: bytes) else {
                        owners.append(Owner(id: entry.id, location: location ?? entry.location, ambiguousWith: entry.ambiguousWith))
                        seen.set(Seen(owner: owners.count - 1, lastEntry: entryIndex), for: bytes)
                        return
                    }
                    guard known.lastEntry != entryIndex else { return }
                    seen.replaceValue(ofEntry: slot, with: Seen(owner: known.owner, lastEntry: entryIndex))
                    let owner = owners[known.owner]
                    guard owner.id != entry.id else { return }
                    let declared = entry.ambiguousWith.contains(owner.id) && owner.ambiguousWith.contains(entry.id)
                    if !declared {
                        found.append(GlossaryDiagnostic(.duplicateVariant(form: form, language: language, otherID: owner.id,
                                                                          otherLocation: owner.location),
                                                        at: location ?? entry.location))
                    }
                }
            }
        }
        return found
    }
}
