@_implementationOnly import CICU

/// Versions of the ICU library Canon runs on, for `canon --version` and bug reports.
///
/// Results depend on ICU's data (Unicode version, transliterator and confusable tables), so a user
/// comparing outputs across machines needs to see both numbers.
public enum ICUVersion {
    /// The ICU library version, e.g. `72.1`.
    public static var library: String {
        var info: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &info) { cicu_u_getVersion($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
        return format(info)
    }

    /// The Unicode version of ICU's character data, e.g. `15.0`.
    public static var unicode: String {
        var info: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &info) { cicu_u_getUnicodeVersion($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
        return format(info)
    }

    private static func format(_ v: (UInt8, UInt8, UInt8, UInt8)) -> String {
        var parts = [v.0, v.1, v.2, v.3].map(String.init)
        while parts.count > 2, parts.last == "0" { parts.removeLast() }
        return parts.joined(separator: ".")
    }
}
