import Foundation
import Pipeline

/// The progress bar on stderr (documents, MB, MB/s), redrawn in place when stderr is a terminal.
final class ProgressLine {
    private let enabled: Bool
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ progress: BatchProgress) {
        guard enabled else { return }
        let rate = progress.seconds > 0 ? Double(progress.inputBytes) / 1e6 / progress.seconds : 0
        let line = String(format: "\r\u{1B}[Kcanon: %@ documents, %.1f MB, %.1f MB/s",
                          Self.grouped(progress.documents), Double(progress.inputBytes) / 1e6, rate)
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func clear() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    /// The one-line summary printed at the end.
    static func summary(_ summary: BatchSummary) -> String {
        String(format: "canon: %@ documents, %.2f MB, %@ mentions of %@ entities, %@ warnings, %@ failures, %.1f s, %.2f MB/s",
               grouped(summary.documents), Double(summary.inputBytes) / 1e6, grouped(summary.mentions), grouped(summary.entities),
               grouped(summary.warnings), grouped(summary.failures), summary.seconds, summary.megabytesPerSecond)
    }

    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return String(result.reversed())
    }
}
