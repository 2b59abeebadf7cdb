/// A JSON value, built by hand so that serialization is ours to define.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// `.string` or `.null`.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
}

/// Serializes JSON the one way RFC 8785 (JSON Canonicalization Scheme) allows, so the same document
/// always gives the same bytes: on any machine, in any run, at any `--jobs`. Consumers can hash,
/// diff and deduplicate Canon's output line by line.
///
/// The rules: no whitespace; object keys sorted by their UTF-16 code units; strings escaped only
/// where JSON requires it (`"`, `\`, control characters; `\b \t \n \f \r` short forms, others as
/// lowercase `\u00xx`), everything else written as UTF-8; numbers as ECMAScript prints them
/// (shortest round-trip digits, exponent only below 1e-6 or from 1e21).
public enum CanonicalJSON {
    /// `value` as canonical JSON text (UTF-8 bytes), appended to `output`.
    public static func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case let .bool(flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case let .int(number): writeInt(number, into: &output)
        case let .double(number): output.append(contentsOf: format(number).utf8)
        case let .string(text): writeString(text, into: &output)
        case let .array(items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(item, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case let .object(members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.sorted(by: { keyPrecedes($0.key, $1.key) }).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// RFC 8785 key order: by UTF-16 code units. UTF-8 byte order is the same order except where a
    /// scalar at or above U+E000 meets one above U+FFFF, so keys without such scalars (Canon's keys
    /// are ASCII) are compared byte by byte, without transcoding to UTF-16.
    ///
    /// Only where the first differing bytes are both at least 0xEE (a scalar from U+E000 up against
    /// another) can the orders disagree; there the UTF-16 code units decide.
    static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        var left = a.utf8.makeIterator(), right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?) where x != y:
                if x >= 0xEE, y >= 0xEE { return a.utf16.lexicographicallyPrecedes(b.utf16) }
                return x < y
            default: continue
            }
        }
    }

