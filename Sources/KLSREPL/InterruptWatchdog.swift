import Foundation
import KLSBase
import KLSRuntime

/// For scripts: a Ctrl-C the program has not answered within `grace` ends the process anyway.
///
/// Loops, calls and the long builtins poll the interrupt flag (see `Cancellation`), but not
/// every pass over 10⁸ numbers does (an element-wise `exp`, a filter in a debug build). The
/// SIGINT handler wakes this watchdog (`sem_post` is async-signal-safe); if the flag is still
/// raised after `grace`, the output printed so far is flushed, the temporaries of unfinished
/// atomic writes are removed (their targets keep their old content), `interrupted` is
/// printed and kls exits with 130, as when the program stops by itself. The prompt has no
/// watchdog: there Ctrl-C must return to the prompt with the variables intact.
enum InterruptWatchdog {
    /// How long the program has to stop by itself: 0.1 s.
    static let grace = 0.1

    /// The semaphore the SIGINT handler posts; nil until `start` (the prompt never starts it).
    nonisolated(unsafe) static var wakeUp: UnsafeMutablePointer<sem_t>?

    /// Who ends the script: nobody yet, the program (when it finishes or stops at the
    /// Ctrl-C), or the watchdog after `grace`. The first to claim keeps it, so a program that
    /// stops just as the grace runs out is not reported twice (`interrupted` written by both),
    /// and the watchdog never flushes output the program is still writing.
    enum ExitOwner { case none, program, watchdog }
    nonisolated(unsafe) private static var exitOwner = ExitOwner.none
    /// Guards `exitOwner`; nil until `start` (without a watchdog the program always owns the exit).
    nonisolated(unsafe) private static var exitLock: UnsafeMutablePointer<pthread_mutex_t>?

    /// Claims the end of the process for `claimant`; true when it is (or already was) its own.
    static func claimExit(_ claimant: ExitOwner) -> Bool {
        guard let lock = exitLock else { return true }
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if exitOwner == .none { exitOwner = claimant }
        return exitOwner == claimant
    }

    /// For the program (any of its threads): claims the end of the process or, when the
    /// watchdog has it, waits for the watchdog to end the process.
    static func claimExitOrWait() {
        while !claimExit(.program) { pause() }
    }

    /// Starts the watchdog thread; call once, before running a script. A plain pthread with a
    /// 64 KiB stack: a Foundation `Thread` costs every script's start-up its set-up.
    static func start() {
        let semaphore = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
        sem_init(semaphore, 0, 0)
        wakeUp = semaphore
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        exitLock = lock
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 1 << 16)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        pthread_create(&thread, &attributes, { raw in
            if let raw { InterruptWatchdog.watch(raw.assumingMemoryBound(to: sem_t.self)) }
            return nil
        }, semaphore)
    }

    /// The watchdog's loop: waits for a Ctrl-C, then gives the program `grace` to stop.
    private static func watch(_ semaphore: UnsafeMutablePointer<sem_t>) {
        while true {
            while sem_wait(semaphore) != 0 {}  // EINTR: wait again
            let deadline = Date().addingTimeInterval(grace)
            while Interrupts.requested, Date() < deadline { usleep(5_000) }
            if Interrupts.requested, claimExit(.watchdog) { endProcess() }
        }
    }

    /// Ends a process whose program did not answer Ctrl-C: nothing printed is lost, no
    /// temporary file is left.
    private static func endProcess() -> Never {
        Console.out.flush()
        AtomicFile.removeUnfinished()
        Console.err.write("interrupted\n")
        _exit(130)
    }
}
