import KLSNumerics
import KLSSyntax

/// What a binary operator of the language means: the one table from the syntax's
/// `BinaryOperator` to an operation (`BinaryOperator.build`). Every path — the general code,
/// the specialised closures, the numeric tier — reads it, so an operator is defined once.
/// Each operation is a type, so the compiler's closures are specialised per operator and the
/// operation inlines (no indirect call per arithmetic step).
enum OperatorMeaning {
    /// `+ - * / ^ %`: the number operation and the tensor kernel (`NumberOperator.kernel`).
    case arithmetic(any NumberOperator.Type)
    /// `< <= > >=`: a boolean for two numbers or strings, 0/1 elementwise for tensors.
    case ordering(any NumberComparison.Type)
    /// `== !=`: whole-value equality (`Interpreter.equal`), negated for `!=`; `test` is that
    /// equality for two numbers.
    case equality(any NumberComparison.Type, negated: Bool)
}

/// Code compiled for one operator from its operation's type: `BinaryOperator.build` calls
/// the method of the operator's kind with the operation's concrete type, so the code the
/// site makes (and keeps in itself) is specialised for that operator. Opening an
/// existential `any NumberOperator.Type` instead would run the site's code unspecialised:
/// witness calls for every operation, about 40% more instructions in interpreted loops.
protocol OperatorSite {
    mutating func arithmetic<O: NumberOperator>(_: O.Type)
    mutating func ordering<C: NumberComparison>(_: C.Type)
    mutating func equality<C: NumberComparison>(_: C.Type, negated: Bool)
}

/// A site that compiles arithmetic operators only (it makes nothing for comparisons).
protocol ArithmeticSite: OperatorSite {}

extension ArithmeticSite {
    mutating func ordering<C: NumberComparison>(_: C.Type) {}
    mutating func equality<C: NumberComparison>(_: C.Type, negated: Bool) {}
}

/// A site that compiles ordering comparisons `< <= > >=` only.
protocol OrderingSite: OperatorSite {}

extension OrderingSite {
    mutating func arithmetic<O: NumberOperator>(_: O.Type) {}
    mutating func equality<C: NumberComparison>(_: C.Type, negated: Bool) {}
}

extension BinaryOperator {
    /// The table: hands this operator's operation, as a concrete type, to `site`.
    func build<S: OperatorSite>(_ site: inout S) {
        switch self {
        case .add: site.arithmetic(AddOperator.self)
        case .subtract: site.arithmetic(SubtractOperator.self)
        case .multiply: site.arithmetic(MultiplyOperator.self)
        case .divide: site.arithmetic(DivideOperator.self)
        case .power: site.arithmetic(PowerOperator.self)
        case .modulo: site.arithmetic(ModuloOperator.self)
        case .less: site.ordering(LessComparison.self)
        case .lessEqual: site.ordering(LessEqualComparison.self)
        case .greater: site.ordering(GreaterComparison.self)
        case .greaterEqual: site.ordering(GreaterEqualComparison.self)
        case .equal: site.equality(EqualComparison.self, negated: false)
        case .notEqual: site.equality(NotEqualComparison.self, negated: true)
        }
    }

    /// This operator's meaning as a value (see `OperatorMeaning`), for code that need not be
    /// specialised: which kind of operator it is, the general path.
    var meaning: OperatorMeaning {
        var site = MeaningSite()
        build(&site)
        guard let meaning = site.meaning else { preconditionFailure("every operator has a meaning") }
        return meaning
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

    /// Builds `site`'s code for this operator and returns the site.
    func built<S: OperatorSite>(_ site: S) -> S {
        var site = site
        build(&site)
        return site
    }
}

/// `BinaryOperator.meaning`'s site: the operation as a value.
private struct MeaningSite: OperatorSite {
    var meaning: OperatorMeaning?
    mutating func arithmetic<O: NumberOperator>(_: O.Type) { meaning = .arithmetic(O.self) }
    mutating func ordering<C: NumberComparison>(_: C.Type) { meaning = .ordering(C.self) }
    mutating func equality<C: NumberComparison>(_: C.Type, negated: Bool) { meaning = .equality(C.self, negated: negated) }
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
