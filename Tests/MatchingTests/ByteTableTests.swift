@testable import Normalize
import Testing
import TestSupport

/// The reading cache's table, keyed by the bytes of a word where it lies in the text.
@Suite struct ByteTableTests {
    @Test func itAgreesWithADictionaryThroughGrowthAndClearing() {
        var table = ByteTable<Int>(minimumCapacity: 4)
        var reference: [String: Int] = [:]
        // Words of every length around the eight-byte chunks the hash reads, Cyrillic and Latin, and
        // the empty word: enough of them to make the table grow several times.
        var words: [String] = [""]
        for n in 0..<3000 { words.append(String(repeating: n % 2 == 0 ? "ж" : "a", count: n % 19) + "\(n)") }
        words += ["Нгуен", "Нгуена", "Nguyễn", "Nguyen", "Tou Lamowi", "ОПР"]
        for (value, word) in words.enumerated() {
            table.set(value, for: word)
            reference[word] = value
        }
        for word in words { #expect(table.value(for: word) == reference[word], "\(word)") }
        #expect(table.count == reference.count)
        #expect(table.value(for: "Нгуено") == nil && table.value(for: "Nguyễ") == nil)
        table.set(-1, for: "Нгуен")
        #expect(table.value(for: "Нгуен") == -1 && table.count == reference.count)
        table.removeAll()
        #expect(table.count == 0 && table.value(for: "Nguyen") == nil)
        table.set(7, for: "Nguyen")
        #expect(table.value(for: "Nguyen") == 7)
    }

    /// Insertion keeps what a key has: the first value stays, under the same entry number.
    @Test func insertingAddsOnlyWhatIsMissing() {
        var table = ByteTable<Int>(minimumCapacity: 2)
        var numbers: [String: Int] = [:]
        for n in 0..<500 {
            let word = n % 3 == 0 ? "Нгуен\(n % 7)" : "Lam\(n % 11)"
            let (index, inserted) = table.insert(n, for: word)
            #expect(inserted == (numbers[word] == nil), "\(word)")
            if inserted { numbers[word] = index }
            #expect(numbers[word] == index && table.values[index] == table.value(for: word), "\(word)")
        }
        #expect(table.count == numbers.count && numbers.count == 7 + 11)
        #expect(table.value(for: "Нгуен0") == 0 && table.value(for: "Lam1") == 1)
    }

    /// Keys are compared in words that overlap at the tail: every length up to 40, a difference
    /// at every position, must read as `elementsEqual` reads it.
    @Test func equalityFindsADifferenceAtEveryPositionOfEveryLength() {
        var generator = SplitMix(seed: 41)
        var checked = 0
        for length in 0...40 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            bytes.withUnsafeBytes { a in
                #expect(ByteTable<Int>.equal(a, a))
                for position in 0..<length {
                    var other = bytes
                    other[position] ^= UInt8(truncatingIfNeeded: generator.next() % 255 + 1)
                    other.withUnsafeBytes { b in #expect(!ByteTable<Int>.equal(a, b), "length \(length), byte \(position)") }
                    checked += 1
                }
            }
        }
        #expect(checked == 40 * 41 / 2)
    }

    @Test func keysCompareByTheirBytes() {
        // Canonically equivalent but spelled with different scalars: the cache keeps them apart
        // (the matcher only ever passes NFC text, where this does not happen).
        var table = ByteTable<Int>()
        table.set(1, for: "Phạm")
        #expect(table.value(for: "Pha\u{323}m") == nil)
        #expect(table.value(for: "Phạm") == 1)
    }
}

extension ByteTable {
    func value(for key: String) -> Value? {
        var key = key
        return key.withUTF8 { value(for: UnsafeRawBufferPointer($0)) }
    }

    mutating func set(_ value: Value, for key: String) {
        var key = key
        key.withUTF8 { set(value, for: UnsafeRawBufferPointer($0)) }
    }

    mutating func insert(_ value: Value, for key: String) -> (index: Int, inserted: Bool) {
        var key = key
        return key.withUTF8 { insert(value, for: UnsafeRawBufferPointer($0)) }
    }
}

/// The matcher's case checks walk scalars instead of characters for words where the two are the same.
@Suite struct ScalarsAreCharactersTests {
    @Test func itHoldsOnlyWhereEveryScalarIsACharacterOfItsOwn() throws {
        var words: Set<String> = []
        for (_, text) in try Bundled.seeds() {
            for token in try WordBreaker().tokens(in: text) where token.isWordLike { words.insert(String(token.text)) }
        }
        for entry in Bundled.glossary.entries {
            for form in [entry.canonical] + entry.variants.map(\.form) + entry.shortForms.map(\.form) {
                for token in try WordBreaker().tokens(in: form) where token.isWordLike { words.insert(String(token.text)) }
            }
        }
        var simple = 0
        for word in words where TextWords.scalarsAreCharacters(word) {
            simple += 1
            #expect(word.count == word.unicodeScalars.count, "\(word)")
            #expect(word.unicodeScalars.allSatisfy { String($0).count == 1 }, "\(word)")
        }
        #expect(simple > 4000)
        #expect(TextWords.scalarsAreCharacters("Nguyễn") && TextWords.scalarsAreCharacters("Нгуеном") && TextWords.scalarsAreCharacters("Łódź"))
        #expect(!TextWords.scalarsAreCharacters("Nguye\u{302}\u{303}n"), "combining marks")
        #expect(!TextWords.scalarsAreCharacters("Ка\u{483}"), "Cyrillic titlo")
        #expect(TextWords.scalarsAreCharacters("l’Assemblée") && !TextWords.scalarsAreCharacters("a\u{2000}"), "U+2000 decomposes to U+2002")
        #expect(!TextWords.scalarsAreCharacters("東京"))
    }

    @Test func everyCharacterItAcceptsIsItsOwnCharacterAndEqualsNoOther() {
        // `String` compares by canonical equivalence, so a dictionary keyed by the one-scalar strings
        // finds any two accepted scalars that are canonically the same.
        var seen: [String: UInt32] = [:]
        var accepted = 0
        for value in Array(UInt32(0x20)...0x052F) + Array(UInt32(0x1E00)...0x1EFF) + Array(UInt32(0x2000)...0x2040) {
            guard let scalar = Unicode.Scalar(value), TextWords.scalarsAreCharacters(String(scalar)) else { continue }
            accepted += 1
            for text in ["a" + String(scalar) + "b", "Ж" + String(scalar) + String(scalar)] {
                #expect(text.count == text.unicodeScalars.count, "U+\(String(value, radix: 16))")
            }
            if let other = seen.updateValue(value, forKey: String(scalar)) {
                Issue.record("U+\(String(value, radix: 16)) equals U+\(String(other, radix: 16))")
            }
        }
        #expect(accepted > 1000)
    }
}
