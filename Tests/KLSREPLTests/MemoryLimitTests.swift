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

    /// A closure kept in a local variable held its function's frame, and the frame held the
    /// closure: each call leaked the frame with everything in it (1e6 calls peaked at 1.1 GB).
    /// Here 3,000 calls would leak 480 MB, past a 200 MB budget that the final 8 MiB value
    /// checks; with the frames freed the run stays far below it.
    @Test func framesOfFunctionsWithLocalClosuresAreFreed() throws {
        let program = """
            fn mk(n) { h = () -> 1; loss = m -> (m - n)^2; big = zeros(20000); return h() + loss(n) }
            fn make_loss(c) { loss = m -> (m - c)^2; junk = zeros(20000); return loss }
            s = 0
            for i in range(3000) { s = s + mk(i) + make_loss(i)(i + 1) }
            x = zeros(2^20)
            print(s)
            """
        let r = try shell("KLS_MEMORY=200M \"$KLS\" -e '\(program)'")
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout == "6000\n", "\(r)")
    }
}
