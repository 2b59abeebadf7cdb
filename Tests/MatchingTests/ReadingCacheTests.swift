import Normalize
import Testing

@Suite struct ReadingCacheTests {
    @Test func aSharedCacheGivesTheSameMentionsAsAFreshOneOnEverySeed() throws {
        let breaker = try WordBreaker()
        let shared = ReadingCache()
        // Twice over: the second time every reading and every verdict on a word comes from the cache.
        for round in 1...2 {
            for (name, text) in try Bundled.seeds() {
                let language = LanguageTag(parsing: name.hasPrefix("002") ? "pl" : name.hasPrefix("004") ? "nb" : "ru")
                let fresh = Bundled.matcher.mentions(in: text, language: language, breaker: breaker)
                let cached = Bundled.matcher.mentions(in: text, language: language, breaker: breaker, cache: shared)
                #expect(cached == fresh, "\(name), round \(round)")
            }
        }
        #expect(shared.wordCount > 1000)
    }

    @Test func theSameWordReadsDifferentlyPerLanguageInOneCache() throws {
        // `Lamowi` is an inflected To Lam only under Polish rules.
        let breaker = try WordBreaker()
        let cache = ReadingCache()
        let text = "Sekretarz Generalny podziękował Tou Lamowi."
        let polish = Bundled.matcher.mentions(in: text, language: LanguageTag(parsing: "pl"), breaker: breaker, cache: cache)
        let russian = Bundled.matcher.mentions(in: text, language: LanguageTag(parsing: "ru"), breaker: breaker, cache: cache)
        #expect(polish.contains { $0.entryID == "to-lam" })
        #expect(!russian.contains { $0.entryID == "to-lam" })
    }

    @Test func theCacheNeverHoldsMoreThanItsCapacity() throws {
        let cache = ReadingCache(capacity: 50)
        let breaker = try WordBreaker()
        let text = try Bundled.seeds()[1].text
        let mentions = Bundled.matcher.mentions(in: text, language: LanguageTag(parsing: "ru"), breaker: breaker, cache: cache)
        #expect(cache.wordCount <= 50)
        #expect(mentions == Bundled.matcher.mentions(in: text, language: LanguageTag(parsing: "ru"), breaker: breaker))
    }
}
