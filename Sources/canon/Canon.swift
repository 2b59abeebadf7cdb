import ArgumentParser
import Normalize

/// The `canon` command: maps multilingual text about Vietnam to canonical English names.
@main
struct Canon: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "canon",
            abstract: "Map every name in multilingual text about Vietnam to one canonical English form.",
            version: "canon \(CanonVersion.current) (ICU \(ICUVersion.library), Unicode \(ICUVersion.unicode))",
            subcommands: [NormalizeCommand.self, Stats.self, GlossaryCommand.self, Translit.self, Eval.self]
        )
    }
}

enum CanonVersion {
    static let current = "0.1.0"
}
