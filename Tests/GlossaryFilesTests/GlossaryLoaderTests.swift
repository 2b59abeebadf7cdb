import Foundation
import GlossaryFiles
import Normalize
import Testing

/// Paths into the checkout, from this file's location.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/glossaries")
    static let pass = root.appendingPathComponent("pass").path
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bundledGlossary = packageRoot.appendingPathComponent("glossaries").path

    /// The transforms the fixtures' generator rules name, registered from the bundled rule files.
    static func registerBundledTransforms() throws {
        try TransformRules.register(directory: bundledGlossary + "/transforms")
    }

    /// A temporary glossary folder: the pass fixture's catalog files plus one failing entries file.
    static func assemble(failing name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("canon-glossary-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for item in ["languages.yaml", "languages", "generators.yaml"] {
            try FileManager.default.copyItem(atPath: pass + "/" + item, toPath: directory.appendingPathComponent(item).path)
        }
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("fail/\(name)/entries.yaml").path,
                                         toPath: directory.appendingPathComponent("entries.yaml").path)
        return directory.path
    }
}

@Suite struct GlossaryLoaderTests {
    let glossary: Glossary

    init() throws {
        try Fixtures.registerBundledTransforms()
        let result = try GlossaryLoader.loadReportingProblems(directory: Fixtures.pass)
        #expect(result.diagnostics.map(\.description) == [])
        glossary = result.glossary
    }

    @Test func loadsEveryEntryInFileOrder() {
        #expect(glossary.entries.map(\.id) == ["to-lam", "bui-thanh-son", "kishida-fumio", "nghe-an", "oda"])
        #expect(glossary.entry(id: "oda")?.expansion == "official development assistance")
        #expect(glossary.entry(id: "to-lam")?.roles == [Role(title: "general-secretary-cpv", from: 2024)])
        #expect(glossary.entry(id: "to-lam")?.location.line == 2)
    }

    @Test func vietnameseNamesGetRussianAndDiacriticFreeLatinVariants() throws {
        let toLam = try #require(glossary.entry(id: "to-lam"))
        let ru = LanguageTag(parsing: "ru")!
        #expect(toLam.variants(in: ru) == [Variant(form: "То Лам", language: ru, provenance: .generated(transform: "Vietnamese-Russian"))])
        #expect(toLam.variants(in: .anyLatin).map(\.form) == ["To Lam"])
    }

    @Test func placesAreGeneratedWithThePlaceTransform() throws {
        let ngheAn = try #require(glossary.entry(id: "nghe-an"))
        let ru = ngheAn.variants(in: LanguageTag(parsing: "ru")!)
        #expect(ru.map(\.form) == ["Нгеан"])
        #expect(ru.first?.provenance == .generated(transform: "Vietnamese-Russian/Place"))
    }

    @Test func japaneseNamesAreGeneratedFromTheirRomanization() throws {
        let kishida = try #require(glossary.entry(id: "kishida-fumio"))
        #expect(kishida.variants(in: LanguageTag(parsing: "ru")!).map(\.form) == ["Кисида Фумио"])
        #expect(kishida.shortForms.map(\.form) == ["Кисида", "Kishida"])
    }

    @Test func curatedVariantsReplaceGeneratedOnesInTheirLanguage() throws {
        let son = try #require(glossary.entry(id: "bui-thanh-son"))
        let ru = son.variants(in: LanguageTag(parsing: "ru")!)
        #expect(ru.map(\.form) == ["Буй Тхань Шон", "Буй Тхань Сон"])
        #expect(ru.allSatisfy { !$0.isGenerated })
        #expect(ru.last?.provenance == .curated(source: "seed 001"))
        #expect(ru.last?.location?.line == 20)
    }

    static let failures = ["unknown-key", "duplicate-id", "unknown-language", "empty-canonical", "duplicate-variant",
                           "yaml-syntax", "risky-variant", "disagrees-with-rules", "missing-and-invalid"]

