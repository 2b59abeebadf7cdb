import Foundation

/// Where `canon normalize` writes: standard output, or a file written atomically (a temporary file
/// in the same folder, renamed over the target only when every document is written), so a failed
/// or interrupted run never leaves a half-written dataset behind. A device or a pipe is written
/// as it is (``OutputPath``).
public final class OutputSink {
    public enum Format: String, CaseIterable, Sendable {
        /// One JSON object per line.
        case jsonl
        /// One JSON array of the objects, one per line.
        case json
    }

    private let format: Format
    private let handle: FileHandle
    private let target: String?
    private let temporary: String?
    /// What error messages call the output.
    private let name: String
    /// Whether the output is a device or a pipe the sink opened (and closes when done).
    private var isOpenedStream = false
    private var buffer: [UInt8] = []
    private var count = 0
    /// Syncs the temporary file's data as it is written (nil for a stream).
    private var dataSync: BackgroundDataSync?

    /// Opens the output: `path` nil means standard output.
    ///
    /// - Throws: ``PipelineError/unwritable(path:reason:)`` when the folder cannot take the file.
    public init(path: String?, format: Format) throws {
        self.format = format
        guard let path else {
            handle = .standardOutput
            target = nil
            temporary = nil
            name = "standard output"
            return
        }
        name = path
        let file: String
        switch OutputPath(path) {
        case let .file(resolved):
            file = resolved
        case .folder:
            throw PipelineError.unwritable(path: path, reason: "it is a folder; name a file to write, such as \(path)/out.jsonl")
        case .stream:
            guard let opened = FileHandle(forWritingAtPath: path) else {
                throw PipelineError.unwritable(path: path, reason: String(cString: strerror(errno)))
            }
            handle = opened
            target = nil
            temporary = nil
            isOpenedStream = true
            buffer.reserveCapacity(1 << 20)
            return
        }
        let url = URL(fileURLWithPath: file)
        let temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil), let opened = FileHandle(forWritingAtPath: temporaryPath) else {
            throw PipelineError.unwritable(path: path, reason: "cannot create a file in \(url.deletingLastPathComponent().path)")
        }
        handle = opened
        target = file
        temporary = temporaryPath
        dataSync = BackgroundDataSync(descriptor: opened.fileDescriptor)
        buffer.reserveCapacity(1 << 20)
        interruption = Interruption(removing: temporaryPath)
    }

    /// Removes the temporary file when the run is interrupted (Ctrl-C, `kill`), so an abandoned run
    /// leaves neither a half-written target nor litter beside it.
    private var interruption: Interruption?

    /// Appends one document.
    public func write(_ json: [UInt8]) throws {
        if format == .json { buffer += Array((count == 0 ? "[\n" : ",\n").utf8) }
        buffer += json
        if format == .jsonl { buffer.append(UInt8(ascii: "\n")) }
        count += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Completes the output: closes the JSON array, flushes, and moves the file into place.
    public func finish() throws {
        if format == .json { buffer += Array((count == 0 ? "[]\n" : "\n]\n").utf8) }
        try flush()
        guard let target, let temporary else {
            // A reader of a pipe sees its end only once every writer has closed it.
            if isOpenedStream { try? handle.close() }
            return
        }
        if let failure = dataSync?.finish() {
            abandon()
            throw PipelineError.unwritable(path: name, reason: String(cString: strerror(failure)))
        }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            abandon()
            throw PipelineError.unwritable(path: name, reason: "\(error.localizedDescription)")
        }
        interruption = nil
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            abandon()
            throw PipelineError.unwritable(path: name, reason: reason)
        }
    }

    /// Gives up: the temporary file is removed and the target left as it was.
    public func abandon() {
        interruption = nil
        guard let temporary else { return }
        _ = dataSync?.finish()  // no sync may outlive the descriptor
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }

    /// Writes what is buffered now, for a reader waiting on each line (filter mode).
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            abandon()
            throw PipelineError.unwritable(path: name, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
        dataSync?.request()
    }
}

/// Watches SIGINT and SIGTERM while a temporary output file exists: the handler runs on a dispatch
/// queue (not in signal context), removes the file and exits with the shell's status for the signal.
private final class Interruption {
    private var sources: [DispatchSourceSignal] = []

    init(removing path: String) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                unlink(path)
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
