import Foundation

/// Writes a file so that readers see either the old content or the new, never a half-written file:
/// the data goes to a temporary file in the same folder, is flushed, and is renamed over the target.
/// A device or a pipe is written as it is (``OutputPath``).
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    ///
    /// - Throws: `CocoaError` when the folder is not writable or `path` is a folder; the target is
    ///   then untouched.
    public static func write(_ data: Data, to path: String) throws {
        let file: String
        switch OutputPath(path) {
        case let .file(resolved):
            file = resolved
        case .folder:
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "\(path) is a folder"])
        case .stream:
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            try handle.write(contentsOf: data)
            try handle.close()
            return
        }
        let target = URL(fileURLWithPath: file)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, target.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
