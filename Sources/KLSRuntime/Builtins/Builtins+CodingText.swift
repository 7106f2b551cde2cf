import Foundation
import KLSDistributions
import KLSNumerics

/// Text for compression lessons: `read_text`, `chars`, `frequencies`, and reading a message of
/// labelled symbols (a string character by character, with a fast path for ASCII text).
extension BuiltinRegistry {
    /// The largest file `read_text` reads (256 MiB).
    static let maxTextFileBytes = 256 << 20

    static func installText(_ r: BuiltinRegistry) {
        r.function("read_text", [p("path")], category: "coding",
                   summary: "The contents of a text file (UTF-8) as a string.",
                   help: """
                   A relative path is taken from the current directory. A missing file, a directory, an unreadable
                   file or one larger than 256 MiB is an error naming the path; invalid UTF-8 reads as U+FFFD.
                   """,
                   example: "len(read_text(\"/etc/hosts\")) >= 0") { a in
            .string(try readText(a, 0))
        }
        r.function("chars", [p("s")], category: "coding",
                   summary: "The characters of a string, as a list of one-character strings.",
                   example: "chars(\"abc\")") { a in
            .list(try a.string(0).map { .string(String($0)) })
        }
        r.function("frequencies", [p("items")], category: "coding",
                   summary: "The empirical distribution of a string's characters (or a list's items) as a labelled Categorical.",
                   help: """
                   The labels are the distinct characters (or items, numbers by their printed form) in sorted order;
                   each probability is count / total.
                   """,
                   example: "frequencies(\"abracadabra\")") { a in
            let counts: [(label: String, count: Int)]
            let total: Int
            if case .string(let text) = a[0] {
                counts = characterCounts(text)
                total = counts.reduce(0) { $0 + $1.count }
            } else {
                let items = try a.list(0).map(ValueFormatter.plain)
                var table: [String: Int] = [:]
                for item in items { table[item, default: 0] += 1 }
                counts = table.map { ($0.key, $0.value) }.sorted { $0.label < $1.label }
                total = items.count
            }
            guard total > 0 else { throw a.fail(0, "is empty") }
            let probabilities = counts.map { Double($0.count) / Double(total) }
            return .object(DistributionValue(try Categorical(probs: .constant(Tensor(vector: probabilities)),
                                                             labels: counts.map(\.label))))
        }
    }

    /// The contents of the file named by argument `i`, with an error naming the path for a
    /// missing, unreadable, special or oversized file.
    static func readText(_ a: Arguments, _ i: Int) throws -> String {
        let path = try a.path(i)
        let manager = FileManager.default
        let place = path.hasPrefix("/") ? "" : " (relative to \(manager.currentDirectoryPath))"
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw a.error("cannot open '\(path)': no such file\(place)")
        }
        guard !isDirectory.boolValue else { throw a.error("cannot read '\(path)': it is a directory") }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes = try? manager.attributesOfItem(atPath: resolved)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            throw a.error("cannot read '\(path)': not a regular file")
        }
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxTextFileBytes else {
            throw a.error("cannot read '\(path)': \(size) bytes is more than the limit of \(maxTextFileBytes)")
        }
        guard manager.isReadableFile(atPath: path), let data = manager.contents(atPath: path) else {
            throw a.error("cannot read '\(path)': permission denied")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// (character, count) for each distinct character of `text`, sorted by character.
    static func characterCounts(_ text: String) -> [(label: String, count: Int)] {
        if let bytes = asciiCharacters(text) {
            var counts = [Int](repeating: 0, count: 128)
            for byte in bytes { counts[Int(byte)] += 1 }
            // For ASCII, byte order is the order of String comparison.
            return (0..<128).filter { counts[$0] > 0 }.map { (String(UnicodeScalar(UInt8($0))), counts[$0]) }
        }
        var table: [Character: Int] = [:]
        for character in text { table[character, default: 0] += 1 }
        return table.map { (String($0.key), $0.value) }.sorted { $0.label < $1.label }
    }

    /// The UTF-8 bytes of `text` when each byte is one character: ASCII without a "\r\n" pair
    /// (which Swift counts as a single character); nil otherwise.
    static func asciiCharacters(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        var previous: UInt8 = 0
        for byte in bytes {
            if byte >= 128 || (byte == 10 && previous == 13) { return nil }
            previous = byte
        }
        return bytes
    }

    /// A message of labelled symbols as indices into `labels`: a string is read character by
    /// character; a list item by item (strings as they are, numbers by their printed form, as
    /// `frequencies` labels them). An unknown symbol is an error naming its position.
    static func labelIndices(_ a: Arguments, _ i: Int, labels: [String]) throws -> [Int] {
        if case .string(let text) = a[i] { return try characterIndices(text, labels: labels, a) }
        let items: [String]
        switch a[i] {
        case .number(let x): items = [ValueFormatter.number(x)]
        case .list, .tensor: items = try a.list(i).map(ValueFormatter.plain)
        default: throw a.fail(i, "must be a list of symbols (labels) or a string")
        }
        var index: [String: Int] = [:]
        for (k, label) in labels.enumerated() where index[label] == nil { index[label] = k }
        return try items.enumerated().map { position, item in
            guard let k = index[item] else { throw unknownLabel(item, at: position, a) }
            return k
        }
    }

    /// The characters of `text` as indices into `labels` (only one-character labels can match).
    static func characterIndices(_ text: String, labels: [String], _ a: Arguments) throws -> [Int] {
        if let bytes = asciiCharacters(text) {
            var table = [Int](repeating: -1, count: 128)
            for (k, label) in labels.enumerated().reversed() {
                let utf8 = label.utf8
                if utf8.count == 1, let byte = utf8.first, byte < 128 { table[Int(byte)] = k }
            }
            var result = [Int](repeating: 0, count: bytes.count)
            for (position, byte) in bytes.enumerated() {
                let k = table[Int(byte)]
                guard k >= 0 else { throw unknownLabel(String(UnicodeScalar(byte)), at: position, a) }
                result[position] = k
            }
            return result
        }
        var index: [Character: Int] = [:]
        for (k, label) in labels.enumerated() where label.count == 1 {
            if let character = label.first, index[character] == nil { index[character] = k }
        }
        var result: [Int] = []
        for (position, character) in text.enumerated() {
            guard let k = index[character] else { throw unknownLabel(String(character), at: position, a) }
            result.append(k)
        }
        return result
    }

    /// `encode: symbol "D" at position 1 is not one of the labels`.
    static func unknownLabel(_ symbol: String, at position: Int, _ a: Arguments) -> BuiltinError {
        a.error("symbol \(symbol.debugDescription) at position \(position) is not one of the labels")
    }
}
