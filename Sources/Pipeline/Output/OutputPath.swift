import Foundation

/// How an output path is written. A regular file (or a path that does not exist yet) is replaced
/// atomically: a temporary file beside it, renamed over it. A rename replaces whatever the path
/// names, though, so a device, a pipe or a socket (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is
/// written in place instead: renamed over, `/dev/null` would become a regular file for every
/// program on the machine. A symbolic link is followed, so that the file it points to is replaced
/// and the link kept.
enum OutputPath: Equatable {
    /// Written through a temporary file in the same folder, renamed over this path.
    case file(String)
    /// Opened and written as it is.
    case stream(String)
    /// A folder: nothing can be written there.
    case folder(String)

    init(_ path: String) {
        var info = stat()
        // `stat` follows symbolic links: the kind is the kind of what the path leads to.
        guard stat(path, &info) == 0 else {
            self = .file(path)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .file(URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
        case S_IFDIR: self = .folder(path)
        default: self = .stream(path)
        }
    }
}
