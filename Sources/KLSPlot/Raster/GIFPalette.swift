/// The fixed 256-colour GIF palette and a lookup table from 15-bit colour to palette index.
///
/// Entries: 32 greys from black to white (text, frame, grid and their antialiasing), 15 tints
/// of each series colour over white (opacity k/15, k = 1…15, so antialiased and filled series
/// pixels and the exact series colours are all present), a 4×4×4 colour cube for mixtures,
/// and black padding up to 256.
enum GIFPalette {
    static let colors: [RGB] = {
        var colors: [RGB] = (0..<32).map { level in
            let value = UInt8((Double(level) * 255 / 31).rounded())
            return RGB(red: value, green: value, blue: value)
        }
        for color in SeriesPalette.colors {
            for step in 1...15 { colors.append(color.blended(over: .white, alpha: Double(step) / 15)) }
        }
        let cubeLevels: [UInt8] = [0, 85, 170, 255]
        for red in cubeLevels {
            for green in cubeLevels {
                for blue in cubeLevels { colors.append(RGB(red: red, green: green, blue: blue)) }
            }
        }
        while colors.count < 256 { colors.append(.black) }
        return Array(colors.prefix(256))
    }()

    /// Palette index nearest (in squared RGB distance) to the centre of each 5-bit-per-channel
    /// colour cell, indexed by (r >> 3) << 10 | (g >> 3) << 5 | (b >> 3).
    static let lookup: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 1 << 15)
        let palette = colors.map { (Int($0.red), Int($0.green), Int($0.blue)) }
        for cell in 0..<(1 << 15) {
            let red = (cell >> 10) << 3 | 4, green = ((cell >> 5) & 31) << 3 | 4, blue = (cell & 31) << 3 | 4
            var best = 0, bestDistance = Int.max
            for (index, entry) in palette.enumerated() {
                let dr = entry.0 - red, dg = entry.1 - green, db = entry.2 - blue
                let distance = dr * dr + dg * dg + db * db
                if distance < bestDistance { bestDistance = distance; best = index }
            }
            table[cell] = UInt8(best)
        }
        return table
    }()

    /// Palette index for each pixel of a row of 0xAARRGGBB words, written into `indices`.
    static func quantize(_ row: UnsafeBufferPointer<UInt32>, into indices: UnsafeMutableBufferPointer<UInt8>) {
        lookup.withUnsafeBufferPointer { table in
            for column in 0..<Swift.min(row.count, indices.count) {
                let pixel = row[column]
                let red: UInt32 = (pixel >> 9) & 0x7C00
                let green: UInt32 = (pixel >> 6) & 0x03E0
                let blue: UInt32 = (pixel >> 3) & 0x001F
                indices[column] = table[Int(red | green | blue)]
            }
        }
    }
}
