import Foundation
import KLSNumerics

/// Number–number operators as types, so the compiler's arithmetic closures are specialised
/// per operator and the operation inlines (no indirect call per arithmetic step).
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
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { y == 2 ? x * x : Foundation.pow(x, y) }
}

enum ModuloOperator: NumberOperator {
    static var kernel: BinaryOp { .mod }
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { BinaryOp.floorMod(x, y) }
}

/// Number–number comparisons as types (see `NumberOperator`).
protocol NumberComparison {
    static func test(_ x: Double, _ y: Double) -> Bool
}

enum LessComparison: NumberComparison {
    @inline(__always) static func test(_ x: Double, _ y: Double) -> Bool { x < y }
}

enum LessEqualComparison: NumberComparison {
    @inline(__always) static func test(_ x: Double, _ y: Double) -> Bool { x <= y }
}

enum GreaterComparison: NumberComparison {
    @inline(__always) static func test(_ x: Double, _ y: Double) -> Bool { x > y }
}

enum GreaterEqualComparison: NumberComparison {
    @inline(__always) static func test(_ x: Double, _ y: Double) -> Bool { x >= y }
}

/// Number equality as `Interpreter.equal` decides it for two numbers (nan ≠ nan).
enum EqualComparison: NumberComparison {
    @inline(__always) static func test(_ x: Double, _ y: Double) -> Bool { x == y }
}

enum NotEqualComparison: NumberComparison {
    @inline(__always) static func test(_ x: Double, _ y: Double) -> Bool { x != y }
}
