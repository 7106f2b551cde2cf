/// Freeing a list nested millions deep (`for i in range(8000000) { v = [v, 1] }`) the usual
/// way recurses once per level in the runtime's release and overflows the native stack. Slots
/// that drop a list (assignments, finished calls, the globals) hand it here instead: it is
/// taken apart level by level with a worklist, each level freed only when nothing else
/// holds it, so the work is proportional to what is freed and the stack stays flat.
enum ListRelease {
    /// Stores `value` in `slot`, whose current value is dropped; a list is taken apart without
    /// recursion: each level is moved out of its place into the worklist, and taken apart
    /// there when the worklist's copy is its last.
    @inline(never)
    static func replace(_ slot: UnsafeMutablePointer<Value>, with value: consuming Value) {
        let old = slot.move()
        slot.initialize(to: value)
        var pending: [[Value]] = []
        if case .list(let items) = consume old { pending.append(items) }
        while !pending.isEmpty {
            var items = pending.removeLast()
            guard isUniquelyHeld(&items) else { continue }   // another holder keeps it alive
            for i in items.indices where items[i].isList {
                var element = Value.none
                swap(&element, &items[i])
                if case .list(let nested) = consume element { pending.append(nested) }
            }
        }
    }

    /// Whether `items`' storage has no other holder (so dropping it frees it). In an
    /// optimised build the answer is exact; a debug build keeps copies alive longer and may
    /// answer false, which only means the list is released the usual way.
    private static func isUniquelyHeld(_ items: inout [Value]) -> Bool {
        // An array is one reference to its storage object (checked, not assumed).
        guard MemoryLayout<[Value]>.size == MemoryLayout<AnyObject>.size else { return false }
        var storage = unsafeBitCast(items, to: AnyObject.self)
        items = []
        let unique = isKnownUniquelyReferenced(&storage)
        items = unsafeBitCast(storage, to: [Value].self)
        return unique
    }
}

extension UnsafeMutablePointer where Pointee == Value {
    /// Whether the slot holds a list (asked in its own statement, so that no copy made to
    /// ask it outlives the question and holds the list while it is taken apart).
    @inline(__always)
    private var holdsList: Bool {
        pointee.isList
    }

    /// Stores `value` in this initialized slot, releasing what it held (a list through
    /// `ListRelease`).
    @inline(__always)
    func replace(with value: consuming Value) {
        if holdsList { ListRelease.replace(self, with: value) } else { pointee = value }
    }

    /// Deinitializes this slot (a list through `ListRelease`).
    @inline(__always)
    func release() {
        if holdsList { ListRelease.replace(self, with: .unset) }
        deinitialize(count: 1)
    }
}

extension Value {
    /// Whether this is a list.
    var isList: Bool {
        if case .list = self { return true }
        return false
    }
}
