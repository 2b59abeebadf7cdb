import FoundationEssentials

/// Canon's own transform rule files: loading, compiling and registering them with ICU.
///
/// Each `*.txt` file in `glossaries/transforms/` holds rules in ICU's transform syntax; its ID is the
/// file name without `.txt`, with `_` standing for the `/` that file names cannot hold
/// (`Vietnamese-Russian_Place.txt` is `Vietnamese-Russian/Place`). Registered transforms live in
/// ICU's process-wide registry, so they compose with built-in ones in compound IDs and a rule file
/// may use another with `::Vietnamese-Russian;`.
///
/// ```swift
/// try TransformRules.register(directory: "glossaries/transforms")
/// try Transliterator(id: "Vietnamese-Russian").transliterate("Tô Lâm")   // "То Лам"
/// ```
///
/// Thread safety: registration is serialized by a lock and may be called from any thread;
/// registering the same file twice is a no-op.
public enum TransformRules {
    /// A rule file that was compiled and registered.
    public struct Registered: Hashable, Sendable {
        /// The transform ID, e.g. `Vietnamese-Russian/Place`.
        public var id: String
        /// The file the rules came from.
        public var file: String
    }

    /// Registered rules by ID, so a second call with the same rules does not recompile them.
    private static let registered = Locked<[String: String]>([:])

    /// The transform ID a rule file defines, from its name.
    public static func id(forFile path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
        return stem.replacing("_", with: "/")
    }

    /// Compiles and registers every `*.txt` rule file in `directory`, in name order.
    ///
    /// A file that uses another file's transform (`::Vietnamese-Russian;`) is compiled after it,
    /// whatever their names.
    ///
    /// - Parameter directory: a folder such as `glossaries/transforms`.
    /// - Returns: the transforms registered, sorted by ID.
    /// - Throws: ``NormalizeError/unreadable(path:reason:)`` or
    ///   ``NormalizeError/invalidTransformRules(file:line:column:reason:before:after:)`` for the first
    ///   file that fails; files registered before it stay registered.
    @discardableResult
    public static func register(directory: String) throws -> [Registered] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw NormalizeError.unreadable(path: directory, reason: "not a readable directory")
        }
        var pending = try names.filter { $0.hasSuffix(".txt") }.sorted().map { name in
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            return (path: path, rules: try read(path))
        }
        var done: [Registered] = []
        // Compile in passes: a file whose `::Other-ID;` is not registered yet waits for the next pass.
        while !pending.isEmpty {
            var waiting: [(path: String, rules: String)] = []
            var errors: [NormalizeError] = []
            for file in pending {
                do {
                    done.append(try register(rules: file.rules, file: file.path))
                } catch let error as NormalizeError {
                    waiting.append(file)
                    errors.append(error)
                }
            }
            if waiting.count == pending.count {
                // Nothing progressed: report a real syntax error before a missing `::ID` it may cause.
                throw errors.first { !$0.isUnresolvedID } ?? errors[0]
            }
            pending = waiting
        }
        return done.sorted { $0.id < $1.id }
    }

    /// Compiles one rule file and registers it under the ID its name gives.
    ///
    /// - Throws: ``NormalizeError`` when the file cannot be read or compiled.
    @discardableResult
    public static func register(file path: String) throws -> Registered {
        try register(rules: try read(path), file: path)
    }

    private static func register(rules: String, file: String) throws -> Registered {
        let id = id(forFile: file)
        if registered.withLock({ $0[id] == rules }) { return Registered(id: id, file: file) }
        let compiled: ICU.Transliterator
        do {
            compiled = try ICU.Transliterator.compile(id: id, rules: rules)
        } catch {
            throw TransformRules.error(error, rules: rules, file: file)
        }
        registered.withLock { table in
            compiled.registerClone()
            table[id] = rules
        }
        return Registered(id: id, file: file)
    }

    private static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NormalizeError.unreadable(path: path, reason: "no such file or not readable")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw NormalizeError.unreadable(path: path, reason: "not valid UTF-8")
        }
        return text
    }

    /// Turns ICU's parse failure into a message with the file's line, column and text.
    ///
    /// ICU's transform parser reports a UTF-16 offset into the rules rather than a line, so the line
    /// and column are counted here. For an unknown `::ID` step it reports no position at all; the
    /// step is then found by opening each one.
    static func error(_ failure: ICU.Transliterator.ParseFailure, rules: String, file: String) -> NormalizeError {
        let lines = rules.split(separator: "\n", omittingEmptySubsequences: false)
        var line = 1, column = 1
        if failure.error.name == "U_INVALID_ID", let step = unknownStep(in: lines) {
            (line, column) = step
        } else if failure.offset > 0 {
            var seen = 0
            for scalar in rules.unicodeScalars {
                if seen >= failure.offset { break }
                seen += scalar.utf16.count
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
        } else if failure.line > 0 {
            line = failure.line
        }
        let text = line <= lines.count ? String(lines[line - 1].prefix(120)) : ""
        return .invalidTransformRules(file: file, line: line, column: column, reason: failure.error.name, excerpt: text)
    }

    /// The line and column of the first `::ID;` step whose ID does not open.
    private static func unknownStep(in lines: [Substring]) -> (Int, Int)? {
        for (index, line) in lines.enumerated() {
            let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let range = code.firstRange(of: "::") else { continue }
            var id = code[range.upperBound...].split(separator: ";").first.map { $0.trimmingSpaces() } ?? ""
            if id.hasPrefix("["), let close = id.firstIndex(of: "]") { id = id[id.index(after: close)...].trimmingSpaces() }
            if let paren = id.firstIndex(of: "(") { id = id[..<paren].trimmingSpaces() }
            guard !id.isEmpty, (try? ICU.Transliterator.open(id: String(id))) == nil else { continue }
            return (index + 1, code.distance(from: code.startIndex, to: range.lowerBound) + 1)
        }
        return nil
    }
}

extension NormalizeError {
    /// A rule file that failed only because a transform it uses is not registered (yet).
    var isUnresolvedID: Bool {
        if case let .invalidTransformRules(_, _, _, reason, _) = self { return reason == "U_INVALID_ID" }
        return false
    }
}
