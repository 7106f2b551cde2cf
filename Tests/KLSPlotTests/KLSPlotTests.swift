import Testing
@testable import KLSPlot

@Test func moduleLinks() { _ = KLSPlotModule.self }
