extension Figure {
    /// The figure laid out on a `width` × `height` pixel canvas, legends in their best corners.
    func scene(width: Int, height: Int) -> Scene {
        Scene(width: width, height: height, panels: pixelPanels(width: width, height: height), legendCorners: [])
    }

    /// Each panel laid out in its grid cell of a `width` × `height` canvas.
    func pixelPanels(width: Int, height: Int) -> [PixelPanel] {
        let cellWidth = Double(width) / Double(cols), cellHeight = Double(height) / Double(gridRows)
        return panels.enumerated().map { index, panel in
            let cell = Rect(
                x: Double(index % cols) * cellWidth, y: Double(index / cols) * cellHeight,
                width: cellWidth, height: cellHeight)
            return PixelPanel(panel: panel, cell: cell)
        }
    }
}

extension Scene {
    /// A white background, then each laid-out panel; `legendCorners[i]`, when given, fixes
    /// panel i's legend corner (otherwise the least occupied corner is used).
    init(width: Int, height: Int, panels: [PixelPanel], legendCorners: [LegendCorner]) {
        var items: [SceneItem] = [
            .rect(
                Rect(x: 0, y: 0, width: Double(width), height: Double(height)),
                fill: SceneStyle.background, stroke: nil, strokeWidth: 0),
        ]
        for (index, panel) in panels.enumerated() {
            items += panel.items(legendCorner: index < legendCorners.count ? legendCorners[index] : nil)
        }
        self.init(width: width, height: height, items: items)
    }
}
