import Normalize
import Testing

@Suite struct LanguageTagTests {
    @Test(arguments: [
        ("ru", "ru"), ("nb", "nb"), ("und", "und"), ("RU", "ru"), ("Pl", "pl"), ("sr-Latn", "sr-Latn"), ("SR-latn", "sr-Latn"),
        ("sr_latn", "sr-Latn"), ("pt-br", "pt-BR"), ("zh-Hant-TW", "zh-Hant-TW"), ("es-419", "es-419"), ("und-Cyrl", "und-Cyrl"),
    ])
    func tagsAreParsedWithTheirCaseNormalized(_ text: String, _ expected: String) throws {
        #expect(try #require(LanguageTag(parsing: text)).description == expected)
    }

    @Test(arguments: ["", "r", "russ", "r1", "ру", "ru-Latn-Cyrl", "ru-BR-Latn", "ru-12", "é", "ru ", "ru-", "-ru", "sr--Latn", "ru_", "-", "pt-BR-"])
    func malformedTagsAreRefused(_ text: String) {
        #expect(LanguageTag(parsing: text) == nil)
    }

    @Test func theLanguageAloneDropsScriptAndRegion() throws {
        #expect(try #require(LanguageTag(parsing: "sr-Latn-RS")).languageOnly == LanguageTag(parsing: "sr"))
        #expect(try #require(LanguageTag(parsing: "ru")).languageOnly == LanguageTag(parsing: "ru"))
    }
}
