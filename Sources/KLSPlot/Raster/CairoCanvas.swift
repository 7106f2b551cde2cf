import CCairo
import Foundation
import KLSBase

/// A cairo ARGB32 image surface that scenes are painted onto (antialiased, white background
/// from the scene itself).
final class CairoCanvas {
    let width: Int
    let height: Int
    private let surface: OpaquePointer
    private let context: OpaquePointer

    /// A blank canvas for a picture going to `path`; throws when cairo cannot allocate it.
    init(width: Int, height: Int, for path: String) throws(PlotError) {
        try PictureSize.validate(width: width, height: height)
        guard kls_cairo_load() != 0 else {
            let why = kls_cairo_load_error().map { String(cString: $0) } ?? "unknown"
            throw .cannotWrite(path: path, reason: "PNG and GIF output need the cairo library (\(why); apt-get install libcairo2)")
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw .cannotWrite(path: path, reason: "cairo could not create a \(width)×\(height) surface")
        }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            let reason = String(cString: cairo_status_to_string(cairo_surface_status(surface)))
            cairo_surface_destroy(surface)
            throw .cannotWrite(path: path, reason: reason)
        }
        self.width = width
        self.height = height
        self.surface = surface
        self.context = context
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Paints every item of `scene` in order.
    func paint(_ scene: Scene) {
        paint(scene.items[...])
    }

    /// Paints `items` in order over what the canvas holds; Ctrl-C (`Cancellation`) stops it
    /// early (the caller reports `interrupted`, and the picture is not used).
    func paint(_ items: ArraySlice<SceneItem>) {
        for (k, item) in items.enumerated() {
            if k & 0xFFF == 0, Cancellation.isRequested { break }
            paint(item)
        }
        cairo_surface_flush(surface)
    }

    /// A copy of the canvas's pixels, for `restore`.
    func snapshot() -> [UInt8] {
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: Int(cairo_image_surface_get_stride(surface)) * height))
    }

    /// Puts back the pixels of an earlier `snapshot` of this canvas.
    func restore(_ pixels: [UInt8]) {
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface),
              pixels.count == Int(cairo_image_surface_get_stride(surface)) * height else { return }
        pixels.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            data.update(from: base, count: pixels.count)
        }
        cairo_surface_mark_dirty(surface)
    }

    /// The canvas encoded as PNG (`cairo_surface_write_to_png_stream`); `path` names it in errors.
    func pngBytes(path: String) throws(PlotError) -> [UInt8] {
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cannotWrite(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
        return sink.bytes
    }

    /// Calls `body` with each row of pixels as native-endian 0xAARRGGBB words (alpha 255 here,
    /// since scenes start with an opaque background).
    func forEachRow(_ body: (Int, UnsafeBufferPointer<UInt32>) -> Void) {
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return }
        let stride = Int(cairo_image_surface_get_stride(surface))
        for row in 0..<height {
            let start = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            body(row, UnsafeBufferPointer(start: start, count: width))
        }
    }

    private func setColor(_ color: RGB, alpha: Double = 1) {
        cairo_set_source_rgba(context, Double(color.red) / 255, Double(color.green) / 255, Double(color.blue) / 255, alpha)
    }

    private func addPath(_ points: [Point]) {
        guard let first = points.first else { return }
        cairo_move_to(context, first.x, first.y)
        for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
    }

    private func paint(_ item: SceneItem) {
        switch item {
        case let .polyline(points, color, width):
            addPath(points)
            setColor(color)
            cairo_set_line_width(context, width)
            cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
            cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
            cairo_stroke(context)
        case let .paths(lines, color, width, dash):
            for line in lines { addPath(line) }
            setColor(color)
            cairo_set_line_width(context, width)
            cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
            cairo_set_line_cap(context, dash.isEmpty ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
            cairo_set_dash(context, dash, Int32(dash.count), 0)
            cairo_stroke(context)
            cairo_set_dash(context, nil, 0, 0)
        case let .polygon(points, color, opacity):
            addPath(points)
            cairo_close_path(context)
            setColor(color, alpha: opacity)
            cairo_fill(context)
        case let .rect(rect, fill, stroke, strokeWidth):
            if let fill {
                cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
                setColor(fill)
                cairo_fill(context)
            }
            if let stroke {
                cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
                setColor(stroke)
                cairo_set_line_width(context, strokeWidth)
                cairo_set_line_join(context, CAIRO_LINE_JOIN_MITER)
                cairo_stroke(context)
            }
        case let .circle(center, radius, color):
            cairo_new_sub_path(context)
            cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
            setColor(color)
            cairo_fill(context)
        case let .text(string, at, size, anchor, bold, vertical, color):
            paintText(string, at: at, size: size, anchor: anchor, bold: bold, vertical: vertical, color: color)
        }
    }

    /// Text through cairo's toy API in "sans-serif", shifted by its measured advance for the anchor.
    private func paintText(
        _ string: String, at: Point, size: Double, anchor: TextAnchor, bold: Bool, vertical: Bool, color: RGB
    ) {
        let weight = bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL
        cairo_select_font_face(context, "sans-serif", CAIRO_FONT_SLANT_NORMAL, weight)
        cairo_set_font_size(context, size)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, string, &extents)
        let shift: Double
        switch anchor {
        case .start: shift = 0
        case .middle: shift = -extents.x_advance / 2
        case .end: shift = -extents.x_advance
        }
        cairo_save(context)
        cairo_translate(context, at.x, at.y)
        if vertical { cairo_rotate(context, -Double.pi / 2) }
        cairo_move_to(context, shift, 0)
        setColor(color)
        cairo_show_text(context, string)
        cairo_new_path(context)
        cairo_restore(context)
    }
}
