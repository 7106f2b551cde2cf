/// A program text with its name, addressed by Unicode-scalar offsets.
public final class SourceFile: Sendable {
    /// The name shown in messages: a path, `-e`, `<stdin>` or `<prompt>`.
    public let name: String
    /// The text as Unicode scalars (what the lexer walks).
    public let scalars: [Unicode.Scalar]
    /// Scalar offset at which each line starts.
    let lineStarts: [Int]

    /// A UTF-8 byte-order mark at the start is dropped, and every line ending — `\n`,
    /// `\r\n` or a lone `\r` — becomes one `\n`.
    public init(name: String, text: String) {
        self.name = name
        self.scalars = SourceFile.normalized(text)
        var starts = [0]
        for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// The scalars of `text` without a leading byte-order mark, with `\n` as the only line ending.
    static func normalized(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var view = text.unicodeScalars[...]
        if view.first == "\u{FEFF}" { view = view.dropFirst() }
        var afterCR = false
        for s in view {
            if s == "\n", afterCR { afterCR = false; continue }
            afterCR = s == "\r"
            scalars.append(afterCR ? "\n" : s)
        }
        return scalars
    }

    /// 1-based line and column of a scalar offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, offset - lineStarts[lo] + 1)
    }

    /// The text of 1-based line `n`, without its newline.
    public func line(_ n: Int) -> String {
        guard n >= 1, n <= lineStarts.count else { return "" }
        let start = lineStarts[n - 1]
        let end = n < lineStarts.count ? lineStarts[n] - 1 : scalars.count
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<max(start, end)])
        return String(s)
    }

    /// The source text of a span.
    public func text(of span: SourceSpan) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[max(0, span.start)..<min(scalars.count, span.end)])
        return String(s)
    }
}

/// A half-open range of scalar offsets in one `SourceFile`.
public struct SourceSpan: Sendable, Equatable, Hashable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    /// The smallest span covering both.
    public func to(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(min(start, other.start), max(end, other.end))
    }
}
