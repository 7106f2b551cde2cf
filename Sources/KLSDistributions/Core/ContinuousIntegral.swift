import KLSNumerics

/// ∫ f(x) dx over an interval for an integrand written once with differentiable `Var`
/// operations: an adaptive Gauss–Kronrod pass (on parameter-free copies of the
/// distributions) chooses the nodes, then Σᵢ wᵢ f(xᵢ) is evaluated with `Var` operations, so
/// gradients reach every parameter. Segment ends at landmarks are the landmarks' own `Var`s
/// (nodes on a finite segment are l + (r − l)·u), so the nodes move with the parameters
/// that place them (a uniform's ends, a component's mean) and boundary terms are included.
enum ContinuousIntegral {
    /// Relative tolerance of the adaptive pass (results are meant to be good to 1e-8).
    static let relativeTolerance = 1e-11
    /// Absolute tolerance of the adaptive pass.
    static let absoluteTolerance = 1e-15

    /// One piece of the range and how [0, 1] maps onto it.
    private enum Segment {
        /// [l, r] with x = l + (r − l)v.
        case finite(Var, Var)
        /// [l, ∞) with x = l + s·v/(1 − v).
        case upper(Var, Double)
        /// (−∞, r] with x = r − s·v/(1 − v).
        case lower(Var, Double)

        /// x(v) and dx/dv.
        func map(_ v: Double) -> (x: Double, jacobian: Double) {
            switch self {
            case let .finite(l, r):
                let a = Scalar(l).value, b = Scalar(r).value
                return (Segment.inside(a + (b - a) * v, a, b), b - a)
            case let .upper(l, s):
                return (Scalar(l).value + s * v / (1 - v), s / ((1 - v) * (1 - v)))
            case let .lower(r, s):
                return (Scalar(r).value - s * v / (1 - v), s / ((1 - v) * (1 - v)))
            }
        }

        /// x moved strictly inside (a, b): a node within rounding of an end lands on it, where a
        /// density with an integrable singularity (Beta(½, ½) at 0 and 1) is infinite, which
        /// made the whole integral inf. The node then stands for the last representable point.
        static func inside(_ x: Double, _ a: Double, _ b: Double) -> Double {
            guard a < b else { return x }
            if x <= a { return Swift.min(a.nextUp, 0.5 * (a + b)) }
            if x >= b { return Swift.max(b.nextDown, 0.5 * (a + b)) }
            return x
        }

        /// The nodes x(v) and weights w·dx/dv as `Var`s (depending on the segment's ends).
        func nodes(_ v: [Double], _ w: [Double]) throws -> (x: Var, w: Var) {
            switch self {
            case let .finite(l, r):
                let width = (Scalar(r) - Scalar(l)).variable
                let raw = try l + width * .constant(Tensor(vector: v))
                // Moved inside (l, r) as `map` does, by a constant shift (gradients unchanged).
                let a = Scalar(l).value, b = Scalar(r).value
                let shift = raw.value.data.map { Segment.inside($0, a, b) - $0 }
                let x = shift.allSatisfy { $0 == 0 } ? raw : try raw + .constant(Tensor(vector: shift))
                return (x, try width * .constant(Tensor(vector: w)))
            case .upper(let end, _), .lower(let end, _):
                let mapped = v.map { map($0) }
                let offsets = mapped.map { $0.x - Scalar(end).value }
                let weights = zip(mapped, w).map { $0.jacobian * $1 }
                return (try end + .constant(Tensor(vector: offsets)), .constant(Tensor(vector: weights)))
            }
        }
    }

