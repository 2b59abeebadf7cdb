/// The trie's edges, (node, key number) → child, in an open-addressing table of its own.
///
/// Every word of every text asks it whether the word begins a name, and compiling a large glossary
/// inserts hundreds of thousands of edges; `Dictionary` hashes each `UInt64` with SipHash, where one
/// multiplication spreads these keys well enough.
struct EdgeTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private(set) var count = 0

    /// A key no edge has: node and key number are never both all ones.
    private static let empty = UInt64.max

    init(minimumCapacity: Int = 16) {
        var size = 16
        while size < minimumCapacity * 2 { size *= 2 }
        keys = [UInt64](repeating: EdgeTable.empty, count: size)
        values = [Int32](repeating: 0, count: size)
    }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    subscript(key: UInt64) -> Int32? {
        get {
            let mask = keys.count - 1
            var slot = EdgeTable.slot(key, mask: mask)
            while true {
                let stored = keys[slot]
                if stored == key { return values[slot] }
                if stored == EdgeTable.empty { return nil }
                slot = (slot + 1) & mask
            }
        }
        set {
            precondition(key != EdgeTable.empty && newValue != nil, "edges are only added")
            if (count + 1) * 2 > keys.count { grow() }
            let mask = keys.count - 1
            var slot = EdgeTable.slot(key, mask: mask)
            while keys[slot] != EdgeTable.empty, keys[slot] != key { slot = (slot + 1) & mask }
            if keys[slot] == EdgeTable.empty { count += 1 }
            keys[slot] = key
            values[slot] = newValue!
        }
    }

    mutating func reserveCapacity(_ capacity: Int) {
        while keys.count < capacity * 2 { grow() }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: EdgeTable.empty, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (index, key) in oldKeys.enumerated() where key != EdgeTable.empty {
            var slot = EdgeTable.slot(key, mask: mask)
            while keys[slot] != EdgeTable.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = oldValues[index]
        }
    }
}
