import Foundation
import Testing
import KLSNumerics
@testable import KLSDistributions

// The figures of /work/shared/acceptance/dist_continuous.kls, dist_shape.kls,
// dist_discrete.kls and info_continuous.kls (scipy.stats / scipy.integrate.quad, float64),
// with the scripts' tolerances.

@Test("dist_continuous.kls: Normal, Uniform, Exponential")
func acceptanceContinuous() throws {
    let n = try Normal(mu: Var(1.5), sigma: Var(2))
    let xs = vec([-1, 0.3, 4])
    #expect(nearAll(try n.pdf(xs).value.data, [0.09132454269451096, 0.16661230144589984, 0.09132454269451096], 1e-12))
    #expect(nearAll(try n.logpdf(xs).value.data, [-2.393335713764618, -1.7920857137646178, -2.393335713764618], 1e-12))
    #expect(nearAll(try n.cdf(xs).value.data, [0.10564977366685535, 0.2742531177500736, 0.8943502263331446], 1e-12))
    #expect(near(number(try n.pdf(Var(-1))), 0.09132454269451096, 1e-12))
    #expect(near(number(n.mean), 1.5, 1e-12) && near(number(n.variance), 4, 1e-12) && near(number(n.std), 2, 1e-12))
    #expect(near(number(n.entropy), 2.112085713764618, 1e-12))

    let u = try Uniform(a: Var(-1), b: Var(3))
    let us = vec([-0.5, 0.5, 2.75])
    #expect(nearAll(try u.pdf(us).value.data, [0.25, 0.25, 0.25], 1e-12))
    #expect(nearAll(try u.logpdf(us).value.data, [-1.3862943611198906, -1.3862943611198906, -1.3862943611198906], 1e-12))
    #expect(nearAll(try u.cdf(us).value.data, [0.125, 0.375, 0.9375], 1e-12))
    #expect(near(number(u.mean), 1, 1e-12) && near(number(u.variance), 1.3333333333333333, 1e-12))
    #expect(near(number(u.std), 1.1547005383792515, 1e-12))
    #expect(near(number(u.entropy), 1.3862943611198906, 1e-12))

    let e = try Exponential(rate: Var(2))
    let es = vec([0.1, 0.7, 2.5])
    #expect(nearAll(try e.pdf(es).value.data, [1.6374615061559636, 0.493193927883213, 0.013475893998170934], 1e-12))
    #expect(nearAll(try e.logpdf(es).value.data, [0.4931471805599453, -0.7068528194400546, -4.306852819440055], 1e-12))
    #expect(nearAll(try e.cdf(es).value.data, [0.18126924692201815, 0.7534030360583935, 0.9932620530009145], 1e-12))
    #expect(near(number(e.mean), 0.5, 1e-12) && near(number(e.variance), 0.25, 1e-12) && near(number(e.std), 0.5, 1e-12))
    #expect(near(number(e.entropy), 0.3068528194400547, 1e-12))
}

@Test("dist_shape.kls: Laplace, Gamma, Beta")
func acceptanceShape() throws {
    let l = try Laplace(loc: Var(0.5), scale: Var(1.5))
    let ls = vec([-1, 0.5, 2])
    #expect(nearAll(try l.pdf(ls).value.data, [0.12262648039048078, 0.3333333333333333, 0.12262648039048078], 1e-12))
    #expect(nearAll(try l.logpdf(ls).value.data, [-2.0986122886681096, -1.0986122886681096, -2.0986122886681096], 1e-12))
    #expect(nearAll(try l.cdf(ls).value.data, [0.18393972058572117, 0.5, 0.8160602794142788], 1e-12))
    #expect(near(number(l.mean), 0.5, 1e-12) && near(number(l.variance), 4.5, 1e-12))
    #expect(near(number(l.std), 2.1213203435596424, 1e-12) && near(number(l.entropy), 2.09861228866811, 1e-12))

    let g = try Gamma(shape: Var(2.5), rate: Var(1.5))
    let gs = vec([0.3, 0.8, 2.2])
    #expect(nearAll(try g.pdf(gs).value.data, [0.21719074405218725, 0.446759246823895, 0.24949059505881266], 1e-12))
    #expect(nearAll(try g.logpdf(gs).value.data, [-1.5269793066914121, -0.8057354271738228, -1.3883340596561033], 1e-12))
    #expect(nearAll(try g.cdf(gs).value.data, [0.029778361590214426, 0.20852587940567538, 0.7478718492273353], 1e-10))
    #expect(near(number(g.mean), 1.6666666666666665, 1e-12) && near(number(g.variance), 1.111111111111111, 1e-12))
    #expect(near(number(g.std), 1.0540925533894596, 1e-12) && near(number(g.entropy), 1.3244828013968901, 1e-10))

    let b = try Beta(a: Var(2), b: Var(5))
    let bs = vec([0.1, 0.3, 0.75])
    #expect(nearAll(try b.pdf(bs).value.data, [1.9682999999999997, 2.1608999999999994, 0.08789062499999999], 1e-12))
    #expect(nearAll(try b.logpdf(bs).value.data, [0.6771702260368047, 0.7705248015812898, -2.4316621352691876], 1e-12))
    #expect(nearAll(try b.cdf(bs).value.data, [0.11426500000000002, 0.5798250000000003, 0.995361328125], 1e-10))
    #expect(near(number(b.mean), 0.2857142857142857, 1e-12) && near(number(b.variance), 0.025510204081632654, 1e-12))
    #expect(near(number(b.std), 0.15971914124998499, 1e-12) && near(number(b.entropy), -0.48453071499548805, 1e-10))
}

