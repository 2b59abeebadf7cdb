import Synchronization

/// Hands out the numbers of the items of a parallel loop to its workers, each exactly once, so
/// that a worker that finishes early takes the next item rather than waiting for a share fixed up
/// front. Shared by the batch runner (documents) and the glossary loader (parts of entry files).
package final class NextIndex: Sendable {
    private let next = Mutex(0)

    package init() {}

    /// The next number below `limit`, or nil once all are taken.
    package func take(below limit: Int) -> Int? {
        next.withLock { next in
            guard next < limit else { return nil }
            next += 1
            return next - 1
        }
    }
}

/// One slot per item of a parallel loop: each written by the one worker that took the item, and
/// read once all have finished, in the items' order, which keeps the output the same whatever the
/// number of workers.
package final class ResultSlots<Value>: @unchecked Sendable {
    /// Guards `slots`; the values themselves go from one thread to another only through it.
    private let lock = Mutex(())
    private var slots: [Value?]

    package init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    package func set(_ index: Int, _ value: Value) {
        lock.withLock { _ in slots[index] = value }
    }

    /// The values, in order; nil where no worker set one.
    package var values: [Value?] {
        lock.withLock { _ in slots }
    }
}
