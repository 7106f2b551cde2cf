import Testing
import KLSNumerics
@testable import KLSInformation

/// The figures of /work/shared/acceptance/info_discrete.kls (oracle: scipy.stats.entropy,
/// scipy.special.rel_entr/xlogy, scipy.spatial.distance.jensenshannon squared, numpy sums).
@Suite struct MeasureAcceptanceTests {
    let p = vector([0.5, 0.25, 0.25])
    let q = vector([0.25, 0.5, 0.25])

    func value(_ v: Var) throws -> Double { try #require(v.scalar) }

    @Test func seedCodeLengthsInBits() throws {
        #expect(near(try value(Information.entropy(p, base: 2)), 1.5))
        #expect(near(try value(Information.crossEntropy(p, q, base: 2)), 1.75))
        #expect(near(try value(Information.kl(p, q, base: 2)), 0.25))
    }

    @Test func unitsNatsAndDits() throws {
        #expect(near(try value(Information.kl(p, q)), 0.17328679513998632))
        #expect(near(try value(Information.kl(p, q, base: 10)), 0.07525749891599529))
        #expect(near(try value(Information.entropy(p)), 1.0397207708399179))
        #expect(near(try value(Information.entropy(p, base: 10)), 0.4515449934959717))
        #expect(near(try value(Information.crossEntropy(p, q)), 1.2130075659799042))
    }

    @Test func coinAsymmetry() throws {
        #expect(near(try value(Information.kl(vector([0.5, 0.5]), vector([0.1, 0.9]))), 0.5108256237659906))
        #expect(near(try value(Information.kl(vector([0.1, 0.9]), vector([0.5, 0.5]))), 0.3680642071684971))
    }

    @Test func zeroCases() throws {
        #expect(try value(Information.kl(p, p)) == 0)
        #expect(near(try value(Information.kl(vector([0.5, 0.5, 0]), vector([0.25, 0.25, 0.5]))), 0.6931471805599453))
        #expect(try value(Information.kl(vector([0.5, 0.5, 0]), vector([0.5, 0, 0.5]))) == .infinity)
    }

    @Test func jsChi2InfoMI() throws {
        #expect(near(try value(Information.js(p, q)), 0.042474759198849354))
        #expect(near(try value(Information.chi2(p, q)), 0.375))
        #expect(near(try value(Information.information(scalar(0.25))), 1.3862943611198906, 1e-15))
        #expect(near(try value(Information.information(scalar(0.125), base: 2)), 3, 1e-15))
        let joint = matrix([[0.3, 0.2], [0.1, 0.4]])
        #expect(near(try value(Information.mutualInformation(joint)), 0.08630462173553421))
        #expect(near(try value(Information.mutualInformation(joint, base: 2)), 0.12451124978365306))
    }
}
