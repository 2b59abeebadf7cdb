import Foundation
@testable import Pipeline
import Testing

@Suite struct ArticleCleanerTests {
    /// The repeated-line and repeated-caption checks compare lines without lowercasing them when the
    /// first difference settles it; the answer must be the one lowercasing gives.
    @Test func linesCompareIgnoringCaseAsLowercasedLinesCompare() throws {
        var lines: [String] = []
        for text in try ["000", "001", "002", "003", "004"].map(Repository.seed) {
            lines += text.split(whereSeparator: \.isNewline).map(String.init)
        }
        lines += ["Й", "й", "И\u{306}", "İstanbul", "i\u{307}stanbul", "STRASSE", "Straße", "ΣΟΦΟΣ", "σοφος", "Ё", "е\u{308}", "A\u{30A}", "Å"]
        var same = 0, pairs = 0
        for (index, line) in lines.enumerated() {
            for other in [line.uppercased(), line.lowercased(), String(line.reversed()), lines[(index + 1) % lines.count], lines[(index + 7) % lines.count]] {
                let expected = line.lowercased() == other.lowercased()
                #expect(ArticleCleaner.sameIgnoringCase(line, other) == expected, "\(line) / \(other)")
                pairs += 1
                if expected { same += 1 }
            }
        }
        #expect(pairs > 1000 && same > 100 && same < pairs - 100)
    }

    @Test func linesSplitWhereCharacterNewlinesSplit() throws {
        var texts = try ["000", "001", "002", "003", "004"].map(Repository.seed)
        texts.append("a\r\nb\rc\u{85}d\u{2028}e\u{2029}f\u{B}g\u{C}\n\n\u{A0}h\r\n")
        texts.append("Фото\u{2028}\u{2028}ВИА\u{85}")
        // Every kind of break at every offset of an eight-byte word, among letters that look alike to
        // the bytewise search (C2 and E2 lead other characters too: «, —).
        for breakText in ["\n", "\r\n", "\u{B}", "\u{C}", "\u{85}", "\u{2028}", "\u{2029}"] {
            for offset in 0..<17 {
                texts.append(String(repeating: "a«", count: offset / 3) + String(repeating: "Я", count: offset % 3) + breakText + "—b" + breakText)
            }
        }
        for text in texts {
            #expect(ArticleCleaner.lines(of: text).map(String.init) == text.split(whereSeparator: \.isNewline).map(String.init))
        }
        #expect(ArticleCleaner.hasAtMost(3, "abc") && !ArticleCleaner.hasAtMost(3, "abcd") && ArticleCleaner.hasAtMost(3, "ФФФ"))
        #expect(ArticleCleaner.hasAtMost(2, "e\u{301}e\u{301}"), "characters, not scalars")
        #expect(ArticleCleaner.hasAtMost(2, "\r\nb") && !ArticleCleaner.hasAtMost(2, "Ạ—«x"))
        // The shortcut for text whose scalars are its characters must count what `String` counts.
        var lines = try ["000", "001", "002", "003", "004"].map(Repository.seed).flatMap { $0.split(whereSeparator: \.isNewline).map(String.init) }
        lines += ["Phạm Minh Chính — «Нгуен»…", "ab\r\ncd", "Ге\u{301}й", "a\u{200D}b", "ᄀ\u{1161}", "x\u{2028}y", "ɐʰ˥", "“Ѐѿ”"]
        for line in lines where ArticleCleaner.scalarsAreCharacters(line) {
            #expect(line.count == line.unicodeScalars.count, "\(line)")
        }
        for line in lines {
            for limit in [line.count - 1, line.count, line.count + 1] where limit >= 0 {
                #expect(ArticleCleaner.hasAtMost(limit, line) == (line.count <= limit), "\(line) \(limit)")
            }
        }
    }

    let cleaner = ArticleCleaner(rules: Repository.cleanupRules)

    @Test func theVietnamVnPageGivesTitleOutletDateURLAndNoBoilerplate() throws {
        let article = cleaner.clean(try Repository.seed("001"))
        #expect(article.title == "Вьетнамско-корейские отношения вступают в новую главу новой эры")
        #expect(article.outlet == "VTC News")
        #expect(article.published == "2025-08-14")
        #expect(article.url == "https://vtcnews.vn/quan-he-viet-nam-han-quoc-buoc-vao-chuong-moi-trong-ky-nguyen-moi-ar959706.html")
        #expect(article.author == nil)
        #expect(article.paragraphs.first?.hasPrefix("Государственный визит Генерального секретаря То Лама") == true)
        #expect(article.paragraphs.last?.hasPrefix("В-четвертых, обе стороны продолжат") == true)
        let body = article.paragraphs.joined(separator: "\n")
        for boilerplate in ["Vietnam.vn", "VTC News", "Vtcnews.vn", "Источник", "Комментарий", "No data", "Та же тема", "Продукт"] {
            #expect(!body.contains(boilerplate), "\(boilerplate)")
        }
    }

