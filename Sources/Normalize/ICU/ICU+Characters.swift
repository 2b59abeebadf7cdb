@_implementationOnly import CICU

extension ICU {
    /// Full Unicode case folding (`ß` → `ss`, `İ` → `i̇`, final `ς` → `σ`), which `lowercased()` is not.
    static func foldCase(_ units: UnsafeBufferPointer<UInt16>) throws(ICUError) -> [UInt16] {
        try fillUTF16("u_strFoldCase", estimate: units.count + units.count / 2 + 8) { dest, capacity, status in
            cicu_u_strFoldCase(dest, capacity, units.baseAddress, Int32(units.count), &status)
        }
    }

    /// Whether `scalar` is a non-spacing mark (general category Mn): accents, tone marks, breves.
    static func isNonSpacingMark(_ scalar: UInt32) -> Bool {
        cicu_u_charType(Int32(bitPattern: scalar)) == Int8(U_NON_SPACING_MARK.rawValue)
    }

    /// The Word_Break property of `scalar` (UAX #29), as ICU's `UWordBreakValues` number.
    static func wordBreak(_ scalar: UInt32) -> Int32 {
        cicu_u_getWordBreak(Int32(bitPattern: scalar))
    }

    /// `UWordBreakValues` numbers the fast word breaker understands.
    enum WordBreakValue {
        static let other = Int32(U_WB_OTHER.rawValue)
        static let aLetter = Int32(U_WB_ALETTER.rawValue)
        static let format = Int32(U_WB_FORMAT.rawValue)
        static let midLetter = Int32(U_WB_MIDLETTER.rawValue)
        static let midNum = Int32(U_WB_MIDNUM.rawValue)
        static let numeric = Int32(U_WB_NUMERIC.rawValue)
        static let extendNumLet = Int32(U_WB_EXTENDNUMLET.rawValue)
        static let cr = Int32(U_WB_CR.rawValue)
        static let extend = Int32(U_WB_EXTEND.rawValue)
        static let lf = Int32(U_WB_LF.rawValue)
        static let midNumLet = Int32(U_WB_MIDNUMLET.rawValue)
        static let newline = Int32(U_WB_NEWLINE.rawValue)
        static let singleQuote = Int32(U_WB_SINGLE_QUOTE.rawValue)
        static let doubleQuote = Int32(U_WB_DOUBLE_QUOTE.rawValue)
        static let wSegSpace = Int32(U_WB_WSEGSPACE.rawValue)
    }

    /// ICU's script code for `scalar` (`USCRIPT_LATIN`, `USCRIPT_CYRILLIC`, …) as a raw number.
    static func scriptCode(_ scalar: UInt32) -> Int32 {
        var status = U_ZERO_ERROR
        let code = cicu_uscript_getScript(Int32(bitPattern: scalar), &status)
        return status.rawValue > 0 ? 0 : code
    }

    /// ISO 15924 code for an ICU script code, e.g. `Cyrl`.
    static func scriptShortName(_ code: Int32) -> String {
        guard let name = cicu_uscript_getShortName(code) else { return "Zzzz" }
        return String(cString: name)
    }

    /// Unicode's long name for an ICU script code, e.g. `Cyrillic`.
    static func scriptLongName(_ code: Int32) -> String {
        guard let name = cicu_uscript_getName(code) else { return "Unknown" }
        return String(cString: name)
    }
}
