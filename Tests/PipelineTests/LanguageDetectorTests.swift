@testable import Pipeline
import Testing

@Suite struct LanguageDetectorTests {
    let detector = LanguageDetector()

    @Test(arguments: [
        ("Генеральный секретарь Нгуен Фу Чонг провел онлайн-телефонный разговор на высоком уровне с премьер-министром Японии.", "ru"),
        ("Premier Pham Minh Chinh wziął udział w Wietnamsko-Japońskim Forum Współpracy Lokalnej w prowincji Quang Ninh.", "pl"),
        ("Statsminister Pham Minh Chinh tok imot ledere og representanter fra japanske lokaliteter som deltok på forumet.", "nb"),
        ("Thủ tướng đề nghị các địa phương Nhật Bản tăng cường hợp tác với Việt Nam trên 8 lĩnh vực.", "vi"),
        ("Генеральний секретар То Лам провів телефонну розмову з прем'єр-міністром Японії щодо співпраці.", "uk"),
    ])
    func namesTheLanguageOfASentenceFromTheSeeds(text: String, language: String) {
        let guess = detector.detect(text)
        #expect(guess.language == language)
        #expect(guess.reliable)
        #expect(guess.confidence > 0.5 && guess.confidence <= 1)
    }

    @Test func norwegianIsReportedAsBokmalTheWayTheGlossaryTagsIt() {
        #expect(LanguageDetector.tag(forCLD2Code: "no") == "nb")
        #expect(LanguageDetector.tag(forCLD2Code: "un") == "und")
    }

    @Test func emptyTextIsUnknown() {
        #expect(detector.detect("") == .unknown)
        #expect(detector.detect("12/08/2025 — 3,5 %").language == "und")
    }

    @Test func aSampleCutInsideACharacterStillGivesAnAnswer() {
        // 2-byte Cyrillic letters: an odd sample size would cut one in half if not trimmed.
        let small = LanguageDetector(sampleBytes: 61)
        #expect(small.detect("Генеральный секретарь предложил Японии продолжать сопровождать и поддерживать Вьетнам").language == "ru")
    }
}
