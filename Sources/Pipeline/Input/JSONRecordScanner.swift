/// Reads the few fields Canon takes from a JSON Lines record (text, ID, language, title, URL, date)
/// straight from the record's UTF-8, without building the whole object.
///
/// Foundation's `JSONSerialization` builds every member of every record as bridged objects and was
/// 8% of `canon normalize`'s time on a corpus of news records. The scanner accepts only strict
/// RFC 8259 JSON and, within it, only what it can answer exactly as `JSONSerialization` would; for
/// anything else (a lone surrogate, a trailing comma, an exponent, deep nesting, a number where a
/// wanted field is) it answers nil and the caller parses the record with Foundation, so errors and
/// unusual records behave as they always did. Tests hold the two to the same answers.
enum JSONRecordScanner {
    /// A wanted field's value, as far as the caller's checks need it.
    enum Value: Equatable {
        case string(String)
        case null
        /// Only Foundation's parse reports numbers (as `NSNumber.stringValue` writes them): the
        /// scanner leaves records with a number in a wanted field to it.
        case number(String)
        /// A boolean, an array or an object.
        case other
    }

    /// Nesting the scanner follows; deeper records go to Foundation, which sets its own limit.
    static let maximumDepth = 64

    /// The value of each of `names` in the record `line` (nil where the record has no such member;
    /// the last one where it has several, as Foundation's dictionary keeps), or nil when the record
    /// must be left to Foundation.
    static func values(of names: [String], in line: String) -> [Value?]? {
        var contiguous = line
        let wanted = names.map(WantedName.init)
        return contiguous.withUTF8 { utf8 in
            var scanner = Scanner(line: line, bytes: UnsafeRawBufferPointer(utf8))
            return scanner.record(wanted)
        }
    }

    private struct WantedName {
        let name: String
        let utf8: [UInt8]
        let isASCII: Bool

        init(_ name: String) {
            self.name = name
            utf8 = Array(name.utf8)
            isASCII = utf8.allSatisfy { $0 < 0x80 }
        }

        /// Whether a member key with no escapes, given by its UTF-8, is this name. Swift compares
        /// strings by canonical equivalence, as the dictionary Foundation's parse gives does; for
        /// two ASCII strings that is byte equality.
        func matches(_ key: UnsafeRawBufferPointer) -> Bool {
            if key.elementsEqual(utf8) { return true }
            if isASCII, !key.contains(where: { $0 >= 0x80 }) { return false }
            return String(decoding: key, as: UTF8.self) == name
        }
    }

    /// A member key or string value: where it lies when it has no escapes, else its value.
    private enum ScannedString {
        case plain(Range<Int>)
        case decoded(String)
    }

    private struct Scanner {
        /// The record, already checked as UTF-8: values are sliced from it, so no byte is validated twice.
        let line: String
        let bytes: UnsafeRawBufferPointer
        var position = 0

        init(line: String, bytes: UnsafeRawBufferPointer) {
            self.line = line
            self.bytes = bytes
        }

