import Foundation
import Testing
import KLSNumerics
@testable import KLSDistributions

/// One family member with reference values at a few points.
struct FamilyCase: CustomStringConvertible, Sendable {
    let name: String
    let make: @Sendable () throws -> any Distribution
    let xs: [Double]
    let pdf: [Double], logpdf: [Double], cdf: [Double], sf: [Double]
    let mean: Double, variance: Double, entropy: Double
    /// Tolerance for cdf, sf and entropy (special functions: incomplete gamma/beta, digamma).
    var specialTolerance = 1e-12
    var description: String { name }
}

/// Figures printed by Reference/gen_families.py (scipy.stats frozen distributions:
/// `.pdf/.logpdf/.cdf/.sf(xs)`, `.mean()`, `.var()`, `.entropy()`).
let familyCases: [FamilyCase] = [
    // st.norm(0.3, 1.7)
    FamilyCase(name: "Normal(0.3, 1.7)", make: { try Normal(mu: Var(0.3), sigma: Var(1.7)) },
               xs: [-4.0, -0.2, 0.3, 2.5, 7.0],
               pdf: [0.009575680059151253, 0.22473813940318252, 0.2346719296479016, 0.10157711386142985, 9.943536027123735e-05],
               logpdf: [-4.648528721983105, -1.4928193794225524, -1.449566784266843, -2.2869370264813758, -9.216002770426014],
               cdf: [0.005712694892214226, 0.38433400328040435, 0.5, 0.9021876065653667, 0.9999594585278792],
               sf: [0.9942873051077857, 0.6156659967195957, 0.5, 0.09781239343463327, 4.054147212086966e-05],
               mean: 0.3, variance: 2.8899999999999997, entropy: 1.949566784266843),
    // st.uniform(-2, 2.5)
    FamilyCase(name: "Uniform(-2, 0.5)", make: { try Uniform(a: Var(-2), b: Var(0.5)) },
               xs: [-3.0, -2.0, -1.1, 0.5, 0.7],
               pdf: [0.0, 0.4, 0.4, 0.4, 0.0],
               logpdf: [-.infinity, -0.9162907318741551, -0.9162907318741551, -0.9162907318741551, -.infinity],
               cdf: [0.0, 0.0, 0.36, 1.0, 1.0], sf: [1.0, 1.0, 0.64, 0.0, 0.0],
               mean: -0.75, variance: 0.5208333333333333, entropy: 0.9162907318741551),
    // st.expon(scale=1/0.7)
    FamilyCase(name: "Exponential(0.7)", make: { try Exponential(rate: Var(0.7)) },
               xs: [-1.0, 0.0, 0.4, 3.0, 25.0],
               pdf: [0.0, 0.7, 0.5290486190190078, 0.08571949977708733, 1.757699409020787e-08],
               logpdf: [-.infinity, -0.3566749439387324, -0.6366749439387325, -2.4566749439387325, -17.85667494393873],
               cdf: [0.0, 0.0, 0.24421625854427453, 0.8775435717470181, 0.9999999748900085],
               sf: [1.0, 1.0, 0.7557837414557255, 0.1224564282529819, 2.510999155743982e-08],
               mean: 1.4285714285714286, variance: 2.0408163265306123, entropy: 1.3566749439387324),
    // st.laplace(-1, 0.6)
    FamilyCase(name: "Laplace(-1, 0.6)", make: { try Laplace(loc: Var(-1), scale: Var(0.6)) },
               xs: [-5.0, -1.3, -1.0, 0.2, 4.0],
               pdf: [0.0010605281677831732, 0.5054422164271944, 0.8333333333333334, 0.11277940269717726, 0.00020030789701626174],
               logpdf: [-6.848988223460622, -0.6823215567939547, -0.18232155679395456, -2.182321556793955, -8.515654890127289],
               cdf: [0.0006363169006699039, 0.30326532985631666, 0.5, 0.9323323583816936, 0.9998798152617903],
               sf: [0.9993636830993301, 0.6967346701436834, 0.5, 0.06766764161830635, 0.00012018473820975704],
               mean: -1.0, variance: 0.72, entropy: 1.1823215567939547),
    // st.gamma(0.6, scale=1/2.2)
    FamilyCase(name: "Gamma(0.6, 2.2)", make: { try Gamma(shape: Var(0.6), rate: Var(2.2)) },
               xs: [-0.5, 0.001, 0.2, 1.1, 9.0],
               pdf: [0.0, 17.04305296118915, 1.3212995014536961, 0.09224718478412641, 1.1266138760602628e-09],
               logpdf: [-.infinity, 2.835742669742182, 0.2786157231229671, -2.3832835137724033, -20.604049272785165],
               cdf: [0.0, 0.028444178333451496, 0.5848143564119422, 0.9628011052751478, 0.9999999994975928],
               sf: [1.0, 0.9715558216665485, 0.41518564358805776, 0.037198894724852154, 5.024071906569122e-10],
               mean: 0.2727272727272727, variance: 0.12396694214876032, entropy: -0.40647118785231146,
               specialTolerance: 1e-10),
    // st.gamma(7.5, scale=1/0.4)
    FamilyCase(name: "Gamma(7.5, 0.4)", make: { try Gamma(shape: Var(7.5), rate: Var(0.4)) },
               xs: [0.5, 10.0, 18.75, 40.0, 90.0],
               pdf: [5.009140970853671e-09, 0.03207297122825679, 0.057625774632562646, 0.001614341292266254, 6.475779984596337e-10],
               logpdf: [-19.11200139945454, -3.4397416213536003, -2.853785335108168, -6.428828274074312, -21.157781868668174],
               cdf: [3.419688345262265e-10, 0.07621729668453238, 0.5485827887742752, 0.9935618522223991, 0.9999999980379228],
               sf: [0.9999999996580312, 0.9237827033154676, 0.4514172112257256, 0.006438147777600835, 1.9620772115461103e-09],
               mean: 18.75, variance: 46.875, entropy: 3.2967313210333264, specialTolerance: 1e-10),
    // st.beta(0.7, 1.8)
    FamilyCase(name: "Beta(0.7, 1.8)", make: { try Beta(a: Var(0.7), b: Var(1.8)) },
               xs: [-0.1, 1e-4, 0.25, 0.6, 0.999],
               pdf: [0.0, 17.42527266507662, 1.3239797293382995, 0.6157677587740017, 0.004378694859723005],
               logpdf: [-.infinity, 2.8579216044482125, 0.2806421472301671, -0.48488540151390225, -5.431004576230009],
               cdf: [0.0, 0.0024894418219774594, 0.5453629088524427, 0.8712284220776019, 0.9999975676525529],
               sf: [1.0, 0.9975105581780226, 0.45463709114755724, 0.12877157792239807, 2.432347447206304e-06],
               mean: 0.27999999999999997, variance: 0.0576, entropy: -0.3373213892774728, specialTolerance: 1e-10),
    // st.beta(3.5, 2.25)
    FamilyCase(name: "Beta(3.5, 2.25)", make: { try Beta(a: Var(3.5), b: Var(2.25)) },
               xs: [0.05, 0.3, 0.61, 0.9, 1.2],
               pdf: [0.010970158212767016, 0.6604030349284843, 1.8740825631498246, 0.9041482524125048, 0.0],
               logpdf: [-4.5125765824865995, -0.41490497135544047, 0.6281192400228091, -0.10076193600430772, -.infinity],
               cdf: [0.00015901317186912468, 0.06347013665309587, 0.47725635684848344, 0.9562449703967085, 1.0],
               sf: [0.9998409868281308, 0.9365298633469041, 0.5227436431515164, 0.04375502960329167, 0.0],
               mean: 0.6086956521739131, variance: 0.03528670447385003, entropy: -0.2904565127708292,
               specialTolerance: 1e-10),
]

