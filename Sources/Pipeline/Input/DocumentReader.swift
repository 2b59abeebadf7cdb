/// Reads documents from input files in order, one at a time, holding at most one document (and one
/// read chunk) in memory: the stream ``BatchRunner`` consumes.
///
/// Failures that concern the input itself (a missing or unreadable file, binary data, a line or
/// file over the size limit) come out in place of the documents they cost; malformed JSON is found
/// later, by the worker that decodes the line.
public struct DocumentReader: DocumentStream {
    private var files: [Result<InputFile, InputFailure>]
    private var fileIndex = 0
    private var current: (file: InputFile, lines: LineReader)?
    private let maxDocumentBytes: Int

    public init(files: [Result<InputFile, InputFailure>], maxDocumentBytes: Int) {
        self.files = files
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// Files never make a slice wait for a slow writer.
    public var nextIsReady: Bool { true }

    public mutating func next() -> InputItem? {
        while true {
            if let (file, _) = current {
                if let item = nextLine(of: file) { return item }
                current = nil
                continue
            }
            guard fileIndex < files.count else { return nil }
            let entry = files[fileIndex]
            fileIndex += 1
            switch entry {
            case let .failure(failure):
                return .failure(failure)
            case let .success(file):
                if let item = open(file) { return item }
            }
        }
    }

    /// Opens `file`: a text document is returned whole; JSON Lines are set up to stream.
    private mutating func open(_ file: InputFile) -> InputItem? {
        let reader: CompressedFileReader
        do {
            reader = try CompressedFileReader(path: file.path)
        } catch {
            return .failure(InputFailure(path: file.path, line: nil, reason: "cannot read: \(reason(error))"))
        }
        var lines = LineReader(reader: reader, maxLineBytes: maxDocumentBytes)
        let first: ArraySlice<UInt8>
        do {
            first = try lines.firstBytes()
        } catch {
            return .failure(InputFailure(path: file.path, line: nil, reason: "cannot read: \(reason(error))"))
        }
        if lines.sawNUL {
            return .failure(InputFailure(path: file.path, line: nil, reason: "binary data (NUL bytes), not text; skipped"))
        }
        var kind = file.kind
        if kind == .standardInput {
            kind = first.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") ? .jsonLines : .text
        }
        if kind == .jsonLines {
            current = (InputFile(path: file.path, kind: .jsonLines), lines)
            return nil
        }
        return readWhole(file, first: Array(first), reader: reader)
    }

    private func readWhole(_ file: InputFile, first: [UInt8], reader: CompressedFileReader) -> InputItem {
        var bytes = first
        if bytes.count > maxDocumentBytes {
            return .failure(InputFailure(path: file.path, line: 1, reason: "document larger than --max-doc-bytes (\(maxDocumentBytes) bytes); skipped", bytes: bytes.count))
        }
        do {
            while true {
                let chunk = try reader.read()
                if chunk.isEmpty { break }
                if chunk.contains(0) {
                    return .failure(InputFailure(path: file.path, line: nil, reason: "binary data (NUL bytes), not text; skipped", bytes: bytes.count))
                }
                bytes += chunk
                if bytes.count > maxDocumentBytes {
                    return .failure(InputFailure(path: file.path, line: 1, reason: "document larger than --max-doc-bytes (\(maxDocumentBytes) bytes); skipped", bytes: bytes.count))
                }
            }
        } catch {
            return .failure(InputFailure(path: file.path, line: nil, reason: "cannot read: \(reason(error))", bytes: bytes.count))
        }
        return .document(RawDocument(path: file.path, line: 1, fallbackID: InputFiles.documentStem(for: file.path), payload: .text(bytes)))
    }

    private mutating func nextLine(of file: InputFile) -> InputItem? {
        while true {
            let line: LineReader.Line?
            do {
                line = try current!.lines.next()
            } catch {
                current = nil  // a stream that failed once cannot be trusted further
                return .failure(InputFailure(path: file.path, line: nil, reason: "read failed: \(reason(error)); the rest of the file is lost"))
            }
            switch line {
            case nil:
                return nil
            case let .tooLong(bytes, number):
                let id = "\(InputFiles.documentStem(for: file.path)):\(number)"
                return .failure(.recordTooLong(path: file.path, line: number, id: id, bytes: bytes, limit: maxDocumentBytes))
            case let .line(bytes, number):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }  // blank lines separate nothing
                let stem = InputFiles.documentStem(for: file.path)
                return .document(RawDocument(path: file.path, line: number, fallbackID: "\(stem):\(number)", payload: .jsonLine(bytes)))
            }
        }
    }

    private func reason(_ error: Error) -> String {
        if case let PipelineError.unreadable(_, reason) = error { return reason }
        return "\(error)"
    }
}
