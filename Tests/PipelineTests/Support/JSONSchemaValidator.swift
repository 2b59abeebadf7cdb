import Foundation

/// A JSON Schema (2020-12) validator for just the keywords `schema/canon-document.schema.json` uses,
/// so a test can check real `canon normalize` output without a third-party dependency.
///
/// Any other keyword makes `init` throw: a validator that skipped it would pass documents the
/// schema means to reject. Values are what `JSONSerialization` returns.
///
/// `pattern` runs on ICU (`NSRegularExpression`), not ECMA-262: `\d` and `\w` are Unicode-aware and
/// `$` also matches before a final line break, so write `[0-9]` and keep that in mind.
struct JSONSchemaValidator {
    struct InvalidSchema: Error, CustomStringConvertible {
        var description: String
    }

    private let root: Schema
    private let definitions: [String: Schema]

    init(schema: Any) throws {
        var definitions: [String: Schema] = [:]
        if let object = schema as? [String: Any], let defs = object["$defs"] {
            guard let defs = defs as? [String: Any] else { throw InvalidSchema(description: "#/$defs: not an object") }
            for (name, sub) in defs { definitions[name] = try Schema(sub, at: "#/$defs/" + name) }
        }
        root = try Schema(schema, at: "#", isRoot: true)
        self.definitions = definitions
        for (location, name) in root.references + definitions.values.flatMap(\.references) where definitions[name] == nil {
            throw InvalidSchema(description: "\(location): $ref to undefined #/$defs/\(name)")
        }
    }

    /// Every way `value` breaks the schema, each as `JSON-pointer: reason`; empty when it is valid.
    func errors(in value: Any) -> [String] {
        var errors: [String] = []
        check(value, against: root, at: "", into: &errors)
        return errors
    }

    private func check(_ value: Any, against schema: Schema, at path: String, into errors: inout [String]) {
        func fail(_ reason: String) { errors.append("\(path.isEmpty ? "(root)" : path): \(reason)") }
        let keywords: Keywords
        switch schema {
        case .always(true): return
        case .always(false): return fail("no value is allowed here")
        case .keywords(let k): keywords = k
        }
        if let ref = keywords.ref, let target = definitions[ref] { check(value, against: target, at: path, into: &errors) }
        let kind = JSONKind(of: value)
        if let types = keywords.types, !types.contains(where: { kind.isInstance(of: $0) }) {
            return fail("expected \(types.joined(separator: " or ")), got \(kind.rawValue)")
        }
        if let allowed = keywords.allowed, !allowed.contains(where: { jsonEqual($0, value) }) {
            fail("\(describe(value)) is not one of \(allowed.map(describe).joined(separator: ", "))")
        }
        if let expected = keywords.const, !jsonEqual(expected, value) { fail("\(describe(value)) is not \(describe(expected))") }
        if kind == .number || kind == .integer, let number = (value as? NSNumber)?.doubleValue {
            if let minimum = keywords.minimum, number < minimum { fail("\(describe(value)) is less than minimum \(format(minimum))") }
            if let maximum = keywords.maximum, number > maximum { fail("\(describe(value)) is greater than maximum \(format(maximum))") }
        }
        if let string = value as? String {
            if let minLength = keywords.minLength, string.unicodeScalars.count < minLength {
                fail("\(describe(value)) is shorter than minLength \(minLength)")
            }
            if let pattern = keywords.pattern,
               pattern.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) == nil {
                fail("\(describe(value)) does not match \(pattern.pattern)")
            }
        }
        if kind == .object, let object = value as? [String: Any] {
            for name in keywords.required where object[name] == nil { errors.append("\(path)/\(escape(name)): required but missing") }
            for (name, member) in object.sorted(by: { $0.key < $1.key }) {
                guard let sub = keywords.properties[name] ?? keywords.additionalProperties else { continue }
                if case .always(false) = sub, keywords.properties[name] == nil {
                    errors.append("\(path)/\(escape(name)): unexpected property (additionalProperties is false)")
                    continue
                }
                check(member, against: sub, at: "\(path)/\(escape(name))", into: &errors)
            }
        }
        if kind == .array, let array = value as? [Any] {
            if let items = keywords.items {
                for (index, element) in array.enumerated() { check(element, against: items, at: "\(path)/\(index)", into: &errors) }
            }
            if keywords.uniqueItems {
                for (index, element) in array.enumerated() where array[..<index].contains(where: { jsonEqual($0, element) }) {
                    errors.append("\(path)/\(index): \(describe(element)) repeats an earlier item")
                }
            }
        }
    }
}

/// A schema after its keywords were checked, so validation never meets a malformed one.
private indirect enum Schema {
    case always(Bool)
    case keywords(Keywords)

    init(_ raw: Any, at location: String, isRoot: Bool = false) throws {
        if JSONKind(of: raw) == .boolean, let flag = raw as? Bool { self = .always(flag); return }
        guard let object = raw as? [String: Any] else {
            throw JSONSchemaValidator.InvalidSchema(description: "\(location): a schema must be an object or a boolean")
        }
        self = .keywords(try Keywords(object, at: location, isRoot: isRoot))
    }

    /// `(location, definition name)` of every `$ref` in this schema and its subschemas.
    var references: [(String, String)] {
        guard case .keywords(let k) = self else { return [] }
        let children = Array(k.properties.values) + [k.additionalProperties, k.items].compactMap { $0 }
        return (k.ref.map { [(k.location, $0)] } ?? []) + children.flatMap(\.references)
    }
}

private struct Keywords {
    static let annotations: Set<String> = ["title", "description", "$schema", "$id", "$comment", "examples"]

