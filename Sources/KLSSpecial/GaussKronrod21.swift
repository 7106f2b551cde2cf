#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The 21-point Gauss–Kronrod rule with its embedded 10-point Gauss rule (QUADPACK's qk21;
/// nodes and weights from Piessens et al., 1983, to 33 digits).
public enum GaussKronrod21 {
    /// Kronrod nodes on [−1, 1] for one half (the rule is symmetric), outermost first, 0 last;
    /// the odd-numbered ones (index 1, 3, …, 9) are also the Gauss nodes.
    public static let nodes: [Double] = [
        0.995657163025808080735527280689003, 0.973906528517171720077964012084452,
        0.930157491355708226001207180059508, 0.865063366688984510732096688423493,
        0.780817726586416897063717578345042, 0.679409568299024406234327365114874,
        0.562757134668604683339000099272694, 0.433395394129247190799265943165784,
        0.294392862701460198131126603103866, 0.148874338981631210884826001129720,
        0,
    ]
    /// Kronrod weights matching `nodes`.
    public static let kronrodWeights: [Double] = [
        0.011694638867371874278064396062192, 0.032558162307964727478818972459390,
        0.054755896574351996031381300244580, 0.075039674810919952767043140916190,
        0.093125454583697605535065465083366, 0.109387158802297641899210590325805,
        0.123491976262065851077958109831074, 0.134709217311473325928054001771707,
        0.142775938577060080797094273138717, 0.147739104901338491374841515972068,
        0.149445554002916905664936468389821,
    ]
    /// Gauss weights for nodes[1], nodes[3], …, nodes[9].
    public static let gaussWeights: [Double] = [
        0.066671344308688137593568809893332, 0.149451349150580593145776339657697,
        0.219086362515982043995534934228163, 0.269266719309996355091226921569469,
        0.295524224714752870173892994651338,
    ]
    /// Points per interval.
    static let pointCount = 21

    /// Offsets of the 21 points from the centre in units of the half-width, in the order
    /// the values are expected: −ξ₀, +ξ₀, −ξ₁, +ξ₁, …, −ξ₉, +ξ₉, 0.
    static let offsets: [Double] = (0..<10).flatMap { [-nodes[$0], nodes[$0]] } + [0]

    /// The Kronrod estimate and QUADPACK's error estimate from the 21 integrand values
    /// (already multiplied by the Jacobian of any change of variables), in `offsets` order,
    /// on an interval of half-width `halfWidth`.
    static func estimate(_ values: ArraySlice<Double>, halfWidth: Double) -> (value: Double, error: Double) {
        var i = values.startIndex
        var kronrod = 0.0
        var gauss = 0.0
        var absolute = 0.0
        for j in 0..<10 {
            let pair = values[i] + values[i + 1]
            kronrod += kronrodWeights[j] * pair
            absolute += kronrodWeights[j] * (abs(values[i]) + abs(values[i + 1]))
            if j % 2 == 1 { gauss += gaussWeights[j / 2] * pair }
            i += 2
        }
        let centre = values[i]
        kronrod += kronrodWeights[10] * centre
        absolute += kronrodWeights[10] * abs(centre)
        let mean = 0.5 * kronrod
        var deviation = kronrodWeights[10] * abs(centre - mean)
        i = values.startIndex
        for j in 0..<10 {
            deviation += kronrodWeights[j] * (abs(values[i] - mean) + abs(values[i + 1] - mean))
            i += 2
        }
        let h = abs(halfWidth)
        var error = abs((kronrod - gauss) * h)
        let scaledDeviation = deviation * h
        if scaledDeviation != 0 && error != 0 {
            error = scaledDeviation * min(1, pow(200 * error / scaledDeviation, 1.5))
        }
        let roundoff = 50 * Double.ulpOfOne * absolute * h
        if roundoff > Double.leastNormalMagnitude { error = max(error, roundoff) }
        return (kronrod * halfWidth, error)
    }
}
