internal import CCLD2
import Normalize

/// A language guess for a piece of text.
public struct LanguageGuess: Hashable, Sendable {
    /// BCP 47 tag as the glossary spells languages (`nb` for Norwegian Bokmål, `und` when unknown).
    public var language: String
    /// CLD2's share of the sample's letters in `language` (0...1), halved when CLD2 says the guess
    /// is unreliable; 1 when the language was given rather than detected.
    public var confidence: Double
    /// Whether CLD2 judged the guess reliable (the top language clearly beats the second).
    public var reliable: Bool

    public init(language: String, confidence: Double, reliable: Bool) {
        self.language = language
        self.confidence = confidence
        self.reliable = reliable
    }

    /// A language the user or the input named: taken as certain.
    public static func given(_ language: String) -> LanguageGuess {
        LanguageGuess(language: language, confidence: 1, reliable: true)
    }

    public static let unknown = LanguageGuess(language: "und", confidence: 0, reliable: false)
}

/// Identifies the language of text through CLD2.
///
/// CLD2 scores about 22 MB/s here, slower than everything else Canon does per byte, so it only ever
/// sees a bounded sample: the first `sampleBytes` of the text, cut at a character boundary. A few
/// hundred bytes name a language as well as a whole book does.
///
/// Thread safety: CLD2 keeps no state between calls; any number of threads may detect at once.
public struct LanguageDetector: Sendable {
    /// How much text CLD2 sees per call, in UTF-8 bytes.
    public var sampleBytes: Int

    public init(sampleBytes: Int = 2048) {
        self.sampleBytes = sampleBytes
    }

    /// The most likely language of `text`.
    public func detect(_ text: Substring) -> LanguageGuess {
        let utf8 = text.utf8
        var end = utf8.index(utf8.startIndex, offsetBy: sampleBytes, limitedBy: utf8.endIndex) ?? utf8.endIndex
        // Never cut a character in two: CLD2 requires valid UTF-8.
        while end != utf8.endIndex, end != utf8.startIndex, utf8[end] & 0xC0 == 0x80 {
            end = utf8.index(before: end)
        }
        let sample = utf8[utf8.startIndex..<end]
        guard !sample.isEmpty else { return .unknown }
        var result = ccld2_result()
        func run(_ buffer: UnsafeBufferPointer<UInt8>) {
            buffer.withMemoryRebound(to: CChar.self) { chars in
                ccld2_detect(chars.baseAddress, Int32(chars.count), &result)
            }
        }
        // The paragraph's own bytes when they lie in one buffer (always, for native strings).
        if sample.withContiguousStorageIfAvailable(run) == nil {
            Array(sample).withUnsafeBufferPointer(run)
        }
        let code = withUnsafeBytes(of: result.code.0) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        let language = Self.tag(forCLD2Code: code)
        guard language != "und", result.text_bytes > 0 else { return .unknown }
        let share = Double(result.percent.0) / 100
        let reliable = result.reliable != 0
        let confidence = (share * (reliable ? 1 : 0.5) * 100).rounded() / 100
        return LanguageGuess(language: language, confidence: confidence, reliable: reliable)
    }

    public func detect(_ text: String) -> LanguageGuess { detect(text[...]) }

    /// CLD2 predates some BCP 47 choices: it says `no` for Bokmål and uses withdrawn codes.
    static func tag(forCLD2Code code: String) -> String {
        switch code {
        case "un", "": "und"
        case "no": "nb"
        case "iw": "he"
        case "in": "id"
        case "jw": "jv"
        case "zh-Hant": "zh-Hant"
        default: LanguageTag(parsing: code)?.description ?? "und"
        }
    }
}
