import Dispatch
import Foundation
import Normalize

/// What a batch run did, for the summary line.
public struct BatchSummary: Sendable, Equatable {
    public var documents = 0
    public var failures = 0
    /// Failures that lost input rather than one document: a file or stream that could not be read.
    public var unreadable = 0
    public var inputBytes = 0
    public var mentions = 0
    public var entities = 0
    public var warnings = 0
    public var seconds = 0.0

    public var megabytesPerSecond: Double { seconds > 0 ? Double(inputBytes) / 1_000_000 / seconds : 0 }
}

/// Progress so far, for a progress bar.
public struct BatchProgress: Sendable {
    public var documents: Int
    public var inputBytes: Int
    public var seconds: Double
}

/// Runs documents through one ``DocumentProcessor`` per worker and writes the results in input
/// order, whatever the number of workers: the output of `--jobs 1` and `--jobs 8` is the same bytes.
///
/// Memory stays bounded as the input grows: documents are read in slices of at most
/// `sliceDocuments` documents or `sliceBytes` bytes; a slice is processed by all workers at once
/// (each takes the next unprocessed document, so long and short documents balance out), then
/// written in order and released. The next slice is read meanwhile, so at most two are held.
public final class BatchRunner {
    public var sliceDocuments = 512
    public var sliceBytes = 8 << 20
    /// Filter mode: a failed document's error record is written in its place (and still reported
    /// through `failed`), a blank line's empty line too, and output is flushed after every slice.
    public var filterMode = false
    private let processors: [DocumentProcessor]

    /// - Parameter processors: one per worker; their count is the number of jobs.
    public init(processors: [DocumentProcessor]) {
        precondition(!processors.isEmpty)
        self.processors = processors
    }

    /// Reads every item from `reader`, writes each processed document to `output`, reports each
    /// failure through `failed` (in input order), and calls `progress` after every slice.
    public func run(
        _ reader: some DocumentStream, output: OutputSink, failed: (InputFailure) -> Void, progress: (BatchProgress) -> Void = { _ in }
    ) throws -> BatchSummary {
        let clock = ContinuousClock()
        let start = clock.now
        var summary = BatchSummary()
        var entities = Set<String>()
        let input = SliceReader(reader, documents: sliceDocuments, bytes: sliceBytes)
        var (slice, exhausted) = input.read()
        while true {
            // The next slice is read while this one is processed and written: reading is the one
            // part of the run no worker shares, and it would otherwise leave the workers waiting.
            let prefetch = DispatchGroup()
            let next = UncheckedBox(SliceBox())
            if !exhausted {
                let reading = UncheckedBox(input)
                DispatchQueue.global().async(group: prefetch) { next.value.contents = reading.value.read() }
            }
            for result in process(slice) {
                switch result {
                case let .failure(failure):
                    summary.failures += 1
                    if failure.line == nil { summary.unreadable += 1 }
                    summary.inputBytes += failure.bytes
                    if filterMode { try output.write(failure.record) }
                    failed(failure)
                case .blank:
                    try output.write([])
                case let .processed(document):
                    try output.write(document.json)
                    summary.documents += 1
                    summary.inputBytes += document.inputBytes
                    summary.mentions += document.mentions
                    summary.warnings += document.warnings.count
                    entities.formUnion(document.entities)
                }
            }
            if filterMode { try output.flush() }
            summary.seconds = (clock.now - start).seconds
            progress(BatchProgress(documents: summary.documents + summary.failures, inputBytes: summary.inputBytes, seconds: summary.seconds))
            if exhausted { break }
            prefetch.wait()
            (slice, exhausted) = next.value.contents
        }
        summary.entities = entities.count
        summary.seconds = (clock.now - start).seconds
        return summary
    }

    private func process(_ slice: [InputItem]) -> [Outcome] {
        let results = ResultSlots<Outcome>(count: slice.count)
        let next = NextIndex()
        let processors = UncheckedBox(processors)
        let slice = UncheckedBox(slice)
        DispatchQueue.concurrentPerform(iterations: min(processors.value.count, max(slice.value.count, 1))) { worker in
            let processor = processors.value[worker]
            while let index = next.take(below: slice.value.count) {
                switch slice.value[index] {
                case let .failure(failure): results.set(index, .failure(failure))
                case let .blank(line): results.set(index, .blank(line: line))
                case let .document(document):
                    switch processor.process(document) {
                    case let .success(processed): results.set(index, .processed(processed))
                    case let .failure(failure): results.set(index, .failure(failure))
                    }
                }
            }
        }
        return results.values.map { $0! }
    }
}

/// Reads the input a slice at a time, on whichever thread asks (one at a time: the run waits for a
/// slice before asking for the next).
private final class SliceReader {
    /// Held as an existential: the reading closure then captures no generic type.
    private var stream: any DocumentStream
    private let documents: Int
    private let bytes: Int

    init(_ stream: any DocumentStream, documents: Int, bytes: Int) {
        self.stream = stream
        self.documents = documents
        self.bytes = bytes
    }

    /// The next slice: at most `documents` items or `bytes` bytes of documents, and no more than the
    /// input has ready (in filter mode each answer goes out before more input arrives); and whether
    /// the input has ended.
    func read() -> (slice: [InputItem], exhausted: Bool) {
        var slice: [InputItem] = []
        var size = 0
        while slice.count < documents, size < bytes, slice.isEmpty || stream.nextIsReady {
            guard let item = stream.next() else { return (slice, true) }
            if case let .document(document) = item { size += document.byteCount }
            slice.append(item)
        }
        return (slice, false)
    }
}

/// The slice read ahead.
private final class SliceBox {
    var contents: (slice: [InputItem], exhausted: Bool) = ([], true)
}

/// What became of one input item.
private enum Outcome {
    case processed(ProcessedDocument)
    case failure(InputFailure)
    case blank(line: Int)
}

/// Hands non-Sendable values that are only read, or only used by one worker, to concurrentPerform.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

extension Duration {
    /// The duration in seconds, for summaries and progress lines.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
