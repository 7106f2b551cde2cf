import Foundation

/// `frames` as the bytes of a looping animated GIF (see `writeGIF`, whose arguments these
/// are), for showing without a file (a notebook's display data): written to a private
/// temporary file that is removed at once.
public func gifData(
    frames: [Figure], width: Int, height: Int, scale: Double? = nil, delayCentiseconds: Int,
    lastDelayCentiseconds: Int? = nil, maximumFrames: Int = defaultMaximumGIFFrames
) throws(PlotError) -> [UInt8] {
    var template = Array((NSTemporaryDirectory() + "/kls-gif-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
    guard descriptor >= 0 else { throw .cannotWrite(path: NSTemporaryDirectory(), reason: String(cString: strerror(errno))) }
    close(descriptor)
    let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { unlink(path) }
    try writeGIF(frames: frames, path: path, width: width, height: height, scale: scale, delayCentiseconds: delayCentiseconds,
                 lastDelayCentiseconds: lastDelayCentiseconds, maximumFrames: maximumFrames)
    guard let data = FileManager.default.contents(atPath: path) else {
        throw .cannotWrite(path: path, reason: "the GIF could not be read back")
    }
    return [UInt8](data)
}
