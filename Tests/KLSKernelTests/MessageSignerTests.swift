import XCTest
@testable import KLSKernel

final class MessageSignerTests: XCTestCase {
    /// RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
    func testRFC4231Vector() {
        let signer = MessageSigner(key: "Jefe")
        XCTAssertEqual(signer.signature([Array("what do ya want for ".utf8), Array("nothing?".utf8)]),
                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    func testVerifyAcceptsTheSignatureAndRejectsAnyOther() {
        let signer = MessageSigner(key: "secret")
        let parts = [Array("{}".utf8), Array("{\"a\":1}".utf8)]
        let good = Array(signer.signature(parts).utf8)
        XCTAssertTrue(signer.verify(good, parts))
        var bad = good
        bad[0] = bad[0] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        XCTAssertFalse(signer.verify(bad, parts))
        XCTAssertFalse(signer.verify([], parts))
        XCTAssertFalse(MessageSigner(key: "other").verify(good, parts))
    }

    func testEmptyKeyMeansUnsigned() {
        let signer = MessageSigner(key: "")
        XCTAssertEqual(signer.signature([Array("x".utf8)]), "")
        XCTAssertTrue(signer.verify([], [Array("x".utf8)]))
    }
}
