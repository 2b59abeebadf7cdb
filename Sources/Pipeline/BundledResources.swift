import Foundation

/// Finds the data Canon ships with its source: `glossaries/` (entries and transform rules) and the
/// sample corpus `seeds/`.
///
/// Canon runs from a checkout (`swift run canon`, `.build/release/canon`) or from a copy of the binary
/// elsewhere, so the folder is looked for in this order: an explicit path; `$CANON_GLOSSARIES`;
/// the current directory and its parents; the executable's directory and its parents.
public enum BundledResources {
    /// An error locating bundled data, worded for the command line.
    public struct NotFound: Error, CustomStringConvertible, Equatable {
        public var what: String
        public var searched: [String]
        public var description: String {
            "cannot find \(what); searched \(searched.joined(separator: ", ")). "
                + "Pass --glossary DIR or set CANON_GLOSSARIES."
        }
    }

    /// The glossary folder: `explicit` when given (it must exist), else the first `glossaries/` found.
    ///
    /// - Throws: ``NotFound`` with every place searched.
    public static func glossaryDirectory(explicit: String? = nil) throws -> String {
        if let explicit {
            guard isDirectory(explicit) else { throw NotFound(what: "glossary folder '\(explicit)'", searched: [explicit]) }
            return explicit
        }
        if let fromEnvironment = ProcessInfo.processInfo.environment["CANON_GLOSSARIES"], !fromEnvironment.isEmpty {
            guard isDirectory(fromEnvironment) else {
                throw NotFound(what: "glossary folder '\(fromEnvironment)' (from CANON_GLOSSARIES)", searched: [fromEnvironment])
            }
            return fromEnvironment
        }
        return try find("glossaries", containing: "transforms")
    }

    /// The transform rules folder inside a glossary folder.
    public static func transformsDirectory(in glossary: String) -> String {
        (glossary as NSString).appendingPathComponent("transforms")
    }

    /// The bundled sample corpus, `seeds/`.
    public static func seedsDirectory() throws -> String {
        try find("seeds", containing: nil)
    }

    private static func find(_ name: String, containing child: String?) throws -> String {
        var searched: [String] = []
        for root in searchRoots() {
            var directory = URL(fileURLWithPath: root).standardizedFileURL
            while true {
                let candidate = directory.appendingPathComponent(name).path
                searched.append(candidate)
                let hasChild = child.map { isDirectory((candidate as NSString).appendingPathComponent($0)) } ?? true
                if isDirectory(candidate), hasChild { return candidate }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        throw NotFound(what: "the bundled '\(name)/' folder", searched: searched.count > 4 ? Array(searched.prefix(2)) + ["…"] : searched)
    }

    private static func searchRoots() -> [String] {
        var roots = [FileManager.default.currentDirectoryPath]
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            roots.append((executable as NSString).deletingLastPathComponent)
        }
        return roots
    }

    private static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
