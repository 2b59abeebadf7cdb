@_implementationOnly import CICU

extension ICU {
    /// One of ICU's normalizer singletons.
    ///
    /// Thread safety: ICU owns these instances for the life of the process, never frees them, and
    /// documents them as safe to share between threads, hence `@unchecked Sendable`.
    struct Normalizer2: @unchecked Sendable {
        enum Form: Sendable { case nfc, nfd, nfkc, nfkcCasefold }

        private let handle: OpaquePointer

        init(_ form: Form) throws(ICUError) {
            var status = U_ZERO_ERROR
            let pointer: OpaquePointer?
            switch form {
            case .nfc: pointer = cicu_unorm2_getNFCInstance(&status)
            case .nfd: pointer = cicu_unorm2_getNFDInstance(&status)
            case .nfkc: pointer = cicu_unorm2_getNFKCInstance(&status)
            case .nfkcCasefold: pointer = cicu_unorm2_getNFKCCasefoldInstance(&status)
            }
            try ICUError.check(status, "unorm2_get\(form)Instance")
            guard let pointer else { throw ICUError(operation: "unorm2_get\(form)Instance", code: U_MISSING_RESOURCE_ERROR.rawValue) }
            handle = pointer
        }

        /// The length of the prefix that is certainly normalized (ICU's quick check, > 2 GB/s).
        func normalizedPrefixLength(_ units: UnsafeBufferPointer<UInt16>) -> Int {
            var status = U_ZERO_ERROR
            let span = cicu_unorm2_spanQuickCheckYes(handle, units.baseAddress, Int32(units.count), &status)
            return status.rawValue > 0 ? 0 : Int(span)
        }

        func normalize(_ units: UnsafeBufferPointer<UInt16>) throws(ICUError) -> [UInt16] {
            try ICU.fillUTF16("unorm2_normalize", estimate: units.count * 2 + 16) { dest, capacity, status in
                cicu_unorm2_normalize(handle, units.baseAddress, Int32(units.count), dest, capacity, &status)
            }
        }
    }
}
