import XCTest
@testable import KLSKernel

final class WireMessageTests: XCTestCase {
    let signer = MessageSigner(key: "k")

    func message() -> WireMessage {
        WireMessage(identities: [Array("client".utf8)], header: WireMessage.header(type: "execute_request", session: "s"),
                    content: ["code": "1 + 1", "silent": false])
    }

    func testRoundTrip() throws {
        let frames = message().frames(signer: signer)
        XCTAssertEqual(frames[0], Array("client".utf8))
        XCTAssertEqual(frames[1], WireMessage.delimiter)
        let read = try WireMessage(frames: frames, signer: signer)
        XCTAssertEqual(read.type, "execute_request")
        XCTAssertEqual(read.identities, [Array("client".utf8)])
        XCTAssertEqual(read.content["code"] as? String, "1 + 1")
        XCTAssertEqual(read.header["version"] as? String, "5.3")
    }

    func testWrongSignatureIsRejectedBeforeParsing() {
        var frames = message().frames(signer: MessageSigner(key: "wrong"))
        XCTAssertThrowsError(try WireMessage(frames: frames, signer: signer)) { XCTAssertEqual($0 as? WireMessage.Problem, .badSignature) }
        // A tampered content frame no longer matches its signature.
        frames = message().frames(signer: signer)
        frames[frames.count - 1] = Array("{\"code\": \"rm\"}".utf8)
        XCTAssertThrowsError(try WireMessage(frames: frames, signer: signer)) { XCTAssertEqual($0 as? WireMessage.Problem, .badSignature) }
    }

    func testMalformedMessages() {
        XCTAssertThrowsError(try WireMessage(frames: [Array("x".utf8)], signer: signer)) { XCTAssertEqual($0 as? WireMessage.Problem, .noDelimiter) }
        XCTAssertThrowsError(try WireMessage(frames: [WireMessage.delimiter, []], signer: signer)) {
            XCTAssertEqual($0 as? WireMessage.Problem, .missingFrames(1))
        }
        let parts = [Array("{\"msg_type\": \"x\"}".utf8), Array("{}".utf8), Array("{}".utf8), Array("{not json".utf8)]
        let frames = [WireMessage.delimiter, Array(signer.signature(parts).utf8)] + parts
        XCTAssertThrowsError(try WireMessage(frames: frames, signer: signer)) {
            XCTAssertEqual($0 as? WireMessage.Problem, .malformedJSON("content"))
        }
    }

    func testNonFiniteNumbersAreWrittenAsNull() {
        let bytes = WireMessage.encode(["a": Double.nan, "b": [1.5, Double.infinity]])
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self).filter { !$0.isWhitespace }.count > 0, true)
        let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        XCTAssertTrue(object?["a"] is NSNull)
        XCTAssertEqual((object?["b"] as? [Any])?.first as? Double, 1.5)
    }

    func testTimestampIsISO8601WithMicroseconds() {
        let stamp = WireMessage.timestamp()
        XCTAssertNotNil(stamp.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$"#, options: .regularExpression), stamp)
    }
}
