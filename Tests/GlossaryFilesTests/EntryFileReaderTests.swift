import Foundation
@testable import GlossaryFiles
import Normalize
import Testing

/// Entry files are cut into parts parsed on several threads; whatever the cuts, the entries and
/// problems, with their lines and columns, must be those of reading each file whole.
@Suite struct EntryFileReaderTests {
    private func entryFiles(_ directory: String) throws -> [String] {
        try GlossaryLoader.entryFiles(in: directory).map { directory + "/" + $0 }
    }

    private func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("canon-entries-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func expectSameAsWhole(_ paths: [String], partBytes: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let whole = try EntryFileReader.read(paths, workers: 1)
        let cut = try EntryFileReader.read(paths, workers: 2, partBytes: partBytes)
        #expect(cut.map(\.entries) == whole.map(\.entries), sourceLocation: sourceLocation)
        #expect(cut.map(\.diagnostics) == whole.map(\.diagnostics), sourceLocation: sourceLocation)
    }

    @Test func cuttingTheBundledGlossaryAnywhereChangesNothing() throws {
        let paths = try entryFiles(Fixtures.bundledGlossary)
        let text = try String(contentsOfFile: Fixtures.bundledGlossary + "/people-vietnam.yaml", encoding: .utf8)
        #expect(EntryFileReader.cut(text, every: 4096).count > 10)
        // Every item a part of its own, and parts of a few items.
        for partBytes in [1, 4096] { try expectSameAsWhole(paths, partBytes: partBytes) }
        #expect(try EntryFileReader.read(paths, workers: 1).map(\.entries.count).reduce(0, +) > 800)
    }

    @Test func problemsKeepTheirLinesWhenTheFileIsCut() throws {
        let failing = ["disagrees-with-rules", "duplicate-id", "duplicate-variant", "empty-canonical", "missing-and-invalid",
                       "risky-variant", "unknown-key", "unknown-language", "yaml-syntax"]
        let paths = failing.map { Fixtures.root.appendingPathComponent("fail/\($0)/entries.yaml").path }
        try expectSameAsWhole(paths, partBytes: 1)
        let whole = try EntryFileReader.read(paths, workers: 1)
        #expect(whole.allSatisfy { !$0.diagnostics.isEmpty || !$0.entries.isEmpty })
    }

    @Test func anEntryInALaterPartKeepsItsLine() throws {
        let path = try temporaryFile("""
            # header
            - id: alpha
              type: term
              canonical: Alpha

            - id: beta
              type: term
              canonical: Beta
            - id: gamma
              type: term
              canonical: Gamma
              colour: green

            """)
        #expect(EntryFileReader.cut(try String(contentsOfFile: path, encoding: .utf8), every: 1).count == 3)
        let result = try #require(EntryFileReader.read([path], workers: 2, partBytes: 1).first)
        #expect(result.entries.map(\.location.line) == [2, 6, 9])
        #expect(result.diagnostics.map(\.location.line) == [12])
        try expectSameAsWhole([path], partBytes: 1)
    }

    /// A cut inside a quoted string, a flow list or between an anchor and its alias leaves a part
    /// that does not parse; the file is then read whole.
    @Test func cutsInsideAValueFallBackToReadingTheFileWhole() throws {
        let anchored = try temporaryFile("""
            - id: alpha
              type: term
              canonical: &name Alpha
            - id: beta
              type: term
              canonical: *name

            """)
        let whole = try #require(EntryFileReader.read([anchored], workers: 1).first)
        #expect(whole.entries.map(\.canonical) == ["Alpha", "Alpha"])
        try expectSameAsWhole([anchored], partBytes: 1)

        let quoted = try temporaryFile("""
            - id: alpha
              type: term
              canonical: "Alpha
            - and more"
            - id: beta
              type: term
              canonical: [Beta,
            - Gamma]

            """)
        try expectSameAsWhole([quoted], partBytes: 1)
    }

    /// The loader parses entry files while it compiles the transforms; one worker or several, it
    /// loads the same glossary and reports the same problems, the same error for a missing folder.
    @Test func theLoaderGivesTheSameResultOnOneThreadOrSeveral() throws {
        let one = try GlossaryLoader.loadReportingProblems(directory: Fixtures.bundledGlossary, workers: 1)
        let two = try GlossaryLoader.loadReportingProblems(directory: Fixtures.bundledGlossary, workers: 2)
        #expect(one.glossary.entries == two.glossary.entries)
        #expect(one.diagnostics == two.diagnostics)
        let failing = try Fixtures.assemble(failing: "unknown-key")
        let problems = try GlossaryLoader.loadReportingProblems(directory: failing, workers: 1).diagnostics
        #expect(!problems.isEmpty)
        #expect(try GlossaryLoader.loadReportingProblems(directory: failing, workers: 2).diagnostics == problems)
        let missing = Fixtures.root.appendingPathComponent("no-such-glossary").path
        let errors = [1, 2].map { workers in
            #expect(throws: GlossaryError.self) { try GlossaryLoader.loadReportingProblems(directory: missing, workers: workers) }
        }
        #expect(errors[0].map(String.init(describing:)) == errors[1].map(String.init(describing:)))
    }

    @Test func textWithOtherLineBreaksIsNeverCut() {
        #expect(EntryFileReader.cut("- id: a\r- id: b\r- id: c\r", every: 1).count == 1)
        #expect(EntryFileReader.cut("- id: a\n  note: x\u{2028}y\n- id: b\n", every: 1).count == 1)
        #expect(EntryFileReader.cut("- id: a\r\n- id: b\r\n", every: 1).count == 2)
    }
}
