import Foundation

/// Keys an interactive plot understands, decoded from the bytes a terminal sends in raw mode.
public enum Key: Sendable, Equatable {
    case left, right, up, down
    /// Up and down with Shift (or Alt/Ctrl): a fine step.
    case fineUp, fineDown
    case tab, backTab, enter, escape, interrupt
    /// Any other printable character ("r", "q").
    case character(Character)

    /// The keys in `bytes`, in order; bytes of unknown sequences are skipped. A lone ESC (at the
    /// end of what was read) is the Escape key. ESC before an arrow's sequence is Alt (or
    /// Option) held with it, as some terminals send it: like Shift, a fine step.
    public static func decode(_ bytes: [UInt8]) -> [Key] {
        var keys: [Key] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x1B:
                let alt = i + 2 < bytes.count && bytes[i + 1] == 0x1B && Self.opensSequence(bytes[i + 2])
                if alt { i += 1 }
                guard i + 1 < bytes.count else { keys.append(.escape); i += 1; continue }
                guard Self.opensSequence(bytes[i + 1]) else {
                    keys.append(.escape); i += 1; continue
                }
                // CSI: parameters up to a final byte in 0x40…0x7E.
                var end = i + 2
                while end < bytes.count, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
                guard end < bytes.count else { i = bytes.count; continue }
                let parameters = String(decoding: bytes[(i + 2)..<end], as: UTF8.self)
                let modified = alt || parameters.contains(";")
                switch bytes[end] {
                case UInt8(ascii: "A"): keys.append(modified ? .fineUp : .up)
                case UInt8(ascii: "B"): keys.append(modified ? .fineDown : .down)
                case UInt8(ascii: "C"): keys.append(.right)
                case UInt8(ascii: "D"): keys.append(.left)
                case UInt8(ascii: "Z"): keys.append(.backTab)
                default: break
                }
                i = end + 1
            case 0x09: keys.append(.tab); i += 1
            case 0x0D, 0x0A: keys.append(.enter); i += 1
            case 0x03: keys.append(.interrupt); i += 1
            default:
                if byte >= 0x20, byte < 0x7F { keys.append(.character(Character(UnicodeScalar(byte)))) }
                i += 1
            }
        }
        return keys
    }

    /// Whether `byte` after ESC starts a key's sequence: "[" (CSI) or "O" (SS3).
    private static func opensSequence(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "[") || byte == UInt8(ascii: "O")
    }
}

/// The terminal on standard input in raw mode (no echo, no line buffering, no signals from
/// Ctrl-C: it arrives as a key) until `restore` — which `deinit` also does, so the terminal
/// is given back however the interaction ends.
public final class RawTerminal {
    private var saved = termios()
    private var active = false

    /// Switches standard input to raw mode; nil when it is not a terminal.
    public init?() {
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else { return nil }
        active = true
    }

    deinit { restore() }

    /// Gives the terminal its settings back (once).
    public func restore() {
        guard active else { return }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
        active = false
    }

    /// The keys of the next read (waits for at least one byte); [] at end of input.
    public func readKeys() -> [Key]? {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(STDIN_FILENO, &buffer, buffer.count)
        if count < 0 { return errno == EINTR ? [] : nil }
        guard count > 0 else { return nil }
        return Key.decode(Array(buffer[0..<count]))
    }
}
