import Foundation
import Normalize
@testable import Pipeline
import Testing
import TestSupport

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

    /// Integers as Swift prints them, through the value writer and the document writer alike: the
    /// ends of the range, every power of ten and its neighbours, and random magnitudes.
    @Test func integersAreWrittenAsSwiftPrintsThem() {
        var numbers: [Int] = [0, 1, -1, 9, -9, Int.max, Int.min, Int.min + 1]
        var power = 1
        for _ in 0...18 {
            numbers += [power - 1, power, power + 1, -power, 1 - power, -power - 1]
            power = power &* 10
        }
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<5_000 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            numbers.append(Int(bitPattern: UInt(state)) >> Int(state % 64))
        }
        for number in numbers {
            #expect(CanonicalJSON.string(.int(number)) == String(number))
            var writer = JSONWriter(capacity: 1)
            writer.beginArray(); writer.int(number); writer.int(number); writer.endArray()
            #expect(String(decoding: writer.finish(), as: UTF8.self) == "[\(number),\(number)]")
        }
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

    /// The scan for the next byte to escape reads sixteen and eight bytes at a time and the last
    /// eight of the text at once; from every start, in texts of every length up to 70 with bytes
    /// that do and do not need escaping (and their neighbours, and bytes with the high bit set that
    /// differ from them only there), it must stop where a byte-by-byte scan stops.
    @Test func theNextByteToEscapeIsFoundWhereAByteByByteScanFindsIt() {
        let plain: [UInt8] = [0x20, 0x21, 0x23, 0x41, 0x5B, 0x5D, 0x7F, 0x80, 0xA0, 0xA2, 0xDC, 0xD0, 0xFF]
        let escaped: [UInt8] = [0x00, 0x0A, 0x1F, 0x22, 0x5C]
        var generator = SplitMix(seed: 20251204)
        var checked = 0
        for length in 0...70 {
            for _ in 0..<40 {
                var bytes = (0..<length).map { _ in plain[Int(generator.next() % UInt64(plain.count))] }
                // None, one or two bytes to escape, anywhere.
                for _ in 0..<Int(generator.next() % 3) where length > 0 {
                    bytes[Int(generator.next() % UInt64(length))] = escaped[Int(generator.next() % UInt64(escaped.count))]
                }
                bytes.withUnsafeBytes { raw in
                    for start in 0...length {
                        let expected = (start..<length).first { bytes[$0] < 0x20 || bytes[$0] == 0x22 || bytes[$0] == 0x5C } ?? length
                        #expect(CanonicalJSON.firstByteToEscape(in: raw, from: start) == expected, "\(bytes) from \(start)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 40 * (1...71).reduce(0, +))
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

    /// Documents are written member by member (``JSONWriter``), not as a ``JSONValue``: read back and
    /// written again by the general writer, every seed's document must give the same bytes.
    @Test func documentsAreWrittenInCanonicalForm() throws {
        var settings = NormalizeSettings()
        settings.transliterate = true
        let run = try Normalizing.run([Repository.path("seeds")], settings: settings)
        var captions = 0, mentions = 0
        for line in run.lines {
            let document = try JSONSerialization.jsonObject(with: Data(line.utf8))
            #expect(CanonicalJSON.string(Self.value(document)) == line)
            captions += ((document as? [String: Any])?["captions"] as? [Any])?.count ?? 0
            mentions += ((document as? [String: Any])?["mentions"] as? [Any])?.count ?? 0
        }
        #expect(run.lines.count == 5 && captions > 0 && mentions > 100)
    }

    /// A parsed JSON value as a ``JSONValue`` (documents hold no booleans; a whole number is written
    /// the same as an integer or a double).
    static func value(_ parsed: Any) -> JSONValue {
        switch parsed {
        case is NSNull: return .null
        case let text as String: return .string(text)
        case let list as [Any]: return .array(list.map(value))
        case let object as [String: Any]: return .object(object.mapValues(value))
        case let number as NSNumber:
            let double = number.doubleValue
            return double == double.rounded() && double.magnitude < 1e15 ? .int(Int(double)) : .double(double)
        default:
            Issue.record("unexpected \(type(of: parsed))")
            return .null
        }
    }
}
