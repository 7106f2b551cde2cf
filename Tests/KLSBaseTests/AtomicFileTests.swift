import Foundation
import Testing
import KLSBase

/// Issue 14: files are written whole or not at all (an interrupted animation left a
/// truncated 262 MB GIF).
@Suite struct AtomicFileTests {
    func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kls-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesTheWholeFileAndLeavesNoTemporary() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.svg").path
        try AtomicFile.write(Array("new".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.svg"])
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o644)
    }

    @Test func aFailedWriteKeepsTheOldFile() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("fit.gif").path
        try AtomicFile.write(Array("old".utf8), to: path)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try AtomicFile.write(to: path, { (temporary: String) throws(Stop) in
                _ = FileManager.default.createFile(atPath: temporary, contents: Data("partial".utf8))
                throw Stop()
            }, failure: { _ in Stop() })
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["fit.gif"])
    }

    @Test func aNulInTheNameWritesNothing() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let victim = dir.appendingPathComponent("victim.kls").path
        try AtomicFile.write(Array("print(1)".utf8), to: victim)
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write(Array("<svg/>".utf8), to: victim + "\u{0}.svg") }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "print(1)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["victim.kls"])
    }

    @Test func aMissingDirectoryIsAFailure() {
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write([1, 2], to: "/nonexistent-kls-dir/x.svg") }
    }

    /// What the Ctrl-C watchdog does before ending a process that did not answer: the
    /// temporary of a write still in progress is removed, the target keeps its old content.
    @Test func unfinishedTemporariesCanBeRemoved() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("race.gif").path
        try AtomicFile.write(Array("old".utf8), to: path)
        var seenBeforeRemoval: [String] = []
        // After the removal the rename fails (the temporary is gone): the old file stays, alone.
        #expect(throws: AtomicFile.Failure.self) {
            try AtomicFile.write(to: path, { (temporary: String) throws(AtomicFile.Failure) in
                _ = FileManager.default.createFile(atPath: temporary, contents: Data("partial".utf8))
                seenBeforeRemoval = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
                AtomicFile.removeUnfinished()
            }, failure: { $0 })
        }
        #expect(seenBeforeRemoval.count == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["race.gif"])
    }
}
