import Testing
@testable import KLSDistributions

@Test func moduleLinks() { _ = KLSDistributionsModule.self }
