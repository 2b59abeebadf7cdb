/// Recognises words typed with look-alike letters from another script, and repairs them.
///
/// Scraped and hand-typed text has Cyrillic names with a Latin `e`, `o`, `a`, `p` or `c` inside
/// (`Нгуeн`): invisible to a reader, fatal to exact matching. The UTS #39 confusable *skeleton* maps
/// look-alikes to one prototype, so two spellings that look the same share a skeleton;
/// ``repaired(_:)`` goes one step further and rewrites the stray letters into the word's own script,
/// so the word can be matched, inflected and transliterated like any other.
///
/// ```swift
/// let confusables = try Confusables()
/// confusables.skeleton("Нгуeн") == confusables.skeleton("Нгуен")   // true
/// confusables.repaired("Нгуeн")                                    // "Нгуен", all Cyrillic
/// ```
///
/// Thread safety: immutable after `init`; share one instance between threads.
public final class Confusables: Sendable {
    private let checker: ICU.SpoofChecker
    /// For each script, its letters by (skeleton, is-lowercase): the look-alike to substitute.
    private let lookAlikes: [Script: [LookAlikeKey: Unicode.Scalar]]

    private struct LookAlikeKey: Hashable, Sendable {
        var skeleton: String
        var isLowercase: Bool
    }

    /// Opens ICU's spoof checker and derives the look-alike table from its confusable data.
    ///
    /// - Throws: ``NormalizeError/icuUnavailable(operation:status:)`` when ICU's data is missing.
    public init() throws {
        let checker: ICU.SpoofChecker
        do {
            checker = try ICU.SpoofChecker()
        } catch {
            throw NormalizeError(error)
        }
        self.checker = checker
        var table: [Script: [LookAlikeKey: Unicode.Scalar]] = [:]
        for (script, range) in Confusables.repairableLetters {
            var byKey: [LookAlikeKey: Unicode.Scalar] = [:]
            for value in range {
                guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic,
                      Script(of: scalar) == script else { continue }
                let units = ICU.utf16(String(scalar))
                guard let skeleton = try? units.withUnsafeBufferPointer({ try checker.skeleton($0) }) else { continue }
                let key = LookAlikeKey(skeleton: ICU.string(skeleton), isLowercase: scalar.properties.isLowercase)
                // Keep the first letter in code-point order, which puts the core alphabet first.
                if byKey[key] == nil { byKey[key] = scalar }
            }
            table[script] = byKey
        }
        lookAlikes = table
    }

    /// The confusable skeleton of `text` (UTS #39): equal skeletons mean the strings look alike.
    ///
    /// - Complexity: O(*n*).
    public func skeleton(_ text: String) -> String {
        let units = ICU.utf16(text)
        return units.withUnsafeBufferPointer { buffer in
            (try? checker.skeleton(buffer)).map(ICU.string) ?? text
        }
    }

    /// `word` with every letter from a foreign script replaced by its look-alike in the word's
    /// primary script, or nil when the word is not mixed-script or some letter has no look-alike.
    ///
    /// - Parameter word: one word, e.g. a token from ``WordBreaker``.
    /// - Returns: the repaired word, entirely in its primary script.
    public func repaired(_ word: some StringProtocol) -> String? {
        let profile = ScriptProfile(of: word)
        guard profile.isMixed, let table = lookAlikes[profile.primary] else { return nil }
        var result = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            let script = Script(of: scalar)
            if script.isNeutral || script == profile.primary {
                result.append(scalar)
                continue
            }
            let key = LookAlikeKey(skeleton: skeleton(String(scalar)), isLowercase: scalar.properties.isLowercase)
            guard let replacement = table[key] else { return nil }
            result.append(replacement)
        }
        return String(result)
    }

    /// The scripts whose words Canon repairs, and the ranges their look-alike letters come from.
    private static let repairableLetters: [(Script, ClosedRange<UInt32>)] = [
        (.latin, 0x0041...0x024F),
        (.cyrillic, 0x0400...0x04FF),
        (.greek, 0x0370...0x03FF),
    ]
}
