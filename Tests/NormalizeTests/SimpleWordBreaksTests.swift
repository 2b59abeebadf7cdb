@testable import Normalize
import Testing
import TestSupport

/// The word breaker draws boundaries itself for text of the plain classes; every token, rule status
/// and script profile must be the one ICU's iterator gives.
@Suite struct SimpleWordBreaksTests {
    static func expectSameAsICU(_ text: String, _ breaker: WordBreaker, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let ours = breaker.tokens(in: text), icu = breaker.icuTokens(in: text)
        // The matcher reads spans: the same tokens without their text.
        #expect(breaker.spans(in: text) == icu.map(TokenSpan.init), "\(text.debugDescription)", sourceLocation: sourceLocation)
        guard ours != icu else { return }
        let first = zip(ours, icu).first { $0.0 != $0.1 }
        Issue.record("\(text.debugDescription): first difference \(String(describing: first)) (\(ours.count) tokens, ICU \(icu.count))",
                     sourceLocation: sourceLocation)
    }

    @Test func everySeedAndEveryGlossaryFormBreaksAsICUBreaksIt() throws {
        let breaker = try WordBreaker()
        var covered = 0
        var texts = try Paths.seeds().map(\.text)
        texts += try Paths.glossaryLines()
        for text in texts {
            var copy = text
            if copy.withUTF8({ SimpleWordBreaks.spans($0) }) != nil { covered += 1 }
            Self.expectSameAsICU(text, breaker)
        }
        #expect(covered > texts.count / 2, "the shortcut should take most texts")
    }

    @Test(arguments: [
        "Wiet\u{AD}nam", "\u{AD}a", "a\u{301}\u{301}b", "\n\u{301}a", "\r\n\u{301}.a", "a.\u{301}b", "a\u{301}.b", "a.b.c", "a..b",
        "3.14", "3,5", "3.a", "a.3", "1'000", "don't", "l’Assemblée", "O'Neil", "G20", "20G", "A4.5", "x·y", "a:b", "10:30",
        "  \t \u{A0} \u{2009}\u{2009}", "a\u{2028}b\u{2029}c\u{85}d\u{B}e\u{C}f", "«Нгуен» — „Tou Lam“…", "e-mail", "1.", ".5",
        "Phạm Minh Chính", "Нге\u{301}ан", "ОПР.", "a;1;2", "1;2", "\u{301}", "\u{AD}", "", "'", "''a''", "a''b",
    ])
    func craftedEdgesBreakAsICUBreaksThem(text: String) throws {
        Self.expectSameAsICU(text, try WordBreaker())
    }

