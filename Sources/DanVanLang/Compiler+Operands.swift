// Arithmetic and comparisons, specialised on the shape of their operands. Reading a local
// slot or a constant inline, instead of calling a closure for it, halves the closures run per
// operation in loops and recursive functions (`n < 2`, `n - 1`, `i + 1`, `total + x`).
// Integers are handled inline; anything else goes through `Operators`.

/// An operand as the compiler sees it: a local slot, a constant, `local ± constant` (only as
/// a call's argument: see `argument`), or any other expression.
enum Operand {
    case slot(Int)
    case constant(Value)
    case arithmetic(SlotArithmetic)
    case other(Eval)

    /// Its value: a `switch` the branch predictor learns, a closure call only for `.other`.
    @inline(__always)
    func value(_ frame: inout Frame) throws -> Value {
        switch self {
        case .slot(let slot): return frame.base[slot]
        case .constant(let value): return value
        case .arithmetic(let arithmetic): return try arithmetic.value(&frame)
        case .other(let eval): return try eval(&frame)
        }
    }
}

/// A call site's arguments in a block of their own: read in place through the pointer, an
/// operand is not copied out (an array element is, which retains what it holds).
final class Operands {
    let start: UnsafeMutablePointer<Operand>
    let count: Int

    init(_ operands: [Operand]) {
        count = operands.count
        start = .allocate(capacity: operands.count)
        start.initialize(from: operands, count: operands.count)
    }

    deinit {
        start.deinitialize(count: count)
        start.deallocate()
    }
}

/// What a call site calls, decided at compile time.
enum Callee {
    /// A built-in named at the call (`len(xs)`).
    case known(Function)
    /// The function in a global slot (`fib(n - 1)`), read at each call: it may be reassigned.
    case global(GlobalSlot, String, Span)
    /// The value of any other expression (a local, a member, a call's result).
    case computed(Eval, Span)

    @inline(__always)
    func function(_ frame: inout Frame) throws -> Function {
        switch self {
        case .known(let function):
            return function
        case .global(let slot, let name, let at):
            guard case .function(let function) = slot.value.pointee else {
                throw Compiler.notCallableGlobal(slot, name, at)
            }
            return function
        case .computed(let callee, let at):
            let value = try callee(&frame)
            guard case .function(let function) = value else { throw Compiler.notCallable(value, at) }
            return function
        }
    }
}

extension Compiler {
    func operand(_ expr: Expr) -> Operand {
        switch expr.kind {
        case .int(let value): return .constant(.int(value))
        case .decimal(let value): return .constant(.double(value))
        case .bool(let value): return .constant(.bool(value))
        case .null: return .constant(.null)
        case .name(let name):
            let resolved = resolve(name)
            if case .local(.slot(let slot), _) = resolved, stageLookup(name, resolved: resolved, range: expr.range) == nil {
                return .slot(slot)
            }
            return .other(compile(expr))
        default:
            return .other(compile(expr))
        }
    }

    /// A call's argument: as `operand`, and `local ± constant` computed inline.
    func argument(_ expr: Expr) -> Operand {
        if let arithmetic = slotArithmetic(expr) { return .arithmetic(arithmetic) }
        return operand(expr)
    }

    static func eval(_ operand: Operand) -> Eval {
        switch operand {
        case .slot(let slot): return { frame in frame.base[slot] }
        case .constant(let value): return { _ in value }
        case .arithmetic(let arithmetic): return { frame in try arithmetic.value(&frame) }
        case .other(let eval): return eval
        }
    }

    // MARK: comparisons

