@testable import Normalize
import Testing

/// A word in capitals is told by its scalars' properties where its scalars are its characters; the
/// answer must be the one `Character`'s case properties give.
@Suite struct AllCapsTests {
    /// Every scalar below U+2070 (all the plain ranges, and more), alone and after a capital: alone
    /// it must be a cased capital exactly when `Character` says so, and after `A` it must keep the
    /// word in capitals exactly when `Character` calls it uncased or a capital. Together the two
    /// pin down every word made of such scalars.
    @Test func scalarPropertiesTellCapitalsAsCharacterDoes() {
        var capitals = 0
        for value in 0..<0x2070 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let alone = MatchPass.isAllCaps(scalars: [scalar])
            #expect(alone == MatchPass.isAllCaps([Character(scalar)]), "U+\(String(value, radix: 16, uppercase: true))")
            #expect(MatchPass.isAllCaps(scalars: ["A", scalar]) == MatchPass.isAllCaps([Character("A"), Character(scalar)]),
                    "A + U+\(String(value, radix: 16, uppercase: true))")
            if alone { capitals += 1 }
        }
        #expect(capitals > 500)
    }

    @Test func abbreviationsAndCaseEdgeCasesAreToldAsCharacterTellsThem() throws {
        let words = ["ОПР", "ODA", "Партии", "NA", "na", "ASEANu", "ROKU", "G20", "ĸ", "ß", "ǅ", "ª", "Ⅷ", "ǈUB", "1", ""]
        for word in words {
            #expect(MatchPass.isAllCaps(scalars: word.unicodeScalars) == MatchPass.isAllCaps(word), "\(word)")
        }
    }
}
