@testable import Normalize
import Testing

/// The trie's edge table against a dictionary, through growth.
@Suite struct EdgeTableTests {
    @Test func itAgreesWithADictionary() {
        var table = EdgeTable(minimumCapacity: 2)
        var reference: [UInt64: Int32] = [:]
        var state: UInt64 = 7
        for n in 0..<50_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // Node numbers in the high half, key numbers in the low half, as the trie makes them;
            // a few repeated keys, which keep their first child.
            let key = (state >> 40) << 32 | (state & 0xFFFF)
            if reference[key] == nil {
                reference[key] = Int32(n)
                table[key] = Int32(n)
            }
        }
        #expect(table.count == reference.count)
        for (key, value) in reference { #expect(table[key] == value) }
        #expect(table[UInt64(1) << 63] == nil && table[0] == reference[0])
    }
}
