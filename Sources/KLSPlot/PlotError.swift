/// Why a figure could not be written.
public enum PlotError: Error, Equatable, CustomStringConvertible {
    /// The path's extension names no supported format.
    case unsupportedFormat(path: String, supported: [String])
    /// The file could not be created or written; `reason` says why (e.g. "No such file or directory").
    case cannotWrite(path: String, reason: String)
    /// The requested picture size is outside the allowed range.
    case invalidSize(width: Int, height: Int)
    /// The requested drawing scale is outside the allowed range.
    case invalidScale(Double)
    /// An animation was requested without frames.
    case noFrames(path: String)

    /// A one-line message naming the path, e.g. "cannot write plot to 'a/b.png': No such file or directory".
    public var description: String {
        switch self {
        case let .unsupportedFormat(path, supported):
            let formats = supported.map { "." + $0 }.joined(separator: ", ")
            return "cannot save plot to '\(path)': unknown file extension (use \(formats))"
        case let .cannotWrite(path, reason):
            return "cannot write plot to '\(path)': \(reason)"
        case let .invalidSize(width, height):
            return "invalid picture size \(width)×\(height) (each side must be \(PictureSize.allowed.lowerBound)…\(PictureSize.allowed.upperBound) pixels)"
        case let .invalidScale(scale):
            return "invalid scale \(scale) (it must be \(PictureSize.scales.lowerBound)…\(PictureSize.scales.upperBound))"
        case let .noFrames(path):
            return "cannot write animation to '\(path)': no frames"
        }
    }
}

/// Limits on picture dimensions.
enum PictureSize {
    /// Allowed width and height in pixels.
    static let allowed = 16...8192

    /// Allowed drawing scales (1: sizes of the default 640 × 420 panel).
    static let scales = 0.1...20.0

    /// Checks a requested size and scale.
    static func validate(width: Int, height: Int, scale: Double? = nil) throws(PlotError) {
        guard allowed.contains(width), allowed.contains(height) else {
            throw .invalidSize(width: width, height: height)
        }
        if let scale, !scales.contains(scale) { throw .invalidScale(scale) }
    }
}