    @Test func captionsPrintedTwiceBecomeOneCaptionEach() throws {
        let article = cleaner.clean(try Repository.seed("001"))
        #expect(article.captions.map(\.text) == [
            "Президент Южной Кореи Ли Чжэ Мён встретился с Генеральным секретарем То Ламом и провел с ним переговоры.",
            "Генеральный секретарь То Лам принял мэра города Пусан, Южная Корея.",
            "Генеральный секретарь То Лам встречается с представителями корейского бизнеса.",
            "Генеральный секретарь То Лам принял участие во Вьетнамско-корейском экономическом форуме и научно-техническом семинаре.",
        ])
        #expect(!article.paragraphs.contains { $0.hasPrefix("Президент Южной Кореи Ли Чжэ Мён встретился") })
    }

    @Test func polishCaptionsFollowingImageFileNamesKeepTheirCredits() throws {
        let article = cleaner.clean(try Repository.seed("002"))
        #expect(article.title?.hasPrefix("Premier: Stosunki wietnamsko-japońskie są") == true)
        #expect(article.outlet == "VietnamPlus")
        #expect(article.published == "2025-11-25")
        #expect(article.url?.hasPrefix("https://www.vietnamplus.vn/thu-tuong-quan-he-viet-nam-nhat-ban") == true)
        #expect(article.credit == "TTXVN/Wietnam+")
        #expect(article.captions.count == 4)
        #expect(article.captions.allSatisfy { $0.credit == "Duong Giang/VNA" })
        #expect(article.captions[1].text == "Premier Pham Minh Chinh przemawia na Forum Współpracy Lokalnej Wietnam-Japonia.")
        #expect(!article.paragraphs.contains { $0.hasSuffix(".jpg") || $0.contains("Zdjęcie") || $0.contains("TTXVN/") })
    }

    @Test func norwegianPageDropsVietnameseAltTextAndNamesTheAuthor() throws {
        let article = cleaner.clean(try Repository.seed("004"))
        #expect(article.title == "Statsministeren ba japanske lokaliteter om å styrke samarbeidet med Vietnam på åtte områder.")
        #expect(article.outlet == "Báo Chính Phủ")
        #expect(article.published == "2025-11-25")
        #expect(article.author == "Ha Van")
        #expect(article.url?.hasPrefix("https://baochinhphu.vn/") == true)
        #expect(article.captions.count == 4)
        #expect(article.captions.allSatisfy { $0.credit == "VGP/Nhat Bac" })
        #expect(article.captions[0].text == "Statsminister Pham Minh Chinh tok imot ledere og representanter fra japanske lokaliteter som deltok på forumet")
        #expect(!article.paragraphs.contains { $0.contains("Ảnh") || $0.contains("Foto:") || $0 == "Ha Van" })
        #expect(article.paragraphs.first?.hasPrefix("(Chinhphu.vn) - Om morgenen") == true)
    }

    @Test func markdownImageResidueAndItsTableCaptionLeaveTheBody() throws {
        let article = cleaner.clean(try Repository.seed("000"))
        #expect(article.title == "Генеральный секретарь предлагает Японии поддержать Вьетнам в индустриализации и модернизации")
        #expect(article.outlet == nil && article.published == nil && article.url == nil)
        #expect(article.captions.count == 3)
        #expect(article.captions[2].text == "Премьер-министр Кисида подчеркнул, что Япония продолжит расширять сотрудничество с Вьетнамом в области инвестиций, торговли, науки и технологий и других областях.")
        #expect(!article.paragraphs.contains { $0.contains("![]") || $0.hasSuffix("|") })
        // The related-article link and its date at the end are not the article's.
        #expect(article.paragraphs.last?.hasPrefix("Лидеры двух стран согласились") == true)
    }

    @Test func aPlainPassageWithoutPageFurnitureIsKeptWhole() throws {
        let text = try Repository.seed("003")
        let article = cleaner.clean(text)
        #expect(article.title == nil)
        #expect(article.captions == [CleanedArticle.Caption(text: "Общий вид переговоров.", credit: "ВИА")])
        #expect(article.paragraphs.count == 8)
        #expect(article.paragraphs.first == text.split(separator: "\n").first.map(String.init))
    }

    @Test func impossibleDatesInABylineAreNotReported() {
        let article = cleaner.clean("Tytuł\n\nVietnamPlusVietnamPlus31/02/2025\n\nTreść artykułu.\n\nDruga część.")
        #expect(article.outlet == "VietnamPlus")
        #expect(article.published == nil)
    }

    @Test func aRuleFileThatUsesAnUndefinedWordListIsAnErrorNamingIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("canon-cleanup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "sources:\n  - '^{words:zrodlo}: (?<url>\\\\S+)$'\n".write(to: directory.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        #expect {
            try CleanupRules.load(directory: directory.path)
        } throws: { error in
            "\(error)".contains("{words:zrodlo}") && "\(error)".contains(directory.path)
        }
    }
}
