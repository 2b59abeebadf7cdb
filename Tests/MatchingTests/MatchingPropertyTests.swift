import Normalize
import PropertyBased
import Testing

/// Properties that must hold for any text: checked on random passages of the seeds, perturbed.
@Suite struct MatchingPropertyTests {
    /// Passages of the seeds: each paragraph with its document's language.
    static let passages: [(text: String, language: String)] = {
        let languages = ["000": "ru", "001": "ru", "002": "pl", "003": "ru", "004": "nb"]
        return (try? Bundled.seeds())?.flatMap { seed in
            seed.text.split(separator: "\n").filter { $0.count > 20 }.map { (String($0), languages[String(seed.name.prefix(3))] ?? "und") }
        } ?? []
    }()

    static func mentions(_ text: String, _ language: String) -> [Mention] {
        Bundled.matcher.mentions(in: text, language: LanguageTag(parsing: language), breaker: try! WordBreaker())
    }

    @Test func thereArePassagesToCheck() {
        #expect(Self.passages.count > 100)
    }

    @Test func matchingIsInvariantUnderNFCAndNFD() async {
        let nfc = Normalizer(.nfc), nfd = Normalizer(.nfd)
        await propertyCheck(count: 150, input: Gen.int(in: 0...(Self.passages.count - 1))) { index in
            let (text, language) = Self.passages[index]
            let composed = Self.mentions(nfc.normalize(text), language)
            let decomposed = Self.mentions(nfd.normalize(text), language)
            #expect(composed.map(\.entryID) == decomposed.map(\.entryID))
            #expect(composed.map(\.surface) == decomposed.map { nfc.normalize($0.surface) })
        }
    }

    /// Lower-casing any of the words outside every mention, or putting all of them in capitals (a
    /// headline), changes no mention.
    @Test func matchingIsInvariantUnderCaseChangesOfTheOtherWords() async {
        let generator = zip(Gen.int(in: 0...(Self.passages.count - 1)), Gen.bool.array(of: 64), Gen.bool)
        await propertyCheck(count: 150, input: generator) { index, choices, upper in
            let (text, language) = Self.passages[index]
            let before = Self.mentions(text, language)
            let changed = Self.recasingWordsOutside(before, in: text, choices: choices, upper: upper)
            let after = Self.mentions(changed, language)
            #expect(after.map(\.entryID) == before.map(\.entryID), "\(changed)")
            #expect(after.map(\.scalarRange) == before.map(\.scalarRange))
        }
    }

    /// The same two properties over every passage, not a sample: all other words in capitals, and
    /// all in lower case.
    @Test func everyPassageKeepsItsMentionsInCapitalsAndInLowerCase() {
        let nfd = Normalizer(.nfd)
        for (text, language) in Self.passages {
            let before = Self.mentions(text, language)
            for upper in [true, false] {
                let changed = Self.recasingWordsOutside(before, in: text, choices: [], upper: upper)
                let after = Self.mentions(changed, language)
                #expect(after.map(\.entryID) == before.map(\.entryID), "\(changed)")
                #expect(after.map(\.scalarRange) == before.map(\.scalarRange))
            }
            #expect(Self.mentions(nfd.normalize(text), language).map(\.entryID) == before.map(\.entryID))
        }
    }

    /// Whatever the text — cut anywhere, with stray marks and symbols — every mention's offsets slice
    /// the original string to its surface.
    @Test func offsetsAlwaysSliceTheOriginalText() async {
        let noise = Gen.element(of: ["\u{301}", "\u{200B}", "😀", "👩‍👩‍👧", "\u{FFFD}", "\r\n", "Ё", "ﬁ", "\u{A0}", "-", "(", ")"])
        let generator = zip(Gen.int(in: 0...(Self.passages.count - 1)), Gen.int(in: 0...400), Gen.int(in: 0...400),
                            noise.array(of: 0...6), Gen.int(in: 0...400).array(of: 6))
        await propertyCheck(count: 200, input: generator) { index, from, length, inserts, positions in
            let (passage, language) = Self.passages[index]
            var scalars = Array(passage.unicodeScalars)
            let start = min(from, scalars.count), end = min(scalars.count, start + length)
            scalars = Array(scalars[start..<end])
            for (insert, position) in zip(inserts, positions) {
                scalars.insert(contentsOf: (insert ?? "").unicodeScalars, at: min(position, scalars.count))
            }
            let text = String(String.UnicodeScalarView(scalars))
            let all = Array(text.unicodeScalars), bytes = Array(text.utf8)
            for mention in Self.mentions(text, language) {
                #expect(String(String.UnicodeScalarView(all[mention.scalarRange])) == mention.surface)
                #expect(String(decoding: bytes[mention.utf8Range], as: UTF8.self) == mention.surface)
            }
        }
    }

    /// Words of file names and addresses (`ttxvn-2511-….jpg`, `Chinhphu.vn`) are names in lower case,
    /// not running text: they keep their case.
    static func technicalRanges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = [], start = 0, chunk = ""
        let scalars: [Unicode.Scalar] = Array(text.unicodeScalars) + [" "]
        for (offset, scalar) in scalars.enumerated() {
            if scalar.properties.isWhitespace {
                if chunk.contains(where: { $0 == "/" || $0 == "." || $0 == "_" }) && chunk.contains(where: \.isNumber)
                    || chunk.contains(".jpg") || chunk.contains(".vn") || chunk.contains("://") {
                    ranges.append(start..<offset)
                }
                chunk = ""
                start = offset + 1
            } else {
                chunk.unicodeScalars.append(scalar)
            }
        }
        return ranges
    }

    static func recasingWordsOutside(_ mentions: [Mention], in text: String, choices: [Bool], upper: Bool) -> String {
        let covered = mentions.map(\.scalarRange) + technicalRanges(in: text)
        var result = "", word = "", wordStart = 0, position = 0, count = 0
        func flush() {
            defer { word = "" }
            guard !word.isEmpty else { return }
            let range = wordStart..<(wordStart + word.unicodeScalars.count)
            let inside = covered.contains { $0.overlaps(range) }
            let change = upper || choices.isEmpty ? true : choices[count % choices.count]
            count += 1
            guard !inside, change else { result += word; return }
            let recased = upper ? word.uppercased() : word.lowercased()
            // Case mappings that change the scalar count (ß → SS) would move offsets: keep those words.
            result += recased.unicodeScalars.count == word.unicodeScalars.count ? recased : word
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark {
                if word.isEmpty { wordStart = position }
                word.unicodeScalars.append(scalar)
            } else {
                flush()
                result.unicodeScalars.append(scalar)
            }
            position += 1
        }
        flush()
        return result
    }
}