@Test("dist_discrete.kls: Bernoulli, Categorical, Mixture")
func acceptanceDiscrete() throws {
    let b = try Bernoulli(p: Var(0.3))
    #expect(near(number(try b.pdf(Var(1))), 0.3, 1e-15))
    #expect(near(number(try b.pdf(Var(0))), 0.7, 1e-15))
    #expect(near(number(try b.logpdf(Var(0))), -0.35667494393873245, 1e-14))
    #expect(near(number(b.mean), 0.3, 1e-15) && near(number(b.variance), 0.21, 1e-14))
    #expect(near(number(b.entropy), 0.6108643020548935, 1e-14))

    let c = try Categorical(probs: vec([0.2, 0.5, 0.3]))
    #expect(number(try c.pdf(Var(1))) == 0.5)
    #expect(number(try c.pdf(Var(2))) == 0.3)
    #expect(near(number(try c.logpdf(Var(0))), -1.6094379124341003, 1e-14))
    #expect(try c.pdf(vec([2, 0])).value.data == [0.3, 0.2])
    #expect(near(number(try c.entropy), 1.0296530140645737, 1e-14))

    let m = try Mixture(components: [try Normal(mu: Var(-1), sigma: Var(0.5)), try Normal(mu: Var(2), sigma: Var(1.5))],
                        weights: vec([0.3, 0.7]))
    let xs = vec([-1.2, 0.4, 2.5])
    #expect(nearAll(try m.pdf(xs).value.data, [0.24008947033643105, 0.11015192376777941, 0.17611217292887768], 1e-12))
    #expect(nearAll(try m.logpdf(xs).value.data, [-1.4267436320417541, -2.205894740904186, -1.7366341407760035], 1e-12))
    #expect(nearAll(try m.cdf(xs).value.data, [0.1148875645928245, 0.399376295437728, 0.7413910618723814], 1e-12))
    #expect(near(number(m.mean), 1.0999999999999999, 1e-12) && near(number(m.variance), 3.54, 1e-12))
    let eq = try Mixture(components: [try Normal(mu: Var(-5), sigma: Var(1)), try Normal(mu: Var(10), sigma: Var(1))])
    #expect(near(number(try eq.pdf(Var(0.5))), 5.3848800212721416e-08, 1e-12))
    #expect(near(number(eq.mean), 2.5, 1e-12) && near(number(eq.variance), 57.25, 1e-12))
}

@Test("info_continuous.kls: KL closed form, numerical KL, support mismatch, W1")
func acceptanceInformation() throws {
    let n1 = try Normal(mu: Var(0), sigma: Var(1)), n2 = try Normal(mu: Var(1), sigma: Var(2))
    #expect(near(number(try DistributionMeasures.kl(n1, n2)), 0.4431471805599453, 1e-12))
    #expect(near(number(try DistributionMeasures.kl(n2, n1)), 1.3068528194400546, 1e-12))
    #expect(near(number(try DistributionMeasures.kl(n1, n2, base: 2)), 0.6393262397777592, 1e-12))
    #expect(number(try DistributionMeasures.kl(n1, try Normal(mu: Var(0), sigma: Var(1)))) == 0)
    let nl = try DistributionMeasures.kl(try Normal(mu: Var(0.5), sigma: Var(1.2)), try Laplace(loc: Var(0), scale: Var(1)))
    #expect(near(number(nl), 0.1312796504442341, 1e-6))
    let m = try Mixture(components: [try Normal(mu: Var(-2), sigma: Var(1)), try Normal(mu: Var(2), sigma: Var(1))])
    #expect(near(number(try DistributionMeasures.kl(m, try Normal(mu: Var(0), sigma: Var(2.5)))), 0.1835705381372882, 1e-6))
    let u1 = try Uniform(a: Var(0), b: Var(1)), u2 = try Uniform(a: Var(0), b: Var(2))
    #expect(near(number(try DistributionMeasures.kl(u1, u2)), 0.6931471805599453, 1e-12))
    #expect(number(try DistributionMeasures.kl(u2, u1)) == .infinity)
    #expect(near(number(try DistributionMeasures.w1(n1, try Normal(mu: Var(3), sigma: Var(1)))), 3, 1e-6))
    #expect(near(number(try DistributionMeasures.w1(n1, n2)), 1.166630941175372, 1e-6))
}