    func compileComparison(_ op: BinaryOperator, _ leftExpr: Expr, _ rightExpr: Expr, at: Span) -> EvalBool {
        let left = operand(leftExpr)
        let right = operand(rightExpr)
        if op == .matches || op == .equal || op == .notEqual {
            if op != .matches, case .slot(let slot) = left, case .constant(.int(let constant)) = right {
                let equal = op == .equal
                return { frame in
                    if case .int(let x) = frame.base[slot] { return (x == constant) == equal }
                    return try Compiler.slowCompare(op, frame.base[slot], .int(constant), at)
                }
            }
            let l = Compiler.eval(left), r = Compiler.eval(right)
            switch op {
            case .equal: return { frame in try l(&frame) == r(&frame) }
            case .notEqual: return { frame in try l(&frame) != r(&frame) }
            default: return { frame in try Compiler.slowCompare(op, try l(&frame), try r(&frame), at) }
            }
        }
        let order: IntOrder
        switch op {
        case .less: order = .less
        case .lessEqual: order = .lessEqual
        case .greater: order = .greater
        default: order = .greaterEqual
        }
        switch (left, right) {
        case (.slot(let slot), .constant(.int(let constant))):
            return { frame in
                if case .int(let x) = frame.base[slot] { return order.holds(x, constant) }
                return try Compiler.slowCompare(op, frame.base[slot], .int(constant), at)
            }
        case (.slot(let a), .slot(let b)):
            return { frame in
                if case .int(let x) = frame.base[a], case .int(let y) = frame.base[b] { return order.holds(x, y) }
                return try Compiler.slowCompare(op, frame.base[a], frame.base[b], at)
            }
        case (.other(let l), .constant(.int(let constant))):
            return { frame in
                let a = try l(&frame)
                if case .int(let x) = a { return order.holds(x, constant) }
                return try Compiler.slowCompare(op, a, .int(constant), at)
            }
        default:
            let l = Compiler.eval(left), r = Compiler.eval(right)
            return { frame in
                let a = try l(&frame), b = try r(&frame)
                if case .int(let x) = a, case .int(let y) = b { return order.holds(x, y) }
                return try Compiler.slowCompare(op, a, b, at)
            }
        }
    }

    // MARK: arithmetic

    func compileArithmetic(_ op: BinaryOperator, _ leftExpr: Expr, _ rightExpr: Expr, at: Span) -> Eval {
        let left = operand(leftExpr)
        let right = operand(rightExpr)
        guard let intOp = IntArithmetic(op) else {
            let l = Compiler.eval(left), r = Compiler.eval(right)
            return { frame in try Compiler.slowArithmetic(op, try l(&frame), try r(&frame), at) }
        }
        switch (left, right) {
        case (.slot(let slot), .constant(.int(let constant))):
            return { frame in
                if case .int(let x) = frame.base[slot], let result = intOp.apply(x, constant) { return .int(result) }
                return try Compiler.slowArithmetic(op, frame.base[slot], .int(constant), at)
            }
        case (.slot(let a), .slot(let b)):
            return { frame in
                if case .int(let x) = frame.base[a], case .int(let y) = frame.base[b], let result = intOp.apply(x, y) { return .int(result) }
                return try Compiler.slowArithmetic(op, frame.base[a], frame.base[b], at)
            }
        case (.other(let l), .constant(.int(let constant))):
            return { frame in
                let a = try l(&frame)
                if case .int(let x) = a, let result = intOp.apply(x, constant) { return .int(result) }
                return try Compiler.slowArithmetic(op, a, .int(constant), at)
            }
        case (.other(let l), .slot(let slot)):
            return { frame in
                let a = try l(&frame)
                if case .int(let x) = a, case .int(let y) = frame.base[slot], let result = intOp.apply(x, y) { return .int(result) }
                return try Compiler.slowArithmetic(op, a, frame.base[slot], at)
            }
        default:
            let l = Compiler.eval(left), r = Compiler.eval(right)
            return { frame in
                let a = try l(&frame), b = try r(&frame)
                if case .int(let x) = a, case .int(let y) = b, let result = intOp.apply(x, y) { return .int(result) }
                return try Compiler.slowArithmetic(op, a, b, at)
            }
        }
    }

    @inline(never)
    static func slowArithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value, _ at: Span) throws -> Value {
        do { return try Operators.binary(op, a, b) } catch let error as RuntimeError { throw error.located(at) }
    }

    @inline(never)
    static func slowCompare(_ op: BinaryOperator, _ a: Value, _ b: Value, _ at: Span) throws -> Bool {
        do { return try Operators.compare(op, a, b) } catch let error as RuntimeError { throw error.located(at) }
    }
}

/// An integer ordering, decided once at compile time; `holds` is a switch the branch
/// predictor learns, cheaper than a closure call.
enum IntOrder {
    case less, lessEqual, greater, greaterEqual

