import Normalize
import Testing

@Suite struct ShortFormTests {
    @Test func aFamilyNameLinksToTheFullNameMentionedBefore() throws {
        let text = "разговор с премьер-министром Японии Кисидой Фумио. Премьер-министр Кисида подчеркнул, что Кисиду поддержат."
        let found = try Bundled.mentions(text, "ru").filter { $0.entry == "fumio-kishida" }
        #expect(found == [Pair("Кисидой Фумио", "fumio-kishida"), Pair("Кисида", "fumio-kishida"), Pair("Кисиду", "fumio-kishida")])
    }

    @Test func aLoneFamilyNameWithoutAnEarlierFullNameDoesNotMatch() throws {
        #expect(try Bundled.mentions("Премьер-министр Кисида подчеркнул", "ru").filter { $0.entry == "fumio-kishida" } == [])
    }

    @Test func aVietnameseGivenNameMatchesOnlyAfterATitle() throws {
        let text = "Thủ tướng Phạm Minh Chính phát biểu. Thủ tướng Chính nói rằng Chính phủ sẽ hỗ trợ."
        let found = try Bundled.mentions(text, "vi", titles: true)
        #expect(found.filter { $0.entry == "pham-minh-chinh" } == [Pair("Phạm Minh Chính", "pham-minh-chinh"), Pair("Chính", "pham-minh-chinh")])
    }

    @Test func standaloneShortFormsMatchAnywhere() throws {
        #expect(try Bundled.mentions("Обама посетил Ханой.", "ru") == [Pair("Обама", "barack-obama"), Pair("Ханой", "hanoi")])
    }

    @Test func mentionsComeInTextOrderWithoutOverlap() throws {
        let text = "Премьер-министр Кисида и премьер-министр Японии Кисида Фумио; Кисида."
        let mentions = try Bundled.matcher.mentions(in: text, language: LanguageTag(parsing: "ru"), breaker: WordBreaker())
        for (a, b) in zip(mentions, mentions.dropFirst()) { #expect(a.scalarRange.upperBound <= b.scalarRange.lowerBound) }
        // Only the Кисида after the full name is linked.
        #expect(mentions.filter { $0.entryID == "fumio-kishida" }.map(\.surface) == ["Кисида Фумио", "Кисида"])
    }
}

@Suite struct SeparatorAndScriptTests {
    @Test(arguments: ["Lee Jae-myung", "Lee Jae Myung", "LEE JAE-MYUNG"])
    func hyphensAndSpacesAreTheSame(_ text: String) throws {
        #expect(try Bundled.mentions(text, "en").map(\.entry) == ["lee-jae-myung"])
    }

    @Test func aPlaceWrittenAsOneWordMatchesItsSpacedForm() throws {
        let mention = try #require(Bundled.matcher.mentions(in: "в провинции Нгеан", language: LanguageTag(parsing: "ru"),
                                                            breaker: WordBreaker()).last)
        #expect(mention.entryID == "nghe-an")
        #expect(try Bundled.mentions("Hanoi and Ha Noi", "en").map(\.entry) == ["hanoi", "hanoi"])
    }

    @Test func diacriticsAreIgnoredInLatinScript() throws {
        #expect(try Bundled.mentions("Pham Minh Chinh and Phạm Minh Chính", "en").map(\.entry) == ["pham-minh-chinh", "pham-minh-chinh"])
    }

    @Test func aCyrillicNameTypedWithALatinLetterIsRecognised() throws {
        let text = "Нгу\u{65}н Фу Чонг"  // Latin e in the first word
        let mention = try #require(Bundled.matcher.mentions(in: text, language: LanguageTag(parsing: "ru"), breaker: WordBreaker()).first)
        #expect(mention.entryID == "nguyen-phu-trong")
        #expect(mention.how.contains(.confusables))
        #expect(mention.surface == text)
    }

    @Test func offsetsCountScalarsAndBytes() throws {
        let text = "𠀀 То Лам"
        let mention = try #require(Bundled.matcher.mentions(in: text, language: LanguageTag(parsing: "ru"), breaker: WordBreaker()).first)
        #expect(mention.scalarRange == 2..<8)
        #expect(mention.utf8Range == 5..<16)
    }
}
