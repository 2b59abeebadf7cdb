/// A BCP 47 language tag as the glossary uses it: a language, optionally a script and a region
/// (`ru`, `nb`, `sr-Latn`, `zh-Hant`, `pt-BR`), or `und-Latn` for "any language written in Latin
/// script", which is where Canon keeps generated forms every Latin-script language shares.
///
/// Parsing normalizes case the way BCP 47 recommends (`SR-latn` → `sr-Latn`), so tags compare equal
/// however a file spells them.
public struct LanguageTag: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The primary language subtag, lowercase: `ru`, `und`.
    public let language: String
    /// The script subtag, title case: `Latn`, `Cyrl`.
    public let script: String?
    /// The region subtag, uppercase: `BR`, `TW`.
    public let region: String?

    /// Parses `text`, or returns nil when it is not of the form `language[-Script][-REGION]`.
    ///
    /// - Parameter text: a tag such as `ru`, `sr-Latn`, `pt-BR`; `_` is accepted for `-`.
    public init?(parsing text: String) {
        // Nearly every tag a glossary or a record gives is a bare lower-case language (`ru`, `pl`):
        // taken as it is, without splitting it into parts (a glossary has a tag per variant).
        let utf8 = text.utf8
        if (2...3).contains(utf8.count), utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) {
            self.init(language: text, script: nil, region: nil)
            return
        }
        // Empty subtags kept, so that `ru-`, `-ru` and `sr--Latn` are refused rather than read as
        // `ru` and `sr-Latn`.
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(\.isASCIILetter) else { return nil }
        var script: String?, region: String?
        for part in parts.dropFirst() {
            if script == nil, region == nil, part.count == 4, part.allSatisfy(\.isASCIILetter) {
                script = part.prefix(1).uppercased() + part.dropFirst().lowercased()
            } else if region == nil, (part.count == 2 && part.allSatisfy(\.isASCIILetter)) || (part.count == 3 && part.allSatisfy(\.isASCIIDigit)) {
                region = part.uppercased()
            } else {
                return nil
            }
        }
        self.init(language: first.lowercased(), script: script, region: region)
    }

    private init(language: String, script: String?, region: String?) {
        self.language = language
        self.script = script
        self.region = region
    }

    /// The tag of the language alone: `sr` for `sr-Latn`, itself for `ru`.
    public var languageOnly: LanguageTag {
        script == nil && region == nil ? self : LanguageTag(language: language, script: nil, region: nil)
    }

    /// `und-Latn`: forms shared by every language written in Latin script.
    public static let anyLatin = LanguageTag(parsing: "und-Latn")!
    public static let english = LanguageTag(parsing: "en")!

    public var description: String {
        // Spelled out case by case: every mention written asks for its form's tag, and short tags
        // fit in a string without an allocation.
        switch (script, region) {
        case (nil, nil): language
        case let (script?, nil): language + "-" + script
        case let (nil, region?): language + "-" + region
        case let (script?, region?): language + "-" + script + "-" + region
        }
    }

    public static func < (a: LanguageTag, b: LanguageTag) -> Bool { a.description < b.description }
}

extension Character {
    var isASCIILetter: Bool { isASCII && isLetter }
    var isASCIIDigit: Bool { isASCII && isNumber }
}
