import Foundation
@testable import Pipeline
import Testing

/// Output goes to a file atomically, but a device or a pipe is written as it is: renamed over,
/// `/dev/null` would become a regular file for the whole machine (one such run did that here).
@Suite struct OutputPathTests {
    static func kind(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    @Test func theNullDeviceStaysADeviceWhenWrittenTo() throws {
        // Only where it is one to begin with.
        guard Self.kind("/dev/null") == S_IFCHR else { return }
        #expect(OutputPath("/dev/null") == .stream("/dev/null"))
        let sink = try OutputSink(path: "/dev/null", format: .jsonl)
        try sink.write(Array(#"{"id":"1"}"#.utf8))
        try sink.finish()
        try AtomicFile.write(Data("x".utf8), to: "/dev/null")
        #expect(Self.kind("/dev/null") == S_IFCHR)
    }

    /// What a reader thread read, handed back once it is done.
    final class Received: @unchecked Sendable {
        var data = Data()
    }

    @Test(.timeLimit(.minutes(1))) func aPipeIsWrittenInPlaceAndReadWhole() throws {
        let folder = try Normalizing.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("out.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(OutputPath(fifo) == .stream(fifo))
        // The reader opens its end first, on a thread of its own, and reads to the end.
        let read = DispatchSemaphore(value: 0)
        let received = Received()
        Thread.detachNewThread {
            if let reader = FileHandle(forReadingAtPath: fifo) { received.data = reader.readDataToEndOfFile() }
            read.signal()
        }
        let sink = try OutputSink(path: fifo, format: .json)
        try sink.write(Array(#"{"id":"1"}"#.utf8))
        try sink.write(Array(#"{"id":"2"}"#.utf8))
        // Finishing closes the pipe: the reader sees its end.
        try sink.finish()
        read.wait()
        #expect(String(decoding: received.data, as: UTF8.self) == "[\n{\"id\":\"1\"},\n{\"id\":\"2\"}\n]\n")
        #expect(Self.kind(fifo) == S_IFIFO)
    }

    @Test func aLinkKeepsBeingALinkAndItsFileIsReplaced() throws {
        let folder = try Normalizing.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("data.jsonl").path, link = folder.appendingPathComponent("latest.jsonl").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        let sink = try OutputSink(path: link, format: .jsonl)
        try sink.write(Array(#"{"id":"new"}"#.utf8))
        try sink.finish()
        #expect(Self.kind(link) == S_IFLNK)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "{\"id\":\"new\"}\n")
        try AtomicFile.write(Data("again\n".utf8), to: link)
        #expect(Self.kind(link) == S_IFLNK)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "again\n")
    }

    @Test func aFolderIsRefusedBeforeAnythingIsWritten() throws {
        let folder = try Normalizing.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: PipelineError.self) { try OutputSink(path: folder.path, format: .jsonl) }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true)
        #expect(throws: (any Error).self) { try AtomicFile.write(Data("x".utf8), to: folder.path) }
    }
}
