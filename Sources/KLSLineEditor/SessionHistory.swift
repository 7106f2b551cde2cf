#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLineEdit

/// A prompt session's history: the entries in memory, newest last, kept in step with the
/// history file when there is one. A file that cannot be read or written is reported once
/// on standard error and the session goes on without it.
struct SessionHistory {
    /// The entries, oldest first, without duplicates, at most `limit`.
    private(set) var entries: [String]
    private let store: HistoryStore?
    private let limit: Int
    private var reportedFailure = false

    /// The history of `file` (nil: in memory only), keeping at most `limit` entries.
    init(file: String?, limit: Int) {
        self.limit = max(limit, 0)
        store = file.map { HistoryStore(path: $0, limit: limit) }
        entries = []
        if let store {
            do { entries = try store.load() } catch { report(error) }
        }
    }

    /// How `add` changed the entries.
    enum Change: Equatable {
        /// Nothing changed (a blank entry, or the same as the newest one).
        case none
        /// The entry was appended.
        case appended(String)
        /// An earlier copy of the entry was removed and the entry appended, so the whole
        /// list must be reloaded wherever it is mirrored.
        case reordered
    }

    /// Adds `entry` as the newest entry, moving an earlier equal entry to the end, and saves it.
    mutating func add(_ entry: String) -> Change {
        guard let entry = HistoryStore.normalized(entry) else { return .none }
        if entries.last == entry { return .none }
        if let store {
            do { try store.add(entry) } catch { report(error) }
        }
        let change: Change = entries.contains(entry) ? .reordered : .appended(entry)
        entries = HistoryStore.merged(entries + [entry], limit: limit)
        return change
    }

    private mutating func report(_ error: HistoryStoreError) {
        guard !reportedFailure else { return }
        reportedFailure = true
        fputs("kls: history: \(error.description)\n", kls_standard_error())
    }
}