    /// `value` as a canonical JSON string.
    public static func string(_ value: JSONValue) -> String {
        var bytes: [UInt8] = []
        write(value, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func writeString<Sink: JSONSink & ~Copyable>(_ text: String, into output: inout Sink) {
        output.append(UInt8(ascii: "\""))
        text.withContiguousUTF8 { writeEscaped(UnsafeRawBufferPointer($0), into: &output) }
        output.append(UInt8(ascii: "\""))
    }

    /// The inside of a JSON string: `bytes` (UTF-8) with what JSON requires escaped. A string may be
    /// written in pieces, each escaped on its own: no escape spans two bytes of input.
    static func writeEscaped<Sink: JSONSink & ~Copyable>(_ raw: UnsafeRawBufferPointer, into output: inout Sink) {
        // Run by run: the bytes up to the next one to escape are copied in one piece (nearly every
        // string is one run), then that byte's escape is written.
        let count = raw.count
        var runStart = 0
        while true {
            let stop = firstByteToEscape(in: raw, from: runStart)
            output.append(UnsafeRawBufferPointer(rebasing: raw[runStart..<stop]))
            guard stop < count else { return }
            let byte = raw[stop]
            runStart = stop + 1
            output.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
            case 0x08: output.append(UInt8(ascii: "b"))
            case 0x09: output.append(UInt8(ascii: "t"))
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0C: output.append(UInt8(ascii: "f"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            default:
                output.append(UInt8(ascii: "u"))
                output.append(UInt8(ascii: "0"))
                output.append(UInt8(ascii: "0"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            }
        }
    }

    /// The offset of the first byte from `start` on that a JSON string holds only escaped (a
    /// control character, a quotation mark or a backslash), or `bytes.count`. Writing and reading JSON
    /// strings both stop at those bytes and nowhere else.
    static func firstByteToEscape(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        let count = bytes.count
        // Sixteen bytes at a time (one vector compare), then eight; the first hit's offset is read
        // off the compare's lanes, not found again byte by byte (a text stops at every line break).
        let below = SIMD16<UInt8>(repeating: 0x20), quote = SIMD16<UInt8>(repeating: 0x22), backslash = SIMD16<UInt8>(repeating: 0x5C)
        while index + 16 <= count {
            let block = bytes.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
            let hits = (block .< below) .| (block .== quote) .| (block .== backslash)
            if any(hits) {
                // A lane is all ones where it hit; lane 0 is the lowest byte of the first half.
                let lanes = unsafeBitCast(hits, to: SIMD2<UInt64>.self)
                return index + (lanes[0] != 0 ? lanes[0].trailingZeroBitCount : 64 + lanes[1].trailingZeroBitCount) / 8
            }
            index += 16
        }
        while index + 8 <= count {
            let flags = escapeFlags(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            if flags != 0 { return index + flags.trailingZeroBitCount / 8 }
            index += 8
        }
        // The last one to seven bytes: the eight that end the text, where those eight lie past
        // `start`. The ones before `index` were read above and hold nothing to escape, so nothing
        // is flagged there.
        if index < count, count - 8 >= start {
            let flags = escapeFlags(bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            return flags != 0 ? count - 8 + flags.trailingZeroBitCount / 8 : count
        }
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return count
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The high bit of the bytes of `word` (in memory order from the low byte) that are below
    /// 0x20, a quotation mark or a backslash: the classic "has a zero byte" and "has a byte less
    /// than n" word tricks. A byte of 0x80 or above never counts (those are left as they are). A
    /// borrow may flag a byte above a true hit, never one below it, so the lowest flag is exact.
    @inline(__always)
    static func escapeFlags(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below20 = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote & highs
        let zeroBackslash = (backslash &- ones) & ~backslash & highs
        return below20 | zeroQuote | zeroBackslash
    }

    /// `number` in decimal, without going through `String`.
    static func writeInt<Sink: JSONSink & ~Copyable>(_ number: Int, into output: inout Sink) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the longest, 20 bytes
        withUnsafeMutableBytes(of: &digits) { buffer in
            let count = writeDecimal(number, into: buffer)
            output.append(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Writes `number` in decimal at the start of `room`, which has space for 20 bytes (`Int.min`
    /// needs them all), and returns how many it wrote. The digits are counted first and written in
    /// place, last one first.
    @inline(__always)
    static func writeDecimal(_ number: Int, into room: UnsafeMutableRawBufferPointer) -> Int {
        var value = number.magnitude
        let sign = number < 0 ? 1 : 0
        if sign == 1 { room[0] = UInt8(ascii: "-") }
        var length = 1
        var power: UInt = 10
        // Up to 10^19, which a UInt holds and no Int's magnitude reaches.
        while value >= power {
            length += 1
            power &*= 10
        }
        var position = sign + length
        repeat {
            position -= 1
            room[position] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        } while value > 0
        return sign + length
    }

    /// ECMAScript's `Number.prototype.toString` for a finite double (RFC 8785 §3.2.2.3).
    ///
    /// Swift already prints the shortest digits that round-trip; only the layout differs, so the
    /// digits and the decimal exponent are taken from Swift and laid out the ECMAScript way.
    static func format(_ number: Double) -> String {
        precondition(number.isFinite, "JSON has no NaN or infinity")
        if number == 0 { return "0" }  // also -0
        // Where Swift writes no exponent (1e-4 ≤ |x| < 2^53, every confidence Canon writes), its
        // shortest round-trip digits are ECMAScript's too, laid out the same way, but for the `.0`
        // Swift puts after an integer.
        let plain = "\(number)"
        if !plain.utf8.contains(UInt8(ascii: "e")) {
            return plain.hasSuffix(".0") ? String(plain.dropLast(2)) : plain
        }
        return ecmaScriptLayout(number)
    }

    /// The digits of Swift's description laid out by ECMAScript's rules, for any finite non-zero number.
    static func ecmaScriptLayout(_ number: Double) -> String {
        let swift = "\(number.magnitude)"
        let parts = swift.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1)
        let integerPart = String(mantissa[0])
        let fraction = mantissa.count == 2 ? String(mantissa[1]) : ""
        var digits = Array(integerPart + fraction)
        // value = 0.d1d2… × 10^n in ECMAScript's terms: n counts the digits before the point.
        var n = integerPart.count + exponent
        while digits.first == "0" { digits.removeFirst(); n -= 1 }
        while digits.last == "0" { digits.removeLast() }
        let k = digits.count
        let sign = number < 0 ? "-" : ""
        let text: String
        if k <= n, n <= 21 {
            text = String(digits) + String(repeating: "0", count: n - k)
        } else if 0 < n, n <= 21 {
            text = String(digits[..<n]) + "." + String(digits[n...])
        } else if -6 < n, n <= 0 {
            text = "0." + String(repeating: "0", count: -n) + String(digits)
        } else {
            let e = n - 1
            text = String(digits[0]) + (k > 1 ? "." + String(digits[1...]) : "") + "e" + (e >= 0 ? "+" : "-") + String(e.magnitude)
        }
        return sign + text
    }
}

/// Where canonical JSON bytes go: a byte array, or the document writer's own buffer.
protocol JSONSink: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeRawBufferPointer)
}

extension Array: JSONSink where Element == UInt8 {
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        append(contentsOf: bytes)
    }
}
