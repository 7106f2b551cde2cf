import Testing
@testable import KLSPlot

@Suite struct GeometryTests {
    let box = Rect(x: 0, y: 0, width: 10, height: 10)

    @Test func segmentIsCutAtTheEdges() throws {
        let (start, end) = try #require(Clipping.clip(segment: Point(x: -5, y: 5), Point(x: 15, y: 5), to: box))
        #expect(start == Point(x: 0, y: 5))
        #expect(end == Point(x: 10, y: 5))
        #expect(Clipping.clip(segment: Point(x: -5, y: -1), Point(x: 15, y: -1), to: box) == nil)
    }

    @Test func polylineLeavingAndReturningSplitsInTwo() {
        let line = [Point(x: 2, y: 2), Point(x: 2, y: 20), Point(x: 8, y: 20), Point(x: 8, y: 2)]
        let pieces = Clipping.clip(polyline: line, to: box)
        #expect(pieces == [[Point(x: 2, y: 2), Point(x: 2, y: 10)], [Point(x: 8, y: 10), Point(x: 8, y: 2)]])
    }

    @Test func polygonIsClippedToTheBox() {
        // A triangle (0,0), (20,0), (0,20) cut by the 10×10 box leaves the whole box
        // (the hypotenuse x + y = 20 passes through the corner (10, 10)).
        let clipped = Clipping.clip(polygon: [Point(x: 0, y: 0), Point(x: 20, y: 0), Point(x: 0, y: 20)], to: box)
        var doubledArea = 0.0
        for index in clipped.indices {
            let a = clipped[index], b = clipped[(index + 1) % clipped.count]
            doubledArea += a.x * b.y - b.x * a.y
        }
        #expect(abs(abs(doubledArea) / 2 - 100) < 1e-9)
    }

    @Test func viewportMapsLimitsToEdgesAndSkipsNonFinite() {
        let viewport = Viewport(xRange: AxisRange(-15, 15), yRange: AxisRange(0, 0.4), rect: Rect(x: 10, y: 20, width: 300, height: 100))
        #expect(viewport.point(-15, 0.4) == Point(x: 10, y: 20))
        #expect(viewport.point(15, 0) == Point(x: 310, y: 120))
        #expect(viewport.point(.nan, 0) == nil)
        #expect(viewport.point(0, .infinity) == nil)
        #expect(viewport.point(1e308, 0)?.x == Viewport.coordinateLimit)
    }

    @Test func nonFiniteValuesBreakLines() {
        let viewport = Viewport(xRange: AxisRange(0, 4), yRange: AxisRange(0, 4), rect: Rect(x: 0, y: 0, width: 4, height: 4))
        let series = Series(x: [0, 1, 2, 3, 4], y: [1, 2, .nan, 2, 1])
        let path = SeriesPath(series: series, viewport: viewport)
        #expect(path.lines.count == 2)
        #expect(path.lines.allSatisfy { $0.count == 2 })
    }

    @Test func stepsTurnCornersAfterEachPoint() {
        let viewport = Viewport(xRange: AxisRange(0, 2), yRange: AxisRange(0, 2), rect: Rect(x: 0, y: 0, width: 2, height: 2))
        let path = SeriesPath(series: Series(x: [0, 1, 2], y: [1, 2, 0], style: .step), viewport: viewport)
        #expect(path.lines == [[Point(x: 0, y: 1), Point(x: 1, y: 1), Point(x: 1, y: 0), Point(x: 2, y: 0), Point(x: 2, y: 2)]])
    }

    @Test func barsAreOutlinedAndFilledOneByOne() {
        // Bars [0, 1] × 3, [1.25, 1.75] × 0 and [2, 3] × 1 on a 4×4 viewport (y grows downwards on
        // screen): each its own outline, nothing drawn along y = 0 between x = 1 and x = 2.
        let viewport = Viewport(xRange: AxisRange(0, 4), yRange: AxisRange(0, 4), rect: Rect(x: 0, y: 0, width: 4, height: 4))
        let path = SeriesPath(series: .bars(lefts: [0, 1.25, 2], rights: [1, 1.75, 3], heights: [3, 0, 1]), viewport: viewport)
        #expect(path.lines == [[Point(x: 0, y: 4), Point(x: 0, y: 1), Point(x: 1, y: 1), Point(x: 1, y: 4)],
                               [Point(x: 2, y: 4), Point(x: 2, y: 3), Point(x: 3, y: 3), Point(x: 3, y: 4)]])
        #expect(path.fills.count == 2)
    }
}
