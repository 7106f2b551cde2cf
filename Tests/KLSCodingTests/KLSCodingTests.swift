import Testing
@testable import KLSCoding

@Test func moduleLinks() { _ = KLSCodingModule.self }
