import ArgumentParser
import Foundation

/// How a subcommand fails: rendered once, here, as `canon: error: …` on stderr with the exit code
/// the README documents (2 for bad usage or configuration, 1 when some input failed).
enum CommandFailure: Error, CustomStringConvertible {
    /// A bad option, an unknown transform ID, a broken rule file: nothing was processed. Exit 2.
    case usage(String)

    var description: String {
        switch self {
        case let .usage(message): message
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .usage: ExitCode(2)
        }
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a ``CommandFailure`` into its message on stderr and its exit code.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("canon: error: \(failure.description)\n".utf8))
            throw failure.exitCode
        }
    }
}
