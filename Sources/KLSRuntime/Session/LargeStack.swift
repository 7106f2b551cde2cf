import Foundation

/// Runs work on a thread whose stack is big enough for the interpreter's recursion limit
/// (1 GiB reserved; pages are committed only as they are touched).
public enum LargeStack {
    /// 1 GiB, or `KLS_STACK_MB` megabytes (profilers such as valgrind need less).
    public static var size: Int {
        if let text = getenv("KLS_STACK_MB"), let mb = Int(String(cString: text)), mb > 0, mb < 1 << 16 { return mb << 20 }
        return 1 << 30
    }

    /// Runs `body` on a large-stack thread and waits for its result.
    public static func run<T>(_ body: @escaping () -> T) -> T {
        let box = LargeStackJob(body)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, size)
        defer { pthread_attr_destroy(&attributes) }
        var thread = pthread_t()
        let unmanaged = Unmanaged<AnyLargeStackJob>.passRetained(box)
        let created = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<AnyLargeStackJob>.fromOpaque(raw).takeRetainedValue().execute()
            return nil
        }, unmanaged.toOpaque())
        if created != 0 {
            unmanaged.release()
            return body()
        }
        pthread_join(thread, nil)
        return box.result ?? body()
    }
}

/// The native stack's remaining room, checked on every kls call: deep recursion whose calls
/// each nest many expressions must end in an error before the thread's stack runs out, not
/// only at the call-count limit.
public enum NativeStack {
    /// An address near the top of the current stack.
    @inline(__always)
    static func current() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Key of the calling large-stack thread's floor in its thread dictionary.
    static let floorKey = "kls.nativeStackFloor"

    /// The lowest safe stack address of the calling thread — its stack's lowest address plus
    /// room kept free for unwinding and rendering an error — or 0 when the thread was not
    /// started by `LargeStack` (then only the call-count limit applies).
    static func floorOfCurrentThread() -> UInt {
        (Thread.current.threadDictionary[floorKey] as? UInt) ?? 0
    }
}

/// Type-erased work for the large-stack thread (the C entry point cannot be generic).
class AnyLargeStackJob: @unchecked Sendable {
    func execute() {}
}

final class LargeStackJob<T>: AnyLargeStackJob, @unchecked Sendable {
    let body: () -> T
    var result: T?
    init(_ body: @escaping () -> T) { self.body = body }
    override func execute() {
        let floor = NativeStack.current() - UInt(LargeStack.size) + UInt(16 << 20)
        Thread.current.threadDictionary[NativeStack.floorKey] = floor
        result = body()
    }
}
