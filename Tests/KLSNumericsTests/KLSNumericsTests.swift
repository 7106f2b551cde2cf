import Testing
@testable import KLSNumerics

@Test func moduleLinks() { _ = KLSNumericsModule.self }
