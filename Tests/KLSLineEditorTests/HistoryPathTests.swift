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

    @Test func klsHistoryWinsAndItsDirectoryIsCreated() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/a/b/hist"
        #expect(try resolve(["KLS_HISTORY": path, "XDG_STATE_HOME": "/nowhere", "HOME": "/nowhere"]) == path)
        var status = stat()
        #expect(stat(directory.path + "/a/b", &status) == 0)
        #expect(status.st_mode & 0o777 == 0o700)
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
            try resolve(["KLS_HISTORY": "/proc/kls-no-such-dir/x/history"])
        }
    }
}
