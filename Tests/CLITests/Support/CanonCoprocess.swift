import Foundation

/// A running `canon` that a test talks to line by line, as a pipe peer (Spark's `RDD.pipe`, a shell
/// co-process) would: it writes a line, then waits for the answer while standard input stays open.
/// The deadline on each answer only guards against a hang; it is no timing target.
final class CanonCoprocess {
    private let process = Process()
    private let input = Pipe()
    private let answers: LineAnswers

    init(_ arguments: [String]) throws {
        let output = Pipe()
        process.executableURL = CanonProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = CanonProcess.packageRoot
        process.standardInput = input
        process.standardOutput = output
        answers = LineAnswers(output.fileHandleForReading)
        try process.run()
    }

    deinit { if process.isRunning { process.terminate() } }

    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// The next output line, or nil when none came within `seconds`.
    func nextLine(within seconds: Double = 120) -> String? {
        answers.next(within: seconds)
    }

    /// Closes standard input and returns the exit status.
    func finish() throws -> Int32 {
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Reads lines from a pipe on a background thread, so a test can wait for one with a deadline.
private final class LineAnswers: @unchecked Sendable {
    private var lines: [String] = []
    private let condition = NSCondition()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending = Data(pending[(newline + 1)...])
                    condition.lock()
                    lines.append(line)
                    condition.signal()
                    condition.unlock()
                }
            }
        }
    }

    func next(within seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while lines.isEmpty {
            if !condition.wait(until: deadline) { return nil }
        }
        return lines.removeFirst()
    }
}
