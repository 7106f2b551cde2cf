import CCairo
import Foundation
import Testing
@testable import KLSPlot

@Suite struct PNGTests {
    @Test func writesAPNGOfTheRequestedSize() throws {
        let path = temporaryPath("densities.png")
        try SeedFigures.densities.write(to: path, width: 500, height: 300)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // PNG signature, then the IHDR chunk: length, "IHDR", big-endian width and height.
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR")
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 500 && height == 300)
    }

    @Test func readsBackWithBothSeriesColours() throws {
        let path = temporaryPath("densities.png")
        try SeedFigures.densities.write(to: path)
        let surface = try #require(cairo_image_surface_create_from_png(path))
        defer { cairo_surface_destroy(surface) }
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        #expect(cairo_image_surface_get_width(surface) == 640)
        #expect(cairo_image_surface_get_height(surface) == 420)
        let pixels = try #require(cairo_image_surface_get_data(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var counts: [UInt32: Int] = [:]
        for y in 0..<420 {
            let row = UnsafeRawPointer(pixels + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<640 { counts[row[x] & 0xFFFFFF, default: 0] += 1 }
        }
        #expect((counts[0xFFFFFF] ?? 0) > 640 * 420 / 2)  // mostly white background
        #expect((counts[0x1F77B4] ?? 0) > 100)  // P in tab:blue
        #expect((counts[0xFF7F0E] ?? 0) > 100)  // Q in tab:orange
    }

    @Test func fileIsReadableByEveryone() throws {
        let path = temporaryPath("mode.png")
        try SeedFigures.densities.write(to: path, width: 100, height: 80)
        #expect(permissions(path) == 0o644 & ~currentUmask())
    }
}
