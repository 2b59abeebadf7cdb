/// A string hashed and compared by its UTF-8 bytes, for the matcher's dictionaries.
///
/// Swift hashes and compares `String` under canonical equivalence, which means checking (and, for
/// text that is not NFC, computing) a normalization on every lookup. Matching keys are NFC by
/// construction and cached words come from NFC text, and for NFC strings byte equality is canonical
/// equivalence, so the bytes are enough. (A word given in another normalization form is merely
/// cached under its own bytes.)
struct ByteKey: Hashable {
    let text: String

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        a.text.utf8.count == b.text.utf8.count && a.withBytes { x in b.withBytes { y in x.elementsEqual(y) } }
    }

    func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
