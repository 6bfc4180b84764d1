// Tokens: the kind, the byte range in the source, and whether a line break came before
// (the grammar uses that in three places: a call's `(` or an index's `[` must be on the same
// line as what they apply to, and `return`'s value must start on the `return` line).

public enum Keyword: String, Sendable, CaseIterable {
    case `let`, fn, `if`, `else`, `for`, `in`, `while`, `break`, `continue`, `return`
    case and, or, not, `true`, `false`, null
}

public enum Symbol: String, Sendable, CaseIterable {
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}", comma = ",", dot = ".", colon = ":", semicolon = ";"
    case pipe = "|", assign = "=", arrow = "=>"
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case tilde = "~"
}

/// A piece of a string literal: literal text, or the byte range of an `{expression}`.
public enum StringPart: Sendable, Equatable {
    case text(String)
    case code(SourceRange)
}

public enum TokenKind: Sendable, Equatable {
    /// An identifier; its text is `Token.text`.
    case name
    case keyword(Keyword)
    case int(Int64)
    case decimal(Double)
    case string([StringPart])
    case symbol(Symbol)
    /// Only produced when the lexer is asked to keep comments (highlighting).
    case comment
    /// Text the lexer could not read; the lexer has also reported a diagnostic.
    case invalid
    case end
}

public struct Token: Sendable {
    public let kind: TokenKind
    public let range: SourceRange
    /// The identifier's text (names), empty for other kinds.
    public let text: String
    /// True when a line break separates this token from the previous one.
    public let newlineBefore: Bool

    /// Words that start a pipeline stage after `|`. They are not reserved: `first(xs)` and
    /// `count` as a variable still work elsewhere. The REPL highlights them.
    public static let stageWords: Set<String> = [
        "where", "select", "sort", "group", "by", "take", "skip", "distinct", "first", "count", "asc", "desc",
        "expect", "update", "delete", "cascade",
    ]

    /// Words that start a statement only where the parser looks for them (`insert units {...}`,
    /// `transaction {`, `param`, `import "f.dv"`), so they stay usable as names. Listed here so
    /// `:help` and its test know them as `Keyword.allCases` knows the reserved ones.
    public static let statementWords: Set<String> = ["transaction", "insert", "param", "import"]
}
