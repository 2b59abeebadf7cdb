@_implementationOnly import CICU

/// The namespace for everything that talks to ICU's C API.
///
/// Only files in `Sources/Normalize/ICU/` import `CICU`. They hold ICU handles as `OpaquePointer`
/// (a standard-library type) so that no C type reaches a stored property or a public signature; the
/// import is `@_implementationOnly` because modules that import `Normalize` may import Foundation,
/// whose Linux build carries its own, clashing copy of ICU's headers.
enum ICU {
    /// Runs `body` with `text` as UTF-16, converted once by ICU (faster than `Array(text.utf16)`).
    static func withUTF16<R>(_ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt16>) throws -> R) rethrows -> R {
        let units = utf16(text)
        return try units.withUnsafeBufferPointer(body)
    }

    /// `text` as an array of UTF-16 code units.
    static func utf16(_ text: some StringProtocol) -> [UInt16] {
        var copy = String(text)
        return copy.withUTF8 { utf8 -> [UInt16] in
            // A UTF-16 string never has more code units than its UTF-8 form has bytes.
            let capacity = max(utf8.count, 1)
            return [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
                var status = U_ZERO_ERROR
                var length: Int32 = 0
                utf8.withMemoryRebound(to: CChar.self) { source in
                    _ = cicu_u_strFromUTF8(buffer.baseAddress, Int32(capacity), &length,
                                           source.baseAddress, Int32(utf8.count), &status)
                }
                // Swift strings are always valid Unicode, so conversion cannot fail.
                precondition(status.rawValue <= 0, "u_strFromUTF8 failed: \(ICU.name(of: status))")
                count = Int(length)
            }
        }
    }

    /// A Swift string from UTF-16 code units produced by ICU.
    static func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
        if units.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: units.count * 3) { buffer in
            var status = U_ZERO_ERROR
            var length: Int32 = 0
            buffer.withMemoryRebound(to: CChar.self) { dest in
                _ = cicu_u_strToUTF8(dest.baseAddress, Int32(dest.count), &length,
                                     units.baseAddress, Int32(units.count), &status)
            }
            precondition(status.rawValue <= 0, "u_strToUTF8 failed: \(ICU.name(of: status))")
            return Int(length)
        }
    }

    static func string(_ units: [UInt16]) -> String {
        units.withUnsafeBufferPointer { string($0) }
    }

    /// Calls an ICU function that writes UTF-16 into a caller buffer, pre-flighting and resizing once
    /// when the first guess of capacity was too small.
    ///
    /// - Parameters:
    ///   - operation: the ICU function's name, for the error message.
    ///   - estimate: the first capacity to try.
    ///   - fill: calls ICU with a destination and its capacity and returns the length ICU reports.
    static func fillUTF16(
        _ operation: String,
        estimate: Int,
        _ fill: (UnsafeMutablePointer<UInt16>?, Int32, inout UErrorCode) -> Int32
    ) throws(ICUError) -> [UInt16] {
        var capacity = max(estimate, 1)
        for _ in 0..<2 {
            var status = U_ZERO_ERROR
            var needed: Int32 = 0
            let result = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
                needed = fill(buffer.baseAddress, Int32(capacity), &status)
                count = status == U_BUFFER_OVERFLOW_ERROR || status.rawValue > 0 ? 0 : Int(needed)
            }
            if status == U_BUFFER_OVERFLOW_ERROR {
                capacity = Int(needed) + 1
                continue
            }
            try ICUError.check(status, operation)
            return result
        }
        throw ICUError(operation: operation, code: U_BUFFER_OVERFLOW_ERROR.rawValue)
    }

    /// A fresh handle returned by an ICU `*_clone` call, re-made from its address (`Int(bitPattern:)`).
    ///
    /// Swift's region analysis cannot know that a pointer returned by a C function called with
    /// `self.handle` shares no state with `self`, and so refuses to `send` the clone to another
    /// worker. ICU documents clones as independent objects; going through the integer address makes
    /// the new handle a disconnected value, which it is.
    static func detached(address: Int) -> OpaquePointer {
        OpaquePointer(bitPattern: address)!
    }

    /// ICU's symbolic name of a status code, such as `U_INVALID_ID`.
    static func name(of status: UErrorCode) -> String {
        String(cString: cicu_u_errorName(status))
    }
}

/// A failed ICU call. Internal: public APIs map it to ``NormalizeError``.
struct ICUError: Error, Equatable, CustomStringConvertible {
    var operation: String
    var code: Int32

    /// ICU's name for the code, e.g. `U_MISSING_RESOURCE_ERROR`.
    var name: String { ICU.name(of: UErrorCode(rawValue: code)) }

    var description: String { "\(operation) failed: \(name)" }

    /// Throws when `status` is a failure; ICU warnings are negative and pass.
    static func check(_ status: UErrorCode, _ operation: String) throws(ICUError) {
        if status.rawValue > 0 { throw ICUError(operation: operation, code: status.rawValue) }
    }
}
