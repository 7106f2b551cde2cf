import CGif
import Foundation

/// A looping GIF89a being written through giflib onto a file opened with mode 0644
/// (giflib's own EGifOpenFileName would create it 0600).
///
/// Every frame uses the fixed `GIFPalette`; after the first, only the bounding box of the
/// pixels that changed is stored, over the previous frame (disposal "do not dispose").
final class GIFEncoder {
    private let path: String
    private let width: Int
    private let height: Int
    private var file: UnsafeMutablePointer<GifFileType>?
    private var previous: [UInt8] = []

    /// Creates `path` and writes the header, the global palette and the NETSCAPE2.0 loop block.
    init(path: String, width: Int, height: Int) throws(PlotError) {
        self.path = path
        self.width = width
        self.height = height
        let descriptor = try FileOutput.create(path)
        var error: Int32 = 0
        guard let file = EGifOpenFileHandle(descriptor, &error) else {
            close(descriptor)
            unlink(path)
            throw .cannotWrite(path: path, reason: Self.message(error))
        }
        self.file = file
        EGifSetGifVersion(file, true)
        var colors = GIFPalette.colors.map { GifColorType(Red: $0.red, Green: $0.green, Blue: $0.blue) }
        let map = GifMakeMapObject(Int32(colors.count), &colors)
        defer { GifFreeMapObject(map) }
        do {
            try check(EGifPutScreenDesc(file, Int32(width), Int32(height), 8, 0, map))
            try putLoopForever()
        } catch {
            discard()
            throw error
        }
    }

    deinit {
        if let file { EGifCloseFile(file, nil) }
    }

    /// Appends a frame of palette indices (row-major, width × height) shown for `delay` centiseconds.
    func addFrame(_ indices: [UInt8], delayCentiseconds delay: Int) throws(PlotError) {
        guard let file, indices.count == width * height else { return }
        let box = changedBox(indices)
        var control = GraphicsControlBlock(
            DisposalMode: DISPOSE_DO_NOT, UserInputFlag: false,
            DelayTime: Int32(Swift.min(Swift.max(delay, 0), 65535)), TransparentColor: NO_TRANSPARENT_COLOR)
        var extensionBytes = [GifByteType](repeating: 0, count: 4)
        let length = EGifGCBToExtension(&control, &extensionBytes)
        try check(EGifPutExtension(file, GRAPHICS_EXT_FUNC_CODE, Int32(length), extensionBytes))
        try check(EGifPutImageDesc(file, Int32(box.x), Int32(box.y), Int32(box.width), Int32(box.height), false, nil))
        var row = [GifPixelType](repeating: 0, count: box.width)
        for y in box.y..<(box.y + box.height) {
            let start = y * width + box.x
            for x in 0..<box.width { row[x] = indices[start + x] }
            try check(EGifPutLine(file, &row, Int32(box.width)))
        }
        previous = indices
    }

    /// Finishes the file; on failure the partial file is removed.
    func finish() throws(PlotError) {
        guard let file else { return }
        self.file = nil
        var error: Int32 = 0
        guard EGifCloseFile(file, &error) == GIF_OK else {
            unlink(path)
            throw .cannotWrite(path: path, reason: Self.message(error))
        }
    }

    /// Abandons the file: closes it and removes it.
    func discard() {
        if let file { EGifCloseFile(file, nil) }
        file = nil
        unlink(path)
    }

    /// The NETSCAPE2.0 application extension with loop count 0 (repeat forever).
    private func putLoopForever() throws(PlotError) {
        guard let file else { return }
        let identifier = Array("NETSCAPE2.0".utf8)
        let loop: [UInt8] = [1, 0, 0]
        try check(EGifPutExtensionLeader(file, APPLICATION_EXT_FUNC_CODE))
        try check(EGifPutExtensionBlock(file, Int32(identifier.count), identifier))
        try check(EGifPutExtensionBlock(file, Int32(loop.count), loop))
        try check(EGifPutExtensionTrailer(file))
    }

    /// The smallest rectangle holding every pixel that differs from the previous frame
    /// (the whole frame for the first one; a single pixel when nothing changed).
    private func changedBox(_ indices: [UInt8]) -> (x: Int, y: Int, width: Int, height: Int) {
        guard previous.count == indices.count else { return (0, 0, width, height) }
        var minX = width, minY = height, maxX = -1, maxY = -1
        indices.withUnsafeBufferPointer { current in
            previous.withUnsafeBufferPointer { before in
                for y in 0..<height {
                    let rowStart = y * width
                    var first = -1, last = -1
                    for x in 0..<width where current[rowStart + x] != before[rowStart + x] {
                        if first < 0 { first = x }
                        last = x
                    }
                    guard first >= 0 else { continue }
                    minX = Swift.min(minX, first); maxX = Swift.max(maxX, last)
                    minY = Swift.min(minY, y); maxY = y
                }
            }
        }
        guard maxX >= 0 else { return (0, 0, 1, 1) }
        return (minX, minY, maxX - minX + 1, maxY - minY + 1)
    }

    private func check(_ result: Int32) throws(PlotError) {
        guard result == GIF_OK else {
            let code = file?.pointee.Error ?? 0
            throw .cannotWrite(path: path, reason: Self.message(code))
        }
    }

    private static func message(_ code: Int32) -> String {
        if let text = GifErrorString(code) { return String(cString: text) }
        return "giflib error \(code)"
    }
}
