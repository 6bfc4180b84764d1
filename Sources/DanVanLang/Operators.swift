// Arithmetic and comparison on values. The compiled closures handle integer fast paths inline
// and call these for everything else. Integers are 64-bit with overflow reported, never
// wrapped; a decimal result that would be infinite or NaN is an error too (`1e308 * 10`);
// `/` of integers that divide exactly stays an integer, otherwise it is a decimal;
// integers and decimals mix by promotion, and compare exactly (NumberOrder); `==` between
// different types is false (null == null is true); ordering different types is an error,
// except that null compares false (so a `where score > 8` skips rows without a score, as SQL
// does).
import VietText

enum Operators {
    static func overflow() -> RuntimeError { RuntimeError(RuntimeMessages.integerOverflow) }

    /// A decimal result as a value; an infinite or NaN one is an error instead, so `inf` and
    /// `nan` never appear (they would print, sort and group as no number does).
    @inline(__always)
    static func finite(_ x: Double) throws -> Value {
        if x.isFinite { return .double(x) }
        throw notFinite(x)
    }

    /// "the result is too large for a number" (infinite) or "the result is not a number" (NaN).
    static func notFinite(_ x: Double) -> RuntimeError {
        RuntimeError(x.isNaN ? RuntimeMessages.resultNotANumber : RuntimeMessages.resultTooLarge)
    }

    static func badOperands(_ op: String, _ a: Value, _ b: Value) -> RuntimeError {
        var message = Message(RuntimeMessages.badOperands, [.plain(op), .localized(a.typeName), .localized(b.typeName)])
        if op == "+", case .text = a { message = Message(message.template, message.args, hint: RuntimeMessages.textJoinHint) }
        else if op == "+", case .text = b { message = Message(message.template, message.args, hint: RuntimeMessages.textJoinHint) }
        return RuntimeError(message)
    }

    static func add(_ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (sum, overflow) = x.addingReportingOverflow(y)
            if overflow { throw Operators.overflow() }
            return .int(sum)
        case (.double(let x), .double(let y)): return try finite(x + y)
        case (.int(let x), .double(let y)): return try finite(Double(x) + y)
        case (.double(let x), .int(let y)): return try finite(x + Double(y))
        case (.text(let x), .text(let y)):
            try Limits.checkText(bytes: x.utf8.count + y.utf8.count)
            return .text(x + y)
        case (.date(let date), .int(let days)), (.int(let days), .date(let date)):
            guard let result = date.adding(days: days) else { throw Operators.overflow() }
            return .date(result)
        default: throw badOperands("+", a, b)
        }
    }

    static func subtract(_ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (difference, overflow) = x.subtractingReportingOverflow(y)
            if overflow { throw Operators.overflow() }
            return .int(difference)
        case (.double(let x), .double(let y)): return try finite(x - y)
        case (.int(let x), .double(let y)): return try finite(Double(x) - y)
        case (.double(let x), .int(let y)): return try finite(x - Double(y))
        case (.date(let date), .int(let days)):
            guard days != Int64.min, let result = date.adding(days: -days) else { throw Operators.overflow() }
            return .date(result)
        case (.date(let x), .date(let y)): return .int(x.dayNumber - y.dayNumber)
        default: throw badOperands("-", a, b)
        }
    }

    static func multiply(_ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (product, overflow) = x.multipliedReportingOverflow(by: y)
            if overflow { throw Operators.overflow() }
            return .int(product)
        case (.double(let x), .double(let y)): return try finite(x * y)
        case (.int(let x), .double(let y)): return try finite(Double(x) * y)
        case (.double(let x), .int(let y)): return try finite(x * Double(y))
        default: throw badOperands("*", a, b)
        }
    }

    static func divide(_ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { throw RuntimeError(RuntimeMessages.divisionByZero) }
            let (quotient, overflow) = x.dividedReportingOverflow(by: y)
            if overflow { throw Operators.overflow() }
            let (remainder, _) = x.remainderReportingOverflow(dividingBy: y)
            return remainder == 0 ? .int(quotient) : .double(Double(x) / Double(y))
        default:
            guard let x = a.asDouble, let y = b.asDouble else { throw badOperands("/", a, b) }
            if y == 0 { throw RuntimeError(RuntimeMessages.divisionByZero) }
            return try finite(x / y)
        }
    }

    static func remainder(_ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { throw RuntimeError(RuntimeMessages.divisionByZero) }
            let (remainder, overflow) = x.remainderReportingOverflow(dividingBy: y)
            if overflow { throw Operators.overflow() }
            return .int(remainder)
        default:
            guard let x = a.asDouble, let y = b.asDouble else { throw badOperands("%", a, b) }
            if y == 0 { throw RuntimeError(RuntimeMessages.divisionByZero) }
            return try finite(x.truncatingRemainder(dividingBy: y))
        }
    }

    static func negate(_ a: Value) throws -> Value {
        switch a {
        case .int(let x):
            let (negated, overflow) = Int64(0).subtractingReportingOverflow(x)
            if overflow { throw Operators.overflow() }
            return .int(negated)
        case .double(let x): return .double(-x)
        default: throw RuntimeError(RuntimeMessages.badOperand, [.plain("-"), .localized(a.typeName)])
        }
    }

    /// `a < b` as -1, 0, 1; nil when either side is null. Throws for types that do not order.
    static func order(_ a: Value, _ b: Value, _ op: String) throws -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.null, _), (_, .null): return nil
        case (.text(let x), .text(let y)): return textOrder(x, y)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.double, .double), (.int, .double), (.double, .int):
            // Exact, even past 2^53 where an integer does not convert to a decimal exactly.
            return NumberOrder.compare(a, b)
        default:
            throw Value.cannotCompare(a, b)
        }
    }

    static func compare(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Bool {
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return (try order(a, b, "<")).map { $0 < 0 } ?? false
        case .lessEqual: return (try order(a, b, "<=")).map { $0 <= 0 } ?? false
        case .greater: return (try order(a, b, ">")).map { $0 > 0 } ?? false
        case .greaterEqual: return (try order(a, b, ">=")).map { $0 >= 0 } ?? false
        case .matches: return try matches(a, b)
        default: return false
        }
    }

    /// `text ~ "dan van kheo"`: every word of the query begins a word of the text, ignoring
    /// case and diacritics (VietText's Search.swift); null never matches.
    static func matches(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.text(let text), .text(let query)): return VietFold.matches(text, query: query)
        case (.null, .text): return false
        default: throw badOperands("~", a, b)
        }
    }

    static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .add: return try add(a, b)
        case .subtract: return try subtract(a, b)
        case .multiply: return try multiply(a, b)
        case .divide: return try divide(a, b)
        case .remainder: return try remainder(a, b)
        default: return .bool(try compare(op, a, b))
        }
    }
}

extension Value {
    var asDouble: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }
}
