#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A cooperative stop request (Ctrl-C) that long loops in every module can see, including
/// the numeric ones below the interpreter, which know nothing of it.
///
/// The interpreter runs each program with its interrupt flag installed as the thread's
/// current flag (`Cancellation.whileRunning`); a long loop — a matrix product's rows, a
/// million samples, a quadrature's subintervals, the frames of an animation — reads
/// `Cancellation.isRequested` every few thousand steps (one thread-local load) and, when
/// it is raised, stops early with whatever partial result it has. The interpreter checks
/// the flag again as soon as the builtin returns and reports `interrupted`, so a partial
/// result is never seen and the request is never dropped.
public enum Cancellation {
    /// Whether the flag of the computation running on this thread is raised.
    @inline(__always)
    public static var isRequested: Bool {
        guard let flag = pthread_getspecific(key) else { return false }
        return flag.assumingMemoryBound(to: Bool.self).pointee
    }

    /// How many steps a loop may run between two looks at `isRequested` (a look costs about
    /// a nanosecond; this many steps of the cheapest loop take a few microseconds).
    public static let stride = 4096

    /// Runs `body` with `flag` as this thread's flag, restoring the previous one after.
    public static func whileRunning<T>(with flag: UnsafeMutablePointer<Bool>, _ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, flag)
        defer { pthread_setspecific(key, previous) }
        return try body()
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}
