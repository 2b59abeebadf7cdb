import Foundation
@testable import Pipeline
import Testing

/// The output file's data is synced while the run writes it; the sink must still write every byte
/// in order, and a sync that fails must still stop the rename.
@Suite struct BackgroundDataSyncTests {
    /// Enough documents to flush the sink's one-megabyte buffer several times, each flush asking
    /// for a sync while the last may still be under way.
    @Test func aFileFlushedManyTimesHoldsEveryDocumentInOrder() throws {
        let folder = try Normalizing.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.jsonl").path
        let sink = try OutputSink(path: path, format: .jsonl)
        let filler = String(repeating: "Нгуен Фу Чонг ", count: 400)  // 10 KB a document
        var expected = ""
        for number in 0..<600 {
            let line = #"{"id":"\#(number)","text":"\#(filler)"}"#
            try sink.write(Array(line.utf8))
            expected += line + "\n"
        }
        try sink.finish()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
        // Only the output is left: the temporary file was renamed.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.jsonl"])
    }

    /// `fdatasync` refuses a pipe (EINVAL): the error is kept from the background and handed back.
    @Test func theFirstFailedSyncIsReportedAtTheEnd() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        let sync = BackgroundDataSync(descriptor: ends[1])
        sync.request()
        sync.request()
        #expect(sync.finish() == EINVAL)
        // A descriptor that syncs reports nothing.
        let file = try Normalizing.temporaryFolder().appendingPathComponent("x")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let descriptor = open(file.path, O_CREAT | O_WRONLY, 0o600)
        defer { close(descriptor) }
        #expect(write(descriptor, "x", 1) == 1)
        let good = BackgroundDataSync(descriptor: descriptor)
        good.request()
        #expect(good.finish() == nil)
    }
}
