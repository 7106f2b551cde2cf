/// One elementwise optimiser: its hyper-parameters and the state it keeps between steps.
protocol UpdateRule: AnyObject {
    /// Applies step number `step` (1 on the first call) to `params` in place, given the
    /// gradient of the loss at `params`. Both buffers have the rule's parameter count.
    func apply(params: UnsafeMutableBufferPointer<Double>, grad: UnsafeBufferPointer<Double>, step: Int)
}

/// A fixed-size block of doubles owned by one optimiser state: allocated once when the
/// state is created, freed with it, so steps allocate nothing.
final class StateVector {
    /// The storage, `count` elements, initialised to the constructor's value.
    let values: UnsafeMutableBufferPointer<Double>

    init(count: Int, value: Double = 0) {
        values = .allocate(capacity: max(count, 0))
        values.initialize(repeating: value)
    }

    deinit {
        values.deallocate()
    }
}

// The elementwise kernels torch's single-tensor optimisers call, with the rounding of
// its CPU kernels: `add` with alpha, `addcmul` and `lerp` are fused multiply-adds there
// (ATen/native/ufunc/add.h `vec::fmadd`, cpu/PointwiseOpsKernel.cpp, ATen/native/Lerp.h,
// compiled with FMA contraction), `addcdiv` is not. Checked bit for bit against torch
// 2.15 float64 on x86-64 (see Tests/KLSOptimTests/Reference/gen_torch.py).

/// `self.add(other, alpha=alpha)`: self + alpha·other, rounded once.
@inline(__always)
func torchAdd(_ base: Double, _ other: Double, alpha: Double) -> Double {
    base.addingProduct(alpha, other)
}

/// `self.addcmul(t1, t2, value=value)`: self + (value·t1)·t2, the last two rounded once.
@inline(__always)
func torchAddcmul(_ base: Double, _ t1: Double, _ t2: Double, value: Double) -> Double {
    base.addingProduct(value * t1, t2)
}

/// `self.addcdiv(t1, t2, value=value)`: self + (value·t1)/t2, each operation rounded.
@inline(__always)
func torchAddcdiv(_ base: Double, _ t1: Double, _ t2: Double, value: Double) -> Double {
    base + value * t1 / t2
}

/// `start.lerp(end, weight)`: start + w·(end − start) for |w| < 0.5, else
/// end + (w − 1)·(end − start), each a fused multiply-add (ATen/native/Lerp.h).
@inline(__always)
func torchLerp(_ start: Double, _ end: Double, weight: Double) -> Double {
    let difference = end - start
    return abs(weight) < 0.5
        ? start.addingProduct(weight, difference)
        : end.addingProduct(weight - 1, difference)
}

/// `torch.maximum(a, b)`: the larger value, NaN if either is NaN.
@inline(__always)
func torchMaximum(_ a: Double, _ b: Double) -> Double {
    if a.isNaN || b.isNaN { return .nan }
    return a > b ? a : b
}
