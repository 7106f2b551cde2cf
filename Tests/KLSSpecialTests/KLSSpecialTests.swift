import Testing
@testable import KLSSpecial

@Test func moduleLinks() { _ = KLSSpecialModule.self }
