/// Default largest number of frames `writeGIF` stores.
public let defaultMaximumGIFFrames = 200

/// Writes `frames` as a looping animated GIF of `width` × `height` pixels (each 16…8192),
/// showing each frame for `delayCentiseconds` hundredths of a second. The file is created
/// with mode 0644.
///
/// More than `maximumFrames` frames (at least 2) are subsampled evenly, keeping the first and
/// the last. Each frame is drawn with cairo and mapped onto a fixed palette holding the series
/// colours; a panel's legend stays in one corner for the whole animation. Throws
/// `PlotError.noFrames`, `.invalidSize` or `.cannotWrite`; a failed write leaves no file behind.
public func writeGIF(
    frames: [Figure], path: String, width: Int = 640, height: Int = 420, delayCentiseconds: Int = 5,
    maximumFrames: Int = defaultMaximumGIFFrames
) throws(PlotError) {
    guard !frames.isEmpty else { throw .noFrames(path: path) }
    try PictureSize.validate(width: width, height: height)
    let chosen = GIFFrames.subsample(count: frames.count, maximum: maximumFrames).map { frames[$0] }
    let layouts = chosen.map { $0.pixelPanels(width: width, height: height) }
    let corners = GIFFrames.legendCorners(layouts)
    let encoder = try GIFEncoder(path: path, width: width, height: height)
    do {
        var indices = [UInt8](repeating: 0, count: width * height)
        let canvas = try CairoCanvas(width: width, height: height, for: path)
        var quantizer = GIFQuantizer()
        for layout in layouts {
            canvas.paint(Scene(width: width, height: height, panels: layout, legendCorners: corners))
            indices.withUnsafeMutableBufferPointer { buffer in
                canvas.forEachRow { row, pixels in
                    guard let base = buffer.baseAddress else { return }
                    quantizer.quantize(pixels, into: UnsafeMutableBufferPointer(start: base + row * width, count: width))
                }
            }
            try encoder.addFrame(indices, delayCentiseconds: delayCentiseconds)
        }
        try encoder.finish()
    } catch {
        encoder.discard()
        throw error
    }
}

/// Frame selection and legend placement shared by all frames of an animation.
enum GIFFrames {
    /// Indices of at most `maximum` (at least 2) of `count` frames, evenly spread, first and last included.
    static func subsample(count: Int, maximum: Int) -> [Int] {
        let limit = Swift.max(2, maximum)
        guard count > limit else { return Array(0..<Swift.max(0, count)) }
        return (0..<limit).map { Int((Double($0) * Double(count - 1) / Double(limit - 1)).rounded()) }
    }

    /// For each panel position, the legend corner least occupied summed over all frames.
    static func legendCorners(_ layouts: [[PixelPanel]]) -> [LegendCorner] {
        let panelCount = layouts.map(\.count).max() ?? 0
        return (0..<panelCount).map { index in
            var totals = [Int](repeating: 0, count: LegendCorner.allCases.count)
            for layout in layouts where index < layout.count {
                for (corner, count) in layout[index].legendOccupancy.enumerated() where corner < totals.count {
                    totals[corner] += count
                }
            }
            return LegendBox.bestCorner(totals)
        }
    }
}
