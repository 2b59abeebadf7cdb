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
    /// Where each entry's key lies in `keyBytes`, and its hash: one record, so a probe reads one
    /// place.
    private struct Key {
        var start: Int32
        var length: Int32
        var hash: UInt32
    }
    private var keys: [Key] = []
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
        entry(for: key)?.value
    }

    /// The entry number of `key` (entries are numbered 0, 1, … in the order they were added, until
    /// ``removeAll()``), and its value.
    func entry(for key: UnsafeRawBufferPointer) -> (index: Int, value: Value)? {
        let hash = ByteTable.hash(key)
        return find(key, hash: hash).entry.map { ($0, values[$0]) }
    }

    /// Stores `value` for `key`, replacing any value it had, and returns the key's entry number.
    @discardableResult
    mutating func set(_ value: Value, for key: UnsafeRawBufferPointer) -> Int {
        let hash = ByteTable.hash(key)
        let (entry, slot) = find(key, hash: hash)
        if let entry {
            values[entry] = value
            return entry
        }
        return add(value, for: key, hash: hash, slot: slot)
    }

    /// Stores `value` for `key` unless the key is there already, and returns the key's entry number
    /// and whether it was new: `value(for:)` then `set(_:for:)` in one hash and one probe.
    @discardableResult
    mutating func insert(_ value: Value, for key: UnsafeRawBufferPointer) -> (index: Int, inserted: Bool) {
        let hash = ByteTable.hash(key)
        let (entry, slot) = find(key, hash: hash)
        if let entry { return (entry, false) }
        return (add(value, for: key, hash: hash, slot: slot), true)
    }

    /// Adds a new entry in the empty slot `find` gave, and returns its number.
    private mutating func add(_ value: Value, for key: UnsafeRawBufferPointer, hash: UInt32, slot: Int) -> Int {
        keys.append(Key(start: Int32(keyBytes.count), length: Int32(key.count), hash: hash))
        keyBytes.append(contentsOf: key)
        values.append(value)
        slots[slot] = Int32(values.count)
        if values.count * 2 > slots.count { grow() }
        return values.count - 1
    }

    /// Replaces the value of entry number `entry`, found earlier, without hashing its key again.
    mutating func replaceValue(ofEntry entry: Int, with value: Value) {
        values[entry] = value
    }

    mutating func removeAll() {
        keyBytes.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        for i in slots.indices { slots[i] = 0 }
    }

    /// The entry holding `key`, or the empty slot where it would go.
    private func find(_ key: UnsafeRawBufferPointer, hash: UInt32) -> (entry: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                keyBytes.withUnsafeBytes { stored in
                    while true {
                        let occupant = Int(slots[slot])
                        if occupant == 0 { return (nil, slot) }
                        let entry = occupant - 1
                        let record = keys[entry]
                        if record.hash == hash, Int(record.length) == key.count,
                           key.isEmpty || ByteTable.equal(UnsafeRawBufferPointer(start: stored.baseAddress! + Int(record.start), count: key.count), key) {
                            return (entry, slot)
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, record) in keys.enumerated() {
            var slot = Int(record.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }

    /// Byte equality of two buffers of the same length, eight bytes at a time, and the last one to
    /// seven in at most two loads that may overlap what was compared (as ``hash(_:)`` reads them):
    /// byte by byte, the tail of every word was most of a lookup's comparison.
    @inline(__always)
    static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let count = a.count
        if count >= 8 {
            var offset = 0
            while offset + 8 <= count {
                if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                    return false
                }
                offset += 8
            }
            return offset == count
                || a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 {
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        if count >= 2 {
            return a.loadUnaligned(as: UInt16.self) == b.loadUnaligned(as: UInt16.self)
                && a.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self) == b.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)
        }
        return count == 0 || a[0] == b[0]
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
        // The last one to seven bytes in at most two loads (overlapping where they must): with the
        // length already in `h`, the two loads tell every tail apart.
        let rest = key.count - offset
        if rest > 0 {
            let tail: UInt64
            if rest >= 4 {
                let low = key.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
                let high = key.loadUnaligned(fromByteOffset: key.count - 4, as: UInt32.self)
                tail = UInt64(low) | UInt64(high) << 32
            } else if rest >= 2 {
                let low = key.loadUnaligned(fromByteOffset: offset, as: UInt16.self)
                let high = key.loadUnaligned(fromByteOffset: key.count - 2, as: UInt16.self)
                tail = UInt64(low) | UInt64(high) << 16
            } else {
                tail = UInt64(key[offset])
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
