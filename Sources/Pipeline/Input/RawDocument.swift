/// A document as read, before any processing: cheap to produce, so one reader thread keeps many
/// workers busy. Decoding JSON and UTF-8 is left to the workers.
public struct RawDocument: Sendable {
    public enum Payload: Sendable {
        /// A whole text file, bytes as read.
        case text([UInt8])
        /// One JSON Lines record, bytes as read.
        case jsonLine([UInt8])
    }

    /// Where it came from: the path as given (`-` for standard input) and its first line.
    public var path: String
    public var line: Int
    /// The ID a text file gets: its name without extensions.
    public var fallbackID: String
    public var payload: Payload

    public init(path: String, line: Int, fallbackID: String, payload: Payload) {
        self.path = path
        self.line = line
        self.fallbackID = fallbackID
        self.payload = payload
    }

    public var byteCount: Int {
        switch payload {
        case let .text(bytes), let .jsonLine(bytes): bytes.count
        }
    }
}

/// What the reader yields: a document, or a failure that names the file and line and stands in the
/// document's place, so order is kept and nothing else is lost.
public enum InputItem: Sendable {
    case document(RawDocument)
    case failure(InputFailure)
    /// A blank line of a filter stream (`--stdin-jsonl`): it holds no document but keeps its place,
    /// as an empty output line, so output line N still answers input line N.
    case blank(line: Int)
}

/// A document that could not be read or processed.
public struct InputFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// The line, or nil when the failure concerns the whole file.
    public var line: Int?
    /// The document's ID when it is known: the record's own, or the one it would have had.
    public var id: String?
    public var reason: String
    /// Input bytes lost with it, for the summary.
    public var bytes: Int

    public init(path: String, line: Int?, id: String? = nil, reason: String, bytes: Int = 0) {
        self.path = path
        self.line = line
        self.id = id
        self.reason = reason
        self.bytes = bytes
    }

    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(reason)" }
}

extension InputFailure {
    /// A JSON Lines record over `--max-doc-bytes`: skipped without being read into memory.
    static func recordTooLong(path: String, line: Int, id: String, bytes: Int, limit: Int) -> InputFailure {
        InputFailure(path: path, line: line, id: id, reason: "record of \(bytes) bytes is larger than --max-doc-bytes (\(limit)); skipped", bytes: bytes)
    }

    /// The error record that stands in a failed document's place in filter mode:
    /// `{"error":…,"id":…,"source":{"line":…,"path":…}}`, canonical JSON like every output line.
    public var record: [UInt8] {
        var json: [UInt8] = []
        CanonicalJSON.write(.object([
            "error": .string(reason),
            "id": .optional(id),
            "source": .object(["path": .string(path), "line": line.map(JSONValue.int) ?? .null]),
        ]), into: &json)
        return json
    }
}
