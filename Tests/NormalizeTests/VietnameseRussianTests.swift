import Foundation
import Normalize
import Testing

/// The Russian practical transcription of Vietnamese names, checked against forms attested in Russian
/// media and reference works. The table lives in
/// `Fixtures/transliteration/vietnamese-russian.tsv`, one row per name with where it is attested.
@Suite struct VietnameseRussianTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var transform: String
        var vietnamese: String
        var russian: String
        var attestation: String
        var isIrregular: Bool
        var testDescription: String { "\(vietnamese) → \(russian)" }
    }

    static let rows: [Row] = {
        let file = Paths.fixtures.appendingPathComponent("transliteration/vietnamese-russian.tsv")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line -> Row? in
            if line.hasPrefix("#") { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4 else { return nil }
            return Row(transform: fields[0], vietnamese: fields[1], russian: fields[2], attestation: fields[3],
                       isIrregular: fields.count > 4 && fields[4] == "yes")
        }
    }()

    static var regularRows: [Row] { rows.filter { !$0.isIrregular } }

    init() throws {
        try TransformRules.register(directory: Paths.transforms.path)
    }

    @Test func theTableHasAtLeastThirtyAttestedRegularNames() {
        #expect(Self.regularRows.count >= 30)
        #expect(Self.regularRows.allSatisfy { !$0.attestation.isEmpty })
    }

    @Test(arguments: regularRows)
    func rulesGiveTheAttestedRussianForm(_ row: Row) throws {
        let transliterator = try Transliterator(id: row.transform)
        #expect(transliterator.transliterate(row.vietnamese) == row.russian, "attested: \(row.attestation)")
    }

    /// The Russian seeds write five Vietnamese names the regular way, and three the way the rules
    /// do not (`Буй Тхань Сон`: media vary between Сон and Шон; `Сон Ла` and `Та Сюа` are written
    /// apart): those are pinned as irregular, to become curated glossary variants.
    @Test(arguments: [
        ("Нгуен Фу Чонг", false), ("То Лам", false), ("Чан Тхань Ман", false), ("Нгеан", false),
        ("Ханой", false), ("Халонг", false),
        ("Буй Тхань Сон", true), ("Сон Ла", true), ("Та Сюа", true),
    ])
    func everyVietnameseNameInTheRussianSeedsIsInTheTable(_ form: String, irregular: Bool) throws {
        let seedText = try Paths.seeds().map(\.text).joined(separator: "\n")
        #expect(seedText.contains(form), "the seeds should contain \(form)")
        #expect(Self.rows.contains { $0.russian == form && $0.isIrregular == irregular }, "\(form) is not pinned in the table")
    }

    @Test func caseIsPreserved() throws {
        let transliterator = try Transliterator(id: "Vietnamese-Russian")
        #expect(transliterator.transliterate("NGUYỄN PHÚ TRỌNG") == "НГУЕН ФУ ЧОНГ")
        #expect(transliterator.transliterate("nguyễn phú trọng") == "нгуен фу чонг")
    }

    @Test func decomposedInputGivesTheSameResult() throws {
        let transliterator = try Transliterator(id: "Vietnamese-Russian")
        let decomposed = Normalizer(.nfd).normalize("Trần Thanh Mẫn")
        #expect(transliterator.transliterate(decomposed) == "Чан Тхань Ман")
    }

    @Test func nonVietnameseTextPassesThrough() throws {
        let transliterator = try Transliterator(id: "Vietnamese-Russian")
        #expect(transliterator.transliterate("2025, — «»") == "2025, — «»")
        #expect(transliterator.transliterate("Кисида") == "Кисида")
    }
}
