/// An opaque sRGB colour with 8-bit channels.
struct RGB: Equatable, Hashable {
    let red: UInt8
    let green: UInt8
    let blue: UInt8

    /// The colour from a 0xRRGGBB literal.
    init(hex: UInt32) {
        red = UInt8(truncatingIfNeeded: hex >> 16)
        green = UInt8(truncatingIfNeeded: hex >> 8)
        blue = UInt8(truncatingIfNeeded: hex)
    }

    init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// "#rrggbb", as SVG writes it.
    var hexString: String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for channel in [red, green, blue] {
            text.append(digits[Int(channel >> 4)])
            text.append(digits[Int(channel & 0xF)])
        }
        return text
    }

    /// This colour painted with opacity `alpha` (0…1) over `background`, rounded per channel.
    func blended(over background: RGB, alpha: Double) -> RGB {
        func mix(_ top: UInt8, _ bottom: UInt8) -> UInt8 {
            let value = alpha * Double(top) + (1 - alpha) * Double(bottom)
            return UInt8(Swift.min(Swift.max(value.rounded(), 0), 255))
        }
        return RGB(red: mix(red, background.red), green: mix(green, background.green), blue: mix(blue, background.blue))
    }

    static let white = RGB(hex: 0xFFFFFF)
    static let black = RGB(hex: 0x000000)
}
