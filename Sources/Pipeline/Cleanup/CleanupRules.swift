import Foundation
import Yams

/// The rules ``ArticleCleaner`` applies, compiled from `glossaries/cleanup/*.yaml`.
///
/// Rules are data so that a new site or language needs no code: see the comments in
/// `glossaries/cleanup/news.yaml` for what each list means.
public struct CleanupRules: Sendable {
    var banners: [LinePattern]
    var dates: [LinePattern]
    var bylines: [LinePattern]
    var images: [LinePattern]
    var captions: [LinePattern]
    var repeatedLineIsCaption: Bool
    var furnitureMaxCharacters: Int
    var sources: [LinePattern]
    var authorMaxWords: Int
    var articleCredits: [LinePattern]
    var tailStarts: [LinePattern]
    var datedTeaserAtEnd: Bool
    var titleMaxCharacters: Int
    /// A whole line that is only a date.
    var dateLine: LinePattern

    /// No cleanup at all: text is taken as it is, split into paragraphs.
    public static let none = CleanupRules(
        banners: [], dates: [], bylines: [], images: [], captions: [], repeatedLineIsCaption: false, furnitureMaxCharacters: 0, sources: [],
        authorMaxWords: 0, articleCredits: [], tailStarts: [], datedTeaserAtEnd: false, titleMaxCharacters: 0,
        dateLine: LinePattern(try! NSRegularExpression(pattern: "(?!)")))

    /// An error in a rule file, naming the file and the rule.
    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// Loads every `*.yaml` file of `directory` (sorted by name; lists are concatenated, later
    /// files override single values).
    public static func load(directory: String) throws -> CleanupRules {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        var files: [(path: String, text: String)] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                files.append((path, try String(contentsOfFile: path, encoding: .utf8)))
            } catch {
                throw Invalid(path: path, message: "cannot read: \(error.localizedDescription)")
            }
        }
        return try load(files: files, from: directory)
    }

    /// Compiles rule files already read (from a folder, or a compiled glossary's copy of one), in
    /// the given order; `place` names where they came from in messages.
    public static func load(files: [(path: String, text: String)], from place: String) throws -> CleanupRules {
        guard !files.isEmpty else { throw Invalid(path: place, message: "no cleanup rule files (*.yaml)") }
        var merged = RawRules()
        for (path, text) in files {
            let raw: RawRules
            do {
                raw = try YAMLDecoder().decode(RawRules.self, from: text)
            } catch {
                throw Invalid(path: path, message: "not a cleanup rule file: \(error)")
            }
            merged.merge(raw)
        }
        return try merged.compile(path: place)
    }

    /// The file layout, before compilation.
    struct RawRules: Decodable {
        struct Banner: Decodable { var site: String?; var pattern: String }
        var banners: [Banner]?
        var dates: [String]?
        var bylines: [String]?
        var images: [String]?
        var captions: [String]?
        var repeated_line_is_caption: Bool?
        var furniture_max_characters: Int?
        var sources: [String]?
        var author_max_words: Int?
        var article_credits: [String]?
        var tail_starts: [String]?
        var dated_teaser_at_end: Bool?
        var title_max_characters: Int?
        var words: [String: [String: [String]]]?

        init() {}

        mutating func merge(_ other: RawRules) {
            func join<T>(_ a: [T]?, _ b: [T]?) -> [T]? { (a ?? []) + (b ?? []) }
            banners = join(banners, other.banners)
            dates = join(dates, other.dates)
            bylines = join(bylines, other.bylines)
            images = join(images, other.images)
            captions = join(captions, other.captions)
            sources = join(sources, other.sources)
            article_credits = join(article_credits, other.article_credits)
            tail_starts = join(tail_starts, other.tail_starts)
            repeated_line_is_caption = other.repeated_line_is_caption ?? repeated_line_is_caption
            furniture_max_characters = other.furniture_max_characters ?? furniture_max_characters
            author_max_words = other.author_max_words ?? author_max_words
            dated_teaser_at_end = other.dated_teaser_at_end ?? dated_teaser_at_end
            title_max_characters = other.title_max_characters ?? title_max_characters
            for (name, byLanguage) in other.words ?? [:] {
                for (language, list) in byLanguage {
                    words = words ?? [:]
                    words![name, default: [:]][language, default: []] += list
                }
            }
        }

        func compile(path: String) throws -> CleanupRules {
            // Longest words first, so that `Комментарии` is tried before `Комментарий`.
            var alternations: [String: String] = [:]
            var lists: [String: [String]] = [:]
            for (name, byLanguage) in words ?? [:] {
                let all = Set(byLanguage.values.flatMap { $0 }).sorted { ($0.count, $1) > ($1.count, $0) }
                lists[name] = all
                alternations[name] = "(?:" + all.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|") + ")"
            }
            // The layouts' day/month/year groups would repeat within one pattern, which ICU rejects:
            // patterns capture the date whole (`date`) and it is parsed again with `dates`.
            let unnamed = try! NSRegularExpression(pattern: #"\(\?<(?:day|month|year)>"#)
            let date = "(?<date>" + (dates ?? []).map {
                unnamed.stringByReplacingMatches(in: $0, range: NSRange($0.startIndex..., in: $0), withTemplate: "(?:")
            }.joined(separator: "|") + ")"
            func expand(_ pattern: String, list: String) throws -> String {
                var result = pattern.replacingOccurrences(of: "{date}", with: date)
                while let open = result.range(of: "{words:") {
                    guard let close = result[open.upperBound...].firstIndex(of: "}") else { break }
                    let name = String(result[open.upperBound..<close])
                    guard let alternation = alternations[name] else {
                        throw Invalid(path: path, message: "\(list): pattern '\(pattern)' uses {words:\(name)}, but there is no words: \(name): list")
                    }
                    result.replaceSubrange(open.lowerBound...close, with: alternation)
                }
                return result
            }
            func compileList(_ patterns: [String]?, _ list: String) throws -> [LinePattern] {
                try (patterns ?? []).map { pattern in
                    do {
                        let regex = try NSRegularExpression(pattern: try expand(pattern, list: list))
                        // A `{words:NAME}` is a required part of a pattern: the line must hold one of them.
                        let required = pattern.range(of: "{words:").flatMap { open in
                            pattern[open.upperBound...].firstIndex(of: "}").flatMap { lists[String(pattern[open.upperBound..<$0])] }
                        }
                        return LinePattern(regex, requiredWords: required ?? [], wordsStartLine: pattern.hasPrefix("^{words:"))
                    } catch let error as Invalid {
                        throw error
                    } catch {
                        throw Invalid(path: path, message: "\(list): '\(pattern)' is not a valid regular expression")
                    }
                }
            }
            return CleanupRules(
                banners: try compileList(banners?.map(\.pattern), "banners"),
                dates: try compileList(dates, "dates"),
                bylines: try compileList(bylines, "bylines"),
                images: try compileList(images, "images"),
                captions: try compileList(captions, "captions"),
                repeatedLineIsCaption: repeated_line_is_caption ?? false,
                furnitureMaxCharacters: furniture_max_characters ?? 400,
                sources: try compileList(sources, "sources"),
                authorMaxWords: author_max_words ?? 0,
                articleCredits: try compileList(article_credits, "article_credits"),
                tailStarts: try compileList(tail_starts, "tail_starts"),
                datedTeaserAtEnd: dated_teaser_at_end ?? false,
                titleMaxCharacters: title_max_characters ?? 0,
                dateLine: LinePattern(try NSRegularExpression(pattern: "^" + date + "$")))
        }
    }
}
