/// The slots of one function call (or of the global scope), with the frame it closes over.
/// Slots live in one manually managed buffer: no bounds or exclusivity checks in hot paths.
final class Frame {
    private(set) var slots: UnsafeMutablePointer<Value>
    private(set) var capacity: Int
    /// The lexically enclosing frame (the environment of the running closure).
    let parent: Frame?

    init(slotCount: Int, parent: Frame?) {
        capacity = max(slotCount, 1)
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: .unset, count: capacity)
        self.parent = parent
    }

    deinit {
        slots.deinitialize(count: capacity)
        slots.deallocate()
    }

    /// Grows the frame (the global frame grows as a session defines names).
    func ensureCapacity(_ n: Int) {
        guard n > capacity else { return }
        let newCapacity = max(n, capacity * 2)
        let fresh = UnsafeMutablePointer<Value>.allocate(capacity: newCapacity)
        fresh.moveInitialize(from: slots, count: capacity)
        (fresh + capacity).initialize(repeating: .unset, count: newCapacity - capacity)
        slots.deallocate()
        slots = fresh
        capacity = newCapacity
    }

    /// The frame `depth` levels up the closure chain.
    @inline(__always)
    func ancestor(_ depth: Int) -> Frame {
        var f = self
        for _ in 0..<depth { f = f.parent ?? f }
        return f
    }
}
