import GlossaryFiles
@testable import Normalize
import Testing

/// Search reads Latin text whose folded key is ASCII without ICU, forms and romanized forms
/// alike; these tests hold that shortcut to what ICU's compound transforms make of the same text,
/// so a search finds the same entries in the same order with or without it.
@Suite struct GlossarySearchReadingTests {
    let romanizer: Transliterator
    let anyLatin: Transliterator, bgn: Transliterator, bgnCompound: Transliterator, latinASCII: Transliterator

    init() throws {
        romanizer = try Transliterator(id: "Any-Latin; Latin-ASCII")
        anyLatin = try Transliterator(id: "Any-Latin")
        bgn = try Transliterator(id: "Russian-Latin/BGN; Any-Latin")
        bgnCompound = try Transliterator(id: "Russian-Latin/BGN; Any-Latin; Latin-ASCII")
        latinASCII = try Transliterator(id: "Latin-ASCII")
    }

    private func icuWords(_ text: String) -> [GlossarySearch.Word] {
        GlossarySearch.words(romanizer.transliterate(text))
    }

    /// Every letter the shortcut takes, alone, inside a word, capitalized before a lower-case
    /// letter (where Latin-ASCII writes `Æ` as `Ae`) and between words.
    @Test func theShortcutReadsEveryLetterItTakesAsICUDoes() {
        var taken = 0
        for value in Array(UInt32(0x20)...0x024F) + Array(UInt32(0x1E00)...0x1EFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let letter = String(scalar)
            for text in [letter, "x\(letter)y", "\(letter)ab", "ab \(letter) cd", "\(letter)\(letter)"] {
                guard let words = GlossarySearch.latinWords(text) else { continue }
                taken += 1
                #expect(words == icuWords(text), "U+\(String(value, radix: 16, uppercase: true)) in \(text)")
            }
        }
        // ASCII and the Latin letters of Polish, Czech, German, Norwegian and Vietnamese at least.
        #expect(taken > 2_000)
    }

    @Test func theShortcutReadsEveryBundledFormAsICUDoes() throws {
        let glossary = try GlossaryLoader.load(directory: Fixtures.bundledGlossary)
        var taken = 0, left = 0
        for entry in glossary.entries {
            let texts = [entry.canonical] + [entry.native, entry.romanized].compactMap { $0 }
                + entry.variants.map(\.form) + entry.shortForms.map(\.form)
            for text in texts {
                guard let words = GlossarySearch.latinWords(text) else { left += 1; continue }
                taken += 1
                #expect(words == icuWords(text), "\(entry.id): \(text)")
            }
        }
        #expect(taken > 2_000)
        // Cyrillic, Han, kana and hangul forms still go through ICU.
        #expect(left > 1_000)
    }

    /// Cyrillic, Han, kana and hangul forms too: Any-Latin (or BGN first) and then the shortcut
    /// or Latin-ASCII read them as the compound transform does.
    @Test func everyBundledFormReadsAsTheCompoundTransformReadsIt() throws {
        let glossary = try GlossaryLoader.load(directory: Fixtures.bundledGlossary)
        var cyrillic = 0
        for entry in glossary.entries {
            let texts = [entry.canonical] + [entry.native, entry.romanized].compactMap { $0 }
                + entry.variants.map(\.form) + entry.shortForms.map(\.form)
            for text in texts {
                #expect(GlossarySearch.reading(of: text, through: anyLatin, then: latinASCII) == icuWords(text), "\(entry.id): \(text)")
                guard text.unicodeScalars.contains(where: { (0x400...0x4FF).contains($0.value) }) else { continue }
                cyrillic += 1
                #expect(GlossarySearch.reading(of: text, through: bgn, then: latinASCII)
                    == GlossarySearch.words(bgnCompound.transliterate(text)), "\(entry.id): \(text)")
            }
        }
        #expect(cyrillic > 1_000)
    }

    @Test func nonLatinTextIsLeftToICU() {
        #expect(GlossarySearch.latinWords("Нгуен Фу Чонг") == nil)
        #expect(GlossarySearch.latinWords("岸田文雄") == nil)
        // A soft hyphen is no letter: its key drops it, Latin-ASCII makes it a hyphen.
        #expect(GlossarySearch.latinWords("Sol\u{AD}berg") == nil)
        #expect(GlossarySearch.latinWords("Støre") == [Array("store".unicodeScalars)])
        #expect(GlossarySearch.latinWords("Nguyễn Phú Trọng") == ["nguyen", "phu", "trong"].map { Array($0.unicodeScalars) })
    }
}
