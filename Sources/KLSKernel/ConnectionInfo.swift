import Foundation

/// A kernel's connection file, as Jupyter writes it: where to bind the five sockets and
/// the key that signs messages.
public struct ConnectionInfo: Equatable, Sendable {
    /// "tcp" or "ipc".
    public var transport: String
    /// The address to bind ("127.0.0.1"), or the path prefix for ipc.
    public var ip: String
    public var shellPort: Int
    public var iopubPort: Int
    public var stdinPort: Int
    public var controlPort: Int
    public var heartbeatPort: Int
    /// The HMAC key ("" when messages are not signed).
    public var key: String
    /// "hmac-sha256" (the only scheme kls signs with).
    public var signatureScheme: String

    /// Why a connection file cannot be used.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads a connection file's JSON text.
    public init(json: [UInt8]) throws(Problem) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json)), let fields = object as? [String: Any] else {
            throw Problem(description: "the connection file is not a JSON object")
        }
        func port(_ name: String) throws(Problem) -> Int {
            guard let n = fields[name] as? Int, (0...65535).contains(n) else {
                throw Problem(description: "the connection file needs \(name) (a port number)")
            }
            return n
        }
        transport = fields["transport"] as? String ?? "tcp"
        ip = fields["ip"] as? String ?? "127.0.0.1"
        shellPort = try port("shell_port")
        iopubPort = try port("iopub_port")
        stdinPort = try port("stdin_port")
        controlPort = try port("control_port")
        heartbeatPort = try port("hb_port")
        key = fields["key"] as? String ?? ""
        signatureScheme = fields["signature_scheme"] as? String ?? "hmac-sha256"
        guard transport == "tcp" || transport == "ipc" else {
            throw Problem(description: "transport '\(transport)' is not supported (tcp or ipc)")
        }
        guard signatureScheme == "hmac-sha256" || key.isEmpty else {
            throw Problem(description: "signature scheme '\(signatureScheme)' is not supported (hmac-sha256)")
        }
    }

    /// The endpoint of a port: "tcp://127.0.0.1:5555", or "ipc://PATH-5555".
    public func endpoint(_ port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
    }
}
