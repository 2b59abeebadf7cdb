/// What `canon normalize` was asked to do, shared by every worker.
public struct NormalizeSettings: Sendable {
    /// Field names of JSON Lines records.
    public struct Fields: Sendable, Equatable {
        public var id = "id"
        public var text = "text"
        public var lang = "lang"
        public var title = "title"
        public var url = "url"
        public var published = "published"

        public init() {}
    }

    /// `--lang`: every document is in this language; no detection.
    public var language: String?
    /// `--transliterate`: add `text_latin` (ICU Any-Latin), at ICU's speed.
    public var transliterate = false
    /// Apply the cleanup rules (off: text is only split into paragraphs).
    public var cleanup = true
    public var fields = Fields()

    public init() {}
}
