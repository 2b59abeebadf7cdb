import Foundation
import Normalize
@testable import Pipeline
import Testing

@Suite struct CanonicalJSONTests {
    @Test func numbersAreWrittenTheWayECMAScriptPrintsThem() {
        // Cases from RFC 8785 appendix B and ECMAScript's layout thresholds.
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (0.97, "0.97"), (0.5, "0.5"),
            (1e21, "1e+21"), (1e20, "100000000000000000000"), (1.2345678901234568e20, "123456789012345680000"),
            (1e-6, "0.000001"), (1e-7, "1e-7"), (333333333.3333333, "333333333.3333333"),
            (4.5, "4.5"), (2e-3, "0.002"), (0.000001234, "0.000001234"), (1.5e300, "1.5e+300"),
            (-Double.leastNonzeroMagnitude, "-5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"), (2.9514790517935283e20, "295147905179352830000"),
        ]
        for (number, expected) in cases {
            #expect(CanonicalJSON.format(number) == expected, "\(number)")
        }
    }

    @Test func theShortcutForPlainNumbersLaysThemOutAsTheGeneralRuleDoes() {
        var state: UInt64 = 88172645463325252
        func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
        var checked = 0
        for n in 0..<200_000 {
            // Every bit pattern's magnitude, plain fractions like confidences, and integers.
            let number: Double = switch n % 3 {
            case 0: Double(bitPattern: next())
            case 1: Double(next() % 10_001) / 10_000
            default: Double(Int64(bitPattern: next()) >> Int64(next() % 64))
            }
            guard number.isFinite, number != 0 else { continue }
            checked += 1
            #expect(CanonicalJSON.format(number) == CanonicalJSON.ecmaScriptLayout(number), "\(number)")
        }
        #expect(checked > 190_000)
    }

    @Test func keysAreSortedByUTF16CodeUnitsNotByScalars() {
        // RFC 8785 §3.2.3: U+1F600 (surrogates D83D DE00) sorts before U+FB33 in UTF-16.
        let object = JSONValue.object([
            "\u{20AC}": .string("Euro Sign"), "\r": .string("Carriage Return"), "\u{FB33}": .string("Hebrew Letter Dalet With Dagesh"),
            "1": .string("One"), "\u{1F600}": .string("Emoji: Grinning Face"), "\u{80}": .string("Control"), "\u{F6}": .string("Latin Small Letter O With Diaeresis"),
        ])
        let keys = CanonicalJSON.string(object).split(separator: ",").map { $0.split(separator: ":")[0] }
        #expect(keys == ["{\"\\r\"", "\"1\"", "\"\u{80}\"", "\"\u{F6}\"", "\"\u{20AC}\"", "\"\u{1F600}\"", "\"\u{FB33}\""])
    }

    @Test func stringsEscapeOnlyWhatJSONRequires() {
        let text = "Нгуен \"Фу\" \\ Чонг\n\t\u{1}\u{1F}\u{7F}\u{2028}/é"
        #expect(CanonicalJSON.string(.string(text)) == "\"Нгуен \\\"Фу\\\" \\\\ Чонг\\n\\t\\u0001\\u001f\u{7F}\u{2028}/é\"")
    }

    @Test func outputParsesBackToTheSameValueWithoutWhitespace() throws {
        let value = JSONValue.object([
            "id": .string("000"), "count": .int(3), "confidence": .double(0.99), "none": .null, "ok": .bool(true),
            "list": .array([.int(-1), .string("То Лам"), .object(["b": .int(2), "a": .int(1)])]),
        ])
        let text = CanonicalJSON.string(value)
        #expect(text == "{\"confidence\":0.99,\"count\":3,\"id\":\"000\",\"list\":[-1,\"То Лам\",{\"a\":1,\"b\":2}],\"none\":null,\"ok\":true}")
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["list"] as? [Any] != nil)
    }

    /// The pre-ordered form written for mentions and entities gives the bytes the sorting one does.
    @Test func preOrderedMembersWriteTheSameBytesAsASortedObject() {
        let mention = Mention(entryID: "to-lam", canonical: "To Lam", type: .person, surface: "То Ламом",
                              scalarRange: 3..<11, utf8Range: 5..<20, form: "То Лам", language: LanguageTag(parsing: "ru")!,
                              how: [.inflected])
        guard case let .members(members) = DocumentProcessor.json(mention) else {
            Issue.record("a mention is written from pre-ordered members")
            return
        }
        let sorted = JSONValue.object(Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.value) }))
        #expect(CanonicalJSON.string(.members(members)) == CanonicalJSON.string(sorted))
        #expect(CanonicalJSON.string(.members(members)).hasPrefix(#"{"canonical":"To Lam","end":11,"entity":"to-lam","#))
    }
}
