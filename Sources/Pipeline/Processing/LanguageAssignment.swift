/// The language of a document and of each of its paragraphs.
///
/// Each paragraph is detected on a short sample (CLD2 needs a sentence, not a page). The document's
/// language is the one most of its reliably detected text is in, and its confidence is the share
/// of the text that is; a paragraph too short to tell takes the document's language.
struct LanguageAssignment {
    var document: LanguageGuess
    var paragraphs: [LanguageGuess]

    static let paragraphSample = LanguageDetector(sampleBytes: 256)
    static let documentSample = LanguageDetector(sampleBytes: 2048)

    static func given(_ language: String, paragraphs count: Int) -> LanguageAssignment {
        LanguageAssignment(document: .given(language), paragraphs: Array(repeating: .given(language), count: count))
    }

    static func detect(_ blocks: [Substring], text: String) -> LanguageAssignment {
        let guesses = blocks.map { paragraphSample.detect($0) }
        var weight: [String: Int] = [:]
        var total = 0
        for (block, guess) in zip(blocks, guesses) {
            total += block.utf8.count
            if guess.reliable { weight[guess.language, default: 0] += block.utf8.count }
        }
        let document: LanguageGuess
        if let (language, bytes) = weight.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), total > 0 {
            document = LanguageGuess(language: language, confidence: (Double(bytes) / Double(total) * 100).rounded() / 100, reliable: true)
        } else {
            document = documentSample.detect(text)
        }
        let paragraphs = guesses.map { $0.reliable ? $0 : LanguageGuess(language: document.language, confidence: document.confidence, reliable: false) }
        return LanguageAssignment(document: document, paragraphs: paragraphs)
    }
}
