import CJupyter

/// HMAC-SHA256 signatures of Jupyter messages, with the connection file's key (OpenSSL's
/// libcrypto computes them). An empty key means messages are not signed (the signature
/// frame is empty and not checked), as the protocol defines.
public struct MessageSigner: Sendable {
    /// The key's bytes.
    let key: [UInt8]

    public init(key: String) {
        self.key = Array(key.utf8)
    }

    /// Whether messages are signed at all.
    public var isSigning: Bool { !key.isEmpty }

    /// The signature of the four JSON frames (header, parent header, metadata, content) as
    /// lower-case hexadecimal; "" without a key.
    public func signature(_ parts: [[UInt8]]) -> String {
        guard isSigning else { return "" }
        // The one-shot HMAC (its streaming HMAC_CTX API is deprecated in OpenSSL 3).
        let data = parts.flatMap { $0 }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        key.withUnsafeBytes { k in
            data.withUnsafeBufferPointer { d in
                _ = HMAC(EVP_sha256(), k.baseAddress, Int32(k.count), d.baseAddress, d.count, &digest, &length)
            }
        }
        return digest.prefix(Int(length)).map { hexDigits[Int($0 >> 4)] + hexDigits[Int($0 & 15)] }.joined()
    }

    /// Whether `signature` (hexadecimal, as received) is the one of `parts`, compared in
    /// constant time. Always true without a key.
    public func verify(_ signature: [UInt8], _ parts: [[UInt8]]) -> Bool {
        guard isSigning else { return true }
        let expected = Array(self.signature(parts).utf8)
        guard expected.count == signature.count else { return false }
        return expected.withUnsafeBytes { e in
            signature.withUnsafeBytes { s in CRYPTO_memcmp(e.baseAddress, s.baseAddress, e.count) == 0 }
        }
    }
}

private let hexDigits = (0..<16).map { String($0, radix: 16) }
