import CCairo
import CGif
import Foundation

/// A GIF read back with giflib's DGifSlurp, frames composited onto the logical screen.
struct DecodedGIF {
    let width: Int
    let height: Int
    /// Frame delays in centiseconds.
    let delays: [Int]
    /// Whether the NETSCAPE2.0 loop extension is present.
    let loops: Bool
    /// Each frame as 0xRRGGBB per pixel, after drawing it over the previous one.
    let frames: [[UInt32]]

    init?(path: String) {
        var error: Int32 = 0
        guard let file = DGifOpenFileName(path, &error) else { return nil }
        defer { DGifCloseFile(file, &error) }
        guard DGifSlurp(file) == GIF_OK else { return nil }
        let gif = file.pointee
        width = Int(gif.SWidth)
        height = Int(gif.SHeight)
        var screen = [UInt32](repeating: 0, count: width * height)
        var frames: [[UInt32]] = []
        var delays: [Int] = []
        var loops = false
        for index in 0..<Int(gif.ImageCount) {
            let image = gif.SavedImages[index]
            for block in 0..<Int(image.ExtensionBlockCount) {
                let ext = image.ExtensionBlocks[block]
                if ext.Function == APPLICATION_EXT_FUNC_CODE, ext.ByteCount == 11 {
                    let bytes = (0..<11).map { UInt8(ext.Bytes[$0]) }
                    if String(decoding: bytes, as: UTF8.self) == "NETSCAPE2.0" { loops = true }
                }
            }
            var control = GraphicsControlBlock()
            if DGifSavedExtensionToGCB(file, Int32(index), &control) == GIF_OK { delays.append(Int(control.DelayTime)) }
            guard let map = image.ImageDesc.ColorMap ?? gif.SColorMap else { return nil }
            let desc = image.ImageDesc
            for y in 0..<Int(desc.Height) {
                for x in 0..<Int(desc.Width) {
                    let colorIndex = Int(image.RasterBits[y * Int(desc.Width) + x])
                    let color = map.pointee.Colors[colorIndex]
                    screen[(y + Int(desc.Top)) * width + x + Int(desc.Left)] =
                        UInt32(color.Red) << 16 | UInt32(color.Green) << 8 | UInt32(color.Blue)
                }
            }
            frames.append(screen)
        }
        self.frames = frames
        self.delays = delays
        self.loops = loops
    }

    /// Saves frame `index` as PNG (for looking at it).
    func savePNG(frame index: Int, to path: String) {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        defer { cairo_surface_destroy(surface) }
        guard let data = cairo_image_surface_get_data(surface) else { return }
        let stride = Int(cairo_image_surface_get_stride(surface))
        for y in 0..<height {
            let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { row[x] = frames[index][y * width + x] }
        }
        cairo_surface_mark_dirty(surface)
        cairo_surface_write_to_png(surface, path)
    }
}
