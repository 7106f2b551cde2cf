import Testing
@testable import KLSOptim

@Test func moduleLinks() { _ = KLSOptimModule.self }
