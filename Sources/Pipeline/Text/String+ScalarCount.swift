extension String {
    /// The number of Unicode scalars, counted over the UTF-8 bytes (every byte that is not a
    /// continuation byte starts a scalar): `unicodeScalars.count` decodes each scalar, and the output's
    /// scalar offsets need this for every paragraph of every document.
    var scalarCount: Int {
        utf8.withContiguousStorageIfAvailable { bytes in
            // Eight bytes at a time: a continuation byte is 10xxxxxx, its bit 7 set and bit 6 clear.
            let raw = UnsafeRawBufferPointer(bytes)
            var continuations = 0, i = 0
            while i + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                i += 8
            }
            while i < raw.count {
                if raw[i] & 0xC0 == 0x80 { continuations += 1 }
                i += 1
            }
            return raw.count - continuations
        } ?? unicodeScalars.count
    }
}
