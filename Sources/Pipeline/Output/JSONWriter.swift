/// Writes JSON straight into a byte buffer, value by value, in the canonical form of
/// ``CanonicalJSON``.
///
/// Every document Canon writes has the same shape, and building it as a ``JSONValue`` tree first
/// (a dictionary per object, sorted keys, an enum box per value, all freed again) cost more than the
/// matching did. Here the caller writes the members itself, in canonical key order (RFC 8785: by
/// UTF-16 code units, which for ASCII keys is byte order); debug builds check that order, and a test
/// reads every written document back and writes it again through ``CanonicalJSON``.
struct JSONWriter: ~Copyable, JSONSink {
    /// The bytes written, in a buffer of its own: an array would check its uniqueness and capacity
    /// through generic code at every append, and a document is written in thousands of them.
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0
    /// Whether the next value or key opens its container (no comma before it), or follows a key.
    private var atStart = true
    #if DEBUG
    /// The last key of each open object, for the order check.
    private var lastKeys: [String?] = []
    #endif

    init(capacity: Int) {
        buffer = .allocate(capacity: max(capacity, 64))
    }

    deinit {
        buffer.deallocate()
    }

    /// The bytes written.
    consuming func finish() -> [UInt8] {
        Array(buffer[..<count])
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == buffer.count { grow(to: count + 1) }
        buffer[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if count + bytes.count > buffer.count { grow(to: count + bytes.count) }
        UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[count...])).copyMemory(from: bytes)
        count += bytes.count
    }

    private mutating func grow(to needed: Int) {
        let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(needed, buffer.count * 2))
        _ = grown.initialize(fromContentsOf: buffer[..<count])
        buffer.deallocate()
        buffer = grown
    }

    @inline(__always)
    private mutating func separate() {
        if atStart { atStart = false } else { append(UInt8(ascii: ",")) }
    }

    mutating func beginObject() {
        separate()
        append(UInt8(ascii: "{"))
        atStart = true
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    mutating func endObject() {
        append(UInt8(ascii: "}"))
        atStart = false
        #if DEBUG
        lastKeys.removeLast()
        #endif
    }

    mutating func beginArray() {
        separate()
        append(UInt8(ascii: "["))
        atStart = true
    }

    mutating func endArray() {
        append(UInt8(ascii: "]"))
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
        // Written with one capacity check: a document has a dozen keys per mention.
        let length = key.utf8CodeUnitCount
        if count + length + 3 > buffer.count { grow(to: count + length + 3) }
        buffer[count] = UInt8(ascii: "\"")
        UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[(count + 1)...]))
            .copyMemory(from: UnsafeRawBufferPointer(start: key.utf8Start, count: length))
        buffer[count + 1 + length] = UInt8(ascii: "\"")
        buffer[count + 2 + length] = UInt8(ascii: ":")
        count += length + 3
        atStart = true
    }

    mutating func string(_ text: String) {
        separate()
        CanonicalJSON.writeString(text, into: &self)
    }

    /// A string given in pieces of UTF-8 (each whole scalars), written as one: `pieces` hands each
    /// to the closure it is given, in order.
    mutating func string(pieces: (_ add: (UnsafeRawBufferPointer) -> Void) -> Void) {
        separate()
        append(UInt8(ascii: "\""))
        pieces { CanonicalJSON.writeEscaped($0, into: &self) }
        append(UInt8(ascii: "\""))
    }

    /// A string, or null.
    mutating func optional(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    /// An integer, written straight into the buffer: a document has four per mention.
    mutating func int(_ number: Int) {
        separate()
        if count + 20 > buffer.count { grow(to: count + 20) }
        count += CanonicalJSON.writeDecimal(number, into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[count...])))
    }

    mutating func double(_ number: Double) {
        separate()
        var text = CanonicalJSON.format(number)
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    mutating func null() {
        separate()
        append(UnsafeRawBufferPointer(start: ("null" as StaticString).utf8Start, count: 4))
    }

    /// An array of strings.
    mutating func strings(_ texts: [String]) {
        beginArray()
        for text in texts { string(text) }
        endArray()
    }
}
