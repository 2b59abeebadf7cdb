@_implementationOnly import CICU

extension ICU {
    /// An owned `USpoofChecker`, used only for confusable skeletons (UTS #39).
    ///
    /// Thread safety: once configured, a spoof checker may be shared read-only; `uspoof_getSkeleton`
    /// does not modify it. Canon never reconfigures it after `init`, hence `@unchecked Sendable`.
    final class SpoofChecker: @unchecked Sendable {
        private let handle: OpaquePointer

        init() throws(ICUError) {
            var status = U_ZERO_ERROR
            let raw = cicu_uspoof_open(&status)
            try ICUError.check(status, "uspoof_open")
            guard let raw else { throw ICUError(operation: "uspoof_open", code: U_MISSING_RESOURCE_ERROR.rawValue) }
            handle = raw
        }

        deinit { cicu_uspoof_close(handle) }

        /// The confusable skeleton of `units`: strings that look alike share it (Cyrillic `е` and Latin `e`).
        func skeleton(_ units: UnsafeBufferPointer<UInt16>) throws(ICUError) -> [UInt16] {
            try ICU.fillUTF16("uspoof_getSkeleton", estimate: units.count * 2 + 8) { dest, capacity, status in
                cicu_uspoof_getSkeleton(handle, units.baseAddress, Int32(units.count), dest, capacity, &status)
            }
        }
    }
}
