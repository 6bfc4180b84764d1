// The syntax tree: enums with the source range beside the kind (STYLE.md §4). The parser
// builds it, the compiler walks it once and turns it into closures; nothing runs the tree.

public struct Expr: Sendable {
    public indirect enum Kind: Sendable {
        case null
        case bool(Bool)
        case int(Int64)
        case decimal(Double)
        /// A string literal with its literal text and interpolated expressions in order.
        case text([TextPart])
        case name(String)
        case list([Expr])
        /// `{name: expr, ...}`: field names in the order written.
        case record([(name: String, value: Expr)])
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// `and` / `or`, which do not evaluate their right side when the left decides.
        case logical(isAnd: Bool, Expr, Expr)
        case call(Expr, [Expr])
        case index(Expr, Expr)
        /// `a.name`; the range of the name is kept for diagnostics.
        case member(Expr, String, SourceRange)
        case lambda(FunctionDecl)
        case pipeline(Expr, [Stage])
        /// `name: value` inside a call's parentheses (`merge_units(from: 17, into: 12)`); the
        /// range of the label is kept for diagnostics. Only a host function takes labels: the
        /// compiler reports one anywhere else.
        case labelled(String, SourceRange, Expr)
        /// `insert TABLE value`: the table's name as written and its range, and the record or
        /// list of records to insert.
        case insert(String, SourceRange, Expr)
    }

    public let kind: Kind
    public let range: SourceRange
}

public enum TextPart: Sendable {
    case text(String)
    case expr(Expr)
}

public enum UnaryOperator: Sendable { case negate, not }

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case matches = "~"
}

/// A function written with `fn name(params) { ... }` or `params => body`.
public struct FunctionDecl: Sendable {
    /// nil for an anonymous function.
    public let name: String?
    public let params: [(name: String, range: SourceRange)]
    public let body: [Stmt]
    public let range: SourceRange
}

/// One stage of a pipeline, after a `|`.
public struct Stage: Sendable {
    public enum Kind: Sendable {
        case filter(Expr)
        case select([SelectItem])
        case sort([SortKey])
        /// `group by a, b`: one key or several (each `name: expr` or a path).
        case group([GroupKey])
        case take(Expr)
        case skip(Expr)
        case distinct
        case first
        case count
        /// `xs | f(a, b)` calls `f(xs, a, b)`; `xs | f` calls `f(xs)`.
        case call(Expr, [Expr])
        /// `expect N`: the items unchanged when there are exactly N of them, else an error.
        case expect(Expr)
        /// `update name = value, ...`: the last stage, over rows of a table.
        case update([ColumnAssignment])
        /// `delete` or `delete cascade`: the last stage, over rows of a table.
        case delete(cascade: Bool)
    }

    public let kind: Kind
    public let range: SourceRange
}

public struct SelectItem: Sendable {
    /// The column's name: given with `name: expr`, or taken from a name or dotted path.
    public let name: String
    public let value: Expr
    /// True for a name written as text (`"Số mô hình": count()`): a heading to show as written.
    public var isHeading = false
}

/// One key of `group by`. With several keys the group's `key` is a record with a field per
/// key, named by `name`; with one, `key` is the value itself.
public struct GroupKey: Sendable {
    /// Given with `name: expr`, or the last name of a path (`unit.cluster.name` → "name");
    /// nil for another expression, which only a single key may be.
    public let name: String?
    public let value: Expr
    /// Where the key starts, for messages.
    public let range: SourceRange
}

/// `name = value` in an `update` stage.
public struct ColumnAssignment: Sendable {
    public let name: String
    public let nameRange: SourceRange
    public let value: Expr
}

public struct SortKey: Sendable {
    /// nil sorts the items themselves (`xs | sort desc`).
    public let value: Expr?
    public let descending: Bool
}

public struct Stmt: Sendable {
    public indirect enum Kind: Sendable {
        case expression(Expr)
        case `let`(String, SourceRange, Expr)
        case assign(target: Expr, value: Expr)
        case function(FunctionDecl)
        case `if`(Expr, [Stmt], else: [Stmt]?)
        case `while`(Expr, [Stmt])
        case `for`(String, SourceRange, Expr, [Stmt])
        case `break`
        case `continue`
        case `return`(Expr?)
        /// `transaction { ... }`: the block's changes all happen or, on an error, none.
        case transaction([Stmt])
        /// `param NAME: TYPE = DEFAULT`: a value the person running the script may give.
        case param(ParamDecl)
        /// `import "lib/common.dv"`: the path as written and the range of its literal.
        case `import`(String, SourceRange)
    }

    public let kind: Kind
    public let range: SourceRange
}

/// `param year: int = 2024  # the review year` (Parser+Scripts.swift).
public struct ParamDecl: Sendable {
    public let name: String
    public let nameRange: SourceRange
    /// The type as written (`int`, `number`, `text`, `date`, `bool`); checked by the compiler.
    public let typeName: String
    public let typeRange: SourceRange
    /// nil: the parameter is required.
    public let defaultValue: Expr?
}
