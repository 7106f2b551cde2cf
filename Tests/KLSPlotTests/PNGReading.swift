import CCairo
import Foundation

/// The pixels of a PNG file read back with cairo, as 0xRRGGBB.
struct PNGPixels {
    let width: Int
    let height: Int
    let pixels: [UInt32]

    struct Unreadable: Error {}

    init(path: String) throws {
        guard let surface = cairo_image_surface_create_from_png(path), cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              let data = cairo_image_surface_get_data(surface) else { throw Unreadable() }
        defer { cairo_surface_destroy(surface) }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { pixels.append(row[x] & 0xFFFFFF) }
        }
        self.pixels = pixels
    }

    /// Number of pixels of exactly `color`.
    func count(of color: UInt32) -> Int { pixels.lazy.filter { $0 == color }.count }
}