    var location: String
    var ref: String?
    var types: [String]?
    var allowed: [Any]?
    var const: Any?
    var minimum: Double?, maximum: Double?
    var minLength: Int?
    var pattern: NSRegularExpression?
    var required: [String] = []
    var properties: [String: Schema] = [:]
    var additionalProperties: Schema?
    var items: Schema?
    var uniqueItems = false

    init(_ object: [String: Any], at location: String, isRoot: Bool) throws {
        self.location = location
        func invalid(_ key: String, _ problem: String) -> Error {
            JSONSchemaValidator.InvalidSchema(description: "\(location)/\(key): \(problem)")
        }
        for (key, value) in object {
            switch key {
            case _ where Keywords.annotations.contains(key): continue
            case "$defs" where isRoot: continue  // compiled by the validator itself
            case "$ref":
                guard let string = value as? String, string.hasPrefix("#/$defs/"), !string.dropFirst(8).contains("/") else {
                    throw invalid(key, "only #/$defs/NAME references are supported")
                }
                ref = String(string.dropFirst(8))
            case "type":
                let names = (value as? String).map { [$0] } ?? (value as? [String]) ?? []
                guard !names.isEmpty, names.allSatisfy({ JSONKind(rawValue: $0) != nil }) else { throw invalid(key, "unknown type \(value)") }
                types = names
            case "enum":
                guard let array = value as? [Any], !array.isEmpty else { throw invalid(key, "must be a non-empty array") }
                allowed = array
            case "const": const = value
            case "minimum", "maximum":
                guard JSONKind(of: value).isInstance(of: "number"), let number = (value as? NSNumber)?.doubleValue else {
                    throw invalid(key, "must be a number")
                }
                if key == "minimum" { minimum = number } else { maximum = number }
            case "minLength":
                guard JSONKind(of: value) == .integer, let count = value as? Int, count >= 0 else {
                    throw invalid(key, "must be a non-negative integer")
                }
                minLength = count
            case "pattern":
                guard let string = value as? String, let regex = try? NSRegularExpression(pattern: string) else {
                    throw invalid(key, "not a valid regular expression")
                }
                pattern = regex
            case "required":
                guard let names = value as? [String] else { throw invalid(key, "must be an array of strings") }
                required = names
            case "properties":
                guard let map = value as? [String: Any] else { throw invalid(key, "must be an object") }
                for (name, sub) in map { properties[name] = try Schema(sub, at: "\(location)/properties/\(name)") }
            case "additionalProperties": additionalProperties = try Schema(value, at: "\(location)/\(key)")
            case "items": items = try Schema(value, at: "\(location)/\(key)")
            case "uniqueItems":
                guard JSONKind(of: value) == .boolean, let flag = value as? Bool else { throw invalid(key, "must be a boolean") }
                uniqueItems = flag
            default:
                throw invalid(key, "keyword not supported by JSONSchemaValidator; support it or leave it out")
            }
        }
    }
}

/// The JSON type of a `JSONSerialization` value. On Linux `true` and `1` both bridge to `Bool`
/// and to `NSNumber`, so booleans are told apart by their `objCType`, which is "c" only for them.
private enum JSONKind: String {
    case object, array, string, integer, number, boolean, null

    init(of value: Any) {
        switch value {
        case is NSNull: self = .null
        case is String: self = .string
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { self = .boolean; return }
            let double = number.doubleValue
            self = double.isFinite && double.rounded() == double ? .integer : .number
        case is [String: Any]: self = .object
        case is [Any]: self = .array
        default: self = .null  // not something JSONSerialization produces
        }
    }

    /// Whether a value of this kind satisfies `"type": name`; every integer is also a number.
    func isInstance(of name: String) -> Bool {
        name == rawValue || (name == "number" && self == .integer)
    }
}

/// JSON equality, as `enum`, `const` and `uniqueItems` need: `1 == 1.0`, but `true != 1`.
private func jsonEqual(_ a: Any, _ b: Any) -> Bool {
    let kindA = JSONKind(of: a), kindB = JSONKind(of: b)
    switch (kindA, kindB) {
    case (.integer, .integer), (.integer, .number), (.number, .integer), (.number, .number):
        return (a as? NSNumber)?.doubleValue == (b as? NSNumber)?.doubleValue
    case _ where kindA != kindB: return false
    case (.null, _): return true
    case (.boolean, _): return (a as? Bool) == (b as? Bool)
    case (.string, _): return (a as? String) == (b as? String)
    case (.array, _):
        let x = a as? [Any] ?? [], y = b as? [Any] ?? []
        return x.count == y.count && zip(x, y).allSatisfy(jsonEqual)
    default:
        let x = a as? [String: Any] ?? [:], y = b as? [String: Any] ?? [:]
        return x.count == y.count && x.allSatisfy { key, value in y[key].map { jsonEqual(value, $0) } ?? false }
    }
}

/// A value as short JSON text for error messages.
private func describe(_ value: Any) -> String {
    switch JSONKind(of: value) {
    case .null: return "null"
    case .boolean: return (value as? Bool) == true ? "true" : "false"
    case .integer, .number: return format((value as? NSNumber)?.doubleValue ?? .nan)
    case .string:
        let data = try? JSONSerialization.data(withJSONObject: [value], options: [.withoutEscapingSlashes])
        return data.map { String(decoding: $0.dropFirst().dropLast(), as: UTF8.self) } ?? "\(value)"
    case .array: return "an array"
    case .object: return "an object"
    }
}

private func format(_ number: Double) -> String {
    number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
}

/// Escapes a key for a JSON pointer (RFC 6901).
private func escape(_ key: String) -> String {
    key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
}
