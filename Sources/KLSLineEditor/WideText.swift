#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversions between Swift strings and libedit's wide-character text, where one `wchar_t`
/// holds one Unicode scalar (UTF-32 on Linux and macOS).
enum WideText {
    /// The string held by `count` wide characters at `start`; invalid code points become U+FFFD.
    static func string(_ start: UnsafePointer<wchar_t>, count: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for index in 0..<max(count, 0) {
            scalars.append(Unicode.Scalar(UInt32(bitPattern: Int32(start[index]))) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// `text` as NUL-terminated wide characters.
    static func nulTerminated(_ text: String) -> [wchar_t] {
        var wide: [wchar_t] = []
        wide.reserveCapacity(text.unicodeScalars.count + 1)
        for scalar in text.unicodeScalars where scalar.value != 0 {
            wide.append(wchar_t(bitPattern: scalar.value))
        }
        wide.append(0)
        return wide
    }

    /// The number of whole Unicode scalars in the first `utf8Offset` bytes of `text` (an offset
    /// inside a scalar counts only the scalars before it; offsets are clamped to the text).
    static func scalarCount(of text: String, upToUTF8Offset utf8Offset: Int) -> Int {
        var bytes = 0
        var scalars = 0
        for scalar in text.unicodeScalars {
            bytes += UTF8.width(scalar)
            if bytes > utf8Offset { break }
            scalars += 1
        }
        return scalars
    }

    /// The UTF-8 length of the first `scalarCount` scalars of `text`.
    static func utf8Offset(of text: String, scalarCount: Int) -> Int {
        var bytes = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index >= scalarCount { break }
            bytes += UTF8.width(scalar)
        }
        return bytes
    }
}