        mutating func record(_ wanted: [WantedName]) -> [Value?]? {
            var values = [Value?](repeating: nil, count: wanted.count)
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            skipSpace()
            if !take(UInt8(ascii: "}")) {
                repeat {
                    skipSpace()
                    guard take(UInt8(ascii: "\"")), let key = string() else { return nil }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return nil }
                    skipSpace()
                    let slots = wanted.indices.filter { slot in
                        switch key {
                        case let .plain(range): wanted[slot].matches(UnsafeRawBufferPointer(rebasing: bytes[range]))
                        case let .decoded(text): text == wanted[slot].name
                        }
                    }
                    if slots.isEmpty {
                        guard skipValue(depth: 1) else { return nil }
                    } else {
                        guard let value = wantedValue() else { return nil }
                        for slot in slots { values[slot] = value }
                    }
                    skipSpace()
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "}")) else { return nil }
            }
            skipSpace()
            return position == bytes.count ? values : nil
        }

        /// A wanted member's value; nil for a number (Foundation writes those) or bad JSON.
        private mutating func wantedValue() -> Value? {
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                switch string() {
                case let .plain(range)?: return .string(String(line.slice(utf8: range)))
                case let .decoded(text)?: return .string(text)
                case nil: return nil
                }
            case UInt8(ascii: "n"):
                return literal("null") ? .null : nil
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "["), UInt8(ascii: "{"):
                return skipValue(depth: 1) ? .other : nil
            default:
                return nil
            }
        }

        private mutating func skipValue(depth: Int) -> Bool {
            guard depth <= JSONRecordScanner.maximumDepth, position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return string() != nil
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            case UInt8(ascii: "["):
                position += 1
                skipSpace()
                if take(UInt8(ascii: "]")) { return true }
                repeat {
                    skipSpace()
                    guard skipValue(depth: depth + 1) else { return false }
                    skipSpace()
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]"))
            case UInt8(ascii: "{"):
                position += 1
                skipSpace()
                if take(UInt8(ascii: "}")) { return true }
                repeat {
                    skipSpace()
                    guard take(UInt8(ascii: "\"")), string() != nil else { return false }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return false }
                    skipSpace()
                    guard skipValue(depth: depth + 1) else { return false }
                    skipSpace()
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "}"))
            default:
                return number()
            }
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`. Exponents are left to Foundation, which refuses numbers
        /// a Double cannot hold (`1e400`).
        private mutating func number() -> Bool {
            _ = take(UInt8(ascii: "-"))
            guard position < bytes.count, isDigit(bytes[position]) else { return false }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
            } else {
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
            if take(UInt8(ascii: ".")) {
                guard position < bytes.count, isDigit(bytes[position]) else { return false }
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
            guard position < bytes.count else { return true }
            switch bytes[position] {
            case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "0")...UInt8(ascii: "9"): return false
            default: return true
            }
        }

        private func isDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard bytes.count - position >= count else { return false }
            for i in 0..<count where bytes[position + i] != word.utf8Start[i] { return false }
            position += count
            return true
        }

        /// The rest of a string whose opening quote was taken. Nil for an unescaped control
        /// character, a bad escape, a lone surrogate or a missing closing quote.
        private mutating func string() -> ScannedString? {
            let start = position
            // Most strings have no escape: found in place, eight bytes at a time.
            var stop = CanonicalJSON.firstByteToEscape(in: bytes, from: position)
            guard stop < bytes.count else { return nil }
            if bytes[stop] == UInt8(ascii: "\"") {
                position = stop + 1
                return .plain(start..<stop)
            }
            // Put together from the line's own pieces (valid UTF-8 already: they start and end
            // beside ASCII bytes) and the escapes' characters.
            var decoded = ""
            decoded.reserveCapacity(bytes.count - start)
            var run = start
            while stop < bytes.count {
                decoded += line.slice(utf8: run..<stop)
                position = stop + 1
                switch bytes[stop] {
                case UInt8(ascii: "\""):
                    return .decoded(decoded)
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { return nil }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.unicodeScalars.append(Unicode.Scalar(escape))
                    case UInt8(ascii: "b"): decoded += "\u{8}"
                    case UInt8(ascii: "f"): decoded += "\u{C}"
                    case UInt8(ascii: "n"): decoded += "\n"
                    case UInt8(ascii: "r"): decoded += "\r"
                    case UInt8(ascii: "t"): decoded += "\t"
                    case UInt8(ascii: "u"):
                        guard let scalar = unicodeEscape() else { return nil }
                        decoded.unicodeScalars.append(scalar)
                    default: return nil
                    }
                default:
                    return nil  // an unescaped control character
                }
                run = position
                stop = CanonicalJSON.firstByteToEscape(in: bytes, from: position)
            }
            return nil
        }

        /// The scalar of `XXXX` after `\u`, or of a surrogate pair `XXXX\uYYYY`.
        private mutating func unicodeEscape() -> Unicode.Scalar? {
            guard let unit = hex4() else { return nil }
            switch unit {
            case 0xD800..<0xDC00:
                guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                return Unicode.Scalar(0x10000 + (unit - 0xD800) << 10 + (low - 0xDC00))
            case 0xDC00..<0xE000:
                return nil
            default:
                return Unicode.Scalar(unit)
            }
        }

        private mutating func hex4() -> UInt32? {
            guard bytes.count - position >= 4 else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                position += 1
            }
            return value
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// JSON's white space: space, tab, line feed, carriage return.
        private mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }
    }
}
