extension Figure {
    /// The scale at which a `width` × `height` picture of this figure is drawn when none is
    /// asked for: min(width / (640 · columns), height / (420 · rows)), so that the default size
    /// is scale 1 and a larger picture is the same picture, larger.
    public func defaultScale(width: Int, height: Int) -> Double {
        Swift.min(Double(width) / Double(Self.defaultPanelPixels.width * cols),
                  Double(height) / Double(Self.defaultPanelPixels.height * gridRows))
    }

    /// The figure laid out on a `width` × `height` canvas at `scale` (nil: `defaultScale`),
    /// legends where they cover the fewest points.
    func scene(width: Int, height: Int, scale: Double? = nil) -> Scene {
        let style = SceneStyle(scale: scale ?? defaultScale(width: width, height: height))
        return Scene(width: width, height: height, panels: pixelPanels(width: width, height: height, style: style))
    }

    /// Each panel laid out in its grid cell of a `width` × `height` canvas; `legends[i]`, when
    /// given, fixes panel i's legend corner. The plot areas of a grid column share their left
    /// and right edges (the widest tick labels, legend or colour bar of the column set them).
    func pixelPanels(width: Int, height: Int, style: SceneStyle? = nil, legends: [LegendCorner] = []) -> [PixelPanel] {
        let style = style ?? SceneStyle(scale: defaultScale(width: width, height: height))
        let cellWidth = Double(width) / Double(cols), cellHeight = Double(height) / Double(gridRows)
        func layout(_ margins: [(left: Double, right: Double)]) -> [PixelPanel] {
            panels.enumerated().map { index, panel in
                let cell = Rect(
                    x: Double(index % cols) * cellWidth, y: Double(index / cols) * cellHeight,
                    width: cellWidth, height: cellHeight)
                return PixelPanel(panel: panel, cell: cell, style: style, legend: index < legends.count ? legends[index] : nil,
                                  margins: margins[index % cols])
            }
        }
        let natural = layout(Array(repeating: (0, 0), count: cols))
        guard panels.count > cols else { return natural }
        var margins = [(left: Double, right: Double)](repeating: (0, 0), count: cols)
        for (index, panel) in natural.enumerated() {
            let column = index % cols
            margins[column].left = Swift.max(margins[column].left, panel.plot.x - panel.cell.x)
            margins[column].right = Swift.max(margins[column].right, panel.cell.maxX - panel.plot.maxX)
        }
        let aligned = natural.enumerated().allSatisfy { index, panel in
            panel.plot.x - panel.cell.x == margins[index % cols].left && panel.cell.maxX - panel.plot.maxX == margins[index % cols].right
        }
        // Rounded so that `PixelPanel.crisp` puts every edge of a column on the same pixel.
        return aligned ? natural : layout(margins.map { ($0.left.rounded(.down), $0.right.rounded(.up)) })
    }
}

extension Scene {
    /// A white background, then each laid-out panel; with `fixedTitles` (animation frames)
    /// titles of equal length start at the same place.
    init(width: Int, height: Int, panels: [PixelPanel], fixedTitles: Bool = false) {
        var items: [SceneItem] = [
            .rect(
                Rect(x: 0, y: 0, width: Double(width), height: Double(height)),
                fill: SceneStyle.background, stroke: nil, strokeWidth: 0),
        ]
        var backdropCount = items.count
        for (index, panel) in panels.enumerated() {
            let layered = panel.layeredItems(fixedTitle: fixedTitles)
            if index == 0 { backdropCount += layered.backdrop }
            items += layered.items
        }
        self.init(width: width, height: height, items: items, backdropCount: backdropCount)
    }
}
