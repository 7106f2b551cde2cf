/// The backdrop the frames of an animation share — white background, contour and grid: painted
/// once, then copied back under each frame whose backdrop items are the same, so that a race
/// over a contour paints its level lines once, not once per frame.
struct SceneBackdrop {
    /// The backdrop items last painted, and the canvas's pixels right after them.
    private var items: ArraySlice<SceneItem> = []
    private var pixels: [UInt8] = []

    /// Paints `scene` on `canvas`, its backdrop (`scene.backdropCount` items) from the copy
    /// when it is unchanged.
    mutating func paint(_ scene: Scene, on canvas: CairoCanvas) {
        let count = Swift.min(Swift.max(0, scene.backdropCount), scene.items.count)
        let backdrop = scene.items[..<count]
        if !pixels.isEmpty, backdrop == items {
            canvas.restore(pixels)
        } else {
            canvas.paint(backdrop)
            items = backdrop
            pixels = canvas.snapshot()
        }
        canvas.paint(scene.items[count...])
    }
}
