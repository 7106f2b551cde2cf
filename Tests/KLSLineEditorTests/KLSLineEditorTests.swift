import Testing
@testable import KLSLineEditor

@Test func moduleLinks() { _ = KLSLineEditorModule.self }
