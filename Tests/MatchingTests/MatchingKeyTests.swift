import Foundation
@testable import Normalize
import Testing
import TestSupport

/// ``FoldingKey/latin(_:)`` skips ICU for ASCII and basic Cyrillic text; the shortcut must give
/// exactly the key ICU's folding gives, or names would stop matching.
@Suite struct MatchingKeyTests {
    static func icu(_ text: String) -> String { FoldingKey.removingLatinDiacritics(text, foldingCase: true) }

    @Test func theShortcutAgreesWithICUOnEveryCharacterItCovers() {
        for value in Array(UInt32(0)...0x024F) + Array(UInt32(0x0400)...0x045F) + Array(UInt32(0x1E00)...0x1EFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = String(scalar)
            for text in [character, "Нгуен " + character, character + "ом", "X" + character + "y", "e" + character, character + "\u{300}"] {
                guard let shortcut = FoldingKey.simpleLatinKey(text) else { continue }
                #expect(shortcut == Self.icu(text), "U+\(String(value, radix: 16)) in \(text.debugDescription)")
            }
        }
    }

    @Test func theShortcutAgreesWithICUOnEveryWordOfTheSeedsAndEveryFormOfTheGlossary() throws {
        var texts: Set<String> = []
        for (_, text) in try Bundled.seeds() {
            for token in try WordBreaker().tokens(in: text) where token.isWordLike { texts.insert(String(token.text)) }
        }
        for entry in Bundled.glossary.entries {
            texts.formUnion([entry.canonical] + entry.variants.map(\.form) + entry.shortForms.map(\.form))
        }
        var checked = 0
        for text in texts {
            guard let shortcut = FoldingKey.simpleLatinKey(text) else { continue }
            checked += 1
            #expect(shortcut == Self.icu(text), "\(text)")
        }
        #expect(checked > 4000)
        #expect(FoldingKey.latin("Ёлка Tokyo") == "елка tokyo")
        #expect(FoldingKey.simpleLatinKey("Нгуeн") != nil, "a Latin e among Cyrillic is still plain text for the key")
        #expect(FoldingKey.simpleLatinKey("Phạm Tou Lamowi Łódź Straße") == "pham tou lamowi lodz strasse")
        #expect(FoldingKey.simpleLatinKey("Pha\u{323}m") == nil, "a combining mark takes ICU's way")
        #expect(FoldingKey.simpleLatinKey("東京") == nil)
    }
}

/// The abbreviation test made when the glossary is compiled: its ASCII and Cyrillic shortcut must
/// agree with the general letter-by-letter test on every word of the glossary.
@Suite struct AbbreviationTests {
    static func general(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy { $0.isUppercase || !$0.isCased } && letters.contains(where: \.isCased)
    }

    @Test func theShortcutAgreesWithTheGeneralTestOnEveryGlossaryWord() throws {
        var words: Set<String> = ["ОПР", "ODA", "G20", "ASEAN", "Asean", "A", "АСЕАН-5", "Ё", "ЁЖ", "x1"]
        for entry in Bundled.glossary.entries {
            for form in [entry.canonical] + entry.variants.map(\.form) + entry.shortForms.map(\.form) {
                for token in try WordBreaker().tokens(in: form) where token.isWordLike { words.insert(String(token.text)) }
            }
        }
        for word in words {
            #expect(MatcherIndex.Form.isAbbreviation(word) == Self.general(word), "\(word)")
        }
        #expect(MatcherIndex.Form.isAbbreviation("ОПР") && MatcherIndex.Form.isAbbreviation("ASEAN"))
        #expect(!MatcherIndex.Form.isAbbreviation("Asean") && !MatcherIndex.Form.isAbbreviation("A"))
        #expect(words.contains("越南") && words.contains("베트남"), "the glossary has CJK and Hangul forms")
    }

    /// The shortcut reads ASCII and Cyrillic on the UTF-8 bytes: around every scalar up to U+04FF
    /// (the two-byte Cyrillic leads D0 and D1 and their neighbours, the capitals' and small letters'
    /// edges at U+0430 and U+0460), alone and next to capitals and small letters of both scripts,
    /// it must agree with the general test.
    @Test func theShortcutAgreesWithTheGeneralTestAroundEveryScalarUpToU04FF() {
        var checked = 0
        for value in UInt32(0)...0x4FF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let alone = String(scalar)
            for word in [alone, "АБ" + alone, "аб" + alone, "AB" + alone, alone + "Я", alone + "я" + alone, "Q" + alone + "Ж"] {
                #expect(MatcherIndex.Form.isAbbreviation(word) == Self.general(word), "\(word.unicodeScalars.map { String($0.value, radix: 16) })")
                checked += 1
            }
        }
        #expect(checked == 0x500 * 7)
    }

    /// The scalars taken for their own keys: none is cased or maps to anything but itself, and ICU's
    /// folding gives each back, alone and next to the others.
    @Test func foldInvariantScalarsHaveNoCaseAndAreTheirOwnKeys() {
        var invariant: [Unicode.Scalar] = []
        for value in UInt32(0x3000)...0xD7FF {
            guard let scalar = Unicode.Scalar(value), FoldingKey.isFoldInvariant(scalar) else { continue }
            let properties = scalar.properties, alone = String(scalar)
            #expect(!properties.isCased && properties.uppercaseMapping == alone && properties.lowercaseMapping == alone
                    && properties.titlecaseMapping == alone, "U+\(String(value, radix: 16))")
            #expect(FoldingKey.removingLatinDiacritics(alone, foldingCase: true) == alone, "U+\(String(value, radix: 16))")
            invariant.append(scalar)
        }
        #expect(invariant.count == 86 + 2 + 90 + 3 + 6_592 + 20_992 + 11_172)
        var generator = SplitMix(seed: 88)
        for _ in 0..<2_000 {
            let text = String(String.UnicodeScalarView((0..<(generator.next() % 6 + 2)).map { _ in
                invariant[Int(generator.next() % UInt64(invariant.count))]
            }))
            #expect(FoldingKey.removingLatinDiacritics(text, foldingCase: true) == text && FoldingKey.latin(text) == text, "\(text)")
            #expect(!MatcherIndex.Form.isAbbreviation(text) && !Self.general(text), "\(text)")
        }
        // Next to what is not invariant, ICU decides: the voicing mark composes with the kana before it.
        #expect(FoldingKey.latin("カ\u{3099}") == "ガ" && FoldingKey.latin("ﾍﾞﾄﾅﾑ") == "ベトナム")
    }
}
