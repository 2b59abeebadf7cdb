import Normalize

/// Compares entries by content, ignoring where they were written: how an import tells unchanged
/// entries from changed ones, and how round-trip tests compare.
public enum ImportComparison {
    public static func sameContent(_ a: GlossaryEntry, _ b: GlossaryEntry) -> Bool {
        record(a) == record(b)
    }

    /// The entry's JSON record without locations: the content that must survive a round trip.
    public static func record(_ entry: GlossaryEntry) -> EntryRecord {
        var record = EntryRecord(entry)
        record.location = ""
        record.variants = record.variants.mapValues { $0.map { var v = $0; v.location = nil; return v } }
        return record
    }
}
