@testable import Normalize
import Testing

@Suite struct ScriptTests {
    @Test func profilesNameTheScriptOfEachKindOfText() {
        #expect(ScriptProfile(of: "Нгуен").primary == .cyrillic)
        #expect(ScriptProfile(of: "Nguyễn").primary == .latin)
        #expect(ScriptProfile(of: "岸田文雄").primary == .han)
        #expect(ScriptProfile(of: "이재명").primary == .hangul)
        #expect(ScriptProfile(of: "2025, —").primary == .common)
        #expect(Script.cyrillic.code == "Cyrl")
        #expect(Script.latin.name == "Latin")
    }

    @Test func aCyrillicWordWithALatinLetterIsMixed() {
        let word = "Нгу\u{65}н"  // Latin e (U+0065) among Cyrillic letters
        let profile = ScriptProfile(of: word)
        #expect(profile.isMixed)
        #expect(profile.primary == .cyrillic)
        #expect(profile.scripts == [.cyrillic, .latin])
        #expect(!ScriptProfile(of: "Нгуен").isMixed)
    }

    @Test func japaneseKanaWithKanjiIsNotMixed() {
        #expect(!ScriptProfile(of: "きしだ文雄").isMixed)
        #expect(!ScriptProfile(of: "대한民國").isMixed)
        #expect(ScriptProfile(of: "Kishidaきしだ").isMixed)
    }
}

@Suite struct ConfusablesTests {
    let confusables: Confusables

    init() throws { confusables = try Confusables() }

    @Test func lookAlikeSpellingsShareASkeleton() {
        let mixed = "Нгу\u{65}н"      // Latin e
        let clean = "Нгуен"
        #expect(mixed != clean)
        #expect(confusables.skeleton(mixed) == confusables.skeleton(clean))
        #expect(confusables.skeleton("ТО ЛАМ") != confusables.skeleton("То Лам"))
    }

    @Test func aMixedScriptWordIsRepairedIntoItsOwnScript() {
        let mixed = "Н\u{67}уен"  // Latin g: no Cyrillic look-alike
        #expect(confusables.repaired(mixed) == nil)
        #expect(confusables.repaired("Нгу\u{65}н") == "Нгуен")
        #expect(confusables.repaired("Ч\u{6F}нг") == "Чонг")        // Latin o
        #expect(confusables.repaired("\u{41}СЕАН") == "АСЕАН")      // Latin capital A
        #expect(confusables.repaired("Kishid\u{430}") == "Kishida")  // Cyrillic а in a Latin word
        #expect(ScriptProfile(of: confusables.repaired("Ч\u{6F}нг") ?? "").isMixed == false)
    }

    @Test func aWordInOneScriptNeedsNoRepair() {
        #expect(confusables.repaired("Нгуен") == nil)
        #expect(confusables.repaired("Nguyen") == nil)
    }
}

/// The word breaker profiles each token from the UTF-16 it hands ICU; the profile must be the one
/// the string gives.
@Suite struct ScriptProfileFromUTF16Tests {
    @Test func tokensOfTheSeedsAndOfMixedTextKeepTheirProfiles() throws {
        var texts = try Paths.seeds().map(\.text)
        texts.append("Нгуeн 東京 대한民國 Kishidaきしだ 𝒜 😀 Pha\u{323}m — «ОПР»")
        for text in texts {
            for token in try WordBreaker().tokens(in: text) {
                #expect(token.scripts == ScriptProfile(of: token.text), "\(token.text)")
            }
        }
    }
}
