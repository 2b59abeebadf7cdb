import ArgumentParser
import Foundation
import Normalize

/// `canon translit`: run any ICU transform, or one of Canon's rule files, over text.
struct Translit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Transliterate text with an ICU transform or one of Canon's rule files.",
        discussion: """
            Reads TEXT, or standard input line by line (each line is written as soon as it is read).
            IDs may be compound: 'Any-Latin; Latin-ASCII'. Canon's own transforms from
            glossaries/transforms/ (such as Vietnamese-Russian) compose with ICU's built-in ones.

            Examples:
              canon translit --id Vietnamese-Russian 'Nguyễn Phú Trọng'
              canon translit --id Russian-Latin/BGN < seeds/000_a11add72f4209d5d.txt
              canon translit --list
            """
    )

    @Option(name: .long, help: ArgumentHelp("The transform ID.", valueName: "id"))
    var id: String = "Any-Latin"

    @Option(name: .long, help: ArgumentHelp(
        "A rule file in ICU transform syntax to use instead of --id.", valueName: "file"))
    var rules: String?

    @Flag(name: .long, help: "List every transform ID known, built-in and Canon's, and exit.")
    var list = false

    @OptionGroup var glossaryOptions: GlossaryOptions

    @Argument(help: "The text to transliterate (default: read standard input).")
    var text: String?

    func run() throws {
        try reportingFailures {
            let registered = try glossaryOptions.registerTransforms()
            if list {
                let ours = Set(registered.map(\.id))
                for id in Transliterator.availableIDs() {
                    print(ours.contains(id) ? "\(id)\t(canon)" : id)
                }
                return
            }
            let transliterator = try makeTransliterator()
            if let text {
                print(transliterator.transliterate(text))
                return
            }
            while let line = readLine(strippingNewline: true) {
                print(transliterator.transliterate(line))
                fflush(nil)  // all streams: a pipe peer must see each line before we read the next
            }
        }
    }

    private func makeTransliterator() throws -> Transliterator {
        do {
            if let rules {
                guard let data = FileManager.default.contents(atPath: rules),
                      let source = String(data: data, encoding: .utf8) else {
                    throw CommandFailure.usage("\(rules): cannot read the rule file (missing, unreadable or not UTF-8)")
                }
                return try Transliterator(rules: source, id: TransformRules.id(forFile: rules), file: rules)
            }
            return try Transliterator(id: id)
        } catch let error as NormalizeError {
            throw CommandFailure.usage(error.description)
        }
    }
}
