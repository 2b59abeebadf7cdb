extension String {
    /// The number of Unicode scalars, counted over the UTF-8 bytes (every byte that is not a
    /// continuation byte starts a scalar): `unicodeScalars.count` decodes each scalar, and the output's
    /// scalar offsets need this for every paragraph of every document.
    var scalarCount: Int {
        utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        } ?? unicodeScalars.count
    }
}
