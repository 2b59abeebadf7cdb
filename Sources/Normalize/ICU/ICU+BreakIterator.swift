@_implementationOnly import CICU

extension ICU {
    /// An owned word-break `UBreakIterator` and the UTF-16 text it iterates.
    ///
    /// Thread safety: not thread-safe. A break iterator is mutable (it holds a position and the text),
    /// and ICU's own code warns that a shared one must be guarded; Canon gives each worker a ``clone()``.
    final class BreakIterator {
        private let handle: OpaquePointer
        /// ICU does not copy the text given to `ubrk_setText`; this keeps it alive and in place.
        private var text: UnsafeMutableBufferPointer<UInt16>

        /// The raw rule status of the segment that ends at the last boundary returned, in ICU's ranges:
        /// 0–99 none (spaces, punctuation), 100–199 number, 200–299 letter, 300–399 kana, 400–499 ideographic.
        var ruleStatus: Int { Int(cicu_ubrk_getRuleStatus(handle)) }

        init(locale: String) throws(ICUError) {
            var status = U_ZERO_ERROR
            let raw = locale.withCString { cicu_ubrk_open(UBRK_WORD, $0, nil, 0, &status) }
            try ICUError.check(status, "ubrk_open")
            guard let raw else { throw ICUError(operation: "ubrk_open", code: U_MISSING_RESOURCE_ERROR.rawValue) }
            handle = raw
            text = UnsafeMutableBufferPointer.allocate(capacity: 0)
        }

        private init(handle: OpaquePointer) {
            self.handle = handle
            text = UnsafeMutableBufferPointer.allocate(capacity: 0)
        }

        deinit {
            cicu_ubrk_close(handle)
            text.deallocate()
        }

        func clone() -> sending BreakIterator {
            var status = U_ZERO_ERROR
            guard let raw = cicu_ubrk_clone(handle, &status), status.rawValue <= 0 else {
                preconditionFailure("ubrk_clone failed: \(ICU.name(of: status))")
            }
            return BreakIterator(handle: ICU.detached(address: Int(bitPattern: raw)))
        }

        /// Points the iterator at a copy of `units` and returns the first boundary (0).
        func reset(_ units: [UInt16]) -> Int {
            units.withUnsafeBufferPointer { reset($0) }
        }

        func reset(_ units: UnsafeBufferPointer<UInt16>) -> Int {
            text.deallocate()
            text = UnsafeMutableBufferPointer.allocate(capacity: max(units.count, 1))
            _ = text.initialize(from: units)
            var status = U_ZERO_ERROR
            cicu_ubrk_setText(handle, text.baseAddress, Int32(units.count), &status)
            precondition(status.rawValue <= 0, "ubrk_setText failed: \(ICU.name(of: status))")
            return Int(cicu_ubrk_first(handle))
        }

        /// The next boundary, or nil at the end of the text.
        func next() -> Int? {
            let boundary = cicu_ubrk_next(handle)
            return boundary < 0 ? nil : Int(boundary)  // UBRK_DONE is -1
        }
    }
}
