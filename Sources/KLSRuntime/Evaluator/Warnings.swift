import KLSSyntax

/// Warnings for likely mistakes: one line on stderr, `warning: FILE:LINE:COL: MESSAGE`, the first
/// time a call site meets the mistake (a loop warns once; two mistakes in one call warn twice).
/// A builtin queues its warnings while it runs; the call machinery, which knows the call's
/// position, writes them when the builtin returns (so a call that warns nothing pays one test).
struct WarningLog {
    /// Messages queued by the running builtin.
    var pending: [String] = []
    /// The warnings written, by call site and message.
    private var written = Set<Site>()

    private struct Site: Hashable {
        let file: ObjectIdentifier?
        let offset: Int
        let message: String
    }

    /// Writes the queued messages not yet written for this call site, and empties the queue.
    mutating func flush(at span: SourceSpan?, in file: SourceFile?, to write: (String) -> Void) {
        for message in pending {
            let site = Site(file: file.map(ObjectIdentifier.init), offset: span?.start ?? -1, message: message)
            guard written.insert(site).inserted else { continue }
            if let file, let span {
                let (line, column) = file.location(of: span.start)
                write("warning: \(file.name):\(line):\(column): \(message)\n")
            } else {
                write("warning: \(message)\n")
            }
        }
        pending.removeAll()
    }
}

extension Arguments {
    /// Warns about a likely mistake in this call (once per call site; see `WarningLog`). The
    /// result of the call is unchanged.
    public func warn(_ message: String) {
        interpreter.warnings.pending.append("\(builtin.name): \(message)")
    }
}
