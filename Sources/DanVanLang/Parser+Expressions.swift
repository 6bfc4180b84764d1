// Expressions, from lowest to highest precedence:
//   lambda (`x => ...`) · pipeline `|` · `or` · `and` · `not` · comparison (== != < <= > >= ~)
//   · `+ -` · `* / %` · unary `-` · postfix (call, index, member) · primary.
// Binary levels are handled by precedence climbing in one function.
import VietText

extension Parser {
    /// expression → lambda | insert (Parser+Writes.swift) | pipeline
    func expression() throws -> Expr {
        if atInsert() { return try insertExpression() }
        if let lambda = try lambdaIfPresent() { return lambda }
        return try pipeline()
    }

    /// parameterList → (NAME ("," NAME)*)? ")"   (after the "(" of `fn` or a lambda)
    func parameterList() throws -> [(name: String, range: SourceRange)] {
        var params: [(name: String, range: SourceRange)] = []
        if !check(.rightParen) {
            repeat {
                guard case .name = current.kind else { throw error(ParseMessages.expectedParam) }
                let token = advance()
                params.append((token.text, token.range))
            } while match(.comma)
        }
        try expect(.rightParen, ParseMessages.expectedCloseParams)
        return params
    }

    /// lambda → (NAME | "(" (NAME ("," NAME)*)? ")") "=>" (block | expression)
    /// In a stage (`select f: x => x * it`), `inStage`, a body without braces stops at the
    /// next `|` or `,` as the stage's other expressions do: body → block | lambda | binary.
    func lambdaIfPresent(inStage: Bool = false) throws -> Expr? {
        let start = current.range
        var params: [(name: String, range: SourceRange)] = []
        if case .name = current.kind, case .symbol(.arrow) = peekKind(1) {
            let token = advance()
            params.append((token.text, token.range))
        } else if check(.leftParen) && looksLikeParameterList() {
            advance()
            params = try parameterList()
        } else {
            return nil
        }
        advance() // the `=>` that the look-ahead found
        try nest()
        defer { unnest() }
        let body: [Stmt]
        if check(.leftBrace) && !looksLikeRecord() {
            body = try block()
        } else {
            let value: Expr
            if inStage { value = try lambdaIfPresent(inStage: true) ?? binary(1) } else { value = try expression() }
            body = [Stmt(kind: .return(value), range: value.range)]
        }
        let declaration = FunctionDecl(name: nil, params: params, body: body, range: start.to(previous.range))
        return Expr(kind: .lambda(declaration), range: declaration.range)
    }

    /// `(` `)` `=>`, or `(` NAME (`,` NAME)* `)` `=>`: bounded look-ahead, never a scan.
    func looksLikeParameterList() -> Bool {
        var ahead = 1
        if case .symbol(.rightParen) = peekKind(ahead) {
            if case .symbol(.arrow) = peekKind(ahead + 1) { return true }
            return false
        }
        while true {
            guard case .name = peekKind(ahead) else { return false }
            ahead += 1
            switch peekKind(ahead) {
            case .symbol(.comma): ahead += 1
            case .symbol(.rightParen):
                if case .symbol(.arrow) = peekKind(ahead + 1) { return true }
                return false
            default: return false
            }
        }
    }

    /// After `=>`, `{` starts a record when it is `{}` or `{name:` / `{"name":`, else a block.
    func looksLikeRecord() -> Bool {
        switch peekKind(1) {
        case .symbol(.rightBrace): return true
        case .name, .string:
            if case .symbol(.colon) = peekKind(2) { return true }
            return false
        default: return false
        }
    }

    /// pipeline → binary ("|" stage)*
    func pipeline() throws -> Expr {
        let source = try binary(1)
        guard check(.pipe) else { return source }
        var stages: [Stage] = []
        while match(.pipe) {
            stages.append(try stage())
        }
        return Expr(kind: .pipeline(source, stages), range: source.range.to(previous.range))
    }

