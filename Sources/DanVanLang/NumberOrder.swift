// Exact comparison of a whole number with a decimal. Converting the Int64 to a Double rounds
// above 2^53 (9007199254740993 becomes 9007199254740992.0), which made
// `9007199254740993 > 9007199254740992.0` false; the docs promise that whole numbers are exact.
// So the decimal is compared with the integer instead: outside ±2^63 it is beyond every Int64;
// inside, its whole part converts to Int64 exactly and is compared as an integer, and only when
// the whole parts are equal does its fraction decide.

enum NumberOrder {
    /// 2^63, exactly representable as a Double; every Int64 is below it.
    private static let twoTo63 = 9_223_372_036_854_775_808.0

    /// -1, 0 or 1 as `integer` is less than, equal to, or greater than `decimal`; nil when
    /// `decimal` is NaN (unordered: `<`, `==` and `>` are all false).
    static func compare(_ integer: Int64, _ decimal: Double) -> Int? {
        if decimal.isNaN { return nil }
        if decimal >= twoTo63 { return -1 }
        if decimal < -twoTo63 { return 1 }
        // -2^63 <= decimal < 2^63, so its whole part is an Int64 (no trap converting it).
        let whole = decimal.rounded(.towardZero)
        let wholeInteger = Int64(whole)
        if integer != wholeInteger { return integer < wholeInteger ? -1 : 1 }
        if decimal == whole { return 0 }
        return decimal > whole ? -1 : 1
    }

    /// -1, 0 or 1 for two decimals; nil when either is NaN.
    @inline(__always)
    static func compare(_ a: Double, _ b: Double) -> Int? {
        a < b ? -1 : (a > b ? 1 : (a == b ? 0 : nil))
    }

    /// The order of two numbers (integers or decimals) exactly; nil when either is not a
    /// number or is NaN.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.double(let x), .double(let y)): return compare(x, y)
        case (.int(let x), .double(let y)): return compare(x, y)
        case (.double(let x), .int(let y)): return compare(y, x).map { -$0 }
        default: return nil
        }
    }
}
