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

    /// The thread-specific slot holding a large-stack thread's floor (a plain pthread key:
    /// Foundation's thread dictionary costs a millisecond of start-up in dynamic casts).
    private static let floorKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Records the calling thread's floor.
    static func setFloorOfCurrentThread(_ floor: UInt) {
        pthread_setspecific(floorKey, UnsafeRawPointer(bitPattern: floor))
    }

    /// The lowest safe stack address of the calling thread — its stack's lowest address plus
    /// room kept free for unwinding and rendering an error — or 0 when the thread was not
    /// started by `LargeStack` (then only the call-count limit applies).
    static func floorOfCurrentThread() -> UInt {
        UInt(bitPattern: pthread_getspecific(floorKey))
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
        NativeStack.setFloorOfCurrentThread(floor)
        result = body()
    }
}
