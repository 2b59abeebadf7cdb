/// Transforms text from one script or transcription system to another, through ICU transforms.
///
/// Any ID ICU knows works (`Any-Latin; Latin-ASCII`, `Russian-Latin/BGN`, `Ukrainian-Latin/BGN`), and so
/// do Canon's own rule files once ``TransformRules/register(directory:)`` has loaded them
/// (`Vietnamese-Russian`), alone or composed with built-ins.
///
/// ```swift
/// let bgn = try Transliterator(id: "Russian-Latin/BGN")
/// bgn.transliterate("Нгуен Фу Чонг")   // "Nguyen Fu Chong"
/// ```
///
/// Thread safety: not thread-safe. Compile once, then give each worker its own ``clone()``.
/// ICU runs rule-based transforms behind one process-wide lock, so two threads transliterating at
/// once do not go faster than one: a pipeline that needs more transliteration throughput must use
/// more processes.
public final class Transliterator {
    /// The ID this transform was opened or compiled under.
    public let id: String
    private let icu: ICU.Transliterator

    private init(id: String, icu: ICU.Transliterator) {
        self.id = id
        self.icu = icu
    }

    /// Opens a built-in or registered transform, or a compound of them separated by `;`.
    ///
    /// - Parameter id: an ICU transform ID such as `Any-Latin; Latin-ASCII`.
    /// - Throws: ``NormalizeError/unknownTransform(id:suggestions:)`` naming the part of a compound
    ///   ID that is unknown and the closest known IDs.
    public convenience init(id: String) throws {
        do {
            self.init(id: id, icu: try ICU.Transliterator.open(id: id))
        } catch {
            throw Transliterator.unknownTransformError(id)
        }
    }

    /// Compiles rules in ICU's transform rule syntax.
    ///
    /// - Parameters:
    ///   - rules: the rules, with `#` comments, `::ID;` steps and variables allowed.
    ///   - id: the ID to give the transform, e.g. `Vietnamese-Russian`.
    ///   - file: the rules' source file, for error messages.
    /// - Throws: ``NormalizeError/invalidTransformRules(file:line:column:reason:before:after:)`` with
    ///   the line and column where ICU stopped.
    public convenience init(rules: String, id: String, file: String) throws {
        do {
            self.init(id: id, icu: try ICU.Transliterator.compile(id: id, rules: rules))
        } catch {
            throw TransformRules.error(error, rules: rules, file: file)
        }
    }

    /// `text`, transformed.
    ///
    /// - Complexity: O(*n*) in the length of the text, times the cost of the rules; ICU's Any-Latin
    ///   runs at about 15 MB/s on this project's machines.
    public func transliterate(_ text: String) -> String {
        if text.isEmpty { return text }
        return ICU.string(icu.transform(ICU.utf16(text)))
    }

    /// An independent copy of this transform for another worker.
    public func clone() -> sending Transliterator {
        Transliterator(id: id, icu: icu.clone())
    }

    /// Every transform ID available now, built-in and registered, sorted.
    public static func availableIDs() -> [String] {
        ICU.Transliterator.availableIDs().sorted()
    }

    /// Builds the error for an ID that did not open, naming the failing element of a compound ID.
    private static func unknownTransformError(_ id: String) -> NormalizeError {
        let elements = id.split(separator: ";").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        let failing = elements.first { (try? ICU.Transliterator.open(id: String($0))) == nil } ?? Substring(id)
        let known = availableIDs()
        return .unknownTransform(id: String(failing), suggestions: Similarity.closest(to: String(failing), among: known))
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }
}
