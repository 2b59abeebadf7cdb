@_implementationOnly import CICU

extension ICU {
    /// An owned `UTransliterator`.
    ///
    /// Thread safety: not thread-safe; ICU transliterators keep mutable state. Give each worker its
    /// own ``clone()``. (ICU also serialises rule-based transliteration behind one process-wide lock,
    /// so clones on two threads do not run faster than one; see docs/ARCHITECTURE.md.)
    final class Transliterator {
        /// `UTransliterator*`, which C declares as `void*`, held opaquely.
        private let handle: OpaquePointer

        private init(handle: OpaquePointer) { self.handle = handle }

        deinit { cicu_utrans_close(UnsafeMutableRawPointer(handle)) }

        /// Where rule compilation stopped, as ICU reports it.
        struct ParseFailure: Error {
            var error: ICUError
            /// UTF-16 offset into the rules, or -1 when ICU gave none.
            var offset: Int
            /// Line number as ICU reports it (ICU's transliterator parser often leaves it 0).
            var line: Int
            var preContext: String
            var postContext: String
        }

        /// Opens a built-in or registered transform by ID (`Any-Latin; Latin-ASCII`, `Russian-Latin/BGN`).
        static func open(id: String) throws(ICUError) -> Transliterator {
            let units = ICU.utf16(id)
            var status = U_ZERO_ERROR
            var parseError = UParseError()
            let raw = units.withUnsafeBufferPointer {
                cicu_utrans_openU($0.baseAddress, Int32($0.count), UTRANS_FORWARD, nil, 0, &parseError, &status)
            }
            try ICUError.check(status, "utrans_openU")
            guard let raw else { throw ICUError(operation: "utrans_openU", code: U_INVALID_ID.rawValue) }
            return Transliterator(handle: OpaquePointer(raw))
        }

        /// Compiles transform rules in ICU rule syntax under the given ID.
        static func compile(id: String, rules: String) throws(ParseFailure) -> Transliterator {
            let idUnits = ICU.utf16(id)
            let ruleUnits = ICU.utf16(rules)
            var status = U_ZERO_ERROR
            var parseError = UParseError()
            parseError.offset = -1
            let raw = idUnits.withUnsafeBufferPointer { idBuffer in
                ruleUnits.withUnsafeBufferPointer { ruleBuffer in
                    cicu_utrans_openU(idBuffer.baseAddress, Int32(idBuffer.count), UTRANS_FORWARD,
                                      ruleBuffer.baseAddress, Int32(ruleBuffer.count), &parseError, &status)
                }
            }
            guard status.rawValue <= 0, let raw else {
                let code = status.rawValue > 0 ? status.rawValue : U_INVALID_RBT_SYNTAX.rawValue
                throw ParseFailure(
                    error: ICUError(operation: "utrans_openU", code: code),
                    offset: Int(parseError.offset),
                    line: Int(parseError.line),
                    preContext: context(parseError.preContext),
                    postContext: context(parseError.postContext)
                )
            }
            return Transliterator(handle: OpaquePointer(raw))
        }

        /// A copy for another worker.
        func clone() -> sending Transliterator {
            var status = U_ZERO_ERROR
            guard let raw = cicu_utrans_clone(UnsafeRawPointer(handle), &status), status.rawValue <= 0 else {
                // Cloning only allocates; failing here means the process is out of memory.
                preconditionFailure("utrans_clone failed: \(ICU.name(of: status))")
            }
            return Transliterator(handle: ICU.detached(address: Int(bitPattern: raw)))
        }

        /// Hands a clone of this transform to ICU's process-wide registry under its own ID, so that
        /// compound IDs such as `Vietnamese-Russian; Any-Upper` resolve it.
        func registerClone() {
            var status = U_ZERO_ERROR
            guard let raw = cicu_utrans_clone(UnsafeRawPointer(handle), &status), status.rawValue <= 0 else {
                preconditionFailure("utrans_clone failed: \(ICU.name(of: status))")
            }
            status = U_ZERO_ERROR
            cicu_utrans_register(raw, &status)  // the registry adopts `raw`, even on failure
        }

        /// The transform's ID as ICU reports it.
        var id: String {
            var length: Int32 = 0
            guard let units = cicu_utrans_getUnicodeID(UnsafeRawPointer(handle), &length) else { return "" }
            return ICU.string(UnsafeBufferPointer(start: units, count: Int(length)))
        }

        /// Transforms `units`, growing the buffer when the result is longer than the input.
        func transform(_ units: [UInt16]) -> [UInt16] {
            var capacity = units.count * 2 + 16
            while true {
                var buffer = units
                buffer.append(contentsOf: repeatElement(0, count: capacity - units.count))
                var length = Int32(units.count)
                var limit = length
                var status = U_ZERO_ERROR
                buffer.withUnsafeMutableBufferPointer { text in
                    cicu_utrans_transUChars(UnsafeRawPointer(handle), text.baseAddress, &length,
                                            Int32(capacity), 0, &limit, &status)
                }
                if status == U_BUFFER_OVERFLOW_ERROR {
                    capacity = max(Int(length) + 16, capacity * 2)
                    continue
                }
                precondition(status.rawValue <= 0, "utrans_transUChars failed: \(ICU.name(of: status))")
                buffer.removeLast(buffer.count - Int(length))
                return buffer
            }
        }

        /// Every transform ID ICU knows, built-in and registered.
        static func availableIDs() -> [String] {
            var status = U_ZERO_ERROR
            guard let enumeration = cicu_utrans_openIDs(&status), status.rawValue <= 0 else { return [] }
            defer { cicu_uenum_close(enumeration) }
            var ids: [String] = []
            while true {
                var length: Int32 = 0
                guard let units = cicu_uenum_unext(enumeration, &length, &status), status.rawValue <= 0 else { break }
                ids.append(ICU.string(UnsafeBufferPointer(start: units, count: Int(length))))
            }
            return ids
        }

        private static func context(_ tuple: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16,
                                              UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16)) -> String {
            var copy = tuple
            return withUnsafeBytes(of: &copy) { raw in
                let units = raw.bindMemory(to: UInt16.self)
                let length = units.firstIndex(of: 0) ?? units.count
                return ICU.string(UnsafeBufferPointer(rebasing: units[..<length]))
            }
        }
    }
}
