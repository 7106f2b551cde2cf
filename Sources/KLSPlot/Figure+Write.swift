import KLSBase

extension Figure {
    /// Default picture size of one panel in pixels; a grid multiplies it by its columns and rows.
    public static let defaultPanelPixels = (width: 640, height: 420)

    /// Formats `write(to:)` understands, by lower-case file extension.
    public static let fileFormats = ["svg", "png"]

    /// The figure as an SVG document of `width` × `height` pixels (each 16…8192), drawn at
    /// `scale` (0.1…20; nil: `defaultScale`). Equal figures give byte-identical documents.
    public func svg(width: Int, height: Int, scale: Double? = nil) throws(PlotError) -> String {
        try PictureSize.validate(width: width, height: height, scale: scale)
        return SVGWriter.document(scene(width: width, height: height, scale: scale))
    }

    /// The figure as the bytes of a PNG file of `width` × `height` pixels at `scale`, for
    /// showing without a file (a notebook's display data). `path` only names the picture in errors.
    /// Ctrl-C (`Cancellation`) stops the painting, and the picture is then not encoded.
    public func pngData(width: Int, height: Int, scale: Double? = nil, path: String = "<png>") throws(PlotError) -> [UInt8] {
        try PictureSize.validate(width: width, height: height, scale: scale)
        let canvas = try CairoCanvas(width: width, height: height, for: path)
        canvas.paint(scene(width: width, height: height, scale: scale))
        try Self.stopIfInterrupted(path)
        return try canvas.pngBytes(path: path)
    }

    /// Saves the figure, choosing the format by the extension of `path` (".svg" or ".png",
    /// any case). Without a size the picture is `defaultPanelPixels` per grid cell (at most 8192);
    /// `scale` as for `svg`.
    ///
    /// Throws `PlotError.unsupportedFormat` for another extension, `.invalidSize` for a side
    /// outside 16…8192 pixels or a scale outside 0.1…20, and `.cannotWrite` when the file cannot
    /// be written. The file is written whole or not at all (a temporary file renamed over it).
    public func write(to path: String, width: Int? = nil, height: Int? = nil, scale: Double? = nil) throws(PlotError) {
        let pixelWidth = width ?? Swift.min(8192, Self.defaultPanelPixels.width * cols)
        let pixelHeight = height ?? Swift.min(8192, Self.defaultPanelPixels.height * gridRows)
        switch Self.fileExtension(of: path) {
        case "svg":
            let document = try svg(width: pixelWidth, height: pixelHeight, scale: scale)
            try Self.stopIfInterrupted(path)  // the scene may be cut short
            try FileOutput.write(Array(document.utf8), to: path)
        case "png":
            try FileOutput.write(try pngData(width: pixelWidth, height: pixelHeight, scale: scale, path: path), to: path)
        default:
            throw .unsupportedFormat(path: path, supported: Self.fileFormats)
        }
    }

    /// An error, and no file, when Ctrl-C cut the picture short (the interpreter reports
    /// `interrupted`).
    static func stopIfInterrupted(_ path: String) throws(PlotError) {
        if Cancellation.isRequested { throw .cannotWrite(path: path, reason: "interrupted") }
    }

    /// The lower-case extension of the last path component, without the dot ("" when none).
    static func fileExtension(of path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
