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
        // The first zeros fits; append's copy of it (the list grows to one vector of 2^26)
        // does not, and is the error, before the second zeros.
        #expect(r.stderr.contains("-e:2:26: error: a vector(67108864) needs 512 MiB, more than the memory left in kls's budget of 600 MiB"), "\(r.stderr)")
        let matrix = try shell(#"KLS_MEMORY=100M "$KLS" -e 'M = ones(5000, 5000)'"#)
        #expect(matrix.status == 1 && matrix.stderr.contains("set KLS_MEMORY to change it"), "\(matrix)")
    }

    /// Values made by slices, operators and builtins other than the allocating ones were not
    /// checked: four 30.5 MiB vectors grew past an 80 MiB budget until a `zeros` refused.
    /// Now the first value that does not fit is the error, wherever it is made (kls alone
    /// holds about 40 MiB, so v fits and a second 30.5 MiB value does not).
    @Test(arguments: [
        // (code, the column of the error: an operator's errors point at the operator)
        ("w = v[::-1]", 5), ("w = v + 1", 7), ("w = -v", 5), ("w = v > 0", 7),
        ("w = cumsum(v)", 5), ("w = softmax(v)", 5), ("w = round(v, 2)", 5),
    ])
    func everyLargeValueIsCheckedAgainstTheBudget(_ code: String, _ column: Int) throws {
        let r = try shell("KLS_MEMORY=80M \"$KLS\" -e 'v = zeros(4000000)\n\(code)\nprint(1)'")
        #expect(r.status == 1 && r.stdout.isEmpty, "\(r)")
        #expect(r.stderr.contains("-e:2:\(column): error: a vector(4000000) needs 30.5 MiB, more than the memory left in kls's budget of 80 MiB"), "\(r.stderr)")
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
