import Testing
import KLSNumerics
@testable import KLSInformation

/// Further figures from SciPy 1.17 / NumPy (float64), P2 = [0.1, 0.2, 0.3, 0.4], Q2 uniform.
@Suite struct MeasureScipyTests {
    let p2 = vector([0.1, 0.2, 0.3, 0.4])
    let q2 = vector([0.25, 0.25, 0.25, 0.25])
    let p = vector([0.5, 0.25, 0.25])
    let q = vector([0.25, 0.5, 0.25])

    func value(_ v: Var) throws -> Double { try #require(v.scalar) }

    @Test func entropyInEveryBase() throws {
        // scipy.stats.entropy(P2), with base=2, 10, 3
        #expect(near(try value(Information.entropy(p2)), 1.2798542258336676))
        #expect(near(try value(Information.entropy(p2, base: 2)), 1.8464393446710157))
        #expect(near(try value(Information.entropy(p2, base: 10)), 0.55583362792012))
        #expect(near(try value(Information.entropy(p2, base: 3)), 1.1649735207179273))
        // base e given explicitly is nats
        #expect(near(try value(Information.entropy(p2, base: 2.718281828459045)), 1.2798542258336676))
    }

    @Test func crossEntropyAndKL() throws {
        // -numpy.sum(scipy.special.xlogy(P2, Q2)) (/ log 2)
        #expect(near(try value(Information.crossEntropy(p2, q2)), 1.3862943611198904))
        #expect(near(try value(Information.crossEntropy(p2, q2, base: 2)), 2))
        // scipy.stats.entropy(P2, Q2), entropy(Q2, P2), entropy(P2, Q2, base=2)
        #expect(near(try value(Information.kl(p2, q2)), 0.10644013528622315))
        #expect(near(try value(Information.kl(q2, p2)), 0.12177727428716865))
        #expect(near(try value(Information.kl(p2, q2, base: 2)), 0.1535606553289845))
    }

    @Test func jensenShannon() throws {
        // scipy.spatial.distance.jensenshannon(P2, Q2)**2, and with base=2
        #expect(near(try value(Information.js(p2, q2)), 0.02786561345727673))
        #expect(near(try value(Information.js(p2, q2, base: 2)), 0.0402015823461419))
        #expect(near(try value(Information.js(p, q, base: 2)), 0.061278124459132846))
        // symmetric
        #expect(try value(Information.js(p2, q2)) == (try value(Information.js(q2, p2))))
        // disjoint supports: log 2 nats, 1 bit
        let a = vector([1, 0, 0]), b = vector([0, 0, 1])
        #expect(near(try value(Information.js(a, b)), 0.6931471805599452))
        #expect(near(try value(Information.js(a, b, base: 2)), 1))
        // with a zero in P: jensenshannon([0.5, 0.5, 0], [0.25, 0.25, 0.5])**2
        #expect(near(try value(Information.js(vector([0.5, 0.5, 0]), vector([0.25, 0.25, 0.5]))), 0.21576155433883568))
    }

    @Test func distances() throws {
        // numpy: sum((P2-Q2)**2/Q2); scipy.stats.wasserstein_distance(range(4), range(4), P2, Q2);
        // sqrt(0.5*sum((sqrt(P2)-sqrt(Q2))**2)); 0.5*sum(abs(P2-Q2))
        #expect(near(try value(Information.chi2(p2, q2)), 0.2))
        #expect(near(try value(Information.w1(p2, q2)), 0.4999999999999999))
        #expect(near(try value(Information.hellinger(p2, q2)), 0.16789959640267477))
        #expect(near(try value(Information.totalVariation(p2, q2)), 0.2))
        #expect(near(try value(Information.w1(p, q)), 0.25))
        #expect(near(try value(Information.hellinger(p, q)), 0.20710678118654757))
        #expect(near(try value(Information.totalVariation(p, q)), 0.25))
        let a = vector([1, 0, 0]), b = vector([0, 0, 1])
        #expect(near(try value(Information.w1(a, b)), 2))
        #expect(near(try value(Information.hellinger(a, b)), 1))
        #expect(near(try value(Information.totalVariation(a, b)), 1))
        #expect(try value(Information.hellinger(p2, p2)) == 0)
    }

    @Test func chi2Conventions() throws {
        // numpy: p = q = 0 terms are 0; sum((P-Q)**2/Q) for P = [0.5, 0.5, 0], Q = [0.25, 0.25, 0.5] is 1
        #expect(near(try value(Information.chi2(vector([0.5, 0.5, 0]), vector([0.25, 0.25, 0.5]))), 1))
        #expect(try value(Information.chi2(vector([0.5, 0.5, 0]), vector([0.5, 0.5, 0]))) == 0)
        #expect(try value(Information.chi2(vector([0.5, 0.5, 0]), vector([1, 0, 0]))) == .infinity)
    }

    @Test func zeroProbabilities() throws {
        // scipy.stats.entropy([0.5, 0.5, 0]) = log 2; wasserstein_distance(..., [0.5,0.5,0], [0.25,0.25,0.5]) = 0.75
        let pz = vector([0.5, 0.5, 0]), qz = vector([0.25, 0.25, 0.5])
        #expect(near(try value(Information.entropy(pz)), 0.6931471805599453))
        #expect(near(try value(Information.w1(pz, qz)), 0.75))
        #expect(try value(Information.crossEntropy(vector([0.5, 0.5, 0]), vector([0.5, 0, 0.5]))) == .infinity)
        #expect(try value(Information.entropy(vector([1, 0, 0]))) == 0)
    }

    @Test func matricesAreRowsOfDistributions() throws {
        let pm = matrix([[0.5, 0.25, 0.25], [0.1, 0.6, 0.3]])
        let qm = matrix([[0.25, 0.5, 0.25], [0.2, 0.2, 0.6]])
        // scipy.stats.entropy(PM, axis=1), entropy(PM, QM, axis=1), jensenshannon(PM, QM, axis=1)**2
        let h = try Information.entropy(pm)
        #expect(h.value.shape == [2])
        #expect(near(h.value.data, [1.0397207708399179, 0.8979457248567798]))
        #expect(near(try Information.kl(pm, qm).value.data, [0.17328679513998632, 0.38190850097688755]))
        #expect(near(try Information.js(pm, qm).value.data, [0.042474759198849354, 0.08630462173553426]))
        // -sum(xlogy(PM, QM), axis=1)/log 2; numpy chi2 rows; wasserstein_distance per row
        #expect(near(try Information.crossEntropy(pm, qm, base: 2).value.data, [1.75, 1.8464393446710154]))
        #expect(near(try Information.chi2(pm, qm).value.data, [0.375, 0.9999999999999999]))
        #expect(near(try Information.w1(pm, qm).value.data, [0.25, 0.3999999999999999]))
        #expect(try Information.hellinger(pm, qm).value.shape == [2])
        #expect(try Information.totalVariation(pm, qm).value.shape == [2])
    }

    @Test func mutualInformation() throws {
        // numpy: sum(rel_entr(J, outer(J.sum(1), J.sum(0)))) for a 3×2 joint, and /log 2
        let joint = matrix([[0.1, 0.2], [0.05, 0.15], [0.3, 0.2]])
        #expect(near(try value(Information.mutualInformation(joint)), 0.048211700796754645))
        #expect(near(try value(Information.mutualInformation(joint, base: 2)), 0.06955478165230042))
        // perfectly dependent bits: log 2; independent: exactly 0
        #expect(near(try value(Information.mutualInformation(matrix([[0.5, 0], [0, 0.5]]))), 0.6931471805599453))
        let independent = matrix([[0.12, 0.18], [0.28, 0.42]])
        #expect(Swift.abs(try value(Information.mutualInformation(independent))) < 1e-15)
    }

    @Test func selfInformationElementwise() throws {
        // -numpy.log(0.3); -numpy.log10(0.001); -numpy.log2([0.5, 0.25, 1])
        #expect(near(try value(Information.information(scalar(0.3))), 1.2039728043259361))
        #expect(near(try value(Information.information(scalar(0.001), base: 10)), 3))
        let bits = try Information.information(vector([0.5, 0.25, 1]), base: 2)
        #expect(bits.value.shape == [3])
        #expect(near(bits.value.data, [1, 2, 0]))
        #expect(try value(Information.information(scalar(0))) == .infinity)
    }

    @Test func identities() throws {
        // H(P, Q) = H(P) + KL(P ‖ Q) and KL ≥ 0 on a few distributions
        let ps = [[0.1, 0.2, 0.7], [0.3, 0.3, 0.4], [0.05, 0.9, 0.05]]
        for a in ps {
            for b in ps {
                let ce = try value(Information.crossEntropy(vector(a), vector(b), base: 2))
                let h = try value(Information.entropy(vector(a), base: 2))
                let kl = try value(Information.kl(vector(a), vector(b), base: 2))
                #expect(near(ce, h + kl, 1e-14))
                #expect(kl >= 0)
            }
        }
    }
}
