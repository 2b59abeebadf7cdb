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
            continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 8
        }
        while i < count {
            if utf8[i] & 0xC0 == 0x80 { continuations += 1 }
            i += 1
        }
        return count - continuations
    }
}

extension String {
    /// The number of Unicode scalars (`unicodeScalars.count`), counted over the UTF-8 bytes.
    public var scalarCount: Int {
        utf8.withContiguousStorageIfAvailable { UTF8Scalars.count(UnsafeRawBufferPointer($0)) } ?? unicodeScalars.count
    }
}
