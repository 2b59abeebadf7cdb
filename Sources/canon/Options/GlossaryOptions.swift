import ArgumentParser
import Normalize
import GlossaryFiles
import Pipeline

/// `--glossary DIR`, shared by every subcommand that reads glossary data.
///
/// A compiled glossary file (`canon glossary compile`) may stand for the folder where only the
/// entries and cleanup rules are needed: `normalize`, `lookup`, `search`, `list`, `show`, `export`.
struct GlossaryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The glossary folder, or a compiled .canonglossary file (default: $CANON_GLOSSARIES, else the bundled glossaries/).",
        valueName: "dir"))
    var glossary: String?

    /// The compiled glossary named by `--glossary`, when it names one.
    var snapshotPath: String? {
        guard let glossary, GlossarySnapshot.isSnapshot(path: glossary) else { return nil }
        return glossary
    }

    /// The compiled glossary named by `--glossary`, read; nil when it names a folder.
    func snapshot() throws -> GlossarySnapshot? {
        guard let path = snapshotPath else { return nil }
        do {
            return try GlossarySnapshot.read(path: path)
        } catch {
            throw CommandFailure.usage(error.description)
        }
    }

    /// The glossary folder, resolved.
    func directory() throws -> String {
        if let path = snapshotPath {
            throw CommandFailure.usage("\(path) is a compiled glossary; this command needs the glossary folder it was compiled from")
        }
        do {
            return try BundledResources.glossaryDirectory(explicit: glossary)
        } catch let error as BundledResources.NotFound {
            throw CommandFailure.usage(error.description)
        }
    }

    /// Registers the glossary's transform rule files with ICU and returns what was registered.
    @discardableResult
    func registerTransforms() throws -> [TransformRules.Registered] {
        let transforms = BundledResources.transformsDirectory(in: try directory())
        do {
            return try TransformRules.register(directory: transforms)
        } catch let error as NormalizeError {
            throw CommandFailure.usage(error.description)
        }
    }

    /// Loads the glossary (a folder, or a compiled file), failing with every error found, parsing
    /// the folder's files on `workers` threads. It is kept until the process exits (see
    /// ``ProcessLifetime``).
    func load(workers: Int = GlossaryLoader.defaultWorkers) throws -> Glossary {
        if let snapshot = try snapshot() { return ProcessLifetime.keep(snapshot.glossary) }
        do {
            return ProcessLifetime.keep(try GlossaryLoader.load(directory: try directory(), workers: workers))
        } catch let error as GlossaryError {
            throw CommandFailure.usage(error.description)
        }
    }
}
