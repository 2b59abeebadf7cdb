import Foundation
import Normalize
import Testing

/// Canon's transcription rule files, checked against forms attested in the target language's media and
/// reference works. Each table in `Fixtures/transliteration/*.tsv` has the columns transform, source
/// form, attested form, where it is attested, and `yes` for attested forms the rules deliberately do not
/// produce (they become curated glossary variants).
@Suite struct TransformTableTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var table: String
        var transform: String
        var source: String
        var expected: String
        var attestation: String
        var isIrregular: Bool
        var testDescription: String { "\(source) → \(expected)" }
    }

    static let rows: [Row] = {
        let directory = Paths.fixtures.appendingPathComponent("transliteration")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.filter { $0.hasSuffix(".tsv") }.sorted() ?? []
        return names.flatMap { name -> [Row] in
            guard let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else { return [] }
            return text.split(separator: "\n").dropFirst().compactMap { line -> Row? in
                if line.hasPrefix("#") { return nil }
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count >= 4 else { return nil }
                return Row(table: name, transform: fields[0], source: fields[1], expected: fields[2], attestation: fields[3],
                           isIrregular: fields.count > 4 && fields[4] == "yes")
            }
        }
    }()

    static var regularRows: [Row] { rows.filter { !$0.isIrregular } }

    init() throws {
        try TransformRules.register(directory: Paths.transforms.path)
    }

    @Test(arguments: ["vietnamese-russian.tsv", "vietnamese-ukrainian.tsv", "japanese-russian.tsv", "korean-russian.tsv"])
    func everyTableHasAtLeastThirtyAttestedRegularNames(_ table: String) {
        let rows = Self.regularRows.filter { $0.table == table }
        #expect(rows.count >= 30)
        #expect(rows.allSatisfy { !$0.attestation.isEmpty })
    }

    @Test(arguments: regularRows)
    func rulesGiveTheAttestedForm(_ row: Row) throws {
        let transliterator = try Transliterator(id: row.transform)
        #expect(transliterator.transliterate(row.source) == row.expected, "attested: \(row.attestation) (\(row.table))")
        let decomposed = Normalizer(.nfd).normalize(row.source)
        #expect(transliterator.transliterate(decomposed) == row.expected, "NFD input (\(row.table))")
    }

    /// The Russian seeds write five Vietnamese names the regular way, and three the way the rules
    /// do not (`Буй Тхань Сон`: media vary between Сон and Шон; `Сон Ла` and `Та Сюа` are written
    /// apart): those are pinned as irregular, to become curated glossary variants.
    @Test(arguments: [
        ("Нгуен Фу Чонг", false), ("То Лам", false), ("Чан Тхань Ман", false), ("Нгеан", false),
        ("Ханой", false), ("Халонг", false),
        ("Буй Тхань Сон", true), ("Сон Ла", true), ("Та Сюа", true),
    ])
    func everyVietnameseNameInTheRussianSeedsIsPinned(_ form: String, irregular: Bool) throws {
        let seedText = try Paths.seeds().map(\.text).joined(separator: "\n")
        #expect(seedText.contains(form), "the seeds should contain \(form)")
        #expect(Self.rows.contains { $0.expected == form && $0.isIrregular == irregular }, "\(form) is not pinned in the table")
    }

    @Test func vietnameseCaseIsPreserved() throws {
        let transliterator = try Transliterator(id: "Vietnamese-Russian")
        #expect(transliterator.transliterate("NGUYỄN PHÚ TRỌNG") == "НГУЕН ФУ ЧОНГ")
        #expect(transliterator.transliterate("nguyễn phú trọng") == "нгуен фу чонг")
    }

    @Test func decomposedVietnameseGivesTheSameResult() throws {
        let transliterator = try Transliterator(id: "Vietnamese-Russian")
        let decomposed = Normalizer(.nfd).normalize("Trần Thanh Mẫn")
        #expect(transliterator.transliterate(decomposed) == "Чан Тхань Ман")
    }

    @Test func textWithoutLatinLettersPassesThrough() throws {
        let transliterator = try Transliterator(id: "Vietnamese-Russian")
        #expect(transliterator.transliterate("2025, — «»") == "2025, — «»")
        #expect(transliterator.transliterate("Кисида") == "Кисида")
    }
}

@Suite struct JapaneseRussianTests {
    init() throws {
        try TransformRules.register(directory: Paths.transforms.path)
    }

    /// Seed 000 writes the Japanese prime minister in the instrumental, Кисидой Фумио (nominative
    /// Кисида Фумио); seed 003 writes the speaker Нукага Фукусиро.
    @Test func theJapaneseNamesInTheSeedsComeOutAsTheSeedsWriteThem() throws {
        let polivanov = try Transliterator(id: "Japanese-Russian")
        let seeds = try Paths.seeds().map(\.text).joined()
        for (hepburn, russian, inSeed) in [("Kishida Fumio", "Кисида Фумио", "Кисидой Фумио"),
                                           ("Nukaga Fukushiro", "Нукага Фукусиро", "Нукага Фукусиро")] {
            #expect(seeds.contains(inSeed))
            #expect(polivanov.transliterate(hepburn) == russian)
        }
        #expect(polivanov.transliterate("KISHIDA") == "КИСИДА")
    }
}

@Suite struct KoreanRussianTests {
    init() throws {
        try TransformRules.register(directory: Paths.transforms.path)
    }

    /// Seed 001 writes President Lee Jae-myung as Ли Чжэ Мён (and, inflected, Ли Чжэ Мёна).
    @Test func theKoreanPresidentInTheSeedsComesOutAsTheSeedWritesHim() throws {
        let kontsevich = try Transliterator(id: "Korean-Russian")
        #expect(try Paths.seeds().map(\.text).joined().contains("Ли Чжэ Мён"))
        #expect(kontsevich.transliterate("Lee Jae-myung") == "Ли Чжэ Мён")
        #expect(kontsevich.transliterate("Lee Jae Myung") == "Ли Чжэ Мён")
        #expect(kontsevich.transliterate("Busan") == "Пусан")
    }
}
