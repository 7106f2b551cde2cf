#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much memory a kls run may use, checked where large values are made (a tensor, a
/// string, a list of many items), so running out of memory is a located error rather than
/// the system killing the process.
///
/// The budget is `KLS_MEMORY` when set — bytes, or a number with a suffix `K`, `M`, `G`
/// (powers of 1024), e.g. `KLS_MEMORY=2G` — else three quarters of the physical memory.
/// A value of `largeBytes` or more is made only when the process's resident memory plus
/// the new value fits in the budget; smaller values are not checked (reading the resident
/// size costs a few microseconds).
public enum MemoryBudget {
    /// Values smaller than this (8 MiB) are made without a check.
    public static let largeBytes = 8 << 20

    /// The budget in bytes.
    public static var limit: Int {
        get { storage.limit }
        set { storage.limit = max(newValue, 0) }
    }

    /// Why a new value of `bytes` bytes cannot be made (with `what` naming it, e.g. "a
    /// vector of 67108864 elements"), or nil when it fits.
    public static func problem(making bytes: Int, _ what: @autoclosure () -> String) -> String? {
        guard bytes >= largeBytes else { return nil }
        let resident = residentBytes()
        let (total, overflow) = resident.addingReportingOverflow(bytes)
        guard overflow || total > limit else { return nil }
        return refusal(what(), bytes: bytes, inUse: resident)
    }

    /// Why a value of `bytes` bytes that was just made cannot be kept: the process holding it
    /// is over the budget (the message of `problem(making:)`, with the memory in use before
    /// the value). Nil when it fits; small values are not checked.
    public static func problem(holding bytes: Int, _ what: @autoclosure () -> String) -> String? {
        guard bytes >= largeBytes else { return nil }
        let resident = residentBytes()
        guard resident > limit else { return nil }
        return refusal(what(), bytes: bytes, inUse: max(resident - bytes, 0))
    }

    private static func refusal(_ what: String, bytes: Int, inUse: Int) -> String {
        "\(what) needs \(describe(bytes)), more than the memory left in kls's budget of \(describe(limit)) (\(describe(inUse)) in use; set KLS_MEMORY to change it)"
    }

    /// The budget `KLS_MEMORY` asks for (nil when unset or not a size such as `512M`).
    public static func parse(_ text: String) -> Int? {
        var digits = Substring(text.trimmingWhitespace())
        var scale = 1
        if let last = digits.last, let power = ["K": 10, "M": 20, "G": 30, "T": 40][String(last).uppercased()] {
            scale = 1 << power
            digits = digits.dropLast()
        }
        guard let number = Double(digits), number.isFinite, number > 0, number * Double(scale) < 0x1p62 else { return nil }
        return Int(number * Double(scale))
    }

    /// `bytes` in the largest binary unit that keeps one decimal (e.g. "512 MiB", "1.5 GiB").
    public static func describe(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes), unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(text) \(units[unit])"
    }

    /// The process's resident memory in bytes (0 when it cannot be read).
    public static func residentBytes() -> Int {
        #if os(Linux)
        let descriptor = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0 }
        let fields = buffer[0..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        var usage = rusage()
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)
        #endif
    }

    private static let storage = Storage()
}

/// The budget, read from the environment on first use.
private final class Storage: @unchecked Sendable {
    var limit: Int

    init() {
        if let text = getenv("KLS_MEMORY"), let bytes = MemoryBudget.parse(String(cString: text)) {
            limit = bytes
        } else {
            let physical = Int(sysconf(Int32(_SC_PHYS_PAGES))) * Int(sysconf(Int32(_SC_PAGESIZE)))
            limit = physical > 0 ? physical / 4 * 3 : Int.max
        }
    }
}

private extension String {
    func trimmingWhitespace() -> Substring {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}
