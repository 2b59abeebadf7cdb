import Foundation
@testable import GlossaryFiles
import Normalize
import Testing

/// A compiled glossary must give back exactly the glossary it was made from, and a damaged file
/// must be refused with a message, never half-read.
@Suite struct GlossarySnapshotTests {
    static let compiled: GlossarySnapshot = {
        do {
            return try GlossarySnapshot.compile(directory: Fixtures.bundledGlossary).snapshot
        } catch {
            fatalError("the bundled glossary must compile: \(error)")
        }
    }()

    @Test func theBundledGlossaryComesBackEntryForEntryWithItsLanguagesAndCleanupRules() throws {
        let bytes = Self.compiled.encoded()
        let back = try GlossarySnapshot.decode(bytes)
        let original = Self.compiled.glossary
        #expect(back.glossary.entries.count == original.entries.count)
        #expect(back.glossary.entries == original.entries, "every field of every entry, generated variants and locations included")
        #expect(back.glossary.languages.languages == original.languages.languages)
        #expect(back.glossary.languages.inflection == original.languages.inflection)
        #expect(back.cleanupFiles == Self.compiled.cleanupFiles)
        #expect(back.cleanupFiles.map(\.name) == ["news.yaml"])
        #expect(back.glossary.entry(id: "nguyen-phu-trong")?.variants.contains { $0.form == "Нгуен Фу Чонг" } == true)
    }

    @Test func theSameGlossaryAlwaysCompilesToTheSameBytes() throws {
        let again = try GlossarySnapshot.compile(directory: Fixtures.bundledGlossary).snapshot
        #expect(again.encoded() == Self.compiled.encoded())
    }

    @Test func aFileCutShortAnywhereIsRefused() {
        let bytes = Self.compiled.encoded()
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(throws: SnapshotReader.Malformed.self) { try GlossarySnapshot.decode(Array(bytes[..<length])) }
        }
        #expect(throws: SnapshotReader.Malformed.self) { try GlossarySnapshot.decode(bytes + [0]) }
    }

    @Test func anotherFormatIsRefusedByName() throws {
        var bytes = GlossarySnapshot.header
        bytes.append(UInt8(GlossarySnapshot.format + 1))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("canon-\(UUID().uuidString).canonglossary").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(GlossarySnapshot.isSnapshot(path: path))
        #expect(!GlossarySnapshot.isSnapshot(path: Fixtures.bundledGlossary))
        do {
            _ = try GlossarySnapshot.read(path: path)
            Issue.record("a file of another format was read")
        } catch {
            #expect(error.description.contains("format 2, this canon reads format 1"))
            #expect(error.description.contains("compile it again with canon glossary compile"))
        }
    }
}