    /// Texts of more tokens than the first guess of one in three bytes leaves room for (the breaker
    /// then starts again with room for one per byte): punctuation, digits and single letters.
    @Test(arguments: [String(repeating: ", ", count: 400), String(repeating: "1. ", count: 300) + "a",
                      (0..<500).map { String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0 % 26))) }.joined(separator: "-"),
                      "«" + String(repeating: "ж ", count: 200) + "»"])
    func textsOfATokenPerByteOrTwoBreakAsICUBreaksThem(text: String) throws {
        var copy = text
        let spans = try #require(copy.withUTF8 { SimpleWordBreaks.spans($0) })
        #expect(spans.count > text.utf8.count / 3 + 8)
        Self.expectSameAsICU(text, try WordBreaker())
    }

    /// Random strings over characters of every class the shortcut handles, and a few it hands to ICU.
    @Test func randomStringsBreakAsICUBreaksThem() throws {
        let breaker = try WordBreaker()
        let alphabet: [String] = ["a", "Z", "ж", "Ё", "ạ", "ł", "ß", "µ", "ª", "1", "0", ".", ",", ";", ":", "'", "’", "‘", "\"",
                                  "·", "-", "–", "(", ")", "/", "@", "#", "+", "&", " ", "\u{A0}", "\u{2009}", "\u{2007}", "\u{202F}",
                                  "\t", "\n", "\r", "\u{85}", "\u{2028}", "\u{301}", "\u{323}", "\u{AD}", "\u{200E}", "«", "»", "„",
                                  "…", "\u{2024}", "_", "😀", "東", "\u{5D0}", "\u{200D}"]
        var generator = SplitMix(seed: 2026)
        var checked = 0
        for _ in 0..<30_000 {
            let length = Int(generator.next() % 14) + 1
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            Self.expectSameAsICU(text, breaker)
            checked += 1
        }
        #expect(checked == 30_000)
    }

    /// The eight-byte count of Latin letters against the same count made scalar by scalar, at every
    /// scalar of random text.
    @Test func latinLetterRunsAreTheLettersDecodedOneByOne() {
        let alphabet = ["a", "Z", "q", "é", "ó", "ł", "Ż", "ß", "ÿ", "ſ", "×", "÷", "À", "ж", "1", " ", "-", "ạ", "…", "\u{301}", "ƀ"]
        func isRunLetter(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || ((0xC0...0x17F).contains(value) && value != 0xD7 && value != 0xF7)
        }
        var generator = SplitMix(seed: 88)
        var runs = 0, checked = 0
        for _ in 0..<3_000 {
            let text = (0..<24).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            let bytes = Array(text.utf8)
            var offset = 0
            for scalar in text.unicodeScalars {
                defer { offset += String(scalar).utf8.count }
                guard offset + 8 <= bytes.count else { break }
                var expected = (bytes: 8, scalars: 0)
                var at = offset
                for next in String(decoding: bytes[offset...], as: UTF8.self).unicodeScalars {
                    let width = String(next).utf8.count
                    guard isRunLetter(next) else { expected.bytes = at - offset; break }
                    if at + width > offset + 8 { expected.bytes = at - offset; break }
                    at += width
                    expected.scalars += 1
                    if at == offset + 8 { break }
                }
                let word = bytes[offset..<(offset + 8)].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                let found = SimpleWordBreaks.latinLetters(word)
                #expect(found == expected, "\(bytes[offset..<(offset + 8)].map { String($0, radix: 16) })")
                if found.bytes > 0 { runs += 1 }
                checked += 1
            }
        }
        #expect(runs > 5_000 && checked > 20_000)
    }

    /// Long words, where the shortcut steps over four Cyrillic letters, or eight bytes of ASCII and
    /// Latin-1 or Latin Extended-A letters, at once: runs of letters from all of U+0400–U+047F,
    /// ASCII and U+00C0–U+017F (× and ÷ among them), broken at every offset by a mark, a digit, an
    /// apostrophe, a letter of another script or a space.
    @Test func longWordsBreakAsICUBreaksThem() throws {
        let breaker = try WordBreaker()
        let cyrillic = (0x400...0x47F).map { String(UnicodeScalar($0)!) }
        let ascii = (UInt8(ascii: "A")...UInt8(ascii: "Z")).flatMap { [String(UnicodeScalar($0)), String(UnicodeScalar($0 + 0x20))] }
        // Polish, Czech, German words: ASCII letters with some of Latin-1's and Latin Extended-A's.
        let latin = ascii + ascii + (0xC0...0x17F).map { String(UnicodeScalar($0)!) }
        let breaks = [" ", "-", "'", ".", "1", "\u{301}", "\u{AD}", "ł", "ạ", "ж", "q", "\n", "·", "×", "÷", "ó"]
        var generator = SplitMix(seed: 1701)
        var steppedOver = 0
        for _ in 0..<30_000 {
            // A few runs, each of one kind: Cyrillic letters, ASCII letters, Latin letters, or one break.
            var text = ""
            for _ in 0..<(generator.next() % 5 + 1) {
                let kind = generator.next() % 7
                let letters = kind < 2 ? cyrillic : kind < 4 ? ascii : kind < 6 ? latin : breaks
                for _ in 0..<(kind == 6 ? 1 : generator.next() % 14 + 1) {
                    text += letters[Int(generator.next() % UInt64(letters.count))]
                }
            }
            Self.expectSameAsICU(text, breaker)
            if text.unicodeScalars.count >= 8 { steppedOver += 1 }
        }
        #expect(steppedOver > 15_000)
    }
}
