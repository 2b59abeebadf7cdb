@testable import Normalize
import Testing

/// The validator counts a variant's words scalar by scalar where the text is plain; that count
/// must be the one counting characters gives, on every form of the glossary and on the spaces,
/// breaks and marks where the two could differ.
@Suite struct OneWordTests {
    static func countingCharacters(_ form: String) -> Bool {
        var words = 0, inWord = false
        for character in form {
            if character.isWhitespace || character == "-" { inWord = false } else if !inWord { inWord = true; words += 1 }
        }
        return words == 1
    }

    @Test func oneWordIsCountedAsCharactersCountIt() {
        var forms = ["rok", " rok ", "na rok", "na\u{A0}rok", "na\u{2009}rok", "na\u{202F}rok", "na\u{2028}rok", "a\r\nb", "\r\n", "a\rb",
                     "a\u{301} b", "Łódź", "Hà Nội", "Нгуен-Фу", "—", "", " ", "-", "a\u{85}b", "a\u{200B}b", "ạ\u{2002}", "越南 共产党"]
        for entry in Bundled.glossary.entries {
            forms += [entry.canonical] + entry.variants.map(\.form) + entry.shortForms.map(\.form)
        }
        var oneWord = 0
        for form in forms {
            let counted = GlossaryValidator.isOneWord(form)
            #expect(counted == Self.countingCharacters(form), "\(form.debugDescription)")
            if counted { oneWord += 1 }
        }
        #expect(forms.count > 5_000 && oneWord > 500)
    }
}
