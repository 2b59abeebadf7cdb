import Foundation
@testable import GlossaryFiles
import Normalize
import Testing

/// TBX and CSV exports import back without losing anything, through YAML and a fresh load.
@Suite struct InterchangeTests {
    enum Format: String, CaseIterable, Sendable { case tbx, csv }

    static func roundTrip(_ directory: String, through format: Format) throws -> (original: [GlossaryEntry], reloaded: [GlossaryEntry]) {
        try Fixtures.registerBundledTransforms()
        let original = try GlossaryLoader.load(directory: directory).entries
        let imported: ImportResult
        switch format {
        case .tbx: imported = TBXReader.read(Data(TBXWriter.write(original).utf8), file: "export.tbx")
        case .csv: imported = CSVFormat.read(CSVFormat.write(original, includeGenerated: true), file: "export.csv")
        }
        #expect(imported.problems == [])
        // Write the imported entries as YAML next to the original catalog files and load them again.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("canon-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: copy) }
        for item in ["languages.yaml", "languages", "generators.yaml"] {
            try FileManager.default.copyItem(atPath: directory + "/" + item, toPath: copy.appendingPathComponent(item).path)
        }
        try YAMLWriter.write(imported.entries).write(to: copy.appendingPathComponent("imported.yaml"), atomically: true, encoding: .utf8)
        let reloaded = try GlossaryLoader.load(directory: copy.path).entries
        return (original, reloaded)
    }

    static func expectSameEntries(_ original: [GlossaryEntry], _ reloaded: [GlossaryEntry]) {
        #expect(reloaded.count == original.count)
        let byID = Dictionary(reloaded.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for entry in original {
            guard let copy = byID[entry.id] else {
                Issue.record("entry \(entry.id) lost in the round trip")
                continue
            }
            #expect(ImportComparison.record(copy) == ImportComparison.record(entry), "\(entry.id) changed in the round trip")
        }
    }

    @Test(arguments: Format.allCases)
    func theFixtureSurvivesARoundTrip(_ format: Format) throws {
        let (original, reloaded) = try Self.roundTrip(Fixtures.pass, through: format)
        Self.expectSameEntries(original, reloaded)
    }

    @Test(arguments: Format.allCases)
    func theBundledGlossarySurvivesARoundTrip(_ format: Format) throws {
        let (original, reloaded) = try Self.roundTrip(Fixtures.bundledGlossary, through: format)
        #expect(original.count > 500)
        Self.expectSameEntries(original, reloaded)
    }

    @Test func tbxHasTheIsoStructureAndMarksGeneratedForms() throws {
        try Fixtures.registerBundledTransforms()
        let glossary = try GlossaryLoader.load(directory: Fixtures.pass)
        let tbx = TBXWriter.write([glossary.entry(id: "to-lam")!])
        #expect(tbx.contains("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"))
        #expect(tbx.contains("<conceptEntry id=\"to-lam\">"))
        #expect(tbx.contains("<langSec xml:lang=\"ru\">\n          <termSec>\n            <term>То Лам</term>"))
        #expect(tbx.contains("<note>canon.generated=Vietnamese-Russian</note>"))
        #expect(tbx.contains("<termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>"))
    }

    @Test func aForeignTbxV2FileImportsItsTerms() {
        let tbx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <martif type="TBX" xml:lang="en">
              <text><body>
                <termEntry id="c1">
                  <descrip type="subjectField">Finance</descrip>
                  <langSet xml:lang="en"><tig><term>official development assistance</term></tig></langSet>
                  <langSet xml:lang="ru"><tig><term>официальная помощь в целях развития</term></tig></langSet>
                  <langSet xml:lang="pl"><ntig><termGrp><term>oficjalna pomoc rozwojowa</term></termGrp></ntig></langSet>
                </termEntry>
              </body></text>
            </martif>
            """
        let result = TBXReader.read(Data(tbx.utf8), file: "cat-tool.tbx")
        #expect(result.entries.count == 1)
        let entry = result.entries[0]
        #expect(entry.id == "c1", "a valid concept id is kept, so re-imports match")
        #expect(entry.type == .term)
        #expect(entry.canonical == "official development assistance")
        #expect(entry.variants.map(\.form) == ["официальная помощь в целях развития", "oficjalna pomoc rozwojowa"])
        #expect(result.problems == ["cat-tool.tbx:4: concept 'c1' has subject field 'Finance', not a Canon type; imported as term"])
    }

    @Test func malformedXmlIsReportedWithItsLine() {
        let result = TBXReader.read(Data("<tbx>\n<text>\n<body>\n</tbx>".utf8), file: "broken.tbx")
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.hasPrefix("broken.tbx:4: not well-formed XML") == true, "\(result.problems)")
    }

    @Test func csvQuotesWhatNeedsQuotingAndReadsItBack() {
        let records = CSVFormat.parse("entry_id,canonical,ru\r\noda,\"ODA, the term\",\"ОПР | \"\"ОПР\"\"\"\r\nx,\"two\nlines\",\r\n")
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(records[1].fields == ["oda", "ODA, the term", "ОПР | \"ОПР\""])
        #expect(records[2].fields == ["x", "two\nlines", ""])
        #expect(CSVFormat.quote("plain") == "plain")
        #expect(CSVFormat.quote("a,b") == "\"a,b\"")
    }
}
