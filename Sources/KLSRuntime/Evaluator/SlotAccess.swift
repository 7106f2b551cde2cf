/// Where a resolved variable lives, as a type: closures specialised over it reach the slot
/// with no closure call and no switch at run time.
protocol SlotAccess {
    /// The variable's slot, given the frame of the running code.
    func pointer(in frame: Frame) -> UnsafeMutablePointer<Value>
}

/// A slot of the running function's own frame.
struct LocalSlot: SlotAccess {
    let index: Int
    @inline(__always)
    func pointer(in frame: Frame) -> UnsafeMutablePointer<Value> { frame.slots + index }
}

/// A slot of the global table (its chunk never moves).
struct GlobalSlot: SlotAccess {
    let chunk: Frame
    let index: Int
    @inline(__always)
    func pointer(in _: Frame) -> UnsafeMutablePointer<Value> { chunk.slots + index }
}
