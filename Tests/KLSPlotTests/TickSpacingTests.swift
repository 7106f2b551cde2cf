import Testing
@testable import KLSPlot

// Expected ticks follow by hand from the rule in AxisTicksTests: the step minimises
// |ln(intervals / target)| + 3 · unused fraction, here among 1, 2, 5, 10, 20, … units.
@Suite struct TickSpacingTests {
    @Test func countAxisUsesWholeSteps() {
        // Unit 1, counts 0…3, target 5: step 1 gives 0…3 (|ln 3/5| = 0.51), step 2 gives 0…4
        // (|ln 2/5| + 3 · 0.25 = 1.67). Without the unit step 0.5 would win (|ln 6/5| = 0.18).
        let counts = AxisTicks(data: AxisRange(0, 3), fixed: nil, targetIntervals: 5, spacing: .multiples(of: 1))
        #expect(counts.values == [0, 1, 2, 3])
        #expect(counts.labels == ["0", "1", "2", "3"])
        let free = AxisTicks(data: AxisRange(0, 3), fixed: nil, targetIntervals: 5)
        #expect(free.labels == ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"])
    }

    @Test func outcomeAxisTicksEveryBarCentreAndKeepsTheBarEdges() {
        // Bars of outcomes 0…5 span −0.5…5.5; target 7.2: step 1 gives 6 intervals
        // (|ln 6/7.2| = 0.18), step 2 gives 3 (0.88).
        let ticks = AxisTicks(data: AxisRange(-0.5, 5.5), fixed: nil, targetIntervals: 7.2, spacing: .outcomes)
        #expect(ticks.range == AxisRange(-0.5, 5.5))
        #expect(ticks.values == [0, 1, 2, 3, 4, 5])
        #expect(ticks.labels == ["0", "1", "2", "3", "4", "5"])
    }

    @Test func manyOutcomesUseWholeOneTwoFiveSteps() {
        // 100 outcomes over −0.5…99.5, target 6: 100 / 20 = 5 intervals (|ln 5/6| = 0.18) beats
        // 10 (0.51) and 2 (1.10).
        let ticks = AxisTicks(data: AxisRange(-0.5, 99.5), fixed: nil, targetIntervals: 6, spacing: .outcomes)
        #expect(ticks.values == [0, 20, 40, 60, 80])
    }

    @Test func binWidthTicksFallOnBinEdges() {
        // Bins of 0.2 over 0…2.2, target 4. In units of 0.2 the steps are 0.2, 0.4, 1, 2, …:
        // 0.4 covers 0…2.4 (|ln 6/4| + 3 · 1/12 = 0.66), 0.2 gives 11 intervals (1.01), 1 covers
        // 0…3 (0.29 + 3 · 0.27 = 1.09). Free 1-2-5 steps pick 0.5 (0…2.5: 0.22 + 0.36 = 0.58),
        // whose ticks 0.5 and 1.5 fall inside bins.
        let ticks = AxisTicks(data: AxisRange(0, 2.2), fixed: nil, targetIntervals: 4, spacing: .multiples(of: 0.2))
        #expect(ticks.labels == ["0.0", "0.4", "0.8", "1.2", "1.6", "2.0", "2.4"])
        #expect(ticks.range == AxisRange(0, 2.4))
        let free = AxisTicks(data: AxisRange(0, 2.2), fixed: nil, targetIntervals: 4)
        #expect(free.labels == ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"])
    }

    @Test func wholeStepsOfFractionalBinsHaveNoDecimals() {
        // Bins of 0.2 over −3…3, target 6: 5 bins = 1 gives 6 intervals (score 0). Written as
        // 1 × 10^0, not 10 × 10^−1, the labels are "-3" … "3", not "-3.0" … "3.0".
        let ticks = AxisTicks(data: AxisRange(-3, 3), fixed: nil, targetIntervals: 6, spacing: .multiples(of: 0.2))
        #expect(ticks.labels == ["-3", "-2", "-1", "0", "1", "2", "3"])
    }

    @Test func zoomingBetweenUnitsFallsBackToFreeSteps() {
        // No whole number lies in 0.2…0.4, so the free 1-2-5 steps are used: 0.05 gives 4 intervals.
        let ticks = AxisTicks(data: AxisRange(0, 5), fixed: AxisRange(0.2, 0.4), targetIntervals: 4, spacing: .outcomes)
        #expect(ticks.labels == ["0.20", "0.25", "0.30", "0.35", "0.40"])
    }

