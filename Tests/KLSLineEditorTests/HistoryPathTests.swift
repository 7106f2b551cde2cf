#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import KLSLineEditor

@Suite struct HistoryPathTests {
    private func resolve(_ variables: [String: String]) throws -> String? {
        try HistoryStore.defaultPath(environment: { variables[$0] })
    }

    @Test func klsHistoryWinsButItsDirectoryIsNotCreated() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/hist"
        #expect(try resolve(["KLS_HISTORY": path, "XDG_STATE_HOME": "/nowhere", "HOME": "/nowhere"]) == path)
        // Issue 14: a missing directory of KLS_HISTORY was created silently.
        let missing = directory.path + "/a/b/hist"
        #expect(throws: HistoryStoreError.self) { try resolve(["KLS_HISTORY": missing]) }
        #expect(access(directory.path + "/a", F_OK) != 0)
    }

    /// Issue 14: KLS_HISTORY=/dev/zero read forever and aborted, /dev/full hung before the
    /// banner. Only a regular file (or none yet) is a history file.
    @Test(arguments: ["/dev/zero", "/dev/full", "/dev/null", "/tmp"])
    func specialFilesAreRefused(_ path: String) throws {
        #expect(throws: HistoryStoreError.self) { try resolve(["KLS_HISTORY": path]) }
    }

    @Test func aSpecialFileIsRefusedWhenReadToo() throws {
        #expect(throws: HistoryStoreError.self) { try HistoryStore(path: "/dev/zero").load() }
    }

    @Test func emptyKlsHistoryTurnsHistoryOff() throws {
        #expect(try resolve(["KLS_HISTORY": "", "HOME": "/tmp"]) == nil)
    }

    @Test func xdgStateHomeThenHome() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        #expect(try resolve(["XDG_STATE_HOME": directory.path + "/state", "HOME": "/nowhere"])
                == directory.path + "/state/kls/history")
        #expect(try resolve(["XDG_STATE_HOME": "relative/state", "HOME": directory.path])
                == directory.path + "/.local/state/kls/history")
        #expect(access(directory.path + "/.local/state/kls", F_OK) == 0)
    }

    @Test func noHomeGivesNil() throws {
        #expect(try resolve([:]) == nil)
    }

    @Test func uncreatableDirectoryThrows() {
        #expect(throws: HistoryStoreError.self) {
            try resolve(["XDG_STATE_HOME": "/proc/kls-no-such-dir/x"])
        }
    }
}
