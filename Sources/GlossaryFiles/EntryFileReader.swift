import Dispatch
import Foundation
import Normalize

/// Reads entry files into entries and the problems found in them, parsing and decoding on several
/// cores: parsing YAML into nodes and decoding them was two thirds of loading a 100,000-variant
/// glossary, and one file (a generated one, or a large theme) can hold most of the entries.
///
/// A file is cut into parts at lines that open a top-level list item (`- ` in the first column),
/// and each part is parsed from its own line of the file, so nodes and problems keep their lines.
/// Whether a cut was safe is checked afterwards rather than guessed up front: a cut inside anything
/// that runs on past it (a quoted string, a flow list, an alias of an anchor in an earlier part, a
/// second document) leaves a part that does not parse or whose root is not a list, and then the
/// file is parsed again whole, which reports exactly what it always reported. Files whose lines
/// libyaml would count by more than `\n` (a lone CR, NEL, LS or PS) are never cut.
enum EntryFileReader {
    struct FileResult: Sendable {
        var entries: [GlossaryEntry] = []
        var diagnostics: [GlossaryDiagnostic] = []
    }

    /// A part of a file, parsed by one worker.
    private struct Part: Sendable {
        var file: Int
        var text: String
        var firstLine: Int
    }

    /// Parts smaller than this are not worth a worker's start-up.
    static let minimumPartBytes = 64 * 1024

    /// The entries and problems of each file of `paths`, in order; the same whatever `workers` is.
    /// `partBytes`, for tests, overrides the size of the parts files are cut into.
    ///
    /// - Throws: ``GlossaryError/unreadable(path:reason:)`` for the first file that cannot be read.
    static func read(_ paths: [String], workers: Int, partBytes: Int? = nil) throws(GlossaryError) -> [FileResult] {
        var texts: [String] = []
        for path in paths { texts.append(try YAMLFile.text(of: path)) }
        guard workers > 1 else {
            return zip(paths, texts).map { path, text in decode(YAMLFile(path: path, text: text)).result }
        }
        let total = texts.reduce(0) { $0 + $1.utf8.count }
        // A few parts per worker, so that one slow part does not leave the others idle.
        let partBytes = partBytes ?? max(minimumPartBytes, total / (workers * 4))
        let parts = texts.enumerated().flatMap { file, text in
            cut(text, every: partBytes).map { Part(file: file, text: $0.text, firstLine: $0.firstLine) }
        }
        let slots = ResultSlots<(result: FileResult, complete: Bool)>(count: parts.count)
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: min(workers, parts.count)) { _ in
            while let index = next.take(below: parts.count) {
                let part = parts[index]
                slots.set(index, decode(YAMLFile(path: paths[part.file], text: part.text, firstLine: part.firstLine)))
            }
        }
        let cutFiles = Set(parts.filter { $0.firstLine > 1 }.map(\.file))
        var results = Array(repeating: FileResult(), count: paths.count)
        var incomplete: Set<Int> = []
        for (part, outcome) in zip(parts, slots.values) {
            guard let outcome else { preconditionFailure("a part was not read") }
            // A file left in one part has been read whole already, whatever its root.
            if !outcome.complete, cutFiles.contains(part.file) { incomplete.insert(part.file) }
            results[part.file].entries += outcome.result.entries
            results[part.file].diagnostics += outcome.result.diagnostics
        }
        for file in incomplete.sorted() {
            results[file] = decode(YAMLFile(path: paths[file], text: texts[file])).result
        }
        return results
    }

    /// The entries of `file`'s root list; complete when the root parsed and is a list.
    private static func decode(_ file: YAMLFile) -> (result: FileResult, complete: Bool) {
        var file = file
        var complete = false
        if case .sequence = file.root { complete = true }
        var entries: [GlossaryEntry] = []
        for node in file.rootSequence(of: "entries") {
            if let entry = EntryDecoder.decode(node, in: &file) { entries.append(entry) }
        }
        return (FileResult(entries: entries, diagnostics: file.diagnostics), complete)
    }

    /// `text` in parts of about `bytes` each, cut before lines that start with `- ` or are `-`
    /// alone, with the line each part starts on; the whole text when it is short or has line
    /// breaks other than `\n` and `\r\n`.
    static func cut(_ text: String, every bytes: Int) -> [(text: String, firstLine: Int)] {
        var text = text
        return text.withUTF8 { utf8 -> [(text: String, firstLine: Int)] in
            let count = utf8.count
            guard count > bytes, countsLinesByLineFeed(utf8) else { return [(String(decoding: utf8, as: UTF8.self), 1)] }
            // The line opening a top-level item at or after `position` (the end when none does).
            func nextItem(from position: Int) -> Int {
                var line = position
                while line < count, !((line == 0 || utf8[line - 1] == 0x0A) && opensTopLevelItem(utf8, at: line)) { line += 1 }
                return line
            }
            // The first part holds the header comments and at least the first item.
            var starts = [0]
            var position = max(bytes, nextItem(from: 0) + 1)
            while position < count {
                let line = nextItem(from: position)
                guard line < count else { break }
                starts.append(line)
                position = line + bytes
            }
            var parts: [(text: String, firstLine: Int)] = []
            var lineNumber = 1, counted = 0
            for (index, start) in starts.enumerated() {
                let end = index + 1 < starts.count ? starts[index + 1] : count
                lineNumber += utf8[counted..<start].count(where: { $0 == 0x0A })
                counted = start
                parts.append((String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self), lineNumber))
            }
            return parts
        }
    }

    /// Whether the line at `index` is `-` followed by a space or the end of the line.
    private static func opensTopLevelItem(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard utf8[index] == 0x2D, index + 1 < utf8.count else { return false }
        switch utf8[index + 1] {
        case 0x20, 0x0A: return true
        case 0x0D: return index + 2 < utf8.count && utf8[index + 2] == 0x0A
        default: return false
        }
    }

    /// Whether libyaml would count the lines of `utf8` by its line feeds alone: no CR outside
    /// CR LF, and no NEL (U+0085), LINE SEPARATOR or PARAGRAPH SEPARATOR, which it also counts.
    private static func countsLinesByLineFeed(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in utf8.indices {
            switch utf8[index] {
            case 0x0D where index + 1 == utf8.count || utf8[index + 1] != 0x0A: return false
            case 0xC2 where index + 1 < utf8.count && utf8[index + 1] == 0x85: return false
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                return false
            default: continue
            }
        }
        return true
    }
}
