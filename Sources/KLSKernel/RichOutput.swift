import Foundation
import KLSPlot
import KLSRuntime

/// MIME bundles for what a cell shows: values (`text/plain`, and `text/markdown` for codes),
/// figures (`image/png`, `image/svg+xml` and a `text/plain` summary), animations
/// (`image/gif`) and explanations (`text/markdown` with LaTeX).
enum RichOutput {
    /// The bundle of a cell's final value: its display, and Markdown when the value has one
    /// (a code's table).
    static func bundle(of value: Value) -> JSONObject {
        var bundle: JSONObject = ["text/plain": ValueFormatter.display(value)]
        if let markdown = value.markdown { bundle["text/markdown"] = markdown }
        return bundle
    }

    /// The content of a `display_data` message for a picture or an explanation (a progress
    /// line or a clear is a message of its own: see `CellRunner`).
    static func display(_ item: DisplayItem) throws -> JSONObject {
        switch item {
        case .figure(let figure, let width, let height):
            let data: JSONObject = [
                "image/png": Data(try figure.pngData(width: width, height: height)).base64EncodedString(),
                "image/svg+xml": try figure.svg(width: width, height: height),
                "text/plain": summary(figure),
            ]
            return ["data": data, "metadata": ["image/png": ["width": width, "height": height]]]
        case .animation(let frames, let width, let height, let scale, let delay, let lastDelay):
            let gif = try gifData(frames: frames, width: width, height: height, scale: scale, delayCentiseconds: delay,
                                  lastDelayCentiseconds: lastDelay, maximumFrames: frames.count)
            let data: JSONObject = [
                "image/gif": Data(gif).base64EncodedString(),
                "text/plain": "<animation: \(frames.count) frames, \(width)×\(height)>",
            ]
            return ["data": data, "metadata": JSONObject()]
        case .text(let text, let markdown):
            return ["data": ["text/plain": text, "text/markdown": markdown], "metadata": JSONObject()]
        case .progress(let line, _):
            return ["data": ["text/plain": line], "metadata": JSONObject()]
        case .clear:
            return ["data": JSONObject(), "metadata": JSONObject()]
        }
    }

    /// "<figure: P and the starting Q>", or the number of panels of a grid.
    static func summary(_ figure: Figure) -> String {
        if figure.panels.count > 1 { return "<figure: \(figure.panels.count) panels>" }
        let title = figure.panels.first?.title ?? ""
        return title.isEmpty ? "<figure>" : "<figure: \(title)>"
    }
}
