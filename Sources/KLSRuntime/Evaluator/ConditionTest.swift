import KLSSyntax

/// How a loop or an `if` in a function body tests its condition. A comparison of two
/// literals or variables (`i < n`, `n < 2`) is made in place; any other condition (and a
/// comparison whose operands are not numbers) runs its compiled closure. Two types, so each
/// loop or `if` is specialised and the in-place test costs no closure call.
protocol ConditionTest {
    func callAsFunction(_ frame: Frame) throws -> Bool
}

/// A condition through its compiled closure.
struct CompiledCondition: ConditionTest {
    let test: (Frame) throws -> Bool
    @inline(__always) func callAsFunction(_ frame: Frame) throws -> Bool { try test(frame) }
}

/// `left C right` on numbers read in place; `general` otherwise. Each use gets `C` from
/// `BinaryOperator.build` and builds its code in a generic method whose result is a closure
/// of a concrete type: returning the compiled closure through a generic type would wrap it
/// in reabstraction thunks.
struct DirectComparison<C: NumberComparison>: ConditionTest {
    let left: Compiler.Operand
    let right: Compiler.Operand
    let general: (Frame) throws -> Bool
    @inline(__always) func callAsFunction(_ frame: Frame) throws -> Bool {
        if let x = left.number(frame), let y = right.number(frame) { return C.test(x, y) }
        return try general(frame)
    }
}

/// Code built on a condition's test: a `while` loop, a function body's choice of value.
protocol TestConsumer {
    /// Builds the code on `test` (and keeps it).
    mutating func make<T: ConditionTest>(_ test: T)
}

/// A consumer's code on a comparison of two literals or variables, tested in place for the
/// operator (`DirectComparison`); `BinaryOperator.build` supplies the comparison's type.
struct DirectTestSite<K: TestConsumer>: OrderingSite {
    var consumer: K
    let left: Compiler.Operand, right: Compiler.Operand
    let general: (Frame) throws -> Bool

    mutating func ordering<C: NumberComparison>(_: C.Type) {
        consumer.make(DirectComparison<C>(left: left, right: right, general: general))
    }
}

extension Compiler {
    /// The ordering comparison (`< <= > >=`) and operands of `c` when it compares two
    /// literals or variables (nil in plain mode).
    func comparedOperands(_ c: Expr) -> (BinaryOperator, Operand, Operand)? {
        guard !plain, case .binary(let op, let a, let b, _) = c, op.ordering != nil,
              Compiler.isDirectOperand(a), Compiler.isDirectOperand(b) else { return nil }
        return (op, operand(a), operand(b))
    }
}
