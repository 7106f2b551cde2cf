import Foundation
import KLSBase

/// Scene items of a contour field: filled bands as runs of equally coloured grid cells, or
/// one stroked path of marching-squares segments per level.
enum ContourItems {
    static func items(_ field: ContourField, viewport: Viewport, style: SceneStyle) -> [SceneItem] {
        field.filled ? bands(field, viewport: viewport) : lines(field, viewport: viewport, style: style)
    }

    /// Each sample's cell (centred on it) filled in its band's colour, runs along a row merged.
    /// Cell edges lie halfway between samples, each mapped to a whole pixel once and shared by
    /// the cells on both sides, so neighbouring cells meet exactly: no seam at any grid size.
    /// Ctrl-C stops it early with the rows so far (the interpreter then reports `interrupted`).
    private static func bands(_ field: ContourField, viewport: Viewport) -> [SceneItem] {
        var items: [SceneItem] = []
        let rect = viewport.rect
        let halfX = field.x.span / Double(field.columns - 1) / 2, halfY = field.y.span / Double(field.rows - 1) / 2
        let x0 = field.xValue(0), y0 = field.yValue(0)
        // Pixel edges: xEdges[i] is the left edge of column i, yEdges[j] the lower edge of row j.
        let xEdges: [Double?] = (0...field.columns).map { i in
            let x = i == 0 ? x0 - halfX : i == field.columns ? field.xValue(i - 1) + halfX : (field.xValue(i - 1) + field.xValue(i)) / 2
            return viewport.point(x, y0).map { Swift.min(Swift.max($0.x, rect.x), rect.maxX).rounded() }
        }
        let yEdges: [Double?] = (0...field.rows).map { j in
            let y = j == 0 ? y0 - halfY : j == field.rows ? field.yValue(j - 1) + halfY : (field.yValue(j - 1) + field.yValue(j)) / 2
            return viewport.point(x0, y).map { Swift.min(Swift.max($0.y, rect.y), rect.maxY).rounded() }
        }
        for j in 0..<field.rows {
            if Cancellation.isRequested { break }
            guard let bottom = yEdges[j], let top = yEdges[j + 1], bottom > top else { continue }
            var i = 0
            while i < field.columns {
                guard let band = field.band(of: field.value(i, j)) else {
                    i += 1
                    continue
                }
                var end = i + 1
                while end < field.columns, field.band(of: field.value(end, j)) == band { end += 1 }
                if let left = xEdges[i], let right = xEdges[end], right > left {
                    let cell = Rect(x: left, y: top, width: right - left, height: bottom - top)
                    items.append(.rect(cell, fill: ColorRamp.color(field.rampPosition(band: band)), stroke: nil, strokeWidth: 0))
                }
                i = end
            }
        }
        return items
    }

    private static func lines(_ field: ContourField, viewport: Viewport, style: SceneStyle) -> [SceneItem] {
        field.levels.enumerated().compactMap { index, level in
            let pieces = ContourChains.polylines(MarchingSquares.segments(field, level: level)).flatMap { line in
                Clipping.clip(polyline: line.compactMap { viewport.point($0.x, $0.y) }, to: viewport.rect)
            }
            guard !pieces.isEmpty else { return nil }
            return .paths(pieces, color: ColorRamp.lineColor(field.rampPosition(level: index)), width: style.lineWidth * 0.75, dash: [])
        }
    }
}

/// The colour bar right of a contour plot: the bands (or the line colours) from the lowest
/// level at the bottom to the highest at the top, labelled with the levels.
struct ColorBar {
    let field: ContourField
    let style: SceneStyle

    private var gap: Double { 12 * style.scale }
    private var barWidth: Double { 16 * style.scale }
    private var labelGap: Double { 5 * style.scale }

    /// Horizontal room taken right of the plot area.
    var width: Double {
        let widest = field.levels.map { TextMetrics.width(LevelLabel.text($0), size: style.tickFont) }.max() ?? 0
        return gap + barWidth + labelGap + widest + 4 * style.scale
    }

    /// The bar's items, starting `left` of the gap, spanning `top` to `top + height`.
    func items(left: Double, top: Double, height: Double) -> [SceneItem] {
        var items: [SceneItem] = []
        let x = PixelPanel.crisp(left + gap)
        let levels = field.levels
        guard !levels.isEmpty else { return [] }
        let bandCount = field.filled ? levels.count + 1 : levels.count
        let bandHeight = height / Double(bandCount)
        for band in 0..<bandCount {
            let y = top + height - Double(band + 1) * bandHeight
            let color = field.filled ? ColorRamp.color(field.rampPosition(band: band))
                : ColorRamp.lineColor(field.rampPosition(level: band))
            items.append(.rect(Rect(x: x, y: y, width: barWidth, height: bandHeight + 0.5), fill: color, stroke: nil, strokeWidth: 0))
        }
        items.append(.rect(Rect(x: x, y: top, width: barWidth, height: height), fill: nil, stroke: SceneStyle.frame, strokeWidth: style.thinLine))
        // Labels at band boundaries (filled) or band centres (lines), skipping crowded ones.
        var lastY = Double.infinity
        for (index, level) in levels.enumerated() {
            let y = field.filled ? top + height - Double(index + 1) * bandHeight : top + height - (Double(index) + 0.5) * bandHeight
            guard lastY - y >= style.tickFont * 1.1 else { continue }
            lastY = y
            items.append(.text(LevelLabel.text(level), at: Point(x: x + barWidth + labelGap, y: y + style.tickFont * 0.35),
                               size: style.tickFont, anchor: .start, bold: false, vertical: false, color: SceneStyle.text))
        }
        return items
    }
}

/// Short labels of contour levels: three significant digits ("0.001", "2.5", "1.5e5" for 1.5e+05),
/// whole levels below 100,000 written out ("1000", "20000").
enum LevelLabel {
    static func text(_ value: Double) -> String {
        // Whole levels up to 99,999 are written out ("1000", not "1e3", next to "100").
        if value.rounded() == value, Swift.abs(value) >= 1000, Swift.abs(value) < 100_000 { return String(Int(value)) }
        var text = String(format: "%.3g", value)
        if let e = text.firstIndex(of: "e") {
            var exponent = String(text[text.index(after: e)...])
            let sign = exponent.hasPrefix("-") ? "-" : ""
            exponent = String(exponent.drop { $0 == "+" || $0 == "-" || $0 == "0" })
            text = String(text[..<e]) + "e" + sign + (exponent.isEmpty ? "0" : exponent)
        }
        return text
    }
}