    /// Binding power of the binary operator at the current token, or nil.
    func binaryPrecedence() -> (Int, BinaryOperator?)? {
        switch current.kind {
        case .keyword(.or): return (1, nil)
        case .keyword(.and): return (2, nil)
        case .symbol(let symbol):
            switch symbol {
            case .equal: return (4, .equal)
            case .notEqual: return (4, .notEqual)
            case .less: return (4, .less)
            case .lessEqual: return (4, .lessEqual)
            case .greater: return (4, .greater)
            case .greaterEqual: return (4, .greaterEqual)
            case .tilde: return (4, .matches)
            case .plus: return (5, .add)
            case .minus: return (5, .subtract)
            case .star: return (6, .multiply)
            case .slash: return (6, .divide)
            case .percent: return (6, .remainder)
            default: return nil
            }
        default: return nil
        }
    }

    /// binary → ("not" binary | unary) (operator binary)*, by precedence climbing:
    /// or (1) < and (2) < not (3) < comparison (4, not chainable) < + - (5) < * / % (6).
    func binary(_ minimum: Int) throws -> Expr {
        var left: Expr
        if check(.not) {
            let start = advance().range
            try nest()
            defer { unnest() }
            let operand = try binary(4)
            left = Expr(kind: .unary(.not, operand), range: start.to(operand.range))
        } else {
            left = try unary()
        }
        var lastWasComparison = false
        // Each operator of a chain (`1 + 1 + ...`) puts the tree one level deeper on the left:
        // it counts as a level of nesting, so no later walk of the tree goes deeper than the limit.
        var links = 0
        defer { depth -= links }
        while let (precedence, op) = binaryPrecedence(), precedence >= minimum {
            if precedence == 4 && lastWasComparison {
                throw error(ParseMessages.chainedComparison)
            }
            try nest()
            links += 1
            advance()
            let right = try binary(precedence + 1)
            let range = left.range.to(right.range)
            if let op {
                left = Expr(kind: .binary(op, left, right), range: range)
            } else {
                left = Expr(kind: .logical(isAnd: precedence == 2, left, right), range: range)
            }
            lastWasComparison = precedence == 4
        }
        return left
    }

    /// unary → "-" unary | postfix
    func unary() throws -> Expr {
        try nest()
        defer { unnest() }
        if check(.minus) {
            let start = advance().range
            let operand = try unary()
            // Fold `-5` into a constant so that the most negative integer can be written.
            if case .int(let value) = operand.kind, operand.range.start == start.end {
                return Expr(kind: .int(0 &- value), range: start.to(operand.range))
            }
            if case .decimal(let value) = operand.kind, operand.range.start == start.end {
                return Expr(kind: .decimal(-value), range: start.to(operand.range))
            }
            return Expr(kind: .unary(.negate, operand), range: start.to(operand.range))
        }
        return try postfix()
    }

    /// postfix → primary ( "(" arguments ")" | "[" expression "]" | "." NAME )*
    /// A `(` or `[` on a new line starts a new statement instead.
    func postfix() throws -> Expr {
        var expr = try primary()
        // Each call, index or member of a chain (`f(1)(1)`, `a[1][1]`, `r.a.a`) after the first
        // is one level deeper, as in `binary` (the first is counted with what is inside it).
        var links = 0, seen = 0
        defer { depth -= links }
        while true {
            if check(.leftParen) || check(.leftBracket) || check(.dot) {
                if seen > 0 {
                    try nest()
                    links += 1
                }
                seen += 1
            }
            if check(.leftParen) && !current.newlineBefore {
                advance()
                let arguments = try argumentList()
                expr = Expr(kind: .call(expr, arguments), range: expr.range.to(previous.range))
            } else if check(.leftBracket) && !current.newlineBefore {
                advance()
                let index = try expression()
                try expect(.rightBracket, ParseMessages.expectedCloseIndex)
                expr = Expr(kind: .index(expr, index), range: expr.range.to(previous.range))
            } else if check(.dot) {
                advance()
                guard case .name = current.kind else {
                    if case .keyword = current.kind {
                        let token = advance()
                        expr = Expr(kind: .member(expr, token.text, token.range), range: expr.range.to(token.range))
                        continue
                    }
                    throw error(ParseMessages.expectedFieldName)
                }
                let token = advance()
                expr = Expr(kind: .member(expr, token.text, token.range), range: expr.range.to(token.range))
            } else {
                return expr
            }
        }
    }

