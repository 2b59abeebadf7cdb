import Foundation
@testable import Pipeline
import Testing
import TestSupport

/// The scanner must give Foundation's answer for every record it answers, and answer the records a
/// corpus is made of (or it saves nothing).
@Suite struct JSONRecordScannerTests {
    static let names = ["id", "text", "lang", "title", "url", "published", "café"]

    /// Foundation's reading of `line`, or nil where Foundation refuses it or finds no object.
    static func foundation(_ line: String) -> [JSONRecordScanner.Value?]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)),
              let record = object as? [String: Any] else { return nil }
        return names.map { record[$0].map(DocumentProcessor.value) }
    }

    /// Whether the scanner either leaves `line` to Foundation or gives Foundation's values; records
    /// which it did.
    static func agrees(_ line: String, scanned: inout Int) -> Bool {
        guard let values = JSONRecordScanner.values(of: names, in: line) else { return true }
        scanned += 1
        return foundation(line).map { $0 == values } ?? false
    }

    /// JSON with every character outside ASCII written as `\uXXXX` (astral ones as surrogate
    /// pairs), as `json.dumps` writes by default.
    static func asciiEscaped(_ json: String) -> String {
        var out = ""
        for unit in json.utf16 {
            if unit < 0x80 { out.unicodeScalars.append(Unicode.Scalar(unit)!) } else { out += String(format: "\\u%04x", unit) }
        }
        return out
    }

    static func records() throws -> [String] {
        var lines: [String] = []
        for (index, prefix) in ["000", "001", "002", "003", "004"].enumerated() {
            let text = try Repository.seed(prefix)
            let object: [String: Any] = ["id": "seed-\(index)", "text": text, "title": String(text.prefix(80)),
                                         "lang": ["ru", "pl", "nb", "ru", "pl"][index], "url": NSNull(),
                                         "tags": ["a", 1, 2.5, true, ["nested": [NSNull()]]], "café": "\u{1F1FB}\u{1F1F3} Việt Nam"]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            let json = String(decoding: data, as: UTF8.self)
            lines += [json, asciiEscaped(json), " \t" + json + "\r\n"]
        }
        return lines
    }

    @Test func readsTheSeedRecordsAsFoundationDoes() throws {
        let lines = try Self.records()
        for line in lines {
            let values = try #require(JSONRecordScanner.values(of: Self.names, in: line), "the scanner must answer \(line.prefix(60))")
            #expect(values == Self.foundation(line))
            guard case let .string(text)? = values[1] else { Issue.record("no text"); continue }
            #expect(text.count > 1000)
            #expect(values[4] == .null)
            #expect(values[6] == .string("\u{1F1FB}\u{1F1F3} Việt Nam"))
        }
    }

    /// Records at the edges of JSON: what the scanner answers must be Foundation's answer; what
    /// only Foundation can answer (or refuses) must be left to it.
    @Test func answersEdgeCasesAsFoundationOrLeavesThemToIt() {
        let answered = [
            #"{"text":"x","text":"y"}"#, #"{"t\u0065xt":"q"}"#, #"{"text":"a\"b\\c\/d\b\f\n\r\t\u0000\u00e9\ud83c\uddfb"}"#,
            #"{}"#, #"{"text":null}"#, #"{"text":true,"id":[]}"#, #"{"a":-0,"b":0.25,"c":123456789012345678901234567890,"text":"z"}"#,
            #"{"cafe\u0301":"NFD key, NFC name"}"#, "{\"caf\u{E9}\":\"plain\"}", #"{"x":{"y":{"z":[[[]]]}},"text":"deep"}"#,
        ]
        let leftToFoundation = [
            #"{"a":1e400}"#, #"{"a":1E4}"#, #"{"text":"\ud800"}"#, #"{"text":"\udc00\ud800"}"#, #"{"a":01}"#, #"{"a":[1,2,]}"#,
            "{\"text\":\"\t\"}", #"{"a":1}x"#, "\u{FEFF}{\"a\":1}", #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":+1}"#, #"{"a":NaN}"#,
            #"{"a":1,}"#, #"{"a":"\x"}"#, #"{"a":tru}"#, #"{"id":7,"text":"a number where a field is"}"#, #"["text"]"#, #""#,
            #"{"text":"unterminated"#, "{\"a\":" + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}",
        ]
        for line in answered {
            #expect(JSONRecordScanner.values(of: Self.names, in: line) != nil, "\(line)")
            #expect(JSONRecordScanner.values(of: Self.names, in: line) == Self.foundation(line), "\(line)")
        }
        for line in leftToFoundation {
            #expect(JSONRecordScanner.values(of: Self.names, in: line) == nil, "\(line)")
        }
        #expect(JSONRecordScanner.values(of: Self.names, in: #"{"text":"x","text":"y"}"#)?[1] == .string("y"), "the last member wins, as in Foundation's dictionary")
        #expect(JSONRecordScanner.values(of: Self.names, in: #"{"cafe\u0301":"NFD key, NFC name"}"#)?[6] == .string("NFD key, NFC name"))
    }

    /// Records broken at random (a byte dropped, doubled or replaced by JSON punctuation): whatever
    /// the scanner answers, Foundation answers the same.
    @Test func randomlyBrokenRecordsGetFoundationsAnswerOrNone() throws {
        var generator = SplitMix(seed: 0x5EED)
        let pieces = Array(#"{}[],:"\ 0-1.5eE tfnu"#.utf8) + [0x09, 0x0A, 0xC3, 0xA9]
        var base = try Self.records().map { String($0.prefix(400)) + #"","end":1}"# }
        base += [#"{"id":"a","text":"b\u00e9\n","x":[1,{"y":null}],"lang":"ru"}"#, #"{"title":"\"q\"","text":"t"}"#]
        var scanned = 0, tried = 0
        for _ in 0..<4000 {
            var bytes = Array(base[Int(generator.next() % UInt64(base.count))].utf8)
            for _ in 0...(generator.next() % 3) {
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(bytes[at], at: at)
                default: bytes[at] = pieces[Int(generator.next() % UInt64(pieces.count))]
                }
            }
            let line = String(decoding: bytes, as: UTF8.self)
            tried += 1
            #expect(Self.agrees(line, scanned: &scanned), "\(line)")
        }
        // Both paths are exercised: most broken records are refused, many still read.
        #expect(scanned > tried / 10 && scanned < tried * 9 / 10, "scanned \(scanned) of \(tried)")
    }
}