@Test("pdf, logpdf, cdf, survival, mean, var, entropy against scipy.stats", arguments: familyCases)
func familyValues(_ c: FamilyCase) throws {
    let d = try c.make()
    let x = vec(c.xs)
    #expect(nearAll(try d.pdf(x).value.data, c.pdf, 1e-12))
    #expect(nearAll(try d.logpdf(x).value.data, c.logpdf, 1e-12))
    #expect(nearAll(try d.cdf(x).value.data, c.cdf, c.specialTolerance))
    #expect(nearAll(try d.survival(x).value.data, c.sf, c.specialTolerance))
    // Relative accuracy of the small tail values too.
    for (got, want) in zip(try d.cdf(x).value.data + d.survival(x).value.data, c.cdf + c.sf) where want < 1e-3 {
        #expect(relativelyNear(got, want, 1e-9), "tail \(got) vs \(want)")
    }
    #expect(near(number(d.mean), c.mean, 1e-12))
    #expect(near(number(d.variance), c.variance, 1e-12))
    #expect(near(number(d.std), c.variance.squareRoot(), 1e-12))
    #expect(near(number(try d.entropy), c.entropy, c.specialTolerance))
}

@Test("x keeps its shape: scalars give scalars, matrices give matrices")
func shapes() throws {
    let n = try Normal(mu: Var(0), sigma: Var(1))
    #expect(try n.pdf(Var(0.5)).value.shape == [])
    let m = Var.constant(Tensor(shape: [2, 2], data: [0, 1, 2, 3]))
    #expect(try n.logpdf(m).value.shape == [2, 2])
    #expect(try n.cdf(m).value.shape == [2, 2])
    let c = try Categorical(probs: vec([0.2, 0.8]))
    #expect(try c.pdf(m).value.data == [0.2, 0.8, 0, 0])
}
