import Testing
@testable import KLSRuntime

@Test func moduleLinks() { _ = KLSRuntimeModule.self }
