import KLSBase

/// Default largest number of frames `writeGIF` stores.
public let defaultMaximumGIFFrames = 200

/// Writes `frames` as a looping animated GIF of `width` × `height` pixels (each 16…8192),
/// drawn at `scale` (nil: `Figure.defaultScale`), showing each frame for `delayCentiseconds`
/// hundredths of a second and the last one for `lastDelayCentiseconds` (a pause before the
/// loop starts again; nil: as long as the others). The file is created with mode 0644.
///
/// More than `maximumFrames` frames (at least 2) are subsampled evenly, keeping the first and
/// the last. Each frame is drawn with cairo and mapped onto a fixed palette holding the series
/// and contour colours; a panel's legend stays in one place and titles of equal length do not
/// move over the whole animation. Throws `PlotError.noFrames`, `.invalidSize`, `.invalidScale`
/// or `.cannotWrite`. The file is written whole or not at all (a temporary file renamed over
/// it): a failed or interrupted (`Cancellation`) write leaves no file behind.
public func writeGIF(
    frames: [Figure], path: String, width: Int = 640, height: Int = 420, scale: Double? = nil,
    delayCentiseconds: Int = 5, lastDelayCentiseconds: Int? = nil, maximumFrames: Int = defaultMaximumGIFFrames
) throws(PlotError) {
    guard !frames.isEmpty else { throw .noFrames(path: path) }
    try PictureSize.validate(width: width, height: height, scale: scale)
    let chosen = GIFFrames.subsample(count: frames.count, maximum: maximumFrames).map { frames[$0] }
    let style = SceneStyle(scale: scale ?? chosen[0].defaultScale(width: width, height: height))
    let trial = chosen.map { $0.pixelPanels(width: width, height: height, style: style, legends: Array(repeating: .topRight, count: $0.panels.count)) }
    let corners = GIFFrames.legendCorners(trial)
    try FileOutput.atomically(path) { (temporary: String) throws(PlotError) in
        try encodeGIF(chosen, style: style, corners: corners, path: temporary, width: width, height: height,
                      delayCentiseconds: delayCentiseconds, lastDelayCentiseconds: lastDelayCentiseconds)
    }
}

/// Draws and encodes the chosen frames into a GIF file at `path` (removed again on failure).
/// Ctrl-C (`Cancellation`) stops it between frames with `.cannotWrite(…, "interrupted")`.
private func encodeGIF(
    _ chosen: [Figure], style: SceneStyle, corners: [LegendCorner], path: String, width: Int, height: Int,
    delayCentiseconds: Int, lastDelayCentiseconds: Int?
) throws(PlotError) {
    let encoder = try GIFEncoder(path: path, width: width, height: height)
    do throws(PlotError) {
        var indices = [UInt8](repeating: 0, count: width * height)
        let canvas = try CairoCanvas(width: width, height: height, for: path)
        var quantizer = GIFQuantizer()
        var backdrop = SceneBackdrop()
        for (index, frame) in chosen.enumerated() {
            try Figure.stopIfInterrupted(path)
            let layout = frame.pixelPanels(width: width, height: height, style: style, legends: corners)
            backdrop.paint(Scene(width: width, height: height, panels: layout, fixedTitles: true), on: canvas)
            indices.withUnsafeMutableBufferPointer { buffer in
                canvas.forEachRow { row, pixels in
                    guard let base = buffer.baseAddress else { return }
                    quantizer.quantize(pixels, into: UnsafeMutableBufferPointer(start: base + row * width, count: width))
                }
            }
            let last = index == chosen.count - 1
            try encoder.addFrame(indices, delayCentiseconds: last ? lastDelayCentiseconds ?? delayCentiseconds : delayCentiseconds)
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

    /// For each panel position, the inside legend corner least occupied summed over all frames,
    /// or outside the axes when every corner covers data in some frame.
    static func legendCorners(_ layouts: [[PixelPanel]]) -> [LegendCorner] {
        let panelCount = layouts.map(\.count).max() ?? 0
        return (0..<panelCount).map { index in
            var totals = [Int](repeating: 0, count: LegendCorner.inside.count)
            for layout in layouts where index < layout.count {
                for (corner, count) in layout[index].legendOccupancy.enumerated() where corner < totals.count {
                    totals[corner] += count
                }
            }
            let fits = layouts.first { index < $0.count }.map { LegendBox(panel: $0[index].panel, style: $0[index].style).fitsOutside(width: $0[index].cell.width) } ?? false
            return LegendBox.bestCorner(totals, outsideFits: fits)
        }
    }
}
