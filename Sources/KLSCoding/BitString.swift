/// A string of bits packed 64 to a word, most significant bit first: bit i is bit 63 − (i mod 64)
/// of `storage[i / 64]`, and unused bits of the last word are 0. `description` spells it as
/// "0"/"1" characters; `bytes` packs it into bytes for storage.
public struct BitString: Sendable, Equatable, CustomStringConvertible {
    /// The number of bits.
    public private(set) var count: Int = 0
    private(set) var storage: [UInt64] = []

    /// The empty bit string.
    public init() {}

    /// Parses a string of "0" and "1" characters, 64 of them to a storage word.
    /// - Throws: `CodingError.invalidDigit` at the first other character.
    public init(_ text: String) throws(CodingError) {
        var contiguous = text
        var badPosition: Int?
        let (words, total) = contiguous.withUTF8 { bytes -> ([UInt64], Int) in
            var words = [UInt64](repeating: 0, count: (bytes.count + 63) / 64)
            words.withUnsafeMutableBufferPointer { out in
                for index in 0..<bytes.count {
                    let bit = bytes[index] &- 48
                    guard bit <= 1 else {
                        badPosition = index
                        return
                    }
                    out[index >> 6] |= UInt64(bit) << UInt64(63 - index & 63)
                }
            }
            return (words, bytes.count)
        }
        if let byteOffset = badPosition {
            // Every byte before the bad one was "0" or "1", so the byte offset is the character position.
            let index = text.utf8.index(text.utf8.startIndex, offsetBy: byteOffset)
            throw .invalidDigit(word: nil, position: byteOffset, character: text[index...].first ?? "?", alphabetSize: 2)
        }
        storage = words
        count = total
    }

    /// The first `count` bits of `bytes`, most significant bit of each byte first (the inverse of
    /// `bytes`; `count` defaults to all of them and is clamped to 0…8·bytes.count).
    public init(bytes: [UInt8], count: Int? = nil) {
        let total = min(max(count ?? bytes.count * 8, 0), bytes.count * 8)
        storage = [UInt64](repeating: 0, count: (total + 63) / 64)
        for (index, byte) in bytes.prefix((total + 7) / 8).enumerated() {
            storage[index / 8] |= UInt64(byte) << UInt64(56 - 8 * (index % 8))
        }
        self.count = total
        clearUnusedBits()
    }

    /// The bits as "0"/"1" characters.
    public var description: String {
        var text = [UInt8](repeating: 48, count: count)
        text.withUnsafeMutableBufferPointer { out in
            for index in 0..<out.count {
                out[index] = 48 | UInt8(truncatingIfNeeded: storage[index >> 6] >> UInt64(63 - index & 63)) & 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bits packed into ⌈count/8⌉ bytes, most significant bit first, the last byte padded with 0.
    public var bytes: [UInt8] {
        (0..<(count + 7) / 8).map { UInt8(truncatingIfNeeded: storage[$0 / 8] >> UInt64(56 - 8 * ($0 % 8))) }
    }

    /// The `length` bits (1…63) from `index` on as the low bits of a word, zero-padded past the end
    /// (the padding an arithmetic decoder reads).
    /// Relies on the bits after `count` being 0.
    @inline(__always)
    func bits(from index: Int, length: Int) -> UInt64 {
        let wordIndex = index >> 6
        let offset = UInt64(index & 63)
        let first: UInt64 = wordIndex < storage.count ? storage[wordIndex] : 0
        let second: UInt64 = wordIndex + 1 < storage.count ? storage[wordIndex + 1] : 0
        let aligned = offset == 0 ? first : first << offset | second >> (64 - offset)
        return aligned >> UInt64(64 - length)
    }

    /// Appends one bit (0 or 1).
    @inline(__always)
    mutating func append(_ bit: UInt64) {
        let offset = count & 63
        if offset == 0 { storage.append(0) }
        storage[storage.count - 1] |= (bit & 1) << UInt64(63 - offset)
        count += 1
    }

    /// Appends the top `length` bits (1…64) of `word`.
    @inline(__always)
    mutating func append(topBits word: UInt64, length: Int) {
        let masked = length >= 64 ? word : word & ~(UInt64.max >> UInt64(length))
        let offset = count & 63
        if offset == 0 {
            storage.append(masked)
        } else {
            storage[storage.count - 1] |= masked >> UInt64(offset)
            if length > 64 - offset { storage.append(masked << UInt64(64 - offset)) }
        }
        count += length
    }

    /// Appends `repetitions` copies of one bit, a word at a time.
    mutating func append(_ bit: UInt64, repeating repetitions: Int) {
        let fill: UInt64 = bit & 1 == 1 ? .max : 0
        var left = repetitions
        while left > 0 {
            let chunk = min(left, 64)
            append(topBits: fill, length: chunk)
            left -= chunk
        }
    }

    /// Zeroes the bits of the last word beyond `count`.
    private mutating func clearUnusedBits() {
        let used = count & 63
        guard used != 0, !storage.isEmpty else { return }
        storage[storage.count - 1] &= ~(UInt64.max >> UInt64(used))
    }
}
