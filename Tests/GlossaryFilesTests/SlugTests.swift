@testable import GlossaryFiles
import Testing

@Suite struct SlugTests {
    /// What an entry ID must be, said with `Character` properties: the byte test must agree.
    static func slugByCharacters(_ text: String) -> Bool {
        !text.isEmpty && text.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        }
    }

    @Test func idsAreSlugsExactlyWhenEveryCharacterSaysSo() {
        let pieces = ["a", "z", "0", "9", "-", "A", "é", "ß", "٣", "_", " ", "\r\n", "to-lam", "\u{301}"]
        // Every string of up to four pieces.
        var tried = ["kishida-fumio", "g20-summit", "Oda", "oda "]
        var level = [""]
        for _ in 0..<4 {
            level = level.flatMap { prefix in pieces.map { prefix + $0 } }
            tried += level
        }
        tried.append("")
        var slugs = 0
        for text in tried {
            #expect(EntryDecoder.isSlug(text) == Self.slugByCharacters(text), "\(text.debugDescription)")
            if Self.slugByCharacters(text) { slugs += 1 }
        }
        #expect(slugs > 1000 && slugs < tried.count - 1000)
    }
}
