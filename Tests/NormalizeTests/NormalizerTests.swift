@testable import Normalize
import Testing
import TestSupport

@Suite struct NormalizerTests {
    let nfc = Normalizer(.nfc)
    let nfd = Normalizer(.nfd)

    /// `Nguyễn` typed with precomposed U+1EC5, and with e + circumflex + tilde.
    let composed = "Nguy\u{1EC5}n Ph\u{FA} Tr\u{1ECD}ng"
    let decomposed = "Nguye\u{302}\u{303}n Phu\u{301} Tro\u{323}ng"

    /// The shortcut that skips ICU for text of plain characters must only ever accept text ICU
    /// leaves unchanged: every character it accepts, next to itself and to others, and every seed.
    @Test func textTheShortcutAcceptsIsTextICUKeepsAsItIs() throws {
        var accepted = 0
        for value in Array(UInt32(0x20)...0x0530) + Array(UInt32(0x1E00)...0x1EFF) + Array(UInt32(0x2000)...0x2040) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = String(scalar)
            for text in [character, "a" + character + "b", character + character, "Ж" + character + "\u{1EC5}"]
            where PlainText.isPlain(text) {
                accepted += 1
                let units = Array(text.utf16)
                let icu = units.withUnsafeBufferPointer { nfc.normalizeUnits($0) }
                #expect(icu == units, "U+\(String(value, radix: 16)) in \(text.debugDescription)")
            }
        }
        #expect(accepted > 4000)
        for seed in try Paths.seeds() where PlainText.isPlain(seed.text) {
            #expect(nfc.normalize(seed.text) == seed.text)
        }
        #expect(!PlainText.isPlain(decomposed) && PlainText.isPlain(composed))
        #expect(!PlainText.isPlain("\u{2000}") && !PlainText.isPlain("Ка\u{483}") && !PlainText.isPlain("東京"))
    }

    /// The eight-bytes-at-a-time pass must answer what the character-by-character one does, with
    /// plain and other characters at every offset of the eight.
    @Test func theWordAtATimePassAgreesWithTheCharacterByCharacterOne() {
        let alphabet = ["a", " ", "Ж", "ж", "я", "ѐ", "Ѹ", "ł", "é", "ạ", "—", "Ғ", "ӏ", "Ԁ", "\u{483}", "東", "\u{200B}", "\u{301}", "😀"]
        var generator = SplitMix(seed: 4242)
        var plain = 0
        for _ in 0..<20_000 {
            // Mostly letters that the pass steps over, so that long runs meet the odd one out.
            let text = (0..<(generator.next() % 24)).map { _ in
                alphabet[Int(generator.next() % (generator.next() % 8 == 0 ? UInt64(alphabet.count) : 5))]
            }.joined()
            var copy = text
            let (fast, reference) = copy.withUTF8 { utf8 in
                (PlainText.isPlain(UnsafeRawBufferPointer(utf8)), PlainText.isPlainCharacterByCharacter(UnsafeRawBufferPointer(utf8)))
            }
            #expect(fast == reference, "\(text.debugDescription)")
            if fast { plain += 1 }
        }
        #expect(plain > 5_000 && plain < 19_000)
        func run(_ text: String) -> Int {
            Array(text.utf8).withUnsafeBytes { PlainText.plainRun(UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) }
        }
        #expect(run("жжжж") == 8 && run("abcdefgЖ") == 7 && run("Ж abcdef") == 8 && run("ab東def") == 0 && run("łabcdef") == 0)
    }

    @Test func nfcAndNfdAreInverseOnVietnamese() {
        #expect(nfc.normalize(decomposed).unicodeScalars.elementsEqual(composed.unicodeScalars))
        #expect(nfd.normalize(composed).unicodeScalars.elementsEqual(decomposed.unicodeScalars))
        #expect(nfc.normalize(nfd.normalize(composed)).unicodeScalars.elementsEqual(composed.unicodeScalars))
    }

    @Test func quickCheckTellsNormalizedFromNot() {
        #expect(nfc.isNormalized(composed))
        #expect(!nfc.isNormalized(decomposed))
        #expect(nfd.isNormalized(decomposed))
        #expect(!nfd.isNormalized(composed))
        #expect(nfc.isNormalized("Нгуен Фу Чонг"))
        #expect(nfc.isNormalized(""))
    }

    @Test func textAlreadyInNfcIsReturnedWithoutCopying() throws {
        let text = try Paths.seeds()[0].text
        let result = nfc.normalize(text)
        let original = text.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        let returned = result.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        #expect(original != nil)
        #expect(original == returned, "an NFC seed must come back as the same storage")
    }

    @Test func everySeedIsAlreadyNfc() throws {
        for seed in try Paths.seeds() {
            #expect(nfc.isNormalized(seed.text), "\(seed.name)")
        }
    }

    @Test func nfkcFoldsCompatibilityForms() {
        let nfkc = Normalizer(.nfkc)
        #expect(nfkc.normalize("ＡＳＥＡＮ ﬁnance ²") == "ASEAN finance 2")
        #expect(Normalizer(.nfc).normalize("ＡＳＥＡＮ") == "ＡＳＥＡＮ")
    }

    @Test func nfkcCasefoldIsAMatchingKey() {
        let key = Normalizer(.nfkcCasefold)
        #expect(key.normalize("STRAẞE") == "strasse")
        #expect(key.normalize("ОПР") == "опр")
        // Default-ignorables such as the soft hyphen disappear from keys.
        #expect(key.normalize("Nguy\u{AD}en") == "nguyen")
    }
}
