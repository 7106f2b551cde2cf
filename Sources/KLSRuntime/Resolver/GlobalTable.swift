/// The session's global variables: names mapped to slots. It persists across inputs at the
/// prompt, so later lines see earlier definitions. Slots live in fixed-size chunks that never
/// move, so compiled code can hold a chunk and an offset for each global it uses.
final class GlobalTable {
    static let chunkSize = 256
    private var indices: [String: Int] = [:]
    private(set) var names: [String] = []
    private var chunks: [Frame] = []

    /// The slot of `name`, if it has one.
    func index(of name: String) -> Int? { indices[name] }

    /// The slot of `name`, creating it (unset) if needed.
    func define(_ name: String) -> Int {
        if let i = indices[name] { return i }
        let i = names.count
        indices[name] = i
        names.append(name)
        if i / GlobalTable.chunkSize >= chunks.count {
            chunks.append(Frame.make(slotCount: GlobalTable.chunkSize, parent: nil))
        }
        return i
    }

    /// Where global `i` lives: a chunk and the offset in it.
    func location(_ i: Int) -> (Frame, Int) {
        (chunks[i / GlobalTable.chunkSize], i % GlobalTable.chunkSize)
    }

    /// The current value of `name`, if it is set.
    func value(of name: String) -> Value? {
        guard let i = indices[name] else { return nil }
        let (chunk, offset) = location(i)
        if case .unset = chunk.slots[offset] { return nil }
        return chunk.slots[offset]
    }

    /// Assigns `name` (defining it if needed).
    func set(_ name: String, _ value: Value) {
        let (chunk, offset) = location(define(name))
        (chunk.slots + offset).replace(with: value)
    }

    /// Names that currently hold a value, in definition order.
    var definedNames: [String] {
        names.filter { value(of: $0) != nil }
    }

    /// Forgets names defined after the first `count` (when an input is rejected, the names it
    /// would have defined must not linger as unassigned variables).
    func truncate(to count: Int) {
        guard count < names.count else { return }
        for name in names[count...] { indices[name] = nil }
        for i in count..<names.count {
            let (chunk, offset) = location(i)
            (chunk.slots + offset).replace(with: .unset)
        }
        names.removeSubrange(count...)
    }

    /// Forgets every variable (`:reset`).
    func reset() {
        for i in 0..<names.count {
            let (chunk, offset) = location(i)
            (chunk.slots + offset).replace(with: .unset)
        }
    }
}