    /// arguments → (argument ("," argument)* ","?)? ")"   argument → (NAME ":")? expression
    /// A label is unambiguous here: inside `(...)` a name followed by `:` starts nothing else.
    func argumentList() throws -> [Expr] {
        var arguments: [Expr] = []
        while !check(.rightParen) {
            if case .name = current.kind, case .symbol(.colon) = peekKind(1) {
                let label = advance()
                advance()
                let value = try expression()
                arguments.append(Expr(kind: .labelled(label.text, label.range, value), range: label.range.to(value.range)))
            } else {
                arguments.append(try expression())
            }
            if !match(.comma) { break }
        }
        try expect(.rightParen, ParseMessages.expectedCloseArguments)
        return arguments
    }

    /// primary → NUMBER | STRING | "true" | "false" | "null" | NAME | "(" expression ")"
    ///         | list | record | "fn" functionRest
    func primary() throws -> Expr {
        let token = current
        switch token.kind {
        case .int(let value): advance(); return Expr(kind: .int(value), range: token.range)
        case .decimal(let value): advance(); return Expr(kind: .decimal(value), range: token.range)
        case .keyword(.true): advance(); return Expr(kind: .bool(true), range: token.range)
        case .keyword(.false): advance(); return Expr(kind: .bool(false), range: token.range)
        case .keyword(.null): advance(); return Expr(kind: .null, range: token.range)
        case .name: advance(); return Expr(kind: .name(token.text), range: token.range)
        case .string(let parts):
            advance()
            return Expr(kind: .text(try interpolation(parts)), range: token.range)
        case .keyword(.fn):
            advance()
            let declaration = try functionRest(start: token.range, named: false)
            return Expr(kind: .lambda(declaration), range: declaration.range)
        case .symbol(.leftParen):
            advance()
            let inner = try expression()
            try expect(.rightParen, ParseMessages.expectedCloseParen)
            return Expr(kind: inner.kind, range: token.range.to(previous.range))
        case .symbol(.leftBracket):
            advance()
            var items: [Expr] = []
            while !check(.rightBracket) {
                items.append(try expression())
                if !match(.comma) { break }
            }
            try expect(.rightBracket, ParseMessages.expectedCloseList)
            return Expr(kind: .list(items), range: token.range.to(previous.range))
        case .symbol(.leftBrace):
            return try record()
        case .invalid:
            // The lexer has reported it already.
            advance()
            throw Panic()
        case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace), .symbol(.comma):
            throw error(ParseMessages.expectedExpression)
        default:
            throw error(ParseMessages.expectedExpression)
        }
    }

    /// record → "{" (key ":" expression ("," key ":" expression)* ","?)? "}"   key → NAME | STRING
    func record() throws -> Expr {
        let start = advance().range
        var fields: [(name: String, value: Expr)] = []
        while !check(.rightBrace) {
            let key: String
            switch current.kind {
            case .name, .keyword: key = advance().text
            case .string(let parts):
                var text = ""
                for part in parts {
                    guard case .text(let piece) = part else { throw error(ParseMessages.expectedRecordKey) }
                    text += piece
                }
                advance()
                key = text
            default: throw error(ParseMessages.expectedRecordKey)
            }
            try expect(.colon, ParseMessages.expectedRecordColon)
            fields.append((key, try expression()))
            if !match(.comma) { break }
        }
        try expect(.rightBrace, ParseMessages.expectedCloseRecord)
        return Expr(kind: .record(fields), range: start.to(previous.range))
    }

    /// The parts of a string literal; each `{code}` is lexed and parsed as one expression.
    func interpolation(_ parts: [StringPart]) throws -> [TextPart] {
        var out: [TextPart] = []
        for part in parts {
            switch part {
            case .text(let text): out.append(.text(text))
            case .code(let range):
                let inner = Parser(source: source, range: range, depth: depth, stackGuard: stackGuard, inInterpolation: true)
                do {
                    if inner.atEnd { throw inner.error(ParseMessages.expectedExpression) }
                    let expr = try inner.expression()
                    if !inner.atEnd {
                        throw inner.error(ParseMessages.unexpectedToken, [.plain(inner.describe(inner.current))])
                    }
                    diagnostics.append(contentsOf: inner.diagnostics)
                    out.append(.expr(expr))
                } catch {
                    if !abandoned { diagnostics.append(contentsOf: inner.diagnostics) }
                    abandoned = abandoned || inner.abandoned
                    throw Panic()
                }
            }
        }
        return out
    }
}
