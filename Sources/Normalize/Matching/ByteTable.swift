/// A hash table keyed by byte strings that is looked up with a view of bytes, not a `String`.
///
/// The matcher looks every word of a text up by its UTF-8 bytes. With a `String` key each lookup first
/// copies the word out of the text (a heap allocation for most Cyrillic words, which pass 15 bytes)
/// and hashes it with SipHash; here the word's bytes are hashed where they lie, and the table keeps
/// its keys side by side in one buffer. Keys are compared byte for byte: Swift compares `String`s
/// under canonical equivalence, normalizing as it goes, but matching keys are NFC by construction
/// and words come from NFC text, and for NFC text byte equality is canonical equivalence. (A word
/// given in another normalization form is merely cached under its own bytes.)
struct ByteTable<Value> {
    /// All keys, one after another.
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int32] = []
    private var keyLengths: [Int32] = []
    private var hashes: [UInt32] = []
    private(set) var values: [Value] = []
    /// Open addressing, linear probing: entry index + 1, or 0 for an empty slot.
    private var slots: [Int32]

    init(minimumCapacity: Int = 64) {
        var size = 16
        while size < minimumCapacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
    }

    var count: Int { values.count }

    /// The value stored for `key`, if any.
    func value(for key: UnsafeRawBufferPointer) -> Value? {
        let hash = ByteTable.hash(key)
        return find(key, hash: hash).entry.map { values[$0] }
    }

    /// Stores `value` for `key`, replacing any value it had.
    mutating func set(_ value: Value, for key: UnsafeRawBufferPointer) {
        let hash = ByteTable.hash(key)
        let (entry, slot) = find(key, hash: hash)
        if let entry {
            values[entry] = value
            return
        }
        keyStarts.append(Int32(keyBytes.count))
        keyLengths.append(Int32(key.count))
        keyBytes.append(contentsOf: key)
        hashes.append(hash)
        values.append(value)
        slots[slot] = Int32(values.count)
        if values.count * 2 > slots.count { grow() }
    }

    mutating func removeAll() {
        keyBytes.removeAll(keepingCapacity: true)
        keyStarts.removeAll(keepingCapacity: true)
        keyLengths.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        for i in slots.indices { slots[i] = 0 }
    }

    /// The entry holding `key`, or the empty slot where it would go.
    private func find(_ key: UnsafeRawBufferPointer, hash: UInt32) -> (entry: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            keyBytes.withUnsafeBytes { stored in
                while true {
                    let occupant = Int(slots[slot])
                    if occupant == 0 { return (nil, slot) }
                    let entry = occupant - 1
                    if hashes[entry] == hash, Int(keyLengths[entry]) == key.count,
                       ByteTable.equal(UnsafeRawBufferPointer(rebasing: stored[Int(keyStarts[entry])...].prefix(key.count)), key) {
                        return (entry, slot)
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for entry in hashes.indices {
            var slot = Int(hashes[entry]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }

    /// Byte equality of two buffers of the same length, eight bytes at a time.
    @inline(__always)
    static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset + 8 <= a.count {
            if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                return false
            }
            offset += 8
        }
        while offset < a.count {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }

    /// A fast non-cryptographic hash of a few dozen bytes: eight at a time, multiply and fold. The
    /// table is private to one process, so nothing depends on its values.
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt32 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        var offset = 0
        while offset + 8 <= key.count {
            let chunk = key.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            h = (h ^ chunk) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            offset += 8
        }
        if offset < key.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < key.count {
                tail |= UInt64(key[offset]) << shift
                shift += 8
                offset += 1
            }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return UInt32(truncatingIfNeeded: h)
    }
}

extension ByteTable: Sendable where Value: Sendable {}
