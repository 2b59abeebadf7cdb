import Normalize
import Testing

@Suite struct WordBreakerTests {
    @Test func tokenOffsetsSliceEverySeedBackExactly() throws {
        let breaker = try WordBreaker()
        for seed in try Paths.seeds() {
            let tokens = breaker.tokens(in: seed.text)
            #expect(tokens.map { String($0.text) }.joined() == seed.text, "\(seed.name): tokens must cover the text")
            let scalars = Array(seed.text.unicodeScalars)
            let bytes = Array(seed.text.utf8)
            var expectedStart = 0
            for token in tokens {
                #expect(token.scalarRange.lowerBound == expectedStart, "\(seed.name): gap before '\(token.text)'")
                expectedStart = token.scalarRange.upperBound
                let byScalars = String(String.UnicodeScalarView(scalars[token.scalarRange]))
                let byBytes = String(decoding: bytes[token.utf8Range], as: UTF8.self)
                guard byScalars == token.text, byBytes == token.text else {
                    Issue.record("\(seed.name): token '\(token.text)' at \(token.scalarRange) / \(token.utf8Range) slices to '\(byScalars)' / '\(byBytes)'")
                    return
                }
            }
            #expect(expectedStart == scalars.count)
            #expect(tokens.last?.utf8Range.upperBound == bytes.count)
        }
    }

    @Test func tokensCarryKindScriptAndOffsets() throws {
        let text = "Генсек Нгуен Фу Чонг, 2024: Thủ tướng Chính."
        let tokens = try WordBreaker().tokens(in: text).filter(\.isWordLike)
        #expect(tokens.map(\.text) == ["Генсек", "Нгуен", "Фу", "Чонг", "2024", "Thủ", "tướng", "Chính"])
        #expect(tokens.map(\.kind) == [.word, .word, .word, .word, .number, .word, .word, .word])
        #expect(tokens.map(\.script) == [.cyrillic, .cyrillic, .cyrillic, .cyrillic, .common, .latin, .latin, .latin])
        let chinh = tokens[7]
        #expect(chinh.scalarRange == 38..<43)
        // "Chính" starts after 28 Cyrillic letters (2 bytes each) and other one-byte or Vietnamese letters.
        #expect(Array(text.utf8)[chinh.utf8Range].count == 6)
        #expect(String(decoding: Array(text.utf8)[chinh.utf8Range], as: UTF8.self) == "Chính")
    }

    @Test func punctuationAndSpacesAreTheirOwnKinds() throws {
        let tokens = try WordBreaker().tokens(in: "(ОПР), ODA")
        #expect(tokens.map(\.kind) == [.punctuation, .word, .punctuation, .punctuation, .whitespace, .word])
        #expect(tokens[1].ruleStatus >= 200 && tokens[1].ruleStatus < 300)
    }

    @Test func hyphenatedKoreanGivenNamesSplitAtTheHyphen() throws {
        let words = try WordBreaker().tokens(in: "Lee Jae-myung").filter(\.isWordLike).map(\.text)
        #expect(words == ["Lee", "Jae", "myung"])
    }

    @Test func astralCharactersCountAsOneScalarAndFourBytes() throws {
        let tokens = try WordBreaker().tokens(in: "𠀀 To Lam")
        #expect(tokens[0].scalarRange == 0..<1)
        #expect(tokens[0].utf8Range == 0..<4)
        #expect(tokens.last?.text == "Lam")
        #expect(tokens.last?.scalarRange == 5..<8)
        #expect(tokens.last?.utf8Range == 8..<11)
    }

    @Test func japaneseIsSegmentedWithICUsDictionary() throws {
        let tokens = try WordBreaker().tokens(in: "岸田文雄首相").filter(\.isWordLike)
        #expect(tokens.count >= 2)
        #expect(tokens.allSatisfy { $0.kind == .ideographic })
        #expect(tokens.map(\.text).joined() == "岸田文雄首相")
    }

    @Test func aCloneTokenizesIndependently() async throws {
        let breaker = try WordBreaker()
        let clone = breaker.clone()
        let task = Task { clone.tokens(in: "Tou Lamowi").map { String($0.text) } }
        let mine = breaker.tokens(in: "Pham Minh Chinha").map { String($0.text) }
        #expect(await task.value == ["Tou", " ", "Lamowi"])
        #expect(mine == ["Pham", " ", "Minh", " ", "Chinha"])
    }
}
