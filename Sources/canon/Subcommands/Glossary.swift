import ArgumentParser

/// `canon glossary …`: consult and check the glossary.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Consult and check the glossary.",
        subcommands: [Lookup.self, Show.self, Search.self, List.self, Stats.self, Validate.self, Compile.self, Export.self, Import.self]
    )
}
