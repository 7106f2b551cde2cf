/// The header of a `Frame`: its slot count and the frame it closes over.
struct FrameHeader {
    let count: Int
    /// The lexically enclosing frame (the environment of the running closure).
    let parent: Frame?
}

/// The slots of one function call, allocated with its header in a single block: no bounds
/// or exclusivity checks and one allocation per call.
final class Frame: ManagedBuffer<FrameHeader, Value> {
    /// A frame of `slotCount` unset slots.
    static func make(slotCount: Int, parent: Frame?) -> Frame {
        let buffer = Frame.create(minimumCapacity: slotCount) { _ in FrameHeader(count: slotCount, parent: parent) }
        let frame = unsafeDowncast(buffer, to: Frame.self)
        frame.withUnsafeMutablePointerToElements { $0.initialize(repeating: .unset, count: slotCount) }
        return frame
    }

    deinit {
        withUnsafeMutablePointers { header, elements in
            for i in 0..<header.pointee.count { (elements + i).release() }
        }
    }

    /// Resets every slot to unset (releasing the values), for reuse by the next call.
    @inline(__always)
    func clear() {
        let slots = self.slots
        for i in 0..<header.count {
            switch slots[i] {
            case .number, .bool, .none, .unset: (slots + i).initialize(to: .unset)   // nothing to release
            default: (slots + i).replace(with: .unset)
            }
        }
    }

    /// Resets the given slots to unset, releasing their values.
    func clear(_ indices: [Int]) {
        let slots = self.slots
        for i in indices { (slots + i).replace(with: .unset) }
    }

    /// The slots (valid while the frame is alive).
    @inline(__always)
    var slots: UnsafeMutablePointer<Value> { withUnsafeMutablePointerToElements { $0 } }

    @inline(__always)
    var parent: Frame? { header.parent }

    /// The frame `depth` levels up the closure chain.
    @inline(__always)
    func ancestor(_ depth: Int) -> Frame {
        var f = self
        for _ in 0..<depth { f = f.parent ?? f }
        return f
    }
}