    @inline(__always)
    func holds(_ x: Int64, _ y: Int64) -> Bool {
        switch self {
        case .less: return x < y
        case .lessEqual: return x <= y
        case .greater: return x > y
        case .greaterEqual: return x >= y
        }
    }
}

/// Integer `+ - * %` without traps: nil on overflow or a zero divisor (the slow path then
/// reports it). `/` always takes the slow path, which decides between integer and decimal
/// results; `%` of two integers is always an integer (truncated, as `Operators.remainder`).
enum IntArithmetic {
    case add, subtract, multiply, remainder

    init?(_ op: BinaryOperator) {
        switch op {
        case .add: self = .add
        case .subtract: self = .subtract
        case .multiply: self = .multiply
        case .remainder: self = .remainder
        default: return nil
        }
    }

    @inline(__always)
    func apply(_ x: Int64, _ y: Int64) -> Int64? {
        let (result, overflow): (Int64, Bool)
        switch self {
        case .add: (result, overflow) = x.addingReportingOverflow(y)
        case .subtract: (result, overflow) = x.subtractingReportingOverflow(y)
        case .multiply: (result, overflow) = x.multipliedReportingOverflow(by: y)
        case .remainder:
            if y == 0 { return nil }
            (result, overflow) = x.remainderReportingOverflow(dividingBy: y)
        }
        return overflow ? nil : result
    }
}

/// A condition `slot < constant` (or `<= > >=`) on a local and an integer literal, tested
/// inside the `if` or `while` closure itself: a loop's test then costs no closure call.
struct SlotTest {
    let slot: Int
    let constant: Int64
    let order: IntOrder
    let op: BinaryOperator
    let at: Span

    @inline(__always)
    func holds(_ frame: inout Frame) throws -> Bool {
        if case .int(let x) = frame.base[slot] { return order.holds(x, constant) }
        return try Compiler.slowCompare(op, frame.base[slot], .int(constant), at)
    }
}

extension Compiler {
    /// The condition as a `SlotTest`, or nil when it has another shape. Only outside pipeline
    /// stages, where a name cannot be a column, so resolving it here has no side effect.
    func slotTest(_ expr: Expr) -> SlotTest? {
        guard case .binary(let op, let leftExpr, let rightExpr) = expr.kind,
              case .name(let name) = leftExpr.kind, case .int(let constant) = rightExpr.kind,
              case .local(.slot(let slot), _) = resolve(name) else { return nil }
        var state: FunctionState? = function
        while let current = state {
            if !current.stages.isEmpty { return nil }
            state = current.parent
        }
        let order: IntOrder
        switch op {
        case .less: order = .less
        case .lessEqual: order = .lessEqual
        case .greater: order = .greater
        case .greaterEqual: order = .greaterEqual
        default: return nil
        }
        return SlotTest(slot: slot, constant: constant, order: order, op: op, at: span(expr.range))
    }
}

/// An argument `n - 1` (`+ - * %` of a local and an integer literal), computed inside the
/// call's closure: a recursive call then runs one closure fewer.
struct SlotArithmetic {
    let slot: Int
    let constant: Int64
    let intOp: IntArithmetic
    let op: BinaryOperator
    let at: Span

    @inline(__always)
    func value(_ frame: inout Frame) throws -> Value {
        if case .int(let x) = frame.base[slot], let result = intOp.apply(x, constant) { return .int(result) }
        return try Compiler.slowArithmetic(op, frame.base[slot], .int(constant), at)
    }
}

extension Compiler {
    /// The expression as a `SlotArithmetic`, or nil when it has another shape (the same
    /// conditions as `slotTest`).
    func slotArithmetic(_ expr: Expr) -> SlotArithmetic? {
        guard case .binary(let op, let leftExpr, let rightExpr) = expr.kind, let intOp = IntArithmetic(op),
              case .name(let name) = leftExpr.kind, case .int(let constant) = rightExpr.kind,
              case .local(.slot(let slot), _) = resolve(name) else { return nil }
        var state: FunctionState? = function
        while let current = state {
            if !current.stages.isEmpty { return nil }
            state = current.parent
        }
        return SlotArithmetic(slot: slot, constant: constant, intOp: intOp, op: op, at: span(expr.range))
    }
}
