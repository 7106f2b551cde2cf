import XCTest
@testable import KLSKernel
import KLSREPL

final class KernelPiecesTests: XCTestCase {
    func testConnectionFile() throws {
        let json = """
        {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
         "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "kls"}
        """
        let info = try ConnectionInfo(json: Array(json.utf8))
        XCTAssertEqual(info.endpoint(info.shellPort), "tcp://127.0.0.1:5001")
        XCTAssertEqual(info.heartbeatPort, 5005)
        XCTAssertEqual(info.key, "abc")
        XCTAssertThrowsError(try ConnectionInfo(json: Array("[1]".utf8)))
        XCTAssertThrowsError(try ConnectionInfo(json: Array(#"{"shell_port": 1}"#.utf8)))
        let md5 = json.replacingOccurrences(of: "hmac-sha256", with: "hmac-md5")
        XCTAssertThrowsError(try ConnectionInfo(json: Array(md5.utf8)))
    }

    /// Jupyter counts cursor positions in code points: "μ = 1" has μ as one (two UTF-8 bytes).
    func testCodePointOffsets() {
        let points = CodePoints("μ = σ𝑥")
        XCTAssertEqual(points.count, 6)
        XCTAssertEqual(points.utf8Offset(ofCodePoint: 1), 2)
        XCTAssertEqual(points.utf8Offset(ofCodePoint: 6), 2 + 3 + 2 + 4)
        XCTAssertEqual(points.codePoint(ofUTF8Offset: 2), 1)
        XCTAssertEqual(points.codePoint(ofUTF8Offset: 11), 6)
        XCTAssertEqual(points.utf8Offset(ofCodePoint: 99), 11)
    }

    func testKernelSpec() throws {
        let spec = KernelSpec(executable: "/opt/kls/bin/kls")
        XCTAssertEqual(spec.json["argv"] as? [String], ["/opt/kls/bin/kls", "kernel", "-f", "{connection_file}"])
        XCTAssertEqual(spec.json["interrupt_mode"] as? String, "signal")
        XCTAssertEqual(spec.json["language"] as? String, "kls")
        XCTAssertEqual(spec.json["kernel_protocol_version"] as? String, "5.3")
        XCTAssertEqual(try KernelSpec.kernelsDirectory(.user, environment: ["JUPYTER_DATA_DIR": "/d", "HOME": "/h"]), "/d/kernels")
        XCTAssertEqual(try KernelSpec.kernelsDirectory(.prefix("/p"), environment: [:]), "/p/share/jupyter/kernels")
        #if os(Linux)
        XCTAssertEqual(try KernelSpec.kernelsDirectory(.user, environment: ["HOME": "/h"]), "/h/.local/share/jupyter/kernels")
        #endif
        let directory = NSTemporaryDirectory() + "kls-spec-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let installed = try spec.install(into: directory)
        let png = try XCTUnwrap(FileManager.default.contents(atPath: installed + "/logo-64x64.png"))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let json = try XCTUnwrap(FileManager.default.contents(atPath: installed + "/kernel.json"))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: json) as? [String: Any])
        XCTAssertEqual(object["display_name"] as? String, "kls")
    }

    /// Names the system would cut at a NUL (SafePath), an empty kernel name and a display name
    /// with control characters are refused (status 2) before anything is read or written.
    func testCommandLineRefusals() {
        XCTAssertEqual(KernelCommand.run(["-f", "conn\u{0}.json"]), 2)
        XCTAssertEqual(KernelCommand.run(["-f", ""]), 2)
        XCTAssertEqual(KernelCommand.run(["install", "--prefix", "/tmp/a\u{0}b"]), 2)
        XCTAssertEqual(KernelCommand.run(["install", "--name", ""]), 2)
        XCTAssertEqual(KernelCommand.run(["install", "--name", "a/b"]), 2)
        XCTAssertEqual(KernelCommand.run(["install", "--display-name", "kls\u{1B}[31m"]), 2)
        XCTAssertEqual(KernelCommand.run(["-f", "/nonexistent/kls-connection.json"]), 1)
    }

    func testCellCompleteness() {
        XCTAssertEqual(Prompt.completeness(of: "1 + 1"), .complete)
        XCTAssertEqual(Prompt.completeness(of: ":vars"), .complete)
        XCTAssertEqual(Prompt.completeness(of: "fn f(a) {"), .incomplete(indent: "  "))
        XCTAssertEqual(Prompt.completeness(of: "fn f(a) {\n  x = [1,"), .incomplete(indent: "    "))
        XCTAssertEqual(Prompt.completeness(of: "1 + + )"), .invalid)
    }
}
