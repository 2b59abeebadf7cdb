extension String {
    /// `withUTF8` on the string's own bytes where they lie in one buffer (always, for native
    /// strings), without the copy that a mutating `withUTF8` needs: that copy was retained and
    /// released for every string written and every line a cleanup pattern looked at.
    func withContiguousUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
