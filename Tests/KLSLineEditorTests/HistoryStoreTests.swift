#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Testing
@testable import KLSLineEditor

@Suite struct HistoryStoreTests {
    @Test func mergedKeepsTheLastUseOfEachEntryAndTheNewestLimit() {
        #expect(HistoryStore.merged(["a", "b", "a", "c", "b"], limit: 10) == ["a", "c", "b"])
        #expect(HistoryStore.merged(["a", "b", "c", "d"], limit: 2) == ["c", "d"])
        #expect(HistoryStore.merged(["a", "a", "a"], limit: 5) == ["a"])
        #expect(HistoryStore.merged(["a"], limit: 0) == [])
    }

    @Test func missingFileLoadsEmpty() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        #expect(try HistoryStore(path: directory.path + "/history").load() == [])
    }

    @Test func addDeduplicatesMovingRepeatsToTheEnd() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = HistoryStore(path: directory.path + "/history")
        for entry in ["x = 1", "y = 2", "x = 1", "x = 1", "z = 3", "y = 2"] {
            try store.add(entry)
        }
        #expect(try store.load() == ["x = 1", "z = 3", "y = 2"])
    }

    @Test func blankEntriesAndTrailingNewlinesAreDropped() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = HistoryStore(path: directory.path + "/history")
        try store.add("   \n\t")
        try store.add("")
        try store.add("a = 1\n\n")
        #expect(try store.load() == ["a = 1"])
    }

    @Test func multiLineEntriesSurviveTheFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/history"
        let block = "f(x) = {\n\tx \\ 2\r\n}"
        try HistoryStore(path: path).add(block)
        try HistoryStore(path: path).add("μ = 1")
        #expect(try HistoryStore(path: path).load() == [block, "μ = 1"])
        #expect(TemporaryDirectory.contents(of: path)?.split(separator: "\n").count == 3)
    }

    @Test func limitKeepsTheNewestEntries() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = HistoryStore(path: directory.path + "/history", limit: 3)
        for index in 1...7 { try store.add("e\(index)") }
        #expect(try store.load() == ["e5", "e6", "e7"])
        #expect(try HistoryStore(path: store.path, limit: 2).load() == ["e6", "e7"])
    }

    @Test func fileIsPrivateAndNoTemporaryFileRemains() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/history"
        try HistoryStore(path: path).add("secret = 1")
        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["history", "history.lock"])
    }

    @Test func unwritableLocationThrows() {
        #expect(throws: HistoryStoreError.self) {
            try HistoryStore(path: "/proc/kls-no-such-dir/history").add("x")
        }
    }

    /// Two sessions adding at once (each with its own store and file descriptors, as two
    /// processes would have) must lose nothing and leave a well-formed file.
    @Test func concurrentWritersLoseNothing() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/history"
        let perWriter = 60
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let store = HistoryStore(path: path)
            for index in 0..<perWriter {
                try? store.add("writer\(writer) entry \(index)\nsecond line")
            }
        }
        let entries = try HistoryStore(path: path).load()
        #expect(entries.count == 2 * perWriter)
        for writer in 0..<2 {
            let own = entries.filter { $0.hasPrefix("writer\(writer) ") }
            #expect(own == (0..<perWriter).map { "writer\(writer) entry \($0)\nsecond line" })
        }
        #expect(TemporaryDirectory.contents(of: path)?.hasPrefix(HistoryFormat.header + "\n") == true)
    }

    /// A child process and this one writing the same file at once. (The child is forked from
    /// a multi-threaded process, so it is given a deadline and killed if it hangs.)
    @Test func concurrentProcessesLoseNothing() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/history"
        let count = 50
        let child = fork()
        if child == 0 {
            let store = HistoryStore(path: path)
            for index in 0..<count { try? store.add("child \(index)") }
            _exit(0)
        }
        #expect(child > 0)
        let store = HistoryStore(path: path)
        for index in 0..<count { try store.add("parent \(index)") }
        var status: Int32 = 0
        var finished = false
        for _ in 0..<400 where !finished {
            finished = waitpid(child, &status, WNOHANG) == child
            if !finished { usleep(50_000) }
        }
        if !finished {
            kill(child, SIGKILL)
            waitpid(child, &status, 0)
        }
        #expect(finished)
        let entries = try store.load()
        #expect(entries.filter { $0.hasPrefix("child ") }.count == count)
        #expect(entries.filter { $0.hasPrefix("parent ") }.count == count)
    }
}

@Suite struct HistoryStoreLockTests {
    /// When the lock file cannot be opened (here it is a directory, which even root cannot
    /// open for writing), loading still works but adding reports the failure.
    @Test func unopenableLockFileStillLoadsButCannotAdd() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/history"
        try HistoryStore(path: path).add("kept")
        unlink(path + ".lock")
        #expect(mkdir(path + ".lock", 0o700) == 0)
        #expect(try HistoryStore(path: path).load() == ["kept"])
        #expect(throws: HistoryStoreError.self) { try HistoryStore(path: path).add("new") }
    }
}
