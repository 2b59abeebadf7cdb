import Normalize
/// The byte layer of a glossary snapshot: unsigned LEB128 integers, length-prefixed UTF-8 strings.
/// Writing is infallible; reading checks every length against the bytes left, so a truncated or
/// foreign file fails with a message instead of crashing.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        precondition(value >= 0, "snapshot integers are unsigned")
        var rest = UInt64(value)
        repeat {
            let low = UInt8(rest & 0x7F)
            rest >>= 7
            bytes.append(rest == 0 ? low : low | 0x80)
        } while rest != 0
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout SnapshotWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout SnapshotWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func raw(_ values: [UInt8]) { bytes.append(contentsOf: values) }
}

struct SnapshotReader {
    struct Malformed: Error {
        var reason: String
    }

    private let bytes: [UInt8]
    private var position = 0
    /// Language tags already parsed: a large glossary names a score of languages a hundred thousand
    /// times.
    var tags: [String: LanguageTag] = [:]

    init(_ bytes: [UInt8], from start: Int = 0) {
        self.bytes = bytes
        position = start
    }

    var atEnd: Bool { position == bytes.count }

    mutating func int() throws(Malformed) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw Malformed(reason: "ends in the middle of a number") }
            let byte = bytes[position]
            position += 1
            guard shift < 63 else { throw Malformed(reason: "a number is too large") }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        guard value <= UInt64(Int.max) else { throw Malformed(reason: "a number is too large") }
        return Int(value)
    }

    mutating func bool() throws(Malformed) -> Bool {
        guard position < bytes.count else { throw Malformed(reason: "ends early") }
        let byte = bytes[position]
        position += 1
        guard byte <= 1 else { throw Malformed(reason: "a flag holds \(byte)") }
        return byte == 1
    }

    mutating func string() throws(Malformed) -> String {
        let count = try int()
        guard count <= bytes.count - position else { throw Malformed(reason: "a text runs past the end") }
        // `String(decoding:)` on the bytes in place: `String(validating:)` took the generic path,
        // looking up type metadata for each of a large glossary's hundreds of thousands of texts.
        // Decoding repairs what is not UTF-8 with U+FFFD, so the text is the bytes exactly when its
        // length is theirs and it has no U+FFFD (lead byte EF), or has and still equals them.
        let range = position..<position + count
        let (decoded, exact) = bytes.withUnsafeBufferPointer { buffer -> (String, Bool) in
            let utf8 = UnsafeBufferPointer(rebasing: buffer[range])
            var text = String(decoding: utf8, as: UTF8.self)
            let exact = text.utf8.count == count && text.withUTF8 { !$0.contains(0xEF) || $0.elementsEqual(utf8) }
            return (text, exact)
        }
        guard exact else { throw Malformed(reason: "a text is not UTF-8") }
        position += count
        return decoded
    }

    mutating func optional<T>(_ read: (inout SnapshotReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout SnapshotReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let count = try int()
        guard count <= bytes.count - position else { throw Malformed(reason: "a list is longer than the file") }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func raw(count: Int) throws(Malformed) -> [UInt8] {
        guard count <= bytes.count - position else { throw Malformed(reason: "ends early") }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }
}
