import Foundation

/// Splits a stream into lines without ever holding more than one line and one chunk in memory, so
/// a 5 GB JSON Lines file streams through in constant space.
///
/// A line longer than `maxLineBytes` is not kept: its bytes are skipped up to the next newline and it
/// comes back as `.tooLong`, so one runaway record costs no memory and loses no other line.
struct LineReader {
    enum Line {
        case line([UInt8], number: Int)
        case tooLong(bytes: Int, number: Int)
    }

    private let reader: any ChunkReader
    private let maxLineBytes: Int
    private var chunk: [UInt8] = []
    private var position = 0
    private var number = 0
    private var finished = false
    /// Whether the first chunk held a NUL byte: binary data, not text.
    private(set) var sawNUL = false

    init(reader: any ChunkReader, maxLineBytes: Int) {
        self.reader = reader
        self.maxLineBytes = maxLineBytes
    }

    /// Peeks at the first chunk, for callers that decide by content (JSON Lines or text, binary).
    mutating func firstBytes() throws -> ArraySlice<UInt8> {
        if chunk.isEmpty, !finished { try refill() }
        return chunk[position...]
    }

    mutating func next() throws -> Line? {
        var line: [UInt8] = []
        var length = 0
        var overflow = false
        while true {
            if position == chunk.count {
                if finished { break }
                try refill()
                if position == chunk.count { break }
            }
            let rest = chunk[position...]
            if let newline = nextNewline() {
                length += newline - position
                if !overflow, length <= maxLineBytes { line.append(contentsOf: chunk[position..<newline]) } else { overflow = true }
                position = newline + 1
                number += 1
                return emit(line, length: length, overflow: overflow)
            }
            length += rest.count
            if !overflow, length <= maxLineBytes { line.append(contentsOf: rest) } else { overflow = true; line = [] }
            position = chunk.count
        }
        guard length > 0 || overflow else { return nil }
        number += 1
        return emit(line, length: length, overflow: overflow)
    }

    private func emit(_ line: [UInt8], length: Int, overflow: Bool) -> Line {
        if overflow || length > maxLineBytes { return .tooLong(bytes: length, number: number) }
        var line = line
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return .line(line, number: number)
    }

    /// Whether `next()` can return without reading: a whole line (or the end) is already in hand.
    var hasBufferedLine: Bool {
        finished || nextNewline() != nil
    }

    /// The offset in `chunk` of the first newline from `position` on: `memchr`, vectorised (a
    /// generic search of the slice went byte by byte through every record).
    private func nextNewline() -> Int? {
        chunk.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress, position < bytes.count,
                  let found = memchr(base + position, Int32(UInt8(ascii: "\n")), bytes.count - position) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private mutating func refill() throws {
        let isFirst = chunk.isEmpty && number == 0
        chunk = try reader.read()
        position = 0
        if chunk.isEmpty { finished = true }
        if isFirst, chunk.contains(0) { sawNUL = true }
    }
}

/// A source of bytes read a chunk at a time: a file (``CompressedFileReader``) or a pipe
/// (``StandardInputReader``).
protocol ChunkReader: AnyObject {
    /// The next chunk; empty at the end of the input.
    func read(capacity: Int) throws -> [UInt8]
}

extension ChunkReader {
    func read() throws -> [UInt8] { try read(capacity: 1 << 20) }
}