    /// ∫ integrand over [lower, upper], split at the landmarks inside it. `scale` sets the
    /// width of the map of an infinite end (e.g. a standard deviation). `integrand(x, detached)`
    /// evaluates f at the nodes x; with `detached` true it must not record on any tape
    /// (use the distributions' `detached` copies). Returns ±inf when f is infinite at a node.
    ///
    /// When the integrand is |g| for some smooth g (a kink where g changes sign), `kink`
    /// evaluates g (detached): the points where it changes sign between the nodes of a first
    /// pass are located by bisection and added as break points, so that the integral and its
    /// gradient (whose integrand jumps there) keep full accuracy.
    static func integrate(lower: Double, upper: Double, landmarks: [Var], scale: Double,
                          kink: ((Var) throws -> Var)? = nil,
                          integrand: (Var, Bool) throws -> Var) throws -> Var {
        guard lower < upper else { return Var(0) }
        let width = scale.isFinite && scale > 0 ? scale : 1
        var segments = split(lower: lower, upper: upper, landmarks: landmarks, scale: width)
        var outcome = try plan(segments, integrand)
        if let kink, case let .intervals(pieces) = outcome {
            let roots = try signChanges(of: kink, at: nodeValues(segments, pieces))
            if !roots.isEmpty {
                segments = split(lower: lower, upper: upper, landmarks: landmarks + roots.map { Var($0) }, scale: width)
                outcome = try plan(segments, integrand)
            }
        }
        switch outcome {
        case let .infinite(value):
            return Var(value)
        case let .intervals(pieces):
            var xs: [Var] = [], ws: [Var] = []
            for (segment, intervals) in zip(segments, pieces) where !intervals.isEmpty {
                var v: [Double] = [], w: [Double] = []
                for (a, b) in intervals {
                    let rule = KronrodNodes.rule(a, b)
                    v += rule.nodes
                    w += rule.weights
                }
                let (x, weight) = try segment.nodes(v, w)
                xs.append(x)
                ws.append(weight)
            }
            let f = try integrand(Var.concat(xs), false)
            return try Var.dot(Var.concat(ws), f)
        }
    }

    /// The adaptive pass over all segments (detached evaluations of f times dx/dv).
    private static func plan(_ segments: [Segment], _ integrand: (Var, Bool) throws -> Var) throws -> KronrodNodes.Outcome {
        try KronrodNodes.select(segments: segments.count, relTol: relativeTolerance, absTol: absoluteTolerance,
                                resolvable: { s, a, b in
            let (xa, xb) = (segments[s].map(a).x, segments[s].map(b).x)
            return Swift.abs(xb - xa) > 64 * Swift.max(Swift.abs(xa), Swift.abs(xb)).ulp
        }) { s, vs in
            let mapped = vs.map { segments[s].map($0) }
            let f = try integrand(.constant(Tensor(vector: mapped.map(\.x))), true).value.data
            return zip(f, mapped).map { $0 == 0 ? 0 : $0 * $1.jacobian }
        }
    }

    /// All nodes of the chosen intervals, in increasing order of x.
    private static func nodeValues(_ segments: [Segment], _ pieces: [[(Double, Double)]]) -> [Double] {
        var xs: [Double] = []
        for (segment, intervals) in zip(segments, pieces) {
            for (a, b) in intervals { xs += KronrodNodes.rule(a, b).nodes.map { segment.map($0).x } }
        }
        return xs.filter(\.isFinite).sorted()
    }

    /// The points between consecutive `xs` where g changes sign, refined by bisection.
    private static func signChanges(of g: (Var) throws -> Var, at xs: [Double]) throws -> [Double] {
        guard xs.count > 1 else { return [] }
        let values = try g(.constant(Tensor(vector: xs))).value.data
        var roots: [Double] = []
        for i in 1..<xs.count where values[i - 1] * values[i] < 0 {
            var (a, b, fa) = (xs[i - 1], xs[i], values[i - 1])
            for _ in 0..<80 {
                let mid = 0.5 * (a + b)
                guard mid > a, mid < b, let fm = try g(Var(mid)).scalar else { break }
                if fm == 0 { (a, b) = (mid, mid); break }
                if (fm < 0) == (fa < 0) { (a, fa) = (mid, fm) } else { b = mid }
            }
            roots.append(0.5 * (a + b))
        }
        return roots
    }

    /// The segments between consecutive boundaries: the range's ends and the finite landmarks
    /// inside it (a landmark equal to an end replaces it, so the end moves with it).
    private static func split(lower: Double, upper: Double, landmarks: [Var], scale: Double) -> [Segment] {
        var points: [(value: Double, v: Var)] = []
        for l in landmarks {
            let x = Scalar(l).value
            guard x.isFinite, x >= lower, x <= upper else { continue }
            if let i = points.firstIndex(where: { $0.value == x }) {
                if !points[i].v.isTracked && l.isTracked { points[i] = (x, l) }
            } else {
                points.append((x, l))
            }
        }
        points.sort { $0.value < $1.value }
        if lower.isFinite, points.first?.value != lower { points.insert((lower, Var(lower)), at: 0) }
        if upper.isFinite, points.last?.value != upper { points.append((upper, Var(upper))) }
        if points.isEmpty { points = [(0, Var(0))] }
        var segments: [Segment] = []
        if !lower.isFinite, let first = points.first { segments.append(.lower(first.v, scale)) }
        for (a, b) in zip(points, points.dropFirst()) { segments.append(.finite(a.v, b.v)) }
        if !upper.isFinite, let last = points.last { segments.append(.upper(last.v, scale)) }
        return segments
    }
}
