/// Remembers how each word reads (its key numbers, exact and through inflectional endings) across
/// the texts one worker matches.
///
/// Working out a word's readings (folding it, trying every ending of its language) is the largest
/// cost of matching, and news vocabulary repeats from one article to the next: a cache that lives as
/// long as the worker turns most of that work into one dictionary lookup. Memory stays bounded: the
/// cache empties itself when it reaches `capacity` words.
///
/// Thread safety: not thread-safe; one per worker, like ``WordBreaker``.
public final class ReadingCache {
    /// What is remembered of one word: where its readings lie in its table's store, and whether
    /// it was repaired. A plain value: a lookup copies it without reference counting.
    struct Entry {
        var start: Int32
        var count: Int32
        var repairedConfusables: Bool
        /// Whether the word's scalars are its characters (``TextWords/scalarsAreCharacters(_:)``),
        /// worked out once with its readings.
        var scalarsAreCharacters: Bool
    }

    /// Words remembered before the cache starts over.
    public let capacity: Int
    /// One table per language context, so a lookup hashes the word once.
    final class Table {
        var entries = ByteTable<Entry>(minimumCapacity: 4096)
        /// The matcher's verdicts on written words against words of forms (``TextWords/verdict(word:form:wordOfForm:endingLength:_:)``),
        /// keyed by the word's entry number and the three numbers packed in 64 bits: 0 for a
        /// refusal, else the verdict's kinds with the high bit set.
        var verdicts = EdgeTable(minimumCapacity: 1024)
        /// The readings of every entry, one after the other.
        private(set) var store: [TextWords.Reading] = []

        /// Appends the readings of `entry` to `readings` one by one: nearly every word has one or
        /// two, and appending a slice went through generic code (and retained the store) per word.
        func appendReadings(of entry: Entry, to readings: inout [TextWords.Reading]) {
            store.withUnsafeBufferPointer { store in
                for index in Int(entry.start)..<Int(entry.start + entry.count) { readings.append(store[index]) }
            }
        }

        fileprivate func removeAll() {
            entries.removeAll()
            verdicts = EdgeTable(minimumCapacity: 1024)
            store.removeAll(keepingCapacity: true)
        }

        fileprivate func add(_ readings: [TextWords.Reading], repairedConfusables: Bool, for word: UnsafeRawBufferPointer) -> (entry: Entry, index: Int) {
            let entry = Entry(start: Int32(store.count), count: Int32(readings.count), repairedConfusables: repairedConfusables,
                              scalarsAreCharacters: !readings.isEmpty && TextWords.scalarsAreCharacters(word))
            store.append(contentsOf: readings)
            return (entry, entries.set(entry, for: word))
        }
    }

    private var tables: [String: Table] = [:]
    private var count = 0
    /// The matcher whose key numbers the entries hold; another matcher empties the cache.
    private var owner: ObjectIdentifier?

    public init(capacity: Int = 200_000) {
        self.capacity = capacity
    }

    /// The number of words remembered, for tests and benchmarks.
    public var wordCount: Int { count }

    /// The table of one language context; fetch it once per text.
    func table(for context: String) -> Table {
        if let table = tables[context] { return table }
        let table = Table()
        tables[context] = table
        return table
    }

    /// How many times the cache has emptied itself: a word's entry number stands for the word only
    /// until the next time.
    private(set) var generation = 0

    /// The entry of a word given by its UTF-8 bytes, and its number in the table.
    func lookup(_ word: UnsafeRawBufferPointer, in table: Table) -> (entry: Entry, index: Int)? {
        table.entries.entry(for: word).map { ($0.value, $0.index) }
    }

    /// Remembers the readings of a word given by its UTF-8 bytes, and returns its entry.
    func store(_ readings: [TextWords.Reading], repairedConfusables: Bool, for word: UnsafeRawBufferPointer,
               in table: Table) -> (entry: Entry, index: Int) {
        if count >= capacity {
            for table in tables.values { table.removeAll() }
            count = 0
            generation += 1
        }
        count += 1
        return table.add(readings, repairedConfusables: repairedConfusables, for: word)
    }

    /// Inflection rules by language context and script: looking them up parses language tags.
    private var rules: [String: InflectionRules] = [:]

    func rules(context: String, script: String, _ make: () -> InflectionRules) -> InflectionRules {
        let key = context + "|" + script
        if let known = rules[key] { return known }
        let made = make()
        rules[key] = made
        return made
    }

    /// Empties the cache when it was filled for another matcher.
    func bind(to matcher: GlossaryMatcher) {
        let identifier = ObjectIdentifier(matcher)
        if owner != identifier {
            tables.removeAll()
            rules.removeAll()
            count = 0
            generation += 1
            owner = identifier
        }
    }
}
