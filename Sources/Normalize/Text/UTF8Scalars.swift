/// Counts Unicode scalars over UTF-8 bytes: every byte that does not continue a scalar (10xxxxxx)
/// starts one. Scalar offsets are reported for every paragraph, mention and address in every
/// document, and decoding each scalar only to count it cost more than the rest of those passes.
enum UTF8Scalars {
    /// The number of scalars in `utf8`, eight bytes at a time.
    static func count(_ utf8: UnsafeRawBufferPointer) -> Int {
        var continuations = 0, i = 0
        let count = utf8.count
        while i + 8 <= count {
            let word = utf8.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // A continuation byte has bit 7 set and bit 6 clear.
            continuations += flagCount(word & ~(word << 1) & 0x8080_8080_8080_8080)
            i += 8
        }
        while i < count {
            if utf8[i] & 0xC0 == 0x80 { continuations += 1 }
            i += 1
        }
        return count - continuations
    }

    /// How many bytes of `flags` have their high bit set, for a word with no other bit set: one
    /// multiply that adds the eight bits up in the top byte. `nonzeroBitCount` is a dozen steps on
    /// the baseline x86-64 the package is built for, which has no population-count instruction.
    @inline(__always)
    static func flagCount(_ flags: UInt64) -> Int {
        Int(truncatingIfNeeded: ((flags >> 7) &* 0x0101_0101_0101_0101) >> 56)
    }
}

extension String {
    /// The number of Unicode scalars (`unicodeScalars.count`), counted over the UTF-8 bytes.
    public var scalarCount: Int {
        utf8.withContiguousStorageIfAvailable { UTF8Scalars.count(UnsafeRawBufferPointer($0)) } ?? unicodeScalars.count
    }
}
