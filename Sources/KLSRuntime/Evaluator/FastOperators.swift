import KLSNumerics
import KLSSyntax

/// What a binary operator of the language means: the one table from the syntax's
/// `BinaryOperator` to an operation. Every path — the general code, the specialised closures,
/// the numeric tier — reads it, so an operator is defined once. Each operation is a type, so
/// the compiler's closures are specialised per operator and the operation inlines (no
/// indirect call per arithmetic step); a site opens the type with a generic function.
enum OperatorMeaning {
    /// `+ - * / ^ %`: the number operation and the tensor kernel (`NumberOperator.kernel`).
    case arithmetic(any NumberOperator.Type)
    /// `< <= > >=`: a boolean for two numbers or strings, 0/1 elementwise for tensors.
    case ordering(any NumberComparison.Type)
    /// `== !=`: whole-value equality (`Interpreter.equal`), negated for `!=`; `test` is that
    /// equality for two numbers.
    case equality(any NumberComparison.Type, negated: Bool)
}

extension BinaryOperator {
    /// This operator's meaning (see `OperatorMeaning`).
    var meaning: OperatorMeaning {
        switch self {
        case .add: return .arithmetic(AddOperator.self)
        case .subtract: return .arithmetic(SubtractOperator.self)
        case .multiply: return .arithmetic(MultiplyOperator.self)
        case .divide: return .arithmetic(DivideOperator.self)
        case .power: return .arithmetic(PowerOperator.self)
        case .modulo: return .arithmetic(ModuloOperator.self)
        case .less: return .ordering(LessComparison.self)
        case .lessEqual: return .ordering(LessEqualComparison.self)
        case .greater: return .ordering(GreaterComparison.self)
        case .greaterEqual: return .ordering(GreaterEqualComparison.self)
        case .equal: return .equality(EqualComparison.self, negated: false)
        case .notEqual: return .equality(NotEqualComparison.self, negated: true)
        }
    }

    /// The number operation of an arithmetic operator (nil for comparisons).
    var arithmetic: (any NumberOperator.Type)? {
        if case .arithmetic(let o) = meaning { return o }
        return nil
    }

    /// The test of an ordering comparison `< <= > >=` (nil for the others).
    var ordering: (any NumberComparison.Type)? {
        if case .ordering(let c) = meaning { return c }
        return nil
    }
}

/// A number–number operator; `apply` is the tensor kernel's own operation on two numbers, so
/// a number path and a tensor path cannot disagree.
protocol NumberOperator {
    static var kernel: BinaryOp { get }
    static func apply(_ x: Double, _ y: Double) -> Double
}

enum AddOperator: NumberOperator {
    static var kernel: BinaryOp { .add }
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { x + y }
}

enum SubtractOperator: NumberOperator {
    static var kernel: BinaryOp { .sub }
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { x - y }
}

enum MultiplyOperator: NumberOperator {
    static var kernel: BinaryOp { .mul }
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { x * y }
}

enum DivideOperator: NumberOperator {
    static var kernel: BinaryOp { .div }
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { x / y }
}

enum PowerOperator: NumberOperator {
    static var kernel: BinaryOp { .pow }
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { BinaryOp.power(x, y) }
}

enum ModuloOperator: NumberOperator {
    static var kernel: BinaryOp { .mod }
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { BinaryOp.floorMod(x, y) }
}

/// A comparison of two numbers (or two strings: any `Comparable`) as a type (see
/// `NumberOperator`).
protocol NumberComparison {
    static func test<T: Comparable>(_ x: T, _ y: T) -> Bool
}

enum LessComparison: NumberComparison {
    @inline(__always) static func test<T: Comparable>(_ x: T, _ y: T) -> Bool { x < y }
}

enum LessEqualComparison: NumberComparison {
    @inline(__always) static func test<T: Comparable>(_ x: T, _ y: T) -> Bool { x <= y }
}

enum GreaterComparison: NumberComparison {
    @inline(__always) static func test<T: Comparable>(_ x: T, _ y: T) -> Bool { x > y }
}

enum GreaterEqualComparison: NumberComparison {
    @inline(__always) static func test<T: Comparable>(_ x: T, _ y: T) -> Bool { x >= y }
}

/// Number equality as `Interpreter.equal` decides it for two numbers (nan ≠ nan).
enum EqualComparison: NumberComparison {
    @inline(__always) static func test<T: Comparable>(_ x: T, _ y: T) -> Bool { x == y }
}

enum NotEqualComparison: NumberComparison {
    @inline(__always) static func test<T: Comparable>(_ x: T, _ y: T) -> Bool { x != y }
}
