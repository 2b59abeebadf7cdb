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

    /// Texts are read as they were written, and bytes that are not UTF-8 are refused, never
    /// repaired: among them a truncated four-byte letter, whose repair (one U+FFFD) is as long as it.
    @Test(arguments: [[0xFF], [0xF0, 0x90, 0x80], [0xE1, 0x80], [0x61, 0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80]] as [[UInt8]])
    func textsThatAreNotUTF8AreRefused(bytes: [UInt8]) {
        var writer = SnapshotWriter()
        writer.int(bytes.count)
        writer.raw(bytes)
        var reader = SnapshotReader(writer.bytes)
        #expect(throws: SnapshotReader.Malformed.self) { _ = try reader.string() }
    }

    @Test(arguments: ["", "Нгуен Фу Чонг", "Nguyễn Phú Trọng", "\u{FFFD} kept", "越南 \u{FFFF}", "𝒜 Tou Lamowi"])
    func textsComeBackAsWritten(text: String) throws {
        var writer = SnapshotWriter()
        writer.string(text)
        var reader = SnapshotReader(writer.bytes)
        #expect(try reader.string() == text)
        #expect(reader.atEnd)
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
