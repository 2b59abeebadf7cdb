import ArgumentParser
import Normalize
import GlossaryFiles
import Pipeline

/// `--glossary DIR`, shared by every subcommand that reads glossary data.
struct GlossaryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The glossary folder (default: $CANON_GLOSSARIES, else the bundled glossaries/).",
        valueName: "dir"))
    var glossary: String?

    /// The glossary folder, resolved.
    func directory() throws -> String {
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

    /// Loads the glossary, failing with every error found.
    func load() throws -> Glossary {
        do {
            return try GlossaryLoader.load(directory: try directory())
        } catch let error as GlossaryError {
            throw CommandFailure.usage(error.description)
        }
    }
}
