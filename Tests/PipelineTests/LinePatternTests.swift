import Foundation
import Normalize
@testable import Pipeline
import Testing

/// The cheap tests that rule a line out before a cleanup regex runs must never rule out a line the
/// regex would match.
@Suite struct LinePatternTests {
    static func literals(_ pattern: String) -> String {
        let found = LinePattern.anchoredLiterals(of: pattern)
        return [found.first, found.last].map { $0.map { String(UnicodeScalar($0)) } ?? "-" }.joined()
    }

    @Test(arguments: [
        (#"^\((?<credit>[^()]{2,40}/[^()]{2,40})\)$"#, "()"),
        (#"^!\[[^\]]*\]\([^)]*\)(\s*\|)*$"#, "!-"),
        (#"^(?<text>.+?)\s+\|$"#, "-|"),
        (#"^(?<text>.+?)\s*\|?$"#, "--"),          // an optional last character proves nothing
        (#"^\(?x$"#, "--"),                         // nor an optional first one
        (#"^(No data|No videos available)$"#, "--"),
        (#"^\(a\)$|^b$"#, "--"),                    // alternation at the top level
        (#"(?x) ^ \( a \) $"#, "--"),               // extended syntax: spaces are not literal
        (#"(?ix)^\(a\)$"#, "--"), (#"^\(a\)(?-x)$"#, "--"),  // among other flags, or cleared
        (#"^a\)$"#, "-)"),
        (#"^x\\$"#, "-\\"),                          // an escaped backslash before the anchor
        (#"^x\$"#, "--"),                           // an escaped dollar is no anchor
        (#"^[\w.%-]+\.(?i:jpe?g|png)$"#, "--"),
        (#"^\p{Lu}.+\d$"#, "--"),
    ])
    func anchoredPunctuationIsReadOffThePattern(pattern: String, expected: String) {
        #expect(Self.literals(pattern) == expected)
    }

    @Test(arguments: [
        (#"^(No data|No videos available)$"#, "N"),
        (#"^(?:Źródło|Source|Kilde)\s*:"#, "KSÅ"),   // the first byte of a two-byte letter
        (#"^(?<lead>Foto|\(Photo)"#, "(F"),
        (#"^(?i:No data|Nie)$"#, "-"),              // case-insensitive
        (#"(?i)^(No data)$"#, "-"), (#"(?si)^(No data)$"#, "-"), (#"(?x)^(No data)$"#, "-"),
        (#"^(No|Yes)?x$"#, "-"),                    // the group is optional
        (#"^(N?o|Yes)$"#, "-"),                     // an alternative's first letter is optional
        (#"^(|Yes)$"#, "-"),                        // an empty alternative
        (#"^([A-Z]x|Yes)$"#, "-"),                  // a class
        (#"^No data$"#, "-"),                       // no group (the single-literal check covers punctuation)
    ])
    func literalAlternativesGiveTheFirstBytes(pattern: String, expected: String) {
        let bytes = LinePattern.alternativeFirstBytes(of: pattern)
        #expect(bytes.map { String(decoding: $0.filter { $0 < 0x80 }, as: UTF8.self) + ($0.contains(0xC5) ? "Å" : "") } ?? "-" == expected)
    }

    @Test(arguments: [
        (#"^[\w.%-]+\.(?i:jpe?g|png|gif|webp|avif)$"#, true),
        (#"^\d+/\d+$"#, true),
        (#"^No data$"#, false),                     // a literal space
        (#"^\w+\s\w+$"#, false),                     // \s
        (#"^\w.\w$"#, false),                        // any character
        (#"^[^x]+$"#, false),                        // a negated class
        (#"^\p{L}+$"#, false),                       // a property could be anything
        (#"^a$|^b$"#, false),                        // alternation around the anchors
        (#"^\w+"#, false),                           // not anchored at the end
        (#"^\w+\$"#, false),                          // an escaped dollar is no anchor
        (#"(?x)^\w+$"#, false), (#"(?ix)^\w+$"#, false),
        (#"^[[:space:]]$"#, false),
    ])
    func patternsThatCannotMatchASpaceAreRecognised(pattern: String, expected: Bool) {
        #expect(LinePattern.cannotMatchSpace(pattern) == expected)
    }

    @Test(arguments: [
        (#"^(?<outlet>\S.{0,60}?)\k<outlet>\s*(?<date>(?:\d{1,2})/(?:\d{4})|(?:\d{4})-(?:\d{1,2}))$"#, true),
        (#"^\d+$"#, true), (#"^a\d{1,2}b$"#, true), (#"^x(?:\d|y\d)$"#, true),
        (#"^\d?$"#, false), (#"^\d*$"#, false), (#"^\d{0,2}$"#, false), (#"^(?:\d)?x$"#, false),
        (#"^(?:\d|y)$"#, false),                    // one alternative has none
        (#"^a$|^\d$"#, false), (#"^(?=\d)\w$"#, false), (#"^[0-9]$"#, false), (#"^\p{Nd}$"#, false),
        (#"^(?i:\d{2})$"#, true), (#"^\\d$"#, false),   // an escaped backslash, then a letter d
        (#"(?sx)^\d$"#, false),                      // extended syntax among other flags
    ])
    func patternsThatNeedADigitAreRecognised(pattern: String, expected: Bool) {
        #expect(LinePattern.requirements(of: pattern).digit == expected)
    }

    @Test(arguments: [
        (#"^(?<outlet>\S.{0,60}?)\k<outlet>\s*(?<date>(?:\d{1,2})/(?:\d{4})|(?:\d{4})-(?:\d{1,2}))$"#, true),
        (#"^\d+$"#, true), (#"^a\d{2}\b$"#, true), (#"^x(?:\d|y\d+?)$"#, true), (#"^a\d(?=$)$"#, true),
        (#"^\d+"#, false),                          // not anchored at the end
        (#"^\d\$"#, false), (#"^\d+\\$"#, false),  // an escaped dollar, an escaped backslash before the anchor
        (#"^a\d$|^b$"#, false), (#"^a\d$|^b\d"#, false),  // alternation outside a group
        (#"^(?:\d|y)$"#, false), (#"^\d?$"#, false), (#"^x\d{0,2}$"#, false), (#"^\d\.?$"#, false),
        (#"^\d[0-9]$"#, false), (#"^\d\p{Nd}$"#, false), (#"^\d\D$"#, false), (#"^\Q\d\E$"#, false),
        (#"(?m)^\d$"#, false), (#"(?im)^\d$"#, false), (#"(?ix)^ \d $"#, false), (#"^[\d|]$"#, false),
    ])
    func patternsWhoseMatchesEndWithADigitAreRecognised(pattern: String, expected: Bool) {
        // A digit last, with no optional character after it.
        #expect((LinePattern.digitEndingAtLineEnd(pattern) == LinePattern.DigitEnding(optionalAfterDigit: nil)) == expected)
    }

    /// A final `\d` may be followed by one optional punctuation character (a photo's number,
    /// `Ảnh 1.`): the line then ends in a digit, or in a digit and that character.
    @Test(arguments: [
        (#"^.{1,300}?-\s*(?:Ảnh|Foto)\s*\d+\.?$"#, "."), (#"^\d\.?$"#, "."), (#"^a\d\)??$"#, ")"),
        (#"^x(?:\d|y\d\.?)$"#, "."),                   // one alternative without, one with
        (#"^\d+$"#, "-"),                                // no optional character
        (#"^\d\.?\.?$"#, nil), (#"^\d\.*$"#, nil), (#"^\d\.{0,1}$"#, nil),  // not one optional character
        (#"^\d(?:\.)?$"#, nil), (#"^\d[.]?$"#, nil), (#"^\da?$"#, nil),    // a group, a class, a letter
        (#"^x(?:\d\.?|y\d:?)$"#, nil),                 // two different ones
        (#"^\d\.?x$"#, nil), (#"^\d\.?$|^a$"#, nil), (#"(?m)^\d\.?$"#, nil),
    ])
    func aDigitFollowedByOneOptionalCharacterIsRecognised(pattern: String, expected: String?) {
        let ending = LinePattern.digitEndingAtLineEnd(pattern)
        #expect(ending.map { $0.optionalAfterDigit.map { String(UnicodeScalar($0)) } ?? "-" } == expected)
    }

    @Test(arguments: [("Ảnh 1.", ".", true), ("Ảnh 1", ".", true), ("Ảnh.", ".", false), (".", ".", false), ("1.", ".", true),
                      ("٣.", ".", true), ("x١", ".", true), ("1)", ".", false), ("1)", ")", true), ("12..", ".", false), ("", ".", false)])
    func aLineEndingInADigitAndAnOptionalCharacterIsRecognised(line: String, optional: String, expected: Bool) {
        #expect(LinePattern.endsWithDigit(line, thenOptionally: optional.utf8.first) == expected)
    }

    /// A pattern that opens with `^{words:NAME}` matches only a line that starts with one of them.
    @Test func wordsThatOpenAPatternMustOpenTheLine() throws {
        let source = try NSRegularExpression(pattern: #"^(?:Źródło|Source)\s*:\s*(?<url>https?://\S+)$"#)
        let pattern = LinePattern(source, requiredWords: ["Źródło", "Source"], wordsStartLine: true)
        #expect(pattern.requiredWordsStartLine)
        #expect(pattern.mayMatch("Źródło: https://vietnam.vn/x") && pattern.mayMatch("Source:https://x"))
        #expect(!pattern.mayMatch("Zdjęcie: Source: https://x") && !pattern.mayMatch(" Source: https://x"))
        // Not where a flag or an alternation could let the regex match elsewhere.
        for (other, words) in [(#"(?i)^(?:Source)\s*:"#, ["Source"]), (#"^(?:Source):|x$"#, ["Source"])] {
            let loose = LinePattern(try NSRegularExpression(pattern: other), requiredWords: words, wordsStartLine: true)
            #expect(!loose.requiredWordsStartLine, "\(other)")
        }
        let caseless = LinePattern(try NSRegularExpression(pattern: #"^(?:Source)\s*:"#, options: .caseInsensitive),
                                   requiredWords: ["Source"], wordsStartLine: true)
        #expect(!caseless.requiredWordsStartLine)
        #expect(Repository.cleanupRules.sources.allSatisfy { $0.requiredWordsStartLine }, "the bundled source line opens with its word")
    }

    @Test(arguments: [("14.08.2025", true), ("Wietnam+ · ١٤.٠٨.٢٠٢٥", true), ("x٣", true), ("2025 r.", false), ("", false),
                      ("Фото 1", true), ("Фото", false), ("Ⅻ", false), ("²", false)])
    func aLineEndingInADigitIsRecognised(line: String, expected: Bool) {
        #expect(LinePattern.endsWithDigit(line) == expected)
    }

    @Test(arguments: [
        (#"^(?<text>.+?)\s*\(\s*(?:Фото|Foto)\s*:\s*(?<credit>[^()]+?)\s*\)\s*\|?$"#, "():"),
        (#"^(?<text>.+?)\s+[-–—]\s+(?:Foto|Фото)\s*:\s*(?<credit>.+?)\s*\|?$"#, ":"),
        (#"^a(?::|-)b$"#, ""),                      // the alternatives share nothing
        (#"^x(?::|:-)$"#, ":"), (#"^a:?b$"#, ""), (#"^(?:a:)+$"#, ":"), (#"^(?:a:)*$"#, ""),
        (#"^[:]$"#, ""), (#"^a\:b$"#, ":"), (#"^(?=:)a$"#, ""), (#"^a{0,2}:$"#, ":"), (#"^:{0,2}a$"#, ""),
        (#"^\p{L}+/\d+$"#, "/"), (#"^A|:$"#, ""),
    ])
    func literalPunctuationEveryMatchHoldsIsRead(pattern: String, expected: String) {
        let bytes = LinePattern.requirements(of: pattern).bytes.sorted()
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func literalLinesAndDigitsAreReadExactly() {
        #expect(LinePattern.literalLine(of: #"^Vietnam\.vn - Nền tảng$"#) == Array("Vietnam.vn - Nền tảng".utf8))
        #expect(LinePattern.literalLine(of: #"^No data$"#) == Array("No data".utf8))
        #expect(LinePattern.literalLine(of: #"^No (data)$"#) == nil && LinePattern.literalLine(of: #"^a\d$"#) == nil)
        #expect(LinePattern.literalLine(of: #"^No data"#) == nil && LinePattern.literalLine(of: #"^a.b$"#) == nil)
        #expect(LinePattern.hasDigit("14.08.2025") && LinePattern.hasDigit("٣ Arabic-Indic") && LinePattern.hasDigit("١"))
        #expect(!LinePattern.hasDigit("Нгуен Фу Чонг — Phạm Minh Chính") && !LinePattern.hasDigit(""))
    }

    /// The digit test reads eight bytes at a time; wherever a digit or a character from another
    /// script's digits sits, it must answer what `\d` does, and `scalarCount` must count scalars.
    @Test func digitsAndScalarsAreFoundAtEveryOffset() throws {
        let fillers = ["a", "Я", "ạ", "—", "/", ":", "9", "٣", "ـ", "߀", "\u{7F}", "\u{80}", "ÿ"]
        let digit = try NSRegularExpression(pattern: #"\d"#)
        var checked = 0
        for filler in fillers {
            for other in fillers {
                for position in 0..<20 {
                    let text = String(repeating: "Чонг ", count: position / 5) + String(repeating: filler, count: position % 7) + other
                        + String(repeating: "x", count: position % 9)
                    let expected = digit.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                    #expect(LinePattern.hasDigit(text) == expected, "\(text)")
                    #expect(text.scalarCount == text.unicodeScalars.count)
                    checked += 1
                }
            }
        }
        #expect(checked == 13 * 13 * 20)
    }

    /// Every line of every seed, and every pattern of the bundled rules: a line the pre-checks turn
    /// away is one the regex does not match.
    @Test func thePreChecksNeverTurnAwayALineTheRegexMatches() throws {
        let rules = Repository.cleanupRules
        let patterns = rules.banners + rules.bylines + rules.images + rules.captions + rules.sources
            + rules.articleCredits + rules.tailStarts + rules.dates + [rules.dateLine]
        #expect(patterns.contains { $0.firstByte != nil || $0.lastByte != nil }, "the bundled rules use anchored literals")
        #expect(patterns.contains { $0.firstBytes != nil } && patterns.contains(where: \.refusesSpaces))
        #expect(patterns.contains { $0.literalLine != nil } && patterns.contains(where: \.requiresDigit))
        #expect(patterns.contains { !$0.requiredBytes.isEmpty } && patterns.contains(where: \.endsWithDigit))
        #expect(patterns.contains { $0.optionalAfterDigit != nil } && patterns.contains { $0.requiredWordsStartLine })
        var lines: [String] = []
        for prefix in ["000", "001", "002", "003", "004"] {
            lines += try Repository.seed(prefix).split(whereSeparator: \.isNewline).map { ArticleCleaner.trimmed($0) }
        }
        lines += ["(TTXVN/Wietnam+)", "Общий вид переговоров. Фото: ВИА |", "![](https://x/y.jpg) |", "photo.jpg",
                  "No data", "No videos available", "Vietnam.vn - Nền tảng quảng bá Việt Nam", "ttxvn-thu-tuong.JPG",
                  "VietnamPlusVietnamPlus 14/08/2025", "Nhân Dân - 2025-08-14", "Wietnam+ · 14.08.2025",
                  // `\d` is any decimal digit, not only ASCII.
                  "Nhân Dân - ١٤/٠٨/٢٠٢٥", "Wietnam+ · 14.08.२०२५", "14/08/2025 ٣"]
        var matched = 0
        for pattern in patterns {
            for line in lines {
                let regex = pattern.regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
                if regex { matched += 1 }
                #expect(!regex || pattern.mayMatch(line), "'\(pattern.regex.pattern)' matches '\(line)' but the pre-check refused it")
            }
        }
        #expect(matched > 20)
    }

    @Test(arguments: [("Фото: ВИА", "Фото", true), ("ab", "abc", false), ("xxab", "ab", true), ("aab", "ab", true),
                      ("a\u{0}Foto", "Foto", true), ("", "x", false), ("abc", "", true), ("zdjęcie", "Zdjęcie", false),
                      // Two-byte letters are searched by their second byte: at the start, at the end, after a near miss.
                      ("Фото", "Фото", true), ("Фот", "Фото", false), ("ФФото", "Фото", true), ("Сфото Фото", "Фото", true),
                      ("Фото x", "ото", true), ("аФ", "Ф", true), ("Ф", "Ф", true), ("фото", "Фото", false)])
    func requiredWordsAreFoundAnywhereInTheLine(line: String, word: String, found: Bool) {
        let result = Array(line.utf8).withUnsafeBufferPointer { text in
            Array(word.utf8).withUnsafeBufferPointer { LinePattern.find($0, in: text) }
        }
        #expect(result == found)
    }
}
