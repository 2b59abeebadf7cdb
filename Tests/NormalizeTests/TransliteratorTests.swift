import Foundation
import Normalize
import Testing

@Suite struct TransliteratorTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var cyrillic: String
        var latin: String
        var testDescription: String { cyrillic }
    }

    /// Every Cyrillic name in the Russian seeds (people, places, organizations, abbreviations),
    /// in the BGN/PCGN 1947 romanization ICU implements: `·` separates letters that would otherwise
    /// read as a digraph, `ʹ` stands for the soft sign.
    @Test(arguments: [
        Example(cyrillic: "Нгуен Фу Чонг", latin: "Nguyen Fu Chong"),
        Example(cyrillic: "Нгуен Фу Чонгом", latin: "Nguyen Fu Chongom"),
        Example(cyrillic: "Кисида Фумио", latin: "Kisida Fumio"),
        Example(cyrillic: "Кисидой Фумио", latin: "Kisidoy Fumio"),
        Example(cyrillic: "То Лам", latin: "To Lam"),
        Example(cyrillic: "Ли Чжэ Мён", latin: "Li Chzh·e Mën"),
        Example(cyrillic: "Ли Чжэ Мёна", latin: "Li Chzh·e Mëna"),
        Example(cyrillic: "Буй Тхань Шон", latin: "Buy Tkhanʹ Shon"),
        Example(cyrillic: "Чан Тхань Ман", latin: "Chan Tkhanʹ Man"),
        Example(cyrillic: "Нукага Фукусиро", latin: "Nukaga Fukusiro"),
        Example(cyrillic: "Нгеан", latin: "Ngean"),
        Example(cyrillic: "Ханой", latin: "Khanoy"),
        Example(cyrillic: "Пусан", latin: "Pusan"),
        Example(cyrillic: "Вьетнам", latin: "Vʹyetnam"),
        Example(cyrillic: "Япония", latin: "Yaponiya"),
        Example(cyrillic: "Республика Корея", latin: "Respublika Koreya"),
        Example(cyrillic: "Южная Корея", latin: "Yuzhnaya Koreya"),
        Example(cyrillic: "Меконг", latin: "Mekong"),
        Example(cyrillic: "Сон Ла", latin: "Son La"),
        Example(cyrillic: "Та Сюа", latin: "Ta Syua"),
        Example(cyrillic: "Халонг", latin: "Khalong"),
        Example(cyrillic: "АСЕАН", latin: "ASEAN"),
        Example(cyrillic: "АТЭС", latin: "AT·ES"),
        Example(cyrillic: "ООН", latin: "OON"),
        Example(cyrillic: "ОПР", latin: "OPR"),
        Example(cyrillic: "МОВ", latin: "MOV"),
        Example(cyrillic: "НС", latin: "NS"),
        Example(cyrillic: "ВИА", latin: "VIA"),
        Example(cyrillic: "ЮНЕСКО", latin: "YUNESKO"),
        Example(cyrillic: "Либерально-демократическая партия", latin: "Liberalʹno-demokraticheskaya partiya"),
        Example(cyrillic: "Коммунистическая партия Вьетнама", latin: "Kommunisticheskaya partiya Vʹyetnama"),
        Example(cyrillic: "Палата представителей", latin: "Palata predstaviteley"),
        Example(cyrillic: "Организация Объединенных Наций", latin: "Organizatsiya Obʺyedinennykh Natsiy"),
    ])
    func russianBgnRomanizesEverySeedName(_ example: Example) throws {
        let bgn = try Transliterator(id: "Russian-Latin/BGN")
        #expect(bgn.transliterate(example.cyrillic) == example.latin)
    }

    @Test func compoundIdsChainBuiltIns() throws {
        let ascii = try Transliterator(id: "Any-Latin; Latin-ASCII")
        #expect(ascii.transliterate("Нгуен Фу Чонг") == "Nguen Fu Cong")
        #expect(ascii.transliterate("Nguyễn Phú Trọng") == "Nguyen Phu Trong")
        #expect(try Transliterator(id: "Ukrainian-Latin/BGN").transliterate("Київ") == "Kyyiv")
    }

    @Test func unknownIdNamesTheFailingPartAndSuggestsCloseOnes() {
        #expect(throws: NormalizeError.self) { try Transliterator(id: "Any-Latin; Latin-ASCI") }
        do {
            _ = try Transliterator(id: "Any-Latin; Latin-ASCI")
        } catch let error as NormalizeError {
            guard case let .unknownTransform(id, suggestions) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(id == "Latin-ASCI")
            #expect(suggestions.first == "Latin-ASCII")
            #expect(error.description.contains("did you mean 'Latin-ASCII'"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func clonesWorkIndependentlyOnOtherThreads() async throws {
        let bgn = try Transliterator(id: "Russian-Latin/BGN")
        let names = ["То Лам", "Нгуен Фу Чонг", "Кисида Фумио", "Чан Тхань Ман"]
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for (index, name) in names.enumerated() {
                let clone = bgn.clone()
                group.addTask { (index, clone.transliterate(name)) }
            }
            var results = [String](repeating: "", count: names.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
        #expect(results == ["To Lam", "Nguyen Fu Chong", "Kisida Fumio", "Chan Tkhanʹ Man"])
    }
}

@Suite struct TransformRuleFileTests {
    static let failures = ["Unquoted-Special", "Unclosed-Set", "Unknown-Step"]

    @Test(arguments: failures)
    func brokenRuleFileErrorNamesFileLineAndText(_ name: String) throws {
        let directory = Paths.fixtures.appendingPathComponent("transforms/fail")
        let file = directory.appendingPathComponent(name + ".txt")
        let expected = try String(contentsOf: directory.appendingPathComponent(name + ".expected"), encoding: .utf8)
        let rules = try String(contentsOf: file, encoding: .utf8)
        do {
            _ = try Transliterator(rules: rules, id: TransformRules.id(forFile: file.path), file: name + ".txt")
            Issue.record("\(name) compiled but should not")
        } catch let error as NormalizeError {
            #expect(error.description + "\n" == expected)
        }
    }

    @Test func registeringAFolderResolvesDependenciesWhateverTheirNames() throws {
        let registered = try TransformRules.register(directory: Paths.fixtures.appendingPathComponent("transforms/pass").path)
        #expect(registered.map(\.id) == ["Canontest-Aaa", "Canontest-Base", "Canontest-Base/Shout"])
        #expect(try Transliterator(id: "Canontest-Base/Shout").transliterate("ang") == "ANG")
        #expect(try Transliterator(id: "Canontest-Aaa").transliterate("ang") == "áNG")
        // Registered IDs compose with built-ins and show up in the list of IDs.
        #expect(try Transliterator(id: "Canontest-Base; Any-Upper").transliterate("ngo") == "NGO")
        #expect(Transliterator.availableIDs().contains("Canontest-Base/Shout"))
    }

    @Test func fileNameGivesTheId() {
        #expect(TransformRules.id(forFile: "glossaries/transforms/Vietnamese-Russian.txt") == "Vietnamese-Russian")
        #expect(TransformRules.id(forFile: "/x/Vietnamese-Russian_Place.txt") == "Vietnamese-Russian/Place")
    }

    @Test func aMissingFolderIsAnErrorNamingIt() {
        #expect(throws: NormalizeError.unreadable(path: "/nonexistent/transforms", reason: "not a readable directory")) {
            try TransformRules.register(directory: "/nonexistent/transforms")
        }
    }
}
