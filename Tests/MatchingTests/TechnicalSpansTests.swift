import Foundation
@testable import Normalize
import Testing

/// The pass that finds addresses and file names looks closely only at chunks with a mark inside
/// them; it must find exactly the chunks the full test calls technical.
@Suite struct TechnicalSpansTests {
    /// Every whitespace-separated chunk with its scalar range, and whether the full test calls it technical.
    static func chunks(of text: String) -> [(range: Range<Int>, technical: Bool)] {
        var result: [(Range<Int>, Bool)] = []
        var current: [Unicode.Scalar] = []
        var start = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar.properties.isWhitespace {
                if !current.isEmpty { result.append((start..<offset, TechnicalSpans.isTechnical(current))) }
                current = []
                start = offset + 1
            } else {
                current.append(scalar)
            }
        }
        let end = text.unicodeScalars.count
        if !current.isEmpty { result.append((start..<end, TechnicalSpans.isTechnical(current))) }
        return result
    }

    @Test func theShortcutFindsEveryChunkTheFullTestCallsTechnical() throws {
        var texts = try Bundled.seeds().map(\.text)
        texts.append("""
            Źródło: https://vtcnews.vn/a-b.html. Vietnam.vn (Vietnam.vn) ttxvn-2511-thu-tuong.jpg, mail@vnanet.vn: \
            www.(x Hanoi. said: abc@ a.(b «Vietnamplus.vn» x:/ end.
            """)
        // Every kind of space between chunks: no-break, thin, ideographic, next line, line separator.
        texts.append("a.vn\u{A0}b.com\u{2009}Hanoi.\u{3000}x@y.vn\u{85}z.jpg\u{2028}q.pl\u{202F}r.de\u{1680}s.cz\u{205F}t.org")
        var technical = 0
        for text in texts {
            let found = Set(TechnicalSpans.ranges(in: text))
            for chunk in Self.chunks(of: text) {
                #expect(found.contains(chunk.range) == chunk.technical, "\(text.unicodeScalars.dropFirst(chunk.range.lowerBound).prefix(chunk.range.count))")
                if chunk.technical { technical += 1 }
            }
        }
        #expect(technical >= 8)
    }
}
