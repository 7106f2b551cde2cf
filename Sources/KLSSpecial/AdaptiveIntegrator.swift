import KLSBase

/// Globally adaptive bisection (QUADPACK's qag/qagi strategy without extrapolation): keep every
/// interval's Gauss–Kronrod estimate in a max-heap on its error, split the worst one, and stop
/// when the summed error meets the tolerance or the interval budget is spent.
struct AdaptiveIntegrator {
    /// How an integration variable t maps to x; infinite ranges use QUADPACK's qagi maps.
    enum Mapping {
        /// x = t.
        case identity
        /// x = base + (1 − t)/t for t in (0, 1], covering [base, ∞); dx/dt = −1/t².
        case toPlusInfinity(base: Double)
        /// x = base − (1 − t)/t for t in (0, 1], covering (−∞, base]; dx/dt = 1/t².
        case toMinusInfinity(base: Double)

        /// x(t) and |dx/dt| (the orientation is folded into the t-interval's direction).
        func point(_ t: Double) -> (x: Double, jacobian: Double) {
            switch self {
            case .identity: return (t, 1)
            case .toPlusInfinity(let base): return (base + (1 - t) / t, 1 / (t * t))
            case .toMinusInfinity(let base): return (base - (1 - t) / t, 1 / (t * t))
            }
        }
    }

    /// An interval [low, high] of t with its mapping and, once evaluated, its estimate.
    struct Piece {
        let mapping: Mapping
        let low: Double
        let high: Double
        var value = 0.0
        var error = 0.0
    }

    let relativeTolerance: Double
    let absoluteTolerance: Double
    let maximumIntervals: Int

    /// Integrates over the union of `pieces`. `evaluate` replaces each abscissa in its
    /// argument by the integrand's value there; it receives 21 points per interval, for one
    /// or several intervals at once.
    func integrate(_ initial: [Piece], evaluate: (inout [Double]) -> Void) -> QuadratureResult {
        var scratch: [Double] = []
        var evaluations = 0
        var heap = ErrorHeap()
        var frozen: [Piece] = []
        var running = (value: 0.0, error: 0.0)
        for piece in estimated(initial, evaluate, &scratch, &evaluations) {
            heap.push(piece)
            running.value += piece.value
            running.error += piece.error
        }
        while true {
            let tolerance = max(absoluteTolerance, relativeTolerance * abs(running.value))
            // Ctrl-C (`Cancellation`) ends it like running out of intervals; the caller reports it.
            let exhausted = heap.isEmpty || heap.count + frozen.count >= maximumIntervals || Cancellation.isRequested
            if running.error <= tolerance || exhausted || !running.value.isFinite || !running.error.isFinite {
                // Running sums drift; decide on freshly summed totals.
                let exact = totals(heap.elements, frozen)
                let exactTolerance = max(absoluteTolerance, relativeTolerance * abs(exact.value))
                let converged = exact.error <= exactTolerance && exact.value.isFinite
                if converged || exhausted || !exact.value.isFinite || !exact.error.isFinite {
                    return QuadratureResult(value: exact.value, errorEstimate: exact.error,
                                            evaluations: evaluations, converged: converged)
                }
                running = exact
            }
            guard let worst = heap.pop() else { continue }
            let middle = 0.5 * (worst.low + worst.high)
            let width = abs(worst.high - worst.low)
            if middle == worst.low || middle == worst.high || width <= 64 * abs(middle).ulp {
                frozen.append(worst)  // as fine as floating point allows
                continue
            }
            running.value -= worst.value
            running.error -= worst.error
            let halves = [
                Piece(mapping: worst.mapping, low: worst.low, high: middle),
                Piece(mapping: worst.mapping, low: middle, high: worst.high),
            ]
            for piece in estimated(halves, evaluate, &scratch, &evaluations) {
                heap.push(piece)
                running.value += piece.value
                running.error += piece.error
            }
        }
    }

    /// Evaluates the 21-point rule on each piece with one call of `evaluate`.
    private func estimated(
        _ pieces: [Piece], _ evaluate: (inout [Double]) -> Void,
        _ scratch: inout [Double], _ evaluations: inout Int
    ) -> [Piece] {
        let count = GaussKronrod21.pointCount
        scratch.removeAll(keepingCapacity: true)
        var jacobians: [Double] = []
        jacobians.reserveCapacity(pieces.count * count)
        for piece in pieces {
            let centre = 0.5 * (piece.low + piece.high)
            let half = 0.5 * (piece.high - piece.low)
            for offset in GaussKronrod21.offsets {
                let point = piece.mapping.point(centre + half * offset)
                scratch.append(point.x)
                jacobians.append(point.jacobian)
            }
        }
        evaluate(&scratch)
        evaluations += pieces.count * count
        if scratch.count == jacobians.count {
            for i in scratch.indices { scratch[i] *= jacobians[i] }
        } else {
            scratch = [Double](repeating: .nan, count: jacobians.count)  // a batch of the wrong size
        }
        return pieces.indices.map { p in
            var piece = pieces[p]
            let values = scratch[(p * count)..<((p + 1) * count)]
            let result = GaussKronrod21.estimate(values, halfWidth: 0.5 * (piece.high - piece.low))
            piece.value = result.value
            piece.error = result.error
            return piece
        }
    }

    /// The summed value (compensated) and error of all pieces.
    private func totals(_ active: [Piece], _ frozen: [Piece]) -> (value: Double, error: Double) {
        var sum = 0.0
        var compensation = 0.0
        var error = 0.0
        for piece in [active, frozen].joined() {
            let y = piece.value - compensation
            let t = sum + y
            compensation = (t - sum) - y
            sum = t
            error += piece.error
        }
        return (sum, error)
    }
}

/// A binary max-heap of pieces keyed by their error estimate.
struct ErrorHeap {
    private(set) var elements: [AdaptiveIntegrator.Piece] = []

    var count: Int { elements.count }
    var isEmpty: Bool { elements.isEmpty }

    mutating func push(_ piece: AdaptiveIntegrator.Piece) {
        elements.append(piece)
        var child = elements.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if !(elements[child].error > elements[parent].error) { break }
            elements.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> AdaptiveIntegrator.Piece? {
        guard let last = elements.popLast() else { return nil }
        guard !elements.isEmpty else { return last }
        let top = elements[0]
        elements[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var largest = parent
            if left < elements.count && elements[left].error > elements[largest].error { largest = left }
            if right < elements.count && elements[right].error > elements[largest].error { largest = right }
            if largest == parent { break }
            elements.swapAt(parent, largest)
            parent = largest
        }
        return top
    }
}
