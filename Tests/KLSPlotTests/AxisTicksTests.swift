import Testing
@testable import KLSPlot

// Expected ticks follow from the 1-2-5 rule by hand: the step is the 1, 2 or 5 × 10^k that
// minimises |ln(intervals / target)| + 3 · unused fraction, then the axis is widened to whole steps.
@Suite struct AxisTicksTests {
    @Test func densityAxisRoundsUpToFourTenths() {
        // P's maximum is 1/√(2π) = 0.3989 (scipy.stats.norm.pdf(0)).
        let ticks = AxisTicks(data: AxisRange(0, 0.3989422804014327), fixed: nil, targetIntervals: 5)
        #expect(ticks.range == AxisRange(0, 0.4))
        #expect(ticks.labels == ["0.0", "0.1", "0.2", "0.3", "0.4"])
    }

    @Test func symmetricAxisUsesStepFive() {
        let ticks = AxisTicks(data: AxisRange(-15, 15), fixed: nil, targetIntervals: 6)
        #expect(ticks.values == [-15, -10, -5, 0, 5, 10, 15])
        #expect(ticks.labels == ["-15", "-10", "-5", "0", "5", "10", "15"])
    }

    @Test func lossAxisPrefersHalvesOverWastingHalfTheAxis() {
        let ticks = AxisTicks(data: AxisRange(0.1426, 2.08), fixed: nil, targetIntervals: 10.0 / 3)
        #expect(ticks.range == AxisRange(0, 2.5))
        #expect(ticks.labels == ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"])
    }

    @Test func epochAxis() {
        let ticks = AxisTicks(data: AxisRange(0, 9999), fixed: nil, targetIntervals: 6)
        #expect(ticks.labels == ["0", "2000", "4000", "6000", "8000", "10000"])
    }

    @Test func fixedLimitsKeepTheirEndsAndTickInside() {
        let ticks = AxisTicks(data: AxisRange(0, 100), fixed: AxisRange(0.05, 0.95), targetIntervals: 4)
        #expect(ticks.range == AxisRange(0.05, 0.95))
        #expect(ticks.labels == ["0.2", "0.4", "0.6", "0.8"])
    }

    @Test func quotientRoundingDoesNotAddATick() {
        // 0.3 / 0.1 = 2.9999999999999996 in floating point; the axis must still end at 0.3.
        let ticks = AxisTicks(data: AxisRange(0, 0.3), fixed: nil, targetIntervals: 3)
        #expect(ticks.range == AxisRange(0, 0.3))
    }

    @Test func largeAndTinyValuesUseShortScientificLabels() {
        let large = AxisTicks(data: AxisRange(0, 3e6), fixed: nil, targetIntervals: 3)
        #expect(large.labels == ["0", "1e6", "2e6", "3e6"])
        let tiny = AxisTicks(data: AxisRange(0, 2e-5), fixed: nil, targetIntervals: 4)
        #expect(tiny.labels == ["0", "5e-6", "1.0e-5", "1.5e-5", "2.0e-5"])
    }

    @Test func negativeZeroIsPrintedAsZero() {
        let ticks = AxisTicks(data: AxisRange(-1, 1), fixed: nil, targetIntervals: 4)
        #expect(ticks.labels == ["-1.0", "-0.5", "0.0", "0.5", "1.0"])
    }

    @Test func degenerateRangesAreWidened() {
        #expect(AxisRange(3, 3).sanitized == AxisRange(2.7, 3.3))
        #expect(AxisRange(0, 0).sanitized == AxisRange(-1, 1))
        #expect(AxisRange(5, 1).sanitized == AxisRange(1, 5))
        #expect(AxisRange(.nan, 1).sanitized == nil)
        #expect(AxisRange(-1e308, 1e308).sanitized == AxisRange(-1e300, 1e300))
    }

    @Test func hugeRangesStillGetTicks() {
        let ticks = AxisTicks(data: AxisRange(-1e300, 1e300), fixed: nil, targetIntervals: 4)
        #expect(ticks.labels == ["-1.0e300", "-5e299", "0", "5e299", "1.0e300"])
    }
}
