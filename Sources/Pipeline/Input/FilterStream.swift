/// What ``BatchRunner`` consumes: input items in order, and whether the next one is already here.
public protocol DocumentStream: Sequence, IteratorProtocol where Element == InputItem {
    /// Whether `next()` would return without waiting for input. A slice ends early when it would
    /// not, so in filter mode each answer goes out as soon as the lines before it are done,
    /// rather than after 512 more lines that the writer may be waiting to send.
    var nextIsReady: Bool { get }
}

/// Standard input read as a filter (`canon normalize --stdin-jsonl`): one JSON Lines record per
/// line, and one item per line, blank lines included, so the output lines up with the input.
///
/// The source it reports can be set, so a driver that feeds Canon pieces of a larger file (a Spark
/// partition, a Hadoop split) gets the same `source`, and the same fallback IDs, as a run over the
/// whole file: `sourcePath` is the file's name and `firstLine` the line the piece starts at.
public struct FilterStream: DocumentStream {
    private let input = StandardInputReader()
    private var lines: LineReader
    private let sourcePath: String
    private let stem: String
    private let lineOffset: Int
    private let maxDocumentBytes: Int
    private var failed = false

    public init(sourcePath: String = "-", firstLine: Int = 1, maxDocumentBytes: Int) {
        lines = LineReader(reader: input, maxLineBytes: maxDocumentBytes)
        self.sourcePath = sourcePath
        stem = InputFiles.documentStem(for: sourcePath)
        lineOffset = firstLine - 1
        self.maxDocumentBytes = maxDocumentBytes
    }

    public var nextIsReady: Bool { failed || lines.hasBufferedLine || input.isReadable }

    public mutating func next() -> InputItem? {
        guard !failed else { return nil }
        let line: LineReader.Line?
        do {
            line = try lines.next()
        } catch {
            failed = true
            var reason = "\(error)"
            if case let PipelineError.unreadable(_, message) = error { reason = message }
            return .failure(InputFailure(path: sourcePath, line: nil, reason: "read failed: \(reason); the rest of the input is lost"))
        }
        switch line {
        case nil:
            return nil
        case let .tooLong(bytes, number):
            let number = number + lineOffset
            return .failure(.recordTooLong(path: sourcePath, line: number, id: "\(stem):\(number)", bytes: bytes, limit: maxDocumentBytes))
        case let .line(bytes, number):
            let number = number + lineOffset
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return .blank(line: number) }
            return .document(RawDocument(path: sourcePath, line: number, fallbackID: "\(stem):\(number)", payload: .jsonLine(bytes)))
        }
    }
}
