import Testing
@testable import KLSPlot

/// Automatic histogram bins: whole numbers one bar per value, other values round widths whose
/// edges are multiples of the width. Counts cross-checked with numpy.histogram on the same edges.
@Suite struct HistogramBinsTests {
    /// Heights of the bars of a histogram series (its outline without the two zero ends).
    private func heights(_ series: Series) -> [Double] { Array(series.y.dropFirst().dropLast()) }
    /// Bin edges of a histogram series (its outline's x without the repeated first edge).
    private func edges(_ series: Series) -> [Double] { Array(series.x.dropFirst()) }

    @Test func wholeNumbersGetOneBarCentredOnEachValue() {
        // numpy.histogram([1,2,2,3,3,3,4], bins=[0.5,1.5,2.5,3.5,4.5]) -> [1, 2, 3, 1]
        let series = Series.histogram(values: [1, 2, 2, 3, 3, 3, 4])
        #expect(edges(series) == [0.5, 1.5, 2.5, 3.5, 4.5])
        #expect(heights(series) == [1, 2, 3, 1])
        #expect(series.xTickSpacing == .outcomes)
        #expect(series.yTickSpacing == .multiples(of: 1))
    }

    @Test func wholeNumbersOverMoreThanFiftyValuesShareBars() {
        // 0…120 is 121 values: widths 1 and 2 give 121 and 61 bars, 5 gives 25 (bars 0–4, …, 120–124).
        // numpy.histogram(np.arange(121), bins=np.arange(-0.5, 125, 5)) -> [5] * 24 + [1]
        let wide = Series.histogram(values: (0...120).map(Double.init))
        #expect(edges(wide) == (0...25).map { -0.5 + 5 * Double($0) })
        #expect(heights(wide) == Array(repeating: 5, count: 24) + [1])
        // −60…−1 is 60 values: width 2, bars starting at even numbers (−60–−59, …, −2–−1).
        // numpy.histogram(np.arange(-60, 0), bins=np.arange(-60.5, 0, 2)) -> [2] * 30
        let negative = Series.histogram(values: (-60...(-1)).map(Double.init))
        #expect(edges(negative).first == -60.5 && edges(negative).last == -0.5 && edges(negative).count == 31)
        #expect(heights(negative) == Array(repeating: 2, count: 30))
    }

    @Test func densityOfWholeNumbersIsTheirFrequency() {
        // numpy.histogram([0,0,1,2], bins=[-0.5,0.5,1.5,2.5], density=True) -> [0.5, 0.25, 0.25]
        let series = Series.histogram(values: [0, 0, 1, 2], density: true)
        #expect(heights(series) == [0.5, 0.25, 0.25])
        #expect(series.yTickSpacing == .automatic)
    }

    @Test func otherValuesGetARoundWidthWithEdgesOnItsMultiples() {
        // 100 values evenly from −2.85 to 2.85: √100 = 10 bins wanted. Width 0.5 covers −3…3 in
        // 12 bins (|ln 1.2| = 0.18), width 1 in 6 (0.51), width 0.2 in 30 (1.10): width 0.5.
        // numpy.histogram(x, bins=np.arange(-3, 3.01, 0.5)) -> [7, 8, 9, 9, 8, 9, 9, 8, 9, 9, 8, 7]
        let values = (0..<100).map { -2.85 + 5.7 * Double($0) / 99 }
        let series = Series.histogram(values: values)
        #expect(edges(series) == (-6...6).map { Double($0) / 2 })
        #expect(heights(series) == [7, 8, 9, 9, 8, 9, 9, 8, 9, 9, 8, 7])
        #expect(series.xTickSpacing == .multiples(of: 0.5))
    }

    @Test func valuesOnEdgesGoToTheBinTheyOpen() {
        // 0.1…1.0: 5 bins wanted (√10 raised to 5); width 0.2 gives exactly 5 on 0…1. 0.6 / 0.2 is
        // 2.9999999999999996 in floating point, yet 0.6 opens the fourth bin; 1.0 closes the last.
        // numpy.histogram([0.1, …, 1.0], bins=[0, 0.2, 0.4, 0.6, 0.8, 1.0]) -> [1, 2, 2, 2, 3]
        let series = Series.histogram(values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
        #expect(edges(series) == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        #expect(heights(series) == [1, 2, 2, 2, 3])
    }

    @Test func explicitBinCountsKeepEqualWidthsAndAutomaticTicks() {
        let counts = Series.histogram(values: [1, 2, 2, 3], bins: 3)
        #expect(counts.xTickSpacing == .automatic && counts.yTickSpacing == .multiples(of: 1))
        #expect(Series.histogram(values: [1, 2, 2, 3], bins: 3, density: true).yTickSpacing == .automatic)
    }

    @Test func equalValuesGetOneUnitBin() {
        let whole = Series.histogram(values: [2, 2])
        #expect(edges(whole) == [1.5, 2.5] && heights(whole) == [2])
        #expect(whole.xTickSpacing == .outcomes)
        let fraction = Series.histogram(values: [2.25])
        #expect(edges(fraction) == [1.75, 2.75] && fraction.xTickSpacing == .automatic)
    }

    @Test func extremeValuesDoNotTrap() {
        let spread = Series.histogram(values: [1e308, -1e308, 0.5])
        #expect(heights(spread).reduce(0, +) == 3)
        let huge = Series.histogram(values: [.greatestFiniteMagnitude, 1.5, -4e15])
        #expect(heights(huge).reduce(0, +) == 3)
        let large = Series.histogram(values: [1e20, 1e20 + 65536 * 3])
        #expect(heights(large).reduce(0, +) == 2)
    }
}
