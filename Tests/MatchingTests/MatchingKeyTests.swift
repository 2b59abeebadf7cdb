import Foundation
@testable import Normalize
import Testing

/// The matcher's shortcut for basic Cyrillic words must give exactly the key ICU's folding gives,
/// or names would stop matching.
@Suite struct MatchingKeyTests {
    @Test func theCyrillicShortcutAgreesWithICUOnEveryLetterOfTheBlock() {
        for value in UInt32(0x0400)...0x045F {
            let letter = String(Unicode.Scalar(value)!)
            for word in [letter, "Нгуен" + letter, letter + "ом"] {
                #expect(MatcherIndex.basicCyrillicKey(of: word) == FoldingKey.latin(word), "U+\(String(value, radix: 16)) in \(word)")
            }
        }
    }

    @Test func theCyrillicShortcutAgreesWithICUOnEveryWordOfTheSeedsAndTheGlossary() throws {
        var words: Set<String> = []
        for (_, text) in try Bundled.seeds() {
            for token in try WordBreaker().tokens(in: text) where token.isWordLike { words.insert(String(token.text)) }
        }
        for entry in Bundled.glossary.entries {
            for form in [entry.canonical] + entry.variants.map(\.form) + entry.shortForms.map(\.form) {
                for token in try WordBreaker().tokens(in: form) where token.isWordLike { words.insert(String(token.text)) }
            }
        }
        var checked = 0
        for word in words {
            guard let shortcut = MatcherIndex.basicCyrillicKey(of: word) else { continue }
            checked += 1
            #expect(shortcut == FoldingKey.latin(word), "\(word)")
        }
        #expect(checked > 1000)
        #expect(MatcherIndex.basicCyrillicKey(of: "Ёлка") == "елка")
        #expect(MatcherIndex.basicCyrillicKey(of: "Нгуeн") == nil, "a Latin e in a Cyrillic word takes ICU's way")
    }
}
