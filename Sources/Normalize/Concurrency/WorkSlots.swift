import Synchronization

/// Hands out the numbers of the items of a parallel loop to its workers, each exactly once, so
/// that a worker that finishes early takes the next item rather than waiting for a share fixed up
/// front. Shared by the batch runner (documents) and the glossary loader (parts of entry files).
package final class NextIndex: Sendable {
    private let next = Atomic(0)

    package init() {}

    /// The next number below `limit`, or nil once all are taken.
    package func take(below limit: Int) -> Int? {
        let taken = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return taken < limit ? taken : nil
    }
}

/// One slot per item of a parallel loop, each written by the one worker that took the item (from
/// ``NextIndex``) and all read once the loop has returned, in the items' order, which keeps the
/// output the same whatever the number of workers. A single slot hands one result from a thread
/// of its own to the thread that waits for it. Workers write different slots, so no lock is
/// needed; the loop's end orders the writes before the reads. (A `Mutex` here hid the loop's
/// synchronization from ThreadSanitizer, which cannot see its futex.)
package final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    package init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    /// Fills the slot of item `index`; only the worker that took `index` may call this.
    package func set(_ index: Int, _ value: Value) {
        slots[index] = value
    }

    /// The values, in order, nil where no worker set one; read only after the loop has returned.
    package var values: [Value?] {
        Array(slots)
    }
}
