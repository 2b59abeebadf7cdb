/// Writes JSON straight into a byte buffer, value by value, in the canonical form of
/// ``CanonicalJSON``.
///
/// Every document Canon writes has the same shape, and building it as a ``JSONValue`` tree first
/// (a dictionary per object, sorted keys, an enum box per value, all freed again) cost more than the
/// matching did. Here the caller writes the members itself, in canonical key order (RFC 8785: by
/// UTF-16 code units, which for ASCII keys is byte order); debug builds check that order, and a test
/// reads every written document back and writes it again through ``CanonicalJSON``.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next value or key opens its container (no comma before it), or follows a key.
    private var atStart = true
    #if DEBUG
    /// The last key of each open object, for the order check.
    private var lastKeys: [String?] = []
    #endif

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    private mutating func separate() {
        if atStart { atStart = false } else { bytes.append(UInt8(ascii: ",")) }
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        atStart = true
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        atStart = false
        #if DEBUG
        lastKeys.removeLast()
        #endif
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        atStart = true
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        atStart = false
    }

    /// A member's key; its value is written next. Keys are Canon's own ASCII names, which need no
    /// escaping: their bytes are copied as they are.
    mutating func key(_ key: StaticString) {
        #if DEBUG
        let name = key.description
        assert(name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") })
        if let last = lastKeys[lastKeys.count - 1] {
            assert(CanonicalJSON.keyPrecedes(last, name), "key \(name) written after \(last): out of canonical order")
        }
        lastKeys[lastKeys.count - 1] = name
        #endif
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        atStart = true
    }

    mutating func string(_ text: String) {
        separate()
        CanonicalJSON.writeString(text, into: &bytes)
    }

    /// A string, or null.
    mutating func optional(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    mutating func int(_ number: Int) {
        separate()
        CanonicalJSON.writeInt(number, into: &bytes)
    }

    mutating func double(_ number: Double) {
        separate()
        bytes.append(contentsOf: CanonicalJSON.format(number).utf8)
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// An array of strings.
    mutating func strings(_ texts: [String]) {
        beginArray()
        for text in texts { string(text) }
        endArray()
    }
}
