import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Normalize

/// Reads TBX into glossary entries: TBX v3 (`conceptEntry`/`langSec`/`termSec`, as ``TBXWriter``
/// writes and current CAT tools export) and TBX v2 (`termEntry`/`langSet`/`tig` or `ntig`).
///
/// A Canon export comes back exactly (its `canon.*` notes carry the fields TBX lacks; generated forms
/// are dropped, Canon regenerates them). A foreign TBX file gives one entry per concept: the English
/// preferred term (else the first English term, else the first term) becomes the canonical form, the
/// subject field the type when it is one of Canon's, and every other term a curated variant.
public enum TBXReader {
    public static func read(_ data: Data, file: String) -> ImportResult {
        let delegate = Delegate(file: file)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        if !parser.parse(), delegate.xmlError == nil {
            delegate.xmlError = "\(file):\(parser.lineNumber): not well-formed XML"
        }
        if let xmlError = delegate.xmlError { delegate.problems.append(xmlError) }
        return ImportResult(entries: delegate.entries, problems: delegate.problems)
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let file: String
        var entries: [GlossaryEntry] = []
        var problems: [String] = []

        private struct Term {
            var form = ""
            var status: String?
            var termType: String?
            var notes: [String] = []
        }

        private var conceptID: String?
        private var conceptLine = 0
        private var type: EntityType?
        private var subjectField: String?
        private var expansion: String?
        private var wikidata: String?
        private var conceptNotes: [String] = []
        private var terms: [(LanguageTag, Term)] = []
        private var language: LanguageTag?
        private var term: Term?
        private var text = ""
        private var textTarget: (element: String, type: String?)?
        weak var parser: XMLParser?

        /// The first well-formedness error; the parser stops there.
        var xmlError: String?

        init(file: String) { self.file = file }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if xmlError == nil {
                let code = (parseError as NSError).code
                xmlError = "\(file):\(parser.lineNumber): not well-formed XML (libxml2 error \(code))"
            }
        }

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            self.parser = parser
            switch element {
            case "conceptEntry", "termEntry":
                conceptID = attributes["id"]
                conceptLine = parser.lineNumber
                (type, subjectField, expansion, wikidata, conceptNotes, terms) = (nil, nil, nil, nil, [], [])
            case "langSec", "langSet":
                let tag = attributes["xml:lang"] ?? attributes["lang"] ?? ""
                language = LanguageTag(parsing: tag)
                if language == nil { problems.append("\(file):\(parser.lineNumber): unknown language tag '\(tag)'; its terms are skipped") }
            case "termSec", "tig", "ntig":
                term = Term()
            case "term", "descrip", "note", "termNote", "xref":
                text = ""
                textTarget = (element, attributes["type"])
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if textTarget != nil { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch element {
            case "term":
                term?.form = value
            case "termNote":
                if textTarget?.type == "administrativeStatus" { term?.status = value }
                if textTarget?.type == "termType" { term?.termType = value }
            case "note":
                if term != nil { term?.notes.append(value) } else { conceptNotes.append(value) }
            case "descrip":
                if term == nil, textTarget?.type == "subjectField" { subjectField = value; type = EntityType(rawValue: value) }
                if term == nil, textTarget?.type == "definition" { expansion = value }
            case "xref":
                if value.first == "Q", value.dropFirst().allSatisfy(\.isNumber) { wikidata = value }
            case "termSec", "tig", "ntig":
                if let term, let language, !term.form.isEmpty { terms.append((language, term)) }
                term = nil
            case "langSec", "langSet":
                language = nil
            case "conceptEntry", "termEntry":
                finishConcept()
            default:
                break
            }
            if ["term", "descrip", "note", "termNote", "xref"].contains(element) { textTarget = nil }
        }

        private func finishConcept() {
            let generatedNote = "canon.generated="
            let kept = terms.filter { _, term in !term.notes.contains { $0.hasPrefix(generatedNote) } }
            let englishPreferred = kept.firstIndex { $0.0 == .english && $0.1.status == "preferredTerm-admn-sts" }
            guard let canonicalIndex = englishPreferred ?? kept.firstIndex(where: { $0.0 == .english }) ?? kept.indices.first else {
                problems.append("\(file):\(conceptLine): concept '\(conceptID ?? "?")' has no term; skipped")
                return
            }
            let canonical = kept[canonicalIndex].1.form
            let id = conceptID.flatMap { EntryDecoder.isSlug($0) ? $0 : nil } ?? Slug.make(canonical)
            if type == nil {
                problems.append("\(file):\(conceptLine): concept '\(id)' has subject field '\(subjectField ?? "")', not a Canon type; imported as term")
            }
            var entry = GlossaryEntry(id: id, type: type ?? .term, canonical: canonical, expansion: expansion,
                                      wikidata: wikidata, location: SourceLocation(file: file, line: conceptLine))
            for (index, (language, term)) in kept.enumerated() where index != canonicalIndex {
                let source = term.notes.first { $0.hasPrefix("canon.source=") }.map { String($0.dropFirst("canon.source=".count)) }
                if term.termType == "shortForm" {
                    entry.shortForms.append(ShortForm(form: term.form, language: language, standalone: term.notes.contains("canon.standalone=true")))
                } else {
                    entry.variants.append(Variant(form: term.form, language: language, provenance: .curated(source: source)))
                }
            }
            applyNotes(to: &entry)
            entries.append(entry)
        }

        private func applyNotes(to entry: inout GlossaryEntry) {
            var fields = CanonFields()
            var roles: [EntryRecord.RoleRecord] = []
            for note in conceptNotes where note.hasPrefix("canon.") {
                let body = note.dropFirst("canon.".count)
                guard let equals = body.firstIndex(of: "=") else { continue }
                let key = String(body[..<equals]), value = String(body[body.index(after: equals)...])
                switch key {
                case "native": fields.native = value
                case "origin": fields.origin = value
                case "romanized": fields.romanized = value
                case "case_sensitive": fields.case_sensitive = value == "true"
                case "ambiguous_with": fields.ambiguous_with = try? JSONDecoder().decode([String].self, from: Data(value.utf8))
                case "role": if let role = try? JSONDecoder().decode(EntryRecord.RoleRecord.self, from: Data(value.utf8)) { roles.append(role) }
                case "notes": fields.notes = value
                default: problems.append("\(file):\(conceptLine): unknown note 'canon.\(key)' ignored")
                }
            }
            fields.roles = roles.isEmpty ? nil : roles
            fields.apply(to: &entry)
            let others = conceptNotes.filter { !$0.hasPrefix("canon.") }
            if !others.isEmpty, entry.notes == nil { entry.notes = others.joined(separator: " ") }
        }
    }
}

/// Makes an entry id from a name: `Nguyễn Phú Trọng` → `nguyen-phu-trong`.
enum Slug {
    static func make(_ text: String) -> String {
        let folded = FoldingKey.latin(text)
        var slug = ""
        for character in folded {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "entry" : slug
    }
}
