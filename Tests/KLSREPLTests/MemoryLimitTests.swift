import Foundation
import Testing

/// Issue 14: running out of memory is a located error, not SIGABRT. Strings have a length
/// limit like tensors, and a run has a memory budget (`KLS_MEMORY`) checked where large values
/// are made.
extension CommandLineTests {
    @Test func doublingAStringEndsWithALocatedError() throws {
        let r = try kls(["-e", "s = \"ab\"\nfor i in range(40) { s = s + s }"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("-e:2:28: error: the string would be 536870912 bytes long, more than the limit of 268435456 (256 MiB)"), "\(r.stderr)")
    }

    @Test func largeValuesBeyondTheBudgetEndWithALocatedError() throws {
        let r = try shell(#"KLS_MEMORY=600M "$KLS" -e $'l = []\nfor i in range(10) { l = append(l, [zeros(2^26)]) }'"#)
        #expect(r.status == 1, "\(r)")
        #expect(r.stderr.contains("-e:2:37: error: zeros: 67108864 numbers needs 512 MiB, more than the memory left in kls's budget of 600 MiB"), "\(r.stderr)")
        let matrix = try shell(#"KLS_MEMORY=100M "$KLS" -e 'M = ones(5000, 5000)'"#)
        #expect(matrix.status == 1 && matrix.stderr.contains("set KLS_MEMORY to change it"), "\(matrix)")
    }
}
