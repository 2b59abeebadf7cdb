import Foundation
import Normalize
import Testing

/// Every language's inflection rules against a table of real forms (Fixtures/inflection/<tag>.tsv):
/// `form<TAB>base<TAB>yes` — each word of the form reads as the base's word through the rules of
/// `glossaries/languages/<tag>.yaml`; `…<TAB>no` — an ordinary word that must not read as the base.
@Suite struct InflectionTableTests {
    static let directory = Bundled.packageRoot.appendingPathComponent("Tests/MatchingTests/Fixtures/inflection")

    static var tables: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".tsv") }.sorted()
    }

    @Test func thereIsATableForEveryLanguageFamilyTheIssueNames() {
        let tags = Set(Self.tables.map { String($0.dropLast(4)) })
        for tag in ["uk", "bg", "sr", "cs", "sk", "hr", "lt", "lv", "fi", "de"] { #expect(tags.contains(tag), "no table for \(tag)") }
    }

    @Test(arguments: tables)
    func rulesReadEveryFormOfTheTable(_ file: String) throws {
        let tag = try #require(LanguageTag(parsing: String(file.dropLast(4))))
        let catalog = Bundled.glossary.languages
        let script = try #require(catalog.script(of: tag))
        let rules = catalog.inflectionRules(for: tag, script: script)
        #expect(!rules.rules.isEmpty, "\(tag) has no inflection rules")
        let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
        for (number, line) in text.split(separator: "\n").enumerated() where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t").map(String.init)
            try #require(columns.count == 3, "\(file):\(number + 1): three columns")
            let forms = columns[0].split(separator: " "), bases = columns[1].split(separator: " ")
            try #require(forms.count == bases.count, "\(file):\(number + 1): as many words in the form as in the base")
            let read = zip(forms, bases).allSatisfy { form, base in
                let formKey = FoldingKey.latin(String(form)), baseKey = FoldingKey.latin(String(base))
                return formKey == baseKey || rules.bases(of: formKey).contains { $0.base == baseKey }
            }
            if columns[2] == "yes" {
                #expect(read, "\(file):\(number + 1): \(columns[0]) should read as \(columns[1])")
            } else {
                #expect(!read, "\(file):\(number + 1): \(columns[0]) must not read as \(columns[1])")
            }
        }
    }
}
