import Glibc

/// Reads standard input with plain `read(2)`, returning whatever the pipe holds, for filter mode.
///
/// zlib's reader (``CompressedFileReader``) waits until its whole buffer is full, which is right for
/// files and wrong for a pipe whose writer waits for our answer before sending more: a driver that
/// sends one line and reads one line would hang. This reader never waits for more than one `read`.
final class StandardInputReader: ChunkReader {
    private let descriptor: Int32 = 0

    func read(capacity: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: capacity)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count >= 0 {
                buffer.removeSubrange(count...)
                return buffer
            }
            if errno == EINTR { continue }
            throw PipelineError.unreadable(path: "-", reason: String(cString: strerror(errno)))
        }
    }

    /// Whether a `read` would return at once (data waiting, or the writer closed the pipe).
    var isReadable: Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) > 0
    }
}
