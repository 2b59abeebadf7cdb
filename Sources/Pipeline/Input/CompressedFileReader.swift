internal import CZlib
import Glibc

/// Reads a file, or standard input, a chunk at a time, inflating gzip on the fly (zlib detects
/// compression from the data, so `.gz` names are a hint, not a requirement).
///
/// This file imports Glibc, not Foundation, to keep the C side of Pipeline small (Foundation's ICU
/// headers and the system's do not mix; see "The ICU boundary" in docs/ARCHITECTURE.md).
final class CompressedFileReader: ChunkReader {
    private var file: OpaquePointer?
    let path: String

    /// Opens `path`, or standard input when `path` is `-`.
    init(path: String) throws {
        self.path = path
        let handle = path == "-" ? czlib_open(nil) : czlib_open(path)
        guard let handle else {
            throw PipelineError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        file = handle
    }

    deinit { czlib_close(file) }

    /// Up to `capacity` bytes; empty at the end of the input.
    func read(capacity: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: capacity)
        let count = buffer.withUnsafeMutableBytes { czlib_read(file, $0.baseAddress, UInt32($0.count)) }
        guard count >= 0 else {
            let reason = String(cString: czlib_error(file))
            throw PipelineError.unreadable(path: path, reason: reason == "" ? String(cString: strerror(errno)) : reason)
        }
        if count == 0, czlib_truncated(file) != 0 {
            throw PipelineError.unreadable(path: path, reason: "compressed data ends early (truncated file)")
        }
        buffer.removeSubrange(Int(count)...)
        return buffer
    }
}
