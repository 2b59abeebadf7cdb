import GlossaryFiles
import Normalize
import Testing

@Suite struct GlossaryIndexTests {
    let index: GlossaryIndex
    let search: GlossarySearch

    init() throws {
        try Fixtures.registerBundledTransforms()
        let glossary = try GlossaryLoader.load(directory: Fixtures.pass)
        index = GlossaryIndex(glossary)
        search = try GlossarySearch(glossary)
    }

    @Test func anExactFormNeedsNoFolding() throws {
        let hit = try #require(index.lookup("Tô Lâm").first)
        #expect(hit.entryID == "to-lam")
        #expect(hit.kind == .native)
        #expect(hit.how == [])
    }

    @Test func caseAndDiacriticsAreFoldedAndSaidSo() throws {
        let lower = try #require(index.lookup("to lam").first)
        #expect(lower.entryID == "to-lam")
        #expect(lower.how == [.caseFolded])
        let plain = try #require(index.lookup("Bui Thanh Sơn").first { $0.kind == .native })
        #expect(plain.how == [.diacriticsFolded])
    }

    @Test func generatedAndCuratedVariantsAreFoundWithTheirProvenance() throws {
        let generated = try #require(index.lookup("То Лам").first)
        #expect(generated.language == LanguageTag(parsing: "ru"))
        #expect(generated.provenance == .generated(transform: "Vietnamese-Russian"))
        let curated = try #require(index.lookup("Буй Тхань Сон").first)
        #expect(curated.entryID == "bui-thanh-son")
        #expect(curated.provenance == .curated(source: "seed 001"))
        #expect(index.lookup("ОПР").first?.entryID == "oda")
        #expect(index.lookup("Нгеан").first?.entryID == "nghe-an")
    }

    @Test func aCyrillicNameTypedWithALatinLetterIsRepaired() throws {
        let mixed = "Т\u{6F} Лам"  // Latin o
        #expect(index.lookup(mixed).isEmpty)
        let hit = try #require(index.lookup(mixed, confusables: try Confusables()).first)
        #expect(hit.entryID == "to-lam")
        #expect(hit.how == [.confusablesRepaired])
    }

    @Test func shortFormsRankAfterFullForms() {
        let hits = index.lookup("Kishida")
        #expect(hits.map(\.kind) == [.shortForm])
        #expect(index.lookup("Кисида Фумио").first?.kind == .variant)
    }

    @Test func unknownFormsFindNothing() {
        #expect(index.lookup("Нгуен Фу Чонг").isEmpty)
        #expect(index.lookup("").isEmpty)
    }

    @Test func searchFindsEntriesAcrossScripts() throws {
        // "kisida" is how Кисида romanizes: found through the Russian variant.
        #expect(search.search("kisida").first?.entryID == "kishida-fumio")
        #expect(search.search("kishida").first?.entryID == "kishida-fumio")
        #expect(search.search("Кисида").first?.entryID == "kishida-fumio")
        // Нгеан romanizes to "ngean", one letter from the query.
        #expect(search.search("nghean").first?.entryID == "nghe-an")
        #expect(search.search("development assistance").first?.entryID == "oda")
        #expect(search.search("zzzz").isEmpty)
    }

    @Test func searchRanksExactWordsFirst() throws {
        let results = search.search("lam")
        #expect(results.first?.entryID == "to-lam")
        #expect(results.first?.score == 1)
    }

    /// The index keeps references to forms and makes hits only for what a lookup finds; it must
    /// find what a dictionary from every form's key to its hits (deduplicated by kind, language and
    /// form) finds, in the same order: for every form of the bundled glossary, lower-cased and
    /// stripped of diacritics too.
    @Test func theIndexFindsWhatADictionaryOfEveryFormFinds() throws {
        let glossary = try GlossaryLoader.load(directory: Fixtures.bundledGlossary)
        struct Form: Equatable {
            var entryID: String, form: String, language: LanguageTag, kind: GlossaryIndex.Hit.Kind, provenance: Variant.Provenance?
        }
        var dictionary: [String: [Form]] = [:]
        for entry in glossary.entries {
            var forms = [Form(entryID: entry.id, form: entry.canonical, language: .english, kind: .canonical, provenance: nil)]
            if let native = entry.native {
                forms.append(Form(entryID: entry.id, form: native, language: LanguageTag(parsing: entry.origin ?? "und")!, kind: .native, provenance: nil))
            }
            forms += entry.variants.map { Form(entryID: entry.id, form: $0.form, language: $0.language, kind: .variant, provenance: $0.provenance) }
            forms += entry.shortForms.map { Form(entryID: entry.id, form: $0.form, language: $0.language, kind: .shortForm, provenance: nil) }
            var seen: Set<[String]> = []
            for form in forms where seen.insert([form.kind.rawValue, form.language.description, form.form]).inserted {
                dictionary[FoldingKey.latin(form.form), default: []].append(form)
            }
        }
        let index = GlossaryIndex(glossary)
        var queries = 0
        for key in dictionary.keys.sorted() {
            for form in Set(dictionary[key]!.map(\.form)) {
                for query in [form, form.lowercased(), FoldingKey.withoutLatinDiacritics(form)] {
                    // The lookup sorts what it finds by kind and foldings, so the order is compared after sorting.
                    let expected = (dictionary[FoldingKey.latin(query)] ?? []).map { [$0.entryID, $0.form, $0.language.description, $0.kind.rawValue, "\($0.provenance as Any)"] }
                    let found = index.lookup(query).map { [$0.entryID, $0.form, $0.language.description, $0.kind.rawValue, "\($0.provenance as Any)"] }
                    #expect(found.sorted { $0.lexicographicallyPrecedes($1) } == expected.sorted { $0.lexicographicallyPrecedes($1) }, "\(query)")
                    queries += 1
                }
            }
        }
        #expect(queries > 3 * glossary.entries.count)
    }
}