    @Test func unitsAreWrittenAsWholeMantissaTimesPowerOfTen() {
        #expect(TickStep(unit: 0.2) == TickStep(mantissa: 2, exponent: -1))
        #expect(TickStep(unit: 0.25) == TickStep(mantissa: 25, exponent: -2))
        #expect(TickStep(unit: 3) == TickStep(mantissa: 3, exponent: 0))
        #expect(TickStep(unit: 2000) == TickStep(mantissa: 2, exponent: 3))
        #expect(TickStep(unit: 1.0 / 3) == nil)
        #expect(TickStep(unit: 0) == nil && TickStep(unit: -1) == nil && TickStep(unit: .infinity) == nil)
        // A unit without that form constrains nothing: the ticks are the free ones.
        let odd = AxisTicks(data: AxisRange(0, 3), fixed: nil, targetIntervals: 5, spacing: .multiples(of: 1.0 / 3))
        #expect(odd == AxisTicks(data: AxisRange(0, 3), fixed: nil, targetIntervals: 5))
    }

    @Test func labelsAreWrittenFromExactDigits() {
        // Ticks 0…4 of 0.25 = 25 × 10^−2, and −3…−1 of 0.5.
        #expect(TickLabelFormat.labels(step: TickStep(mantissa: 25, exponent: -2), indices: 0...4)
                == ["0.00", "0.25", "0.50", "0.75", "1.00"])
        #expect(TickLabelFormat.labels(step: TickStep(mantissa: 5, exponent: -1), indices: -3...(-1))
                == ["-1.5", "-1.0", "-0.5"])
        #expect(TickLabelFormat.labels(step: TickStep(mantissa: 4, exponent: 2), indices: 0...2) == ["0", "400", "800"])
        #expect(TickLabelFormat.labels(step: TickStep(mantissa: 25, exponent: 5), indices: 0...2) == ["0", "2.5e6", "5.0e6"])
    }

    @Test func handPlacedTicksReplaceTheChosenOnes() {
        let custom = [AxisTick(2, "C"), AxisTick(0, "A"), AxisTick(1, "B"), AxisTick(7, "far"), AxisTick(.nan, "none")]
        let inside = AxisTicks(data: AxisRange(-0.4, 2.4), fixed: AxisRange(-0.5, 2.5), targetIntervals: 5, custom: custom)
        #expect(inside.values == [0, 1, 2] && inside.labels == ["A", "B", "C"])
        let covering = AxisTicks(data: AxisRange(-0.4, 2.4), fixed: nil, targetIntervals: 5, custom: custom)
        #expect(covering.range == AxisRange(-0.4, 7))
        #expect(covering.labels == ["A", "B", "C", "far"])
    }

    @Test func indexAxesTickWholeIndices() {
        // y against its index 0…2, target 6: in whole steps 1 gives 2 intervals (|ln 2/6| = 1.10),
        // 2 gives 1 (1.79); free steps would pick 0.5 (4 intervals, 0.41): "0.0", "0.5", ….
        let panel = Panel(series: [Series(y: [1, 3, 2])])
        #expect(PanelAxes(panel: panel, xIntervals: 6, yIntervals: 4).x.labels == ["0", "1", "2"])
    }

    @Test func panelAxesTakeTheStrongestWishOfTheirSeries() {
        #expect(TickSpacing.combined([]) == .automatic)
        #expect(TickSpacing.combined([.automatic, .multiples(of: 0.2), .multiples(of: 0.5)]) == .multiples(of: 0.5))
        #expect(TickSpacing.combined([.multiples(of: 2), .outcomes, .automatic]) == .outcomes)
        #expect(TickSpacing.combined([.multiples(of: .nan), .multiples(of: -1)]) == .automatic)
        var bars = Series.histogram(edges: [-0.4, 0.4, 0.6, 1.4], counts: [0.3, 0, 0.7])
        bars.xTickSpacing = .outcomes
        let curve = Series(x: [-0.4, 1.4], y: [0.1, 0.6])
        let axes = PanelAxes(panel: Panel(series: [curve, bars]), xIntervals: 5, yIntervals: 5)
        // Bars keep 3% of their span (1.8 · 0.03 = 0.054) from the frame.
        #expect(axes.x.values == [0, 1])
        #expect(Swift.abs(axes.x.range.lower + 0.454) < 1e-12 && Swift.abs(axes.x.range.upper - 1.454) < 1e-12)
    }
}
