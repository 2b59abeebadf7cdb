@testable import Normalize
import Testing

@Suite struct VariantRiskTests {
    let validator = GlossaryValidator(languages: LanguageCatalog([
        LanguageCatalog.Language(tag: LanguageTag(parsing: "pl")!, name: "Polish", script: "Latn", commonWords: ["na", "rok"]),
    ]), generator: nil)
    let entry = GlossaryEntry(id: "x", type: .term, canonical: "X", location: SourceLocation(file: "t.yaml", line: 1, column: 1))

    /// Only a one-word variant can be mistaken for an ordinary word: a word is a run of characters
    /// between spaces and hyphens, so a stray hyphen or space around it leaves it one word.
    @Test func onlyOneWordVariantsAreRisky() {
        let pl = LanguageTag(parsing: "pl")!
        #expect(validator.risk(of: "rok", in: pl, entry: entry) == "a single word of 3 letters")
        #expect(validator.risk(of: "-rok", in: pl, entry: entry) == "a single word of 3 letters")
        #expect(validator.risk(of: " rok- ", in: pl, entry: entry) == "a single word of 3 letters")
        #expect(validator.risk(of: "Roku", in: pl, entry: entry) == nil)
        #expect(validator.risk(of: "na", in: pl, entry: entry) == "a single word of 2 letters")
        #expect(validator.risk(of: "na rok", in: pl, entry: entry) == nil)
        #expect(validator.risk(of: "na-rok", in: pl, entry: entry) == nil)
        #expect(validator.risk(of: "na\u{A0}rok", in: pl, entry: entry) == nil)
        #expect(validator.risk(of: "ODA", in: pl, entry: entry) == nil)
        #expect(validator.risk(of: "-", in: pl, entry: entry) == nil)
    }
}
