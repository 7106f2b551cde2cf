/// The session's global variables: names mapped to slots of the global frame. It persists
/// across inputs at the prompt, so later lines see earlier definitions.
final class GlobalTable {
    private var indices: [String: Int] = [:]
    private(set) var names: [String] = []
    let frame = Frame(slotCount: 64, parent: nil)

    /// The slot of `name`, if it has one.
    func index(of name: String) -> Int? { indices[name] }

    /// The slot of `name`, creating it (unset) if needed.
    func define(_ name: String) -> Int {
        if let i = indices[name] { return i }
        let i = names.count
        indices[name] = i
        names.append(name)
        frame.ensureCapacity(names.count)
        return i
    }

    /// The current value of `name`, if it is set.
    func value(of name: String) -> Value? {
        guard let i = indices[name] else { return nil }
        if case .unset = frame.slots[i] { return nil }
        return frame.slots[i]
    }

    /// Assigns `name` (defining it if needed).
    func set(_ name: String, _ value: Value) {
        frame.slots[define(name)] = value
    }

    /// Names that currently hold a value, in definition order.
    var definedNames: [String] {
        names.filter { value(of: $0) != nil }
    }

    /// Forgets every variable (`:reset`).
    func reset() {
        for i in 0..<names.count { frame.slots[i] = .unset }
    }
}