    @Test(arguments: failures)
    func everyProblemIsReportedWithItsFileAndLine(_ name: String) throws {
        let directory = try Fixtures.assemble(failing: name)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try GlossaryLoader.loadReportingProblems(directory: directory)
        let rendered = result.diagnostics.map { $0.description.replacingOccurrences(of: directory + "/", with: "") }
        let expected = try String(contentsOf: Fixtures.root.appendingPathComponent("fail/\(name)/expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(rendered == expected)
    }

    @Test func loadFailsOnErrorsButNotOnWarnings() throws {
        let broken = try Fixtures.assemble(failing: "duplicate-id")
        let risky = try Fixtures.assemble(failing: "risky-variant")
        defer {
            try? FileManager.default.removeItem(atPath: broken)
            try? FileManager.default.removeItem(atPath: risky)
        }
        #expect(throws: GlossaryError.self) { try GlossaryLoader.load(directory: broken) }
        let glossary = try GlossaryLoader.load(directory: risky)
        #expect(glossary.diagnostics.count == 3)
        #expect(glossary.diagnostics.allSatisfy { $0.severity == .warning })
    }

    /// Values YAML 1.1 would type as booleans, nulls or numbers (`NO`, `Off`, `Null`, `NaN`,
    /// `2024`) are names and words here: the loader reads every scalar as its text and decides
    /// booleans and years itself, whatever tag YAML would give them.
    @Test func scalarsAreReadAsTheirTextWhateverYAMLWouldTypeThem() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("canon-glossary-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for item in ["languages.yaml", "languages", "generators.yaml"] {
            try FileManager.default.copyItem(atPath: Fixtures.pass + "/" + item, toPath: directory.appendingPathComponent(item).path)
        }
        let entries = """
        - id: plain-scalars
          type: term
          canonical: NO
          case_sensitive: yes
          variants:
            en: [Off, Null, NaN, On]
        - id: a-person
          type: person
          canonical: Yes Minister
          roles:
            - title: plain-scalars
              from: 2024
        """
        try entries.write(to: directory.appendingPathComponent("entries.yaml"), atomically: true, encoding: .utf8)
        let result = try GlossaryLoader.loadReportingProblems(directory: directory.path)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let entry = try #require(result.glossary.entry(id: "plain-scalars"))
        #expect(entry.canonical == "NO")
        #expect(entry.caseSensitive == true)
        #expect(Set(["Off", "Null", "NaN", "On"]).isSubset(of: Set(entry.variants.map(\.form))))
        #expect(result.glossary.entry(id: "a-person")?.roles == [Role(title: "plain-scalars", from: 2024)])
    }

    @Test func aMissingFolderIsUnreadable() {
        #expect(throws: GlossaryError.unreadable(path: "/nonexistent/languages.yaml", reason: "no such file or not readable")) {
            try GlossaryLoader.load(directory: "/nonexistent")
        }
    }
}

@Suite struct BundledGlossaryTests {
    @Test func theBundledGlossaryLoadsWithoutErrors() throws {
        let result = try GlossaryLoader.loadReportingProblems(directory: Fixtures.bundledGlossary)
        #expect(result.errors.map(\.description) == [])
        #expect(result.glossary.entries.count > 0)
    }

    /// Every Vietnamese name in the Russian seeds resolves to its entry.
    @Test(arguments: [("Нгуен Фу Чонг", "nguyen-phu-trong"), ("То Лам", "to-lam"), ("Буй Тхань Сон", "bui-thanh-son"),
                      ("Чан Тхань Ман", "tran-thanh-man"), ("Pham Minh Chinh", "pham-minh-chinh"), ("Le Hoai Trung", "le-hoai-trung")])
    func seedNamesLookUpToTheirEntries(_ form: String, _ id: String) throws {
        let glossary = try GlossaryLoader.load(directory: Fixtures.bundledGlossary)
        #expect(GlossaryIndex(glossary).lookup(form).first?.entryID == id)
    }
}
