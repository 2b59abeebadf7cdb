/// What can go wrong reading input, as data the CLI renders: every case names the file and, where
/// there is one, the line.
public enum PipelineError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case malformedRecord(path: String, line: Int, reason: String)
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "\(path): cannot read: \(reason)"
        case let .malformedRecord(path, line, reason): "\(path):\(line): \(reason)"
        case let .unwritable(path, reason): "\(path): cannot write: \(reason)"
        }
    }
}
