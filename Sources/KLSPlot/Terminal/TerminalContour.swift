/// Contour fields in the terminal: lines traced dot by dot, or filled bands as dither patterns
/// whose density grows with the band; colour (when on) from the ramp's five ANSI colours.
enum TerminalContour {
    /// Cell colours from `rampBase` on are ramp colours; below it, palette slot + 1.
    static let rampBase: UInt8 = 100

    /// The ANSI code of a canvas cell colour (ramp colour or palette slot + 1).
    static func ansiCode(cellColor color: UInt8) -> Int {
        color >= rampBase ? ColorRamp.ansiCodes[Int(color - rampBase) % ColorRamp.ansiCodes.count]
            : SeriesPalette.ansiCode(Int(color) - 1)
    }

    /// The canvas colour at ramp position `position`.
    static func cellColor(_ position: Double) -> UInt8 {
        let index = ColorRamp.ansiCodes.firstIndex(of: ColorRamp.ansiCode(position)) ?? 0
        return rampBase + UInt8(index)
    }

    static func draw(_ field: ContourField, on canvas: inout DotCanvas, viewport: Viewport) {
        if field.filled {
            fill(field, on: &canvas, viewport: viewport)
            return
        }
        for (index, level) in field.levels.enumerated() {
            let color = cellColor(field.rampPosition(level: index))
            for s in MarchingSquares.segments(field, level: level) {
                guard let a = viewport.point(s.x0, s.y0), let b = viewport.point(s.x1, s.y1),
                      let (p, q) = Clipping.clip(segment: a, b, to: viewport.rect) else { continue }
                canvas.drawLine(p, q, color: color)
            }
        }
    }

    /// Each dot takes the band of the nearest sample; denser dots for higher bands.
    private static func fill(_ field: ContourField, on canvas: inout DotCanvas, viewport: Viewport) {
        let bands = field.levels.count
        for y in 0..<canvas.dotHeight {
            let dataY = viewport.yRange.upper - (Double(y) + 0.5) / Double(canvas.dotHeight) * viewport.yRange.span
            let j = Int(((dataY - field.y.lower) / field.y.span * Double(field.rows - 1)).rounded())
            guard j >= 0, j < field.rows else { continue }
            var x = 0
            while x < canvas.dotWidth {
                let dataX = viewport.xRange.lower + (Double(x) + 0.5) / Double(canvas.dotWidth) * viewport.xRange.span
                let i = Int(((dataX - field.x.lower) / field.x.span * Double(field.columns - 1)).rounded())
                if i >= 0, i < field.columns, let band = field.band(of: field.value(i, j)), band > 0 {
                    let position = field.rampPosition(band: band)
                    canvas.dither(dotRow: y, from: x, to: x, density: Double(band) / Double(bands + 1), color: cellColor(position))
                }
                x += 1
            }
        }
    }

    /// Legend lines for the levels, highest first, at most `rows` (every k-th level when more).
    static func legend(_ field: ContourField, glyphs: TerminalGlyphs, color: Bool, rows: Int) -> [(sample: TextLine, label: String)] {
        let levels = field.levels
        guard !levels.isEmpty, rows > 1 else { return [] }
        let every = Swift.max(1, (levels.count + rows - 2) / (rows - 1))
        var result: [(sample: TextLine, label: String)] = []
        var title = TextLine()
        title.append(field.filled ? "bands" : "levels")
        result.append((title, ""))
        for index in stride(from: levels.count - 1, through: 0, by: -every) {
            var sample = TextLine()
            if color { sample.appendEscape(ANSI.foreground(ansiCode(cellColor: cellColor(field.rampPosition(level: index))))) }
            sample.append(glyphs.lineSample)
            if color { sample.appendEscape(ANSI.reset) }
            result.append((sample, LevelLabel.text(levels[index])))
        }
        return result
    }
}
