import Dispatch
import Foundation
import Normalize
import Yams

/// Loads a glossary folder: the language catalog, the transform rule files, the generator rules and
/// every entry file, then generates variants and validates the whole.
///
/// ```text
/// glossaries/
///   languages.yaml          the language tags the glossary may use
///   languages/<tag>.yaml    per-language data (common words)
///   generators.yaml         which transform generates which language for which origin
///   transforms/*.txt        ICU rule files
///   *.yaml                  entries, one file per theme
/// ```
///
/// Why a module of its own: YAML parsing needs Yams, which imports Foundation, and Foundation's
/// private copy of ICU's headers cannot meet `Normalize`'s system ICU in one module.
public enum GlossaryLoader {
    /// The result of loading: the glossary (entries that decoded, with generated variants) and every
    /// problem found, errors and warnings, sorted by location.
    public struct Result: Sendable {
        public var glossary: Glossary
        public var diagnostics: [GlossaryDiagnostic]
        public var errors: [GlossaryDiagnostic] { diagnostics.filter { $0.severity == .error } }
        public var warnings: [GlossaryDiagnostic] { diagnostics.filter { $0.severity == .warning } }
    }

    /// How many threads parse and decode the entry files unless told otherwise: one per core.
    public static var defaultWorkers: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Loads `directory` and fails if it holds any error. `workers` threads parse and decode the
    /// entry files; the result is the same for any number.
    ///
    /// - Throws: ``GlossaryError/invalid(_:)`` with every problem when any is an error;
    ///   ``GlossaryError/unreadable(path:reason:)`` when a file cannot be read.
    public static func load(directory: String, workers: Int = defaultWorkers) throws -> Glossary {
        let result = try loadReportingProblems(directory: directory, workers: workers)
        guard result.errors.isEmpty else { throw GlossaryError.invalid(result.diagnostics) }
        return result.glossary
    }

    /// Loads `directory` and returns what loaded together with every problem, for `validate`.
    ///
    /// - Throws: ``GlossaryError/unreadable(path:reason:)`` when the folder or a file cannot be read,
    ///   or a transform rule file does not compile.
    public static func loadReportingProblems(directory: String, workers: Int = defaultWorkers) throws -> Result {
        // The entry files are parsed while the catalog, the transforms and the generators load:
        // compiling the transform rules through ICU was a fifth of loading the bundled glossary
        // and needs nothing from the entries. With one worker everything stays on this thread.
        // An unreadable folder is reported where it always was, after the catalog files.
        let entryPaths = (try? entryFiles(in: directory))?.map { path(directory, $0) }
        let parsed = ResultSlots<Swift.Result<[EntryFileReader.FileResult], GlossaryError>>(count: 1)
        let group = DispatchGroup()
        if workers > 1, let entryPaths {
            DispatchQueue.global().async(group: group) {
                parsed.set(0, Swift.Result { () throws(GlossaryError) in try EntryFileReader.read(entryPaths, workers: workers) })
            }
        }
        // Whatever fails first below, the parsing finishes before this returns.
        defer { group.wait() }

        var diagnostics: [GlossaryDiagnostic] = []
        var catalog = try loadLanguages(path(directory, "languages.yaml"), diagnostics: &diagnostics)
        try loadLanguageData(path(directory, "languages"), into: &catalog, diagnostics: &diagnostics)

        let transforms = path(directory, "transforms")
        if FileManager.default.fileExists(atPath: transforms) {
            do {
                try TransformRules.register(directory: transforms)
            } catch let error as NormalizeError {
                throw GlossaryError.unreadable(path: transforms, reason: error.description)
            }
        }
        let rules = try loadGenerators(path(directory, "generators.yaml"), diagnostics: &diagnostics)
        let generator = VariantGenerator(rules: rules)
        for (id, location) in generator.unavailableTransforms {
            diagnostics.append(GlossaryDiagnostic(.transformUnavailable(id), at: location))
        }

        var entries: [GlossaryEntry] = []
        if workers > 1, entryPaths != nil {
            group.wait()
        } else {
            let paths = try entryPaths ?? entryFiles(in: directory).map { path(directory, $0) }
            parsed.set(0, Swift.Result { () throws(GlossaryError) in try EntryFileReader.read(paths, workers: workers) })
        }
        for file in try parsed.values[0]!.get() {
            entries += file.entries
            diagnostics += file.diagnostics
        }
        diagnostics += GlossaryValidator(languages: catalog, generator: generator).validate(entries, workers: workers)
        let generated = entries.map(generator.addingGeneratedVariants(to:))
        let warnings = diagnostics.filter { $0.severity == .warning }.sorted()
        return Result(glossary: Glossary(entries: generated, languages: catalog, diagnostics: warnings),
                      diagnostics: diagnostics.sorted())
    }

