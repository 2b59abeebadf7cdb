import Normalize
import Testing

/// Each inflection family on real forms from the seeds (and the examples), over the bundled
/// glossary. Titles are left out of the comparisons unless a case is about them.
@Suite struct InflectionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var language: String?
        var text: String
        var expected: [(String, String)]
        /// Compare titles too (for cases where a title containing a place wins over the place).
        var titles = false
        var testDescription: String { name }
    }

    static let russian: [Case] = [
        Case(name: "ru masculine consonant: instrumental Чонгом (seed 000)", language: "ru",
             text: "данной Генеральным секретарем Нгуен Фу Чонгом, и обозначил",
             expected: [("Нгуен Фу Чонгом", "nguyen-phu-trong")]),
        Case(name: "ru feminine -а family name first: Кисидой Фумио (seed 000)", language: "ru",
             text: "с председателем Либерально-демократической партии и премьер-министром Японии Кисидой Фумио.",
             expected: [("председателем Либерально-демократической партии", "president-of-the-liberal-democratic-party"),
                        ("премьер-министром Японии", "prime-minister-of-japan"), ("Кисидой Фумио", "fumio-kishida")],
             titles: true),
        Case(name: "ru Korean name, genitive Мёна (seed 001)", language: "ru",
             text: "по приглашению президента Ли Чжэ Мёна.",
             expected: [("Ли Чжэ Мёна", "lee-jae-myung")]),
        Case(name: "ru Vietnamese name, instrumental Ламом (seed 001)", language: "ru",
             text: "самолет с Генеральным секретарем То Ламом, его супругой",
             expected: [("То Ламом", "to-lam")]),
        Case(name: "ru instrumental Маном (issue example)", language: "ru",
             text: "встреча с Председателем НС Чан Тхань Маном",
             expected: [("Чан Тхань Маном", "tran-thanh-man")]),
        Case(name: "ru place in -ия: Японии, Японией (seed 000)", language: "ru",
             text: "между Вьетнамом и Японией и 50-летия отношений между Японией и АСЕАН.",
             expected: [("Вьетнамом", "vietnam"), ("Японией", "japan"), ("Японией", "japan"), ("АСЕАН", "asean")]),
        Case(name: "ru abbreviation with its inflected expansion is one mention (seed 000)", language: "ru",
             text: "крупнейший объем официальной помощи в целях развития (ОПР), а также",
             expected: [("официальной помощи в целях развития (ОПР)", "oda")]),
    ]

    static let polish: [Case] = [
        Case(name: "pl dative -owi: Tou Lamowi (seed 002)", language: "pl",
             text: "Dziękując Sekretarzowi Generalnemu Tou Lamowi i Premierowi Japonii",
             expected: [("Sekretarzowi Generalnemu", "general-secretary-cpv"), ("Tou Lamowi", "to-lam"),
                        ("Premierowi Japonii", "prime-minister-of-japan")],
             titles: true),
        Case(name: "pl genitive -a: Pham Minh Chinha (issue example)", language: "pl",
             text: "wizyta premiera Pham Minh Chinha w Japonii",
             expected: [("Pham Minh Chinha", "pham-minh-chinh"), ("Japonii", "japan")]),
        Case(name: "pl genitive of a place in -ia and -am (seed 002)", language: "pl",
             text: "strategicznego partnerstwa Wietnamu i Japonii",
             expected: [("strategicznego partnerstwa", "strategic-partnership"), ("Wietnamu", "vietnam"), ("Japonii", "japan")]),
        Case(name: "pl abbreviation with expansion in parentheses (seed 002)", language: "pl",
             text: "zakresie oficjalnej pomocy rozwojowej (ODA) i współpracy",
             expected: [("oficjalnej pomocy rozwojowej (ODA)", "oda")]),
    ]

    static let nordicAndOthers: [Case] = [
        Case(name: "nb names in compounds and the genitive (seed 004)", language: "nb",
             text: "den tette koordineringen i Quang Ninh-provinsen og Vietnams sosioøkonomiske utvikling",
             expected: [("Quang Ninh", "quang-ninh"), ("Vietnams", "vietnam")]),
        Case(name: "en possessive", language: "en",
             text: "Japan's support for Vietnam’s industrialisation",
             expected: [("Japan's", "japan"), ("Vietnam’s", "vietnam")]),
        Case(name: "unknown language: conservative Cyrillic rules still find Чонгом", language: nil,
             text: "встреча с Нгуен Фу Чонгом",
             expected: [("Нгуен Фу Чонгом", "nguyen-phu-trong")]),
    ]

    @Test(arguments: russian + polish + nordicAndOthers)
    func findsInflectedMentions(_ example: Case) throws {
        let found = try Bundled.mentions(example.text, example.language, titles: example.titles)
        #expect(found == example.expected.map { Pair($0.0, $0.1) })
    }

    @Test func theMentionSaysItWasInflected() throws {
        let mention = try #require(Bundled.matcher.mentions(in: "с Нгуен Фу Чонгом", language: LanguageTag(parsing: "ru"),
                                                            breaker: WordBreaker()).first)
        #expect(mention.form == "Нгуен Фу Чонг")
        #expect(mention.how == [.inflected])
        #expect(mention.language == LanguageTag(parsing: "ru"))
    }
}

@Suite struct OrdinaryWordsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var language: String
        var text: String
        var testDescription: String { "\(language): \(text)" }
    }

    /// Words that are also name parts must not become mentions in running text.
    @Test(arguments: [
        Case(language: "ru", text: "Это то, что они сказали, и то лам не нужен."),
        Case(language: "ru", text: "То, что Вьетнам готов, важно."),
        Case(language: "pl", text: "To jest ważne, a to lam nie jest."),
        Case(language: "nb", text: "Det man kan si er at en son og et lam er dyr."),
        Case(language: "en", text: "The son of a man on the lam, long ago, may tan."),
        Case(language: "en", text: "The oda and the nyc are lower-case words here."),
    ])
    func ordinaryWordsDoNotMatch(_ example: Case) throws {
        let found = try Bundled.mentions(example.text, example.language).filter { ["to-lam", "oda"].contains($0.entry) || $0.entry.contains("son") }
        #expect(found == [])
    }

    @Test func aLowercaseNameInRussianIsNotTheName() throws {
        #expect(try Bundled.mentions("сказал то лам", "ru") == [])
        #expect(try Bundled.mentions("сказал То Лам", "ru") == [Pair("То Лам", "to-lam")])
    }

    @Test func allCapsAbbreviationsMatchOnlyInCapitals() throws {
        #expect(try Bundled.mentions("объем ОПР вырос", "ru") == [Pair("ОПР", "oda")])
        #expect(try Bundled.mentions("объем опр вырос", "ru") == [])
    }
}
