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
}
