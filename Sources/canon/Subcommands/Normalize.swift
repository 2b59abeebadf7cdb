import ArgumentParser
import Foundation
import Normalize
import Pipeline

/// `canon normalize`: Canon's main job, a corpus in and canonical JSON Lines out.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalize a corpus: clean each article, identify its language, map every name to its canonical English form.",
        discussion: """
            Reads files and folders (.txt and .md: one document per file; .jsonl and .ndjson: one document per
            line; each also .gz; - for standard input) and writes one canonical JSON object per document, in
            input order, byte-identical across runs and --jobs values. docs/output-format.md describes the
            fields; schema/canon-document.schema.json is the JSON Schema.

            Bad input never stops the batch: each unreadable file, binary file, malformed JSON line or oversized
            document is reported on stderr with its file and line and counted as a failure.
            Exit status: 0 when every document was processed, 1 when some failed, 2 on a usage error.

            Filter mode (--stdin-jsonl) is for line-oriented engines (Spark's RDD.pipe, Hadoop Streaming):
            it reads JSON Lines from standard input and writes exactly one line per input line, in order,
            flushed as soon as it is ready. A bad line gets an error record in its place,
            {"error":…,"id":…,"source":{…}}, and a blank line an empty line; the exit status is 0 unless
            the input itself could not be read. --source-path and --first-line say which file and line the
            stream comes from, so a piece of a file gets the same source and fallback IDs as the whole file.

            With no paths, normalizes the bundled seeds/ (five real articles).
            Examples:
              canon normalize
              canon normalize corpus/ --output corpus.canon.jsonl --jobs 2
              zcat news.jsonl.gz | canon normalize - --text-field body > news.canon.jsonl
              canon normalize --stdin-jsonl --source-path news.jsonl --first-line 40001 < piece.jsonl
            """)

    @OptionGroup var glossaryOptions: GlossaryOptions

    @Argument(help: ArgumentHelp("Files or folders to read (default: the bundled seeds/); - reads standard input.", valueName: "path"))
    var paths: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("Write here, atomically, instead of standard output (a device or a pipe, such as /dev/null, is written as it is).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("jsonl: one object per line; json: one array.", valueName: "jsonl|json"))
    var format: String = "jsonl"

    @Option(name: [.short, .long], help: ArgumentHelp("Worker threads (default: all cores).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Treat every document as this language (BCP 47) instead of detecting it.", valueName: "tag"))
    var lang: String?

    @Flag(help: "Add text_latin, the text in Latin script (ICU Any-Latin; slow).")
    var transliterate = false

    @Flag(name: .customLong("no-cleanup"), help: "Keep the text as it is: no banner, caption or tail removal.")
    var noCleanup = false

    @Option(help: ArgumentHelp("Skip documents (files or JSON lines) larger than this many bytes.", valueName: "bytes"))
    var maxDocBytes: Int = 16 << 20

    @Option(help: ArgumentHelp("Cleanup rules folder (default: the glossary folder's cleanup/, or those compiled into a .canonglossary).", valueName: "dir"))
    var cleanupRules: String?

    @Option(help: ArgumentHelp("JSON Lines field holding the document ID.", valueName: "name")) var idField = "id"
    @Option(help: ArgumentHelp("JSON Lines field holding the text.", valueName: "name")) var textField = "text"
    @Option(help: ArgumentHelp("JSON Lines field holding the language.", valueName: "name")) var langField = "lang"
    @Option(help: ArgumentHelp("JSON Lines field holding the title.", valueName: "name")) var titleField = "title"
    @Option(help: ArgumentHelp("JSON Lines field holding the URL.", valueName: "name")) var urlField = "url"
    @Option(help: ArgumentHelp("JSON Lines field holding the publication date.", valueName: "name")) var publishedField = "published"

    @Flag(help: "Filter mode: JSON Lines from standard input, one output line per input line, flushed as it goes.")
    var stdinJsonl = false

    @Option(help: ArgumentHelp("Filter mode: the file the stream comes from, reported as source.path (default: -).", valueName: "path"))
    var sourcePath: String?

    @Option(help: ArgumentHelp("Filter mode: the line number of the stream's first line in that file (default: 1).", valueName: "n"))
    var firstLine: Int?

    @Flag(name: [.short, .long], help: "No progress bar and no summary on stderr (failures are still reported).")
    var quiet = false

    func run() throws {
        var failures = 0
        try reportingFailures {
            guard let outputFormat = OutputSink.Format(rawValue: format) else {
                throw CommandFailure.usage("unknown --format '\(format)': expected jsonl or json")
            }
            let jobCount = jobs ?? ProcessInfo.processInfo.activeProcessorCount
            guard jobCount >= 1 else { throw CommandFailure.usage("--jobs must be at least 1") }
            guard maxDocBytes >= 1 else { throw CommandFailure.usage("--max-doc-bytes must be at least 1") }
            var settings = NormalizeSettings()
            if let lang {
                guard let tag = LanguageTag(parsing: lang) else {
                    throw CommandFailure.usage("--lang '\(lang)' is not a BCP 47 language tag (examples: ru, pl, nb, sr-Latn)")
                }
                settings.language = tag.description
            }
            settings.transliterate = transliterate
            settings.cleanup = !noCleanup
            settings.fields.id = idField
            settings.fields.text = textField
            settings.fields.lang = langField
            settings.fields.title = titleField
            settings.fields.url = urlField
            settings.fields.published = publishedField

            if stdinJsonl {
                guard paths.isEmpty else { throw CommandFailure.usage("--stdin-jsonl reads standard input only; leave out the paths (or use - without --stdin-jsonl)") }
                guard outputFormat == .jsonl else { throw CommandFailure.usage("--stdin-jsonl writes JSON Lines; --format json cannot answer line by line") }
            } else if sourcePath != nil || firstLine != nil {
                throw CommandFailure.usage("--source-path and --first-line describe a --stdin-jsonl stream; add --stdin-jsonl")
            }
            if let firstLine, firstLine < 1 { throw CommandFailure.usage("--first-line must be at least 1") }
            var inputs = paths
            if inputs.isEmpty, !stdinJsonl {
                do {
                    inputs = [Self.relativeToCurrentDirectory(try BundledResources.seedsDirectory())]
                } catch let error as BundledResources.NotFound {
                    throw CommandFailure.usage(error.description + " Or name the files to normalize.")
                }
            }
            // A compiled glossary brings its cleanup rules; a folder has them in cleanup/.
            let snapshot = try glossaryOptions.snapshot()
            let rules: CleanupRules
            do {
                if let cleanupRules {
                    rules = try CleanupRules.load(directory: cleanupRules)
                } else if let snapshot, let path = glossaryOptions.snapshotPath {
                    rules = try CleanupRules.load(files: snapshot.cleanupFiles.map { ("\(path):cleanup/\($0.name)", $0.text) }, from: path)
                } else {
                    rules = try CleanupRules.load(directory: (try glossaryOptions.directory() as NSString).appendingPathComponent("cleanup"))
                }
            } catch let error as CleanupRules.Invalid {
                throw CommandFailure.usage(error.description)
            }
            let matcher = ProcessLifetime.keep(GlossaryMatcher(try snapshot?.glossary ?? glossaryOptions.load(workers: jobCount)))
            let processors = try (0..<jobCount).map { _ in try DocumentProcessor(matcher: matcher, cleanup: rules, settings: settings) }
            let sink: OutputSink
            do {
                sink = try OutputSink(path: output, format: outputFormat)
            } catch let error as PipelineError {
                throw CommandFailure.usage(error.description)
            }
            let progress = ProgressLine(enabled: !quiet && !stdinJsonl && isatty(STDERR_FILENO) == 1)
            let runner = BatchRunner(processors: processors)
            runner.filterMode = stdinJsonl
            let report = { (failure: InputFailure) in
                progress.clear()
                FileHandle.standardError.write(Data("canon: \(failure)\n".utf8))
            }
            let summary: BatchSummary
            do {
                if stdinJsonl {
                    let stream = FilterStream(sourcePath: sourcePath ?? "-", firstLine: firstLine ?? 1, maxDocumentBytes: maxDocBytes)
                    summary = try runner.run(stream, output: sink, failed: report)
                } else {
                    let reader = DocumentReader(files: InputFiles.expand(inputs), maxDocumentBytes: maxDocBytes)
                    summary = try runner.run(reader, output: sink, failed: report, progress: progress.update)
                }
                try sink.finish()
            } catch let error as PipelineError {
                sink.abandon()
                throw CommandFailure.usage(error.description)
            }
            progress.clear()
            if !quiet { FileHandle.standardError.write(Data((ProgressLine.summary(summary) + "\n").utf8)) }
            // In filter mode a failed document is answered by its error record; only lost input fails the run.
            failures = stdinJsonl ? summary.unreadable : summary.failures
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// `seeds` rather than `/home/…/canon/seeds`, so `source.path` is the same on every machine.
    static func relativeToCurrentDirectory(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }
}
