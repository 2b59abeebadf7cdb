import Foundation

/// One input file and how to read it.
public struct InputFile: Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        /// `.txt`, `.md`, or anything named explicitly: one document per file.
        case text
        /// `.jsonl`, `.ndjson`: one document per line.
        case jsonLines
        /// Standard input: JSON Lines when it starts with `{`, else one text document.
        case standardInput
    }

    public var path: String
    public var kind: Kind
}

/// Expands the paths given on the command line into the files to read, in a stable order.
///
/// Folders are walked recursively and their files sorted by path, so the same folder always gives
/// the same output order. Inside folders only known extensions are read (`.txt`, `.md`, `.jsonl`,
/// `.ndjson`, each optionally `.gz`); a file named explicitly is read whatever its name, as text
/// unless it says JSON Lines. A path that does not exist becomes a failure, not an abort.
public enum InputFiles {
    public static let textExtensions: Set<String> = ["txt", "md"]
    public static let jsonLinesExtensions: Set<String> = ["jsonl", "ndjson"]

    public static func expand(_ paths: [String]) -> [Result<InputFile, InputFailure>] {
        var result: [Result<InputFile, InputFailure>] = []
        for path in paths {
            if path == "-" {
                result.append(.success(InputFile(path: "-", kind: .standardInput)))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.append(.failure(InputFailure(path: path, line: nil, reason: "no such file or folder")))
                continue
            }
            if !isDirectory.boolValue {
                result.append(.success(InputFile(path: path, kind: kind(of: path) ?? .text)))
                continue
            }
            guard let walker = FileManager.default.enumerator(atPath: path) else {
                result.append(.failure(InputFailure(path: path, line: nil, reason: "cannot list the folder")))
                continue
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let full = (path as NSString).appendingPathComponent(relative)
                var childIsDirectory: ObjCBool = false
                let name = (relative as NSString).lastPathComponent
                guard !name.hasPrefix("."), FileManager.default.fileExists(atPath: full, isDirectory: &childIsDirectory),
                      !childIsDirectory.boolValue, kind(of: full) != nil else { continue }
                found.append(full)
            }
            for file in found.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                result.append(.success(InputFile(path: file, kind: kind(of: file)!)))
            }
        }
        return result
    }

    /// The kind a file's name announces, or nil for a name Canon does not read inside folders.
    static func kind(of path: String) -> InputFile.Kind? {
        var name = (path as NSString).lastPathComponent.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        let ext = (name as NSString).pathExtension
        if textExtensions.contains(ext) { return .text }
        if jsonLinesExtensions.contains(ext) { return .jsonLines }
        return nil
    }

    /// The ID of a document from `path` (`-` for standard input), before any line number is added.
    static func documentStem(for path: String) -> String {
        path == "-" ? "stdin" : documentID(for: path)
    }

    /// A text file's document ID: its name without `.gz` and the text extension.
    static func documentID(for path: String) -> String {
        var name = (path as NSString).lastPathComponent
        if name.lowercased().hasSuffix(".gz") { name.removeLast(3) }
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }
}
