/// kls's number style: whole numbers below 1e16 in magnitude without a decimal point (`5`),
/// others as Swift's shortest round-trip description (`0.25`, `1e-05`), and `inf`, `-inf`, `nan`.
func formatNumber(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == x.rounded(), abs(x) < 1e16 {
        return x == 0 ? "0" : String(Int64(x))
    }
    return x.description
}

/// `x` with exactly `places` digits after the point (round half away from zero), e.g. 3.3219.
/// Used for table columns, where a fixed width reads better than the shortest form.
func formatFixed(_ x: Double, places: Int) -> String {
    if !x.isFinite { return formatNumber(x) }
    var scale: Double = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(x) * scale).rounded()
    guard scaled < 9e15 else { return formatNumber(x) }
    let whole = Int64(scaled)
    let unit = Int64(scale)
    let sign = x < 0 && whole != 0 ? "-" : ""
    var fraction = String(whole % unit)
    while fraction.count < places { fraction = "0" + fraction }
    return places == 0 ? sign + String(whole) : sign + String(whole / unit) + "." + fraction
}

/// `x` with at most `places` digits after the point, trailing zeros dropped: 6.38082 → 6.3808, 6 → 6.
func formatTrimmed(_ x: Double, places: Int) -> String {
    var text = formatFixed(x, places: places)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