    /// The entry files of `directory`: every `*.yaml` but the catalog files, sorted by name.
    static func entryFiles(in directory: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw GlossaryError.unreadable(path: directory, reason: "not a readable directory")
        }
        return names.filter { $0.hasSuffix(".yaml") && !["languages.yaml", "generators.yaml"].contains($0) }.sorted()
    }

    private static func loadLanguages(_ path: String, diagnostics: inout [GlossaryDiagnostic]) throws -> LanguageCatalog {
        var file = try YAMLFile(path: path)
        var languages: [LanguageCatalog.Language] = []
        for node in file.rootSequence(of: "languages") {
            guard let pairs = file.pairs(of: node, named: "language", allowed: ["tag", "name", "script"]) else { continue }
            var values: [String: (String, Node)] = [:]
            for (key, _, value) in pairs { if let text = file.string(value, key: key) { values[key] = (text, value) } }
            guard let (tagText, tagNode) = values["tag"], let name = values["name"]?.0, let script = values["script"]?.0 else {
                file.report(.missingKey("tag, name and script"), at: node)
                continue
            }
            guard let tag = file.languageTag(tagNode, text: tagText) else { continue }
            languages.append(LanguageCatalog.Language(tag: tag, name: name, script: script))
        }
        diagnostics += file.diagnostics
        return LanguageCatalog(languages)
    }

    private static func loadLanguageData(_ directory: String, into catalog: inout LanguageCatalog,
                                        diagnostics: inout [GlossaryDiagnostic]) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names.filter({ $0.hasSuffix(".yaml") }).sorted() {
            var file = try YAMLFile(path: path(directory, name))
            guard let root = file.root, let tag = LanguageTag(parsing: String(name.dropLast(5))) else {
                diagnostics += file.diagnostics
                continue
            }
            if !catalog.contains(tag) {
                file.report(.unknownLanguage(tag.description, suggestion: catalog.suggestion(for: tag.description)), at: root)
            }
            for (key, _, value) in file.pairs(of: root, named: "language data", allowed: ["common_words", "inflection"]) ?? [] {
                switch key {
                case "common_words": catalog.addCommonWords(file.strings(value, key: key).map(\.0), to: tag)
                default: if let rules = InflectionDecoder.decode(value, in: &file) { catalog.setInflection(rules, for: tag) }
                }
            }
            diagnostics += file.diagnostics
        }
    }

    private static func loadGenerators(_ path: String, diagnostics: inout [GlossaryDiagnostic]) throws -> [GeneratorRule] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        var file = try YAMLFile(path: path)
        var rules: [GeneratorRule] = []
        let keys = ["origin", "reads", "language", "transform", "place_transform"]
        for node in file.rootSequence(of: "generators") {
            guard let pairs = file.pairs(of: node, named: "generator", allowed: keys) else { continue }
            var values: [String: (String, Node)] = [:]
            for (key, _, value) in pairs { if let text = file.string(value, key: key) { values[key] = (text, value) } }
            guard let origin = values["origin"]?.0, let (readsText, readsNode) = values["reads"],
                  let (languageText, languageNode) = values["language"], let transform = values["transform"]?.0 else {
                file.report(.missingKey("origin, reads, language and transform"), at: node)
                continue
            }
            guard let reads = GeneratorRule.Input(rawValue: readsText) else {
                file.report(.invalidValue(key: "reads", value: readsText,
                                          expected: GeneratorRule.Input.allCases.map(\.rawValue).joined(separator: " or ")), at: readsNode)
                continue
            }
            guard let language = file.languageTag(languageNode, text: languageText) else { continue }
            rules.append(GeneratorRule(origin: origin, reads: reads, language: language, transform: transform,
                                       placeTransform: values["place_transform"]?.0, location: file.location(of: node)))
        }
        diagnostics += file.diagnostics
        return rules
    }

    private static func path(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
