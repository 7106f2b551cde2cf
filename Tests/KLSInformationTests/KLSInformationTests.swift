import Testing
@testable import KLSInformation

@Test func moduleLinks() { _ = KLSInformationModule.self }
