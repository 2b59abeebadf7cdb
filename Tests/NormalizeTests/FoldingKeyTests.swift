import Normalize
import Testing

@Suite struct FoldingKeyTests {
    @Test func caseFoldingIsFullNotLowercasing() {
        #expect(FoldingKey.caseFolded("Straße") == "strasse")
        #expect(FoldingKey.caseFolded("STRASSE") == FoldingKey.caseFolded("straße"))
        // Capital I with dot above folds to i + combining dot above (U+0307), not to plain i.
        #expect(FoldingKey.caseFolded("İstanbul").unicodeScalars.map(\.value).prefix(2) == [0x69, 0x307])
        // Greek final sigma folds like medial sigma, so ΟΔΟΣ, οδος and οδοσ compare equal.
        #expect(FoldingKey.caseFolded("ΟΔΟΣ") == "οδοσ")
        #expect(FoldingKey.caseFolded("οδος") == "οδοσ")
    }

    struct LatinCase: CustomTestStringConvertible, Sendable {
        var input: String
        var key: String
        var testDescription: String { input }
    }

    @Test(arguments: [
        LatinCase(input: "Nguyễn Phú Trọng", key: "nguyen phu trong"),
        LatinCase(input: "Nguyen Phu Trong", key: "nguyen phu trong"),
        LatinCase(input: "NGUYỄN PHÚ TRỌNG", key: "nguyen phu trong"),
        LatinCase(input: "Phạm Minh Chính", key: "pham minh chinh"),
        LatinCase(input: "Đà Nẵng", key: "da nang"),
        LatinCase(input: "ĐỖ MƯỜI", key: "do muoi"),
        LatinCase(input: "Tô Lâm", key: "to lam"),
        LatinCase(input: "Thủ tướng Chính", key: "thu tuong chinh"),
        LatinCase(input: "Nhân Dân", key: "nhan dan"),
        LatinCase(input: "Đổi Mới", key: "doi moi"),
        LatinCase(input: "Wszechstronnego Partnerstwa", key: "wszechstronnego partnerstwa"),
        LatinCase(input: "Zdjęcie: Łódź", key: "zdjecie: lodz"),
        LatinCase(input: "Utenriksdepartementet i Tromsø", key: "utenriksdepartementet i tromso"),
        LatinCase(input: "Václav Pavel, Plzeň", key: "vaclav pavel, plzen"),
        LatinCase(input: "İstanbul", key: "istanbul"),
    ])
    func latinKeyDropsCaseAndDiacritics(_ example: LatinCase) {
        #expect(FoldingKey.latin(example.input) == example.key)
    }

    @Test func latinKeyLeavesCyrillicLettersButFoldsYo() {
        #expect(FoldingKey.latin("Ли Чжэ Мёна") == "ли чжэ мена")
        #expect(FoldingKey.latin("Буй Тхань Шон") == "буй тхань шон")
        // й is a letter of its own in Russian, not и with a mark.
        #expect(FoldingKey.latin("Кисидой") == "кисидой")
    }

    @Test func precomposedAndDecomposedInputGiveOneKey() {
        #expect(FoldingKey.latin("Nguye\u{302}\u{303}n") == FoldingKey.latin("Nguy\u{1EC5}n"))
    }
}
