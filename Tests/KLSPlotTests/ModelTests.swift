import Testing
@testable import KLSPlot

@Suite struct ModelTests {
    @Test func seriesOfValuesIsPlottedAgainstIndex() {
        let series = Series(y: [3, 1, 2])
        #expect(series.x == [0, 1, 2])
    }

    @Test func histogramCountsMatchNumPy() {
        // numpy.histogram([1,2,2,3,3,3,4,4,4,4], bins=3) -> counts [1, 2, 7], edges [1, 2, 3, 4]
        let series = Series.histogram(values: [1, 2, 2, 3, 3, 3, 4, 4, 4, 4], bins: 3)
        #expect(series.x == [1, 1, 2, 3, 4])
        #expect(series.y == [0, 1, 2, 7, 0])
        #expect(series.style == .step && series.fill)
    }

    @Test func histogramDensityMatchesNumPy() {
        // numpy.histogram([1,2,2,3,3,3,4,4,4,4], bins=3, density=True) -> [0.1, 0.2, 0.7]
        let series = Series.histogram(values: [1, 2, 2, 3, 3, 3, 4, 4, 4, 4], bins: 3, density: true)
        let heights = Array(series.y[1...3])
        for (height, expected) in zip(heights, [0.1, 0.2, 0.7]) { #expect(abs(height - expected) < 1e-12) }
    }

    @Test func histogramSkipsNonFiniteValues() {
        // numpy.histogram([-2.5,0.1,0.2,0.7,1.9,3.3,3.3,4.0], bins=4)
        //   -> counts [1, 3, 1, 3], edges [-2.5, -0.875, 0.75, 2.375, 4.0]
        let series = Series.histogram(values: [-2.5, 0.1, 0.2, 0.7, 1.9, 3.3, 3.3, .nan, 4.0, .infinity], bins: 4)
        #expect(series.y == [0, 1, 3, 1, 3, 0])
        #expect(series.x == [-2.5, -2.5, -0.875, 0.75, 2.375, 4.0])
    }

    @Test func histogramOfNothingOrOfEqualValues() {
        #expect(Series.histogram(values: [.nan], bins: 5).x.isEmpty)
        let single = Series.histogram(values: [2, 2], bins: 0)
        #expect(single.x == [1.5, 1.5, 2.5])
        #expect(single.y == [0, 2, 0])
        #expect(Series.histogram(values: [1, 2], bins: 1_000_000).y.count == Series.maximumBins + 2)
    }

    @Test func gridGrowsToHoldEveryPanel() {
        let figure = Figure(rows: 0, cols: 2, panels: Array(repeating: Panel(), count: 5))
        #expect(figure.rows == 1 && figure.cols == 2)
        #expect(figure.gridRows == 3)
    }

    @Test func coloursAreAssignedByPositionUnlessGiven() {
        let panel = Panel(series: [Series(y: [1]), Series(y: [2], color: 5), Series(y: [3])])
        #expect((0..<3).map(panel.colorSlot(ofSeriesAt:)) == [0, 5, 2])
        #expect(SeriesPalette.color(-1) == SeriesPalette.color(SeriesPalette.count - 1))
        #expect(SeriesPalette.ansiCode(Int.min) == SeriesPalette.ansiCode(0))
    }

    @Test func sharedLimitsCoverEveryFrame() {
        let frames = [
            Figure(Panel(series: [Series(x: [0, 1], y: [0, 0.2])])),
            Figure(Panel(series: [Series(x: [0, 3], y: [0.1, 0.38])], ylim: AxisRange(0, 1))),
        ]
        let shared = Figure.withSharedLimits(frames)
        #expect(shared[0].panels[0].xlim == AxisRange(0, 3))
        #expect(shared[0].panels[0].ylim == AxisRange(0, 0.4))
        #expect(shared[1].panels[0].ylim == AxisRange(0, 1))
    }
}
