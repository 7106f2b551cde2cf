import Testing
@testable import KLSSyntax

@Test func moduleLinks() { _ = KLSSyntaxModule.self }
