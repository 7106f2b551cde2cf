import Foundation

/// A JSON object of a message (header, content…).
public typealias JSONObject = [String: Any]

/// One Jupyter message (protocol 5.3) as it travels over ZeroMQ: routing identities, the
/// delimiter `<IDS|MSG>`, the HMAC signature, four JSON frames and optional binary buffers.
public struct WireMessage {
    /// The routing prefix (the client's identity on a ROUTER socket, the topic on iopub).
    public var identities: [[UInt8]]
    public var header: JSONObject
    public var parentHeader: JSONObject
    public var metadata: JSONObject
    public var content: JSONObject
    public var buffers: [[UInt8]]

    /// The header's `msg_type` ("execute_request", …).
    public var type: String { header["msg_type"] as? String ?? "" }

    public static let delimiter = Array("<IDS|MSG>".utf8)
    /// The protocol version kls speaks.
    public static let protocolVersion = "5.3"

    /// Why a received message was dropped.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case noDelimiter
        case missingFrames(Int)
        case badSignature
        case malformedJSON(String)

        public var description: String {
            switch self {
            case .noDelimiter: return "no <IDS|MSG> delimiter"
            case .missingFrames(let n): return "only \(n) of the 5 frames after the delimiter"
            case .badSignature: return "the signature does not match the key"
            case .malformedJSON(let part): return "the \(part) frame is not a JSON object"
            }
        }
    }

    public init(identities: [[UInt8]], header: JSONObject, parentHeader: JSONObject = [:],
                metadata: JSONObject = [:], content: JSONObject, buffers: [[UInt8]] = []) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
        self.buffers = buffers
    }

    /// Reads the frames of a received message, checking its signature before any JSON is parsed.
    public init(frames: [[UInt8]], signer: MessageSigner) throws(Problem) {
        guard let split = frames.firstIndex(of: Self.delimiter) else { throw .noDelimiter }
        let rest = frames[(split + 1)...]
        guard rest.count >= 5 else { throw .missingFrames(rest.count) }
        let parts = Array(rest.dropFirst().prefix(4))
        guard signer.verify(rest[rest.startIndex], parts) else { throw .badSignature }
        func object(_ bytes: [UInt8], _ name: String) throws(Problem) -> JSONObject {
            guard let value = try? JSONSerialization.jsonObject(with: Data(bytes)), let object = value as? JSONObject else {
                throw .malformedJSON(name)
            }
            return object
        }
        identities = Array(frames[..<split])
        header = try object(parts[0], "header")
        parentHeader = try object(parts[1], "parent_header")
        metadata = try object(parts[2], "metadata")
        content = try object(parts[3], "content")
        buffers = Array(rest.dropFirst(5))
        guard header["msg_type"] is String else { throw .malformedJSON("header (no msg_type)") }
    }

    /// The frames to send, signed by `signer`.
    public func frames(signer: MessageSigner) -> [[UInt8]] {
        let parts = [header, parentHeader, metadata, content].map(Self.encode)
        return identities + [Self.delimiter, Array(signer.signature(parts).utf8)] + parts + buffers
    }

    /// Compact JSON; values JSON cannot hold (non-finite numbers) are written as null.
    static func encode(_ object: JSONObject) -> [UInt8] {
        let safe = sanitized(object)
        guard JSONSerialization.isValidJSONObject(safe),
              let data = try? JSONSerialization.data(withJSONObject: safe, options: [.withoutEscapingSlashes]) else {
            return Array("{}".utf8)
        }
        return [UInt8](data)
    }

    private static func sanitized(_ value: Any) -> Any {
        switch value {
        case let d as Double where !d.isFinite: return NSNull()
        case let object as JSONObject: return object.mapValues(sanitized)
        case let array as [Any]: return array.map(sanitized)
        default: return value
        }
    }

    /// A new header of `type` in `session`.
    static func header(type: String, session: String) -> JSONObject {
        ["msg_id": UUID().uuidString.lowercased(), "session": session, "username": "kls", "date": timestamp(),
         "msg_type": type, "version": protocolVersion]
    }

    /// The time now in ISO 8601 with microseconds, as Jupyter writes dates.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec, Int(now.tv_nsec / 1000))
    }
}
