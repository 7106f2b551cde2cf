/// Writes a scene as SVG text. The output depends only on the scene: coordinates are printed
/// with exactly two decimals and items keep their order, so equal figures give equal bytes.
enum SVGWriter {
    static func document(_ scene: Scene) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(scene.width)\" height=\"\(scene.height)\""
        out += " viewBox=\"0 0 \(scene.width) \(scene.height)\" font-family=\"sans-serif\">\n"
        for item in scene.items {
            out += element(item)
            out += "\n"
        }
        out += "</svg>\n"
        return out
    }

    private static func element(_ item: SceneItem) -> String {
        switch item {
        case let .polyline(points, color, width):
            return "<polyline points=\"\(pointList(points))\" fill=\"none\" stroke=\"\(color.hexString)\""
                + " stroke-width=\"\(number(width))\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
        case let .paths(lines, color, width, dash):
            var data = ""
            for line in lines where !line.isEmpty {
                data += data.isEmpty ? "M" : " M"
                data += pointList(line).replacingOccurrences(of: " ", with: " L")
            }
            var text = "<path d=\"\(data)\" fill=\"none\" stroke=\"\(color.hexString)\" stroke-width=\"\(number(width))\""
            if !dash.isEmpty { text += " stroke-dasharray=\"\(dash.map(number).joined(separator: ","))\"" }
            return text + " stroke-linejoin=\"round\" stroke-linecap=\"\(dash.isEmpty ? "round" : "butt")\"/>"
        case let .polygon(points, color, opacity):
            return "<polygon points=\"\(pointList(points))\" fill=\"\(color.hexString)\" fill-opacity=\"\(number(opacity))\"/>"
        case let .rect(rect, fill, stroke, strokeWidth):
            var text = "<rect x=\"\(number(rect.x))\" y=\"\(number(rect.y))\" width=\"\(number(rect.width))\""
            text += " height=\"\(number(rect.height))\" fill=\"\(fill?.hexString ?? "none")\""
            if let stroke { text += " stroke=\"\(stroke.hexString)\" stroke-width=\"\(number(strokeWidth))\"" }
            return text + "/>"
        case let .circle(center, radius, color):
            return "<circle cx=\"\(number(center.x))\" cy=\"\(number(center.y))\" r=\"\(number(radius))\" fill=\"\(color.hexString)\"/>"
        case let .text(string, at, size, anchor, bold, vertical, color):
            var text = "<text x=\"\(number(at.x))\" y=\"\(number(at.y))\" font-size=\"\(number(size))\""
            text += " text-anchor=\"\(anchorName(anchor))\" fill=\"\(color.hexString)\""
            if bold { text += " font-weight=\"bold\"" }
            if vertical { text += " transform=\"rotate(-90 \(number(at.x)) \(number(at.y)))\"" }
            return text + ">\(escaped(string))</text>"
        }
    }

    private static func anchorName(_ anchor: TextAnchor) -> String {
        switch anchor {
        case .start: "start"
        case .middle: "middle"
        case .end: "end"
        }
    }

    private static func pointList(_ points: [Point]) -> String {
        var text = ""
        text.reserveCapacity(points.count * 16)
        for (index, point) in points.enumerated() {
            if index > 0 { text += " " }
            text += number(point.x)
            text += ","
            text += number(point.y)
        }
        return text
    }

    /// `value` rounded to two decimals, e.g. "12.50", "-0.25", "0.00" (never "-0.00").
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0.00" }
        let hundredths = Int((Swift.min(Swift.max(value, -1e15), 1e15) * 100).rounded())
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        let sign = hundredths < 0 ? "-" : ""
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `text` with XML's special characters escaped and control characters (invalid in XML 1.0)
    /// replaced by spaces.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
