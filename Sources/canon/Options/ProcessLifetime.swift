/// Values a command holds until the process exits, never to be freed.
///
/// A command run is one process: freeing a glossary of 100,000 variants or the matcher built
/// over it object by object only delays the exit (in `canon glossary lookup` it was over a third
/// of the run). The operating system takes the memory back at once when the process ends.
enum ProcessLifetime {
    private final class Holder<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// `value`, retained once more so that it lives until the process exits.
    @discardableResult
    static func keep<Value>(_ value: Value) -> Value {
        _ = Unmanaged.passRetained(Holder(value))
        return value
    }
}
