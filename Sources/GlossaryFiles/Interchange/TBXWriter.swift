import Normalize

/// Writes the glossary as TBX-Basic (ISO 30042:2019, DCA style): one `conceptEntry` per entry, one
/// `langSec` per language, one `termSec` per form, so that CAT tools and MT glossaries can use it.
///
/// The canonical form is the English `preferredTerm`; other forms are `admittedTerm`s; short forms have
/// `termType` `shortForm`. Generated forms are included and marked with `<note>canon.generated=ID</note>`
/// (an import drops them: Canon regenerates them). Entry fields TBX has no category for go into
/// `canon.*` notes, so a Canon export imports back without loss.
public enum TBXWriter {
    public static func write(_ entries: [GlossaryEntry]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
              <tbxHeader>
                <fileDesc>
                  <sourceDesc><p>Canon glossary: canonical English forms of names and terms in news about Vietnam</p></sourceDesc>
                </fileDesc>
              </tbxHeader>
              <text>
                <body>

            """
        for entry in entries { xml += conceptEntry(entry) }
        xml += "    </body>\n  </text>\n</tbx>\n"
        return xml
    }

    private static func conceptEntry(_ entry: GlossaryEntry) -> String {
        var lines = ["      <conceptEntry id=\"\(escape(entry.id))\">",
                     "        <descrip type=\"subjectField\">\(entry.type.rawValue)</descrip>"]
        if let expansion = entry.expansion { lines.append("        <descrip type=\"definition\">\(escape(expansion))</descrip>") }
        if let wikidata = entry.wikidata {
            lines.append("        <xref type=\"externalCrossReference\" target=\"https://www.wikidata.org/wiki/\(wikidata)\">\(wikidata)</xref>")
        }
        let fields = CanonFields(entry, includeTermLevel: false)
        for (key, value) in noteFields(fields) { lines.append("        <note>canon.\(key)=\(escape(value))</note>") }

        var byLanguage: [LanguageTag: [String]] = [:]
        byLanguage[.english, default: []].append(termSec(entry.canonical, status: "preferredTerm-admn-sts", notes: []))
        for variant in entry.variants {
            var notes: [String] = []
            switch variant.provenance {
            case let .curated(source?): notes.append("canon.source=\(source)")
            case .curated(nil): break
            case let .generated(transform): notes.append("canon.generated=\(transform)")
            }
            byLanguage[variant.language, default: []].append(termSec(variant.form, status: "admittedTerm-admn-sts", notes: notes))
        }
        for shortForm in entry.shortForms {
            let notes = shortForm.standalone ? ["canon.standalone=true"] : []
            byLanguage[shortForm.language, default: []].append(termSec(shortForm.form, status: "admittedTerm-admn-sts", notes: notes, type: "shortForm"))
        }
        for language in byLanguage.keys.sorted(by: { ($0 == .english ? 0 : 1, $0) < ($1 == .english ? 0 : 1, $1) }) {
            lines.append("        <langSec xml:lang=\"\(language)\">")
            lines += byLanguage[language]!
            lines.append("        </langSec>")
        }
        lines.append("      </conceptEntry>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func termSec(_ form: String, status: String, notes: [String], type: String? = nil) -> String {
        var parts = ["          <termSec>", "            <term>\(escape(form))</term>"]
        if let type { parts.append("            <termNote type=\"termType\">\(type)</termNote>") }
        parts.append("            <termNote type=\"administrativeStatus\">\(status)</termNote>")
        parts += notes.map { "            <note>\(escape($0))</note>" }
        parts.append("          </termSec>")
        return parts.joined(separator: "\n")
    }

    private static func noteFields(_ fields: CanonFields) -> [(String, String)] {
        var notes: [(String, String)] = []
        if let native = fields.native { notes.append(("native", native)) }
        if let origin = fields.origin { notes.append(("origin", origin)) }
        if let romanized = fields.romanized { notes.append(("romanized", romanized)) }
        if let caseSensitive = fields.case_sensitive { notes.append(("case_sensitive", String(caseSensitive))) }
        if let ambiguous = fields.ambiguous_with { notes.append(("ambiguous_with", CanonFields.encodeJSON(ambiguous))) }
        for role in fields.roles ?? [] { notes.append(("role", CanonFields.encodeJSON(role))) }
        if let text = fields.notes { notes.append(("notes", text)) }
        return notes
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            default: result.append(character)
            }
        }
        return result
    }
}
