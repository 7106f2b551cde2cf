import CKernels

/// Vector loops over contiguous storage that run in every step of a fit, done by CKernels
/// (compiled for AVX2 and for the baseline; the CPU's clone is chosen at load time, and both
/// give bit-identical results).
public enum VectorKernels {
    /// Σ aᵢbᵢ over the common length of a and b.
    public static func dot(_ a: [Double], _ b: [Double]) -> Double {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                let n = Swift.min(pa.count, pb.count)
                guard n > 0, let x = pa.baseAddress, let y = pb.baseAddress else { return 0 }
                return kls_dot(x, y, n)
            }
        }
    }

    /// Σ xᵢ in the kernels' lane order: the one summation order of `sum`, `mean` and every
    /// loss reduction (0 for an empty vector; nan and ±inf propagate as IEEE addition does).
    public static func sum(_ x: [Double]) -> Double {
        x.withUnsafeBufferPointer(sum)
    }

    /// Σ xᵢ over part of an array (a row), in the same order.
    public static func sum(_ x: ArraySlice<Double>) -> Double {
        x.withUnsafeBufferPointer(sum)
    }

    private static func sum(_ x: UnsafeBufferPointer<Double>) -> Double {
        guard let p = x.baseAddress, x.count > 0 else { return 0 }
        return kls_sum(p, x.count)
    }

    /// `kl_div`'s pointwise terms eᵢ − tᵢ·xᵢ for input x (log q), target t and eᵢ = xlogy(tᵢ, tᵢ),
    /// written into `out` over the common length of the four; true when some xᵢ > 0 (an input
    /// that is not log-probabilities).
    public static func klDivTerms(into out: inout [Double], input x: [Double], target t: [Double],
                                  entropy e: [Double]) -> Bool {
        let n = Swift.min(out.count, x.count, t.count, e.count)
        return out.withUnsafeMutableBufferPointer { po in
            x.withUnsafeBufferPointer { px in
                t.withUnsafeBufferPointer { pt in
                    e.withUnsafeBufferPointer { pe in
                        guard n > 0, let o = po.baseAddress, let a = px.baseAddress, let b = pt.baseAddress,
                              let c = pe.baseAddress else { return false }
                        return kls_kl_div_terms(o, a, b, c, n) != 0
                    }
                }
            }
        }
    }

    /// c·xᵢ elementwise.
    public static func scaled(_ x: [Double], by c: Double) -> [Double] {
        [Double](unsafeUninitializedCapacity: x.count) { out, initialized in
            x.withUnsafeBufferPointer { px in
                if let source = px.baseAddress, let target = out.baseAddress { kls_scale(target, source, px.count, c) }
            }
            initialized = x.count
        }
    }
}
