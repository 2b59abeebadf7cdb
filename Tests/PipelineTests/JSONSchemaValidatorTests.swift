import Foundation
import Testing

/// The schema is the published contract for `canon normalize` output, so it is tested against a
/// document as the command writes it, and each rule is shown to catch the mistake it exists for.
@Suite struct JSONSchemaValidatorTests {
    static let schemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schema/canon-document.schema.json")

    /// "Генеральный секретарь " is 22 scalars and 42 UTF-8 bytes (20 Cyrillic letters × 2 + 2 spaces);
    /// "Нгуен Фу Чонгом" adds 15 scalars and 28 bytes.
    static let russianDocument = #"""
    {
      "id": "ru-0001",
      "source": {"path": "corpus/ru.txt", "line": 1},
      "lang": "ru", "lang_confidence": 0.97,
      "title": null, "outlet": "ТАСС", "url": null, "author": null, "credit": null,
      "published": "2025-11-25",
      "text": "Генеральный секретарь Нгуен Фу Чонгом",
      "paragraphs": [{"start": 0, "end": 37, "lang": "ru", "lang_confidence": 0.97}],
      "captions": [],
      "mentions": [{
        "entity": "nguyen-phu-trong", "canonical": "Nguyen Phu Trong", "type": "person",
        "surface": "Нгуен Фу Чонгом", "form": "Нгуен Фу Чонг", "lang": "ru",
        "start": 22, "end": 37, "utf8_start": 42, "utf8_end": 70, "how": ["inflected"]
      }],
      "entities": [{"entity": "nguyen-phu-trong", "canonical": "Nguyen Phu Trong", "type": "person", "count": 1}],
      "canonical_text": "Генеральный секретарь Nguyen Phu Trong",
      "warnings": []
    }
    """#

    static func documentValidator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)))
    }

    static func parse(_ json: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
    }

    @Test func aWellFormedRussianDocumentPasses() throws {
        #expect(try Self.documentValidator().errors(in: Self.parse(Self.russianDocument)) == [])
    }

    /// Guards the example itself: offsets that did not slice out the surface would make it a bad model.
    @Test func theExampleOffsetsSliceOutTheSurface() throws {
        let document = try #require(Self.parse(Self.russianDocument) as? [String: Any])
        let text = try #require(document["text"] as? String)
        let mention = try #require((document["mentions"] as? [[String: Any]])?.first)
        let start = try #require(mention["start"] as? Int), end = try #require(mention["end"] as? Int)
        let utf8Start = try #require(mention["utf8_start"] as? Int), utf8End = try #require(mention["utf8_end"] as? Int)
        let scalars = Array(text.unicodeScalars)[start..<end]
        #expect(String(String.UnicodeScalarView(scalars)) == mention["surface"] as? String)
        #expect(String(decoding: Array(text.utf8)[utf8Start..<utf8End], as: UTF8.self) == mention["surface"] as? String)
    }

    @Test func theTransliterationIsOptionalButMustBeText() throws {
        let validator = try Self.documentValidator(), document = try Self.parse(Self.russianDocument)
        #expect(try validator.errors(in: Self.setting("/text_latin", to: #""Generalnyj sekretar""#, in: document)) == [])
        #expect(try validator.errors(in: Self.setting("/text_latin", to: "null", in: document))
            == ["/text_latin: expected string, got null"])
    }

    struct Breakage: Sendable, CustomTestStringConvertible {
        var pointer: String
        /// JSON text to put at `pointer`; nil removes the key.
        var json: String?
        var expected: String
        var testDescription: String { "\(pointer) = \(json ?? "(removed)")" }
    }

    static let breakages = [
        Breakage(pointer: "/text", json: nil, expected: "/text: required but missing"),
        Breakage(pointer: "/summary", json: #""x""#, expected: "/summary: unexpected property (additionalProperties is false)"),
        Breakage(pointer: "/source/column", json: "3", expected: "/source/column: unexpected property (additionalProperties is false)"),
        Breakage(pointer: "/mentions/0/start", json: "-1", expected: "/mentions/0/start: -1 is less than minimum 0"),
        Breakage(pointer: "/mentions/0/type", json: #""people""#,
                 expected: #"/mentions/0/type: "people" is not one of "person", "organization", "place", "term", "title""#),
        Breakage(pointer: "/published", json: #""25/11/2025""#,
                 expected: #"/published: "25/11/2025" does not match ^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#),
        Breakage(pointer: "/lang_confidence", json: "1.5", expected: "/lang_confidence: 1.5 is greater than maximum 1"),
        Breakage(pointer: "/lang_confidence", json: "true", expected: "/lang_confidence: expected number, got boolean"),
        Breakage(pointer: "/mentions/0/utf8_end", json: "true", expected: "/mentions/0/utf8_end: expected integer, got boolean"),
        Breakage(pointer: "/mentions/0/utf8_end", json: "70.5", expected: "/mentions/0/utf8_end: expected integer, got number"),
        Breakage(pointer: "/title", json: "5", expected: "/title: expected string or null, got integer"),
        Breakage(pointer: "/mentions/0/how", json: #"["inflected", "inflected"]"#,
                 expected: #"/mentions/0/how/1: "inflected" repeats an earlier item"#),
        Breakage(pointer: "/paragraphs/0/lang", json: #""Russian""#,
                 expected: #"/paragraphs/0/lang: "Russian" does not match ^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"#),
    ]

    @Test(arguments: breakages)
    func eachBrokenDocumentIsRejectedWithOneErrorAtTheBrokenPath(_ breakage: Breakage) throws {
        let broken = try Self.setting(breakage.pointer, to: breakage.json, in: Self.parse(Self.russianDocument))
        #expect(try Self.documentValidator().errors(in: broken) == [breakage.expected])
    }

    /// A keyword the validator skipped would silently accept what the schema forbids.
    @Test func aSchemaUsingAnUnsupportedKeywordIsRefused() {
        #expect(throws: JSONSchemaValidator.InvalidSchema.self) {
            try JSONSchemaValidator(schema: Self.parse(#"{"type": "string", "format": "date"}"#))
        }
        #expect(throws: JSONSchemaValidator.InvalidSchema.self) {
            try JSONSchemaValidator(schema: Self.parse(##"{"items": {"$ref": "#/$defs/missing"}}"##))
        }
    }

    @Test func patternsSearchRatherThanMatchTheWholeString() throws {
        let validator = try JSONSchemaValidator(schema: Self.parse(#"{"pattern": "b"}"#))
        #expect(try validator.errors(in: Self.parse(#""abc""#)) == [])
        #expect(try validator.errors(in: Self.parse(#""xyz""#)) == [#"(root): "xyz" does not match b"#])
    }

    @Test func integersMayBeWrittenWithAZeroFraction() throws {
        let validator = try JSONSchemaValidator(schema: Self.parse(#"{"items": {"type": "integer"}}"#))
        #expect(try validator.errors(in: Self.parse("[2, 2.0, 2.5]")) == ["/2: expected integer, got number"])
    }

    @Test func pointersEscapeSlashAndTilde() throws {
        let validator = try JSONSchemaValidator(schema: Self.parse(#"{"additionalProperties": {"type": "string"}}"#))
        #expect(try validator.errors(in: Self.parse(#"{"a/b~c": 1}"#)) == ["/a~1b~0c: expected string, got integer"])
    }

    /// Puts the JSON value `json` at `pointer` (plain keys and array indices only), or removes the key.
    static func setting(_ pointer: String, to json: String?, in document: Any) throws -> Any {
        let value = try json.map(parse)
        func replace(_ keys: ArraySlice<Substring>, in node: Any) -> Any? {
            guard let key = keys.first else { return value }
            if var array = node as? [Any], let index = Int(key) {
                array[index] = replace(keys.dropFirst(), in: array[index]) as Any
                return array
            }
            var object = node as? [String: Any] ?? [:]
            object[String(key)] = replace(keys.dropFirst(), in: object[String(key)] as Any)
            return object
        }
        return replace(pointer.split(separator: "/")[...], in: document) as Any
    }
}
