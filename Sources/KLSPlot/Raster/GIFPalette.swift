/// The fixed 256-colour GIF palette.
///
/// Entries: 32 greys from black to white (text, frame, grid and their antialiasing), 15 tints
/// of each series colour over white (opacity k/15, k = 1…15, so antialiased and filled series
/// pixels and the exact series colours are all present), a 4×4×4 colour cube for mixtures,
/// and 40 samples of the contour colour ramp.
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
        colors += ColorRamp.samples(rampSamples)
        while colors.count < 256 { colors.append(.black) }  // usedCount real entries, then padding
        return Array(colors.prefix(256))
    }()

    /// Samples of the contour ramp in the palette.
    static let rampSamples = 40
    /// Number of real palette entries; the rest up to 256 (if any) is black padding, never chosen.
    static let usedCount = 32 + 15 * SeriesPalette.count + 64 + rampSamples
}

/// Maps pixels to the nearest `GIFPalette` entry (squared RGB distance), by the centre of
/// their 5-bit-per-channel colour cell; each cell is searched once, when first met.
struct GIFQuantizer {
    /// Palette index per cell (r >> 3) << 10 | (g >> 3) << 5 | (b >> 3); `unknown` until searched.
    private var table = [UInt8](repeating: unknown, count: 1 << 15)
    private static let unknown: UInt8 = 255
    private let palette: [Int32] = GIFPalette.colors.prefix(GIFPalette.usedCount).flatMap {
        [Int32($0.red), Int32($0.green), Int32($0.blue)]
    }

    /// Palette index for each pixel of a row of 0xAARRGGBB words, written into `indices`.
    mutating func quantize(_ row: UnsafeBufferPointer<UInt32>, into indices: UnsafeMutableBufferPointer<UInt8>) {
        for column in 0..<Swift.min(row.count, indices.count) {
            let pixel = row[column]
            let red: UInt32 = (pixel >> 9) & 0x7C00
            let green: UInt32 = (pixel >> 6) & 0x03E0
            let blue: UInt32 = (pixel >> 3) & 0x001F
            let cell = Int(red | green | blue)
            var index = table[cell]
            if index == Self.unknown {
                index = nearest(cell)
                table[cell] = index
            }
            indices[column] = index
        }
    }

    private func nearest(_ cell: Int) -> UInt8 {
        let red = Int32((cell >> 10) << 3 | 4), green = Int32(((cell >> 5) & 31) << 3 | 4), blue = Int32((cell & 31) << 3 | 4)
        var best = 0
        var bestDistance = Int32.max
        palette.withUnsafeBufferPointer { entries in
            for entry in 0..<(entries.count / 3) {
                let dr = entries[3 * entry] - red, dg = entries[3 * entry + 1] - green, db = entries[3 * entry + 2] - blue
                let distance = dr * dr + dg * dg + db * db
                if distance < bestDistance {
                    bestDistance = distance
                    best = entry
                }
            }
        }
        return UInt8(best)
    }
}
