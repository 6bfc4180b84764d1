// Statements and blocks. Line breaks are not separators: `{ if n < 2 { return n } return n }`
// parses without them. A `;` may end a statement.
import VietText

extension Parser {
    /// program → statement* EOF
    func program() -> [Stmt] {
        var statements: [Stmt] = []
        while !atEnd {
            if check(.rightBrace) {
                report(.syntax, at: current.range.start, Message(ParseMessages.unexpectedToken, ["}"]))
                advance()
                continue
            }
            if let statement = statementRecovering() { statements.append(statement) }
        }
        return statements
    }

    /// One statement; on error, records it, skips to the next statement and returns nil.
    func statementRecovering() -> Stmt? {
        let start = index
        do {
            let statement = try statement()
            _ = match(.semicolon)
            return statement
        } catch {
            synchronize(from: start)
            _ = match(.semicolon)
            return nil
        }
    }

    /// block → "{" statement* "}"
    func block() throws -> [Stmt] {
        try expect(.leftBrace, ParseMessages.expectedBlock)
        try nest()
        defer { unnest() }
        var statements: [Stmt] = []
        while !check(.rightBrace) && !atEnd {
            if let statement = statementRecovering() { statements.append(statement) }
        }
        try expect(.rightBrace, ParseMessages.expectedCloseBlock)
        return statements
    }

    /// statement → letStatement | functionDeclaration | ifStatement | whileStatement
    ///           | forStatement | "break" | "continue" | returnStatement
    ///           | transactionStatement (Parser+Writes.swift)
    ///           | paramStatement | importStatement (Parser+Scripts.swift) | expressionStatement
    func statement() throws -> Stmt {
        let start = current.range
        // `SELECT … FROM …` typed by SQL habit: one message with the DanVan way, not a cascade.
        if case .name = current.kind, current.text.lowercased() == "select" {
            switch peekKind(1) {
            case .name, .symbol(.star):
                report(.syntax, at: start.start, Message(ParseMessages.sqlSelect))
                throw Panic()
            default:
                break
            }
        }
        switch current.kind {
        case .keyword(.let): return try letStatement()
        case .keyword(.fn):
            switch peekKind(1) {
            case .name:
                advance()
                let declaration = try functionRest(start: start, named: true)
                return Stmt(kind: .function(declaration), range: declaration.range)
            case .symbol(.leftParen):
                return try expressionStatement()
            default:
                advance()
                throw error(ParseMessages.expectedFunctionName)
            }
        case .keyword(.if): return try ifStatement()
        case .keyword(.while):
            advance()
            let condition = try expression()
            let body = try block()
            return Stmt(kind: .while(condition, body), range: start.to(previous.range))
        case .keyword(.for): return try forStatement()
        case .keyword(.break):
            advance()
            return Stmt(kind: .break, range: start)
        case .keyword(.continue):
            advance()
            return Stmt(kind: .continue, range: start)
        case .keyword(.return):
            advance()
            // The value must start on the `return` line: `return }` and a `return` at the
            // end of a line return nothing.
            if current.newlineBefore || check(.rightBrace) || check(.semicolon) || atEnd {
                return Stmt(kind: .return(nil), range: start)
            }
            let value = try expression()
            return Stmt(kind: .return(value), range: start.to(value.range))
        default:
            if atTransaction() { return try transactionStatement() }
            if atParam() { return try paramStatement() }
            if atImport() { return try importStatement() }
            return try expressionStatement()
        }
    }

    /// letStatement → "let" NAME "=" expression
    func letStatement() throws -> Stmt {
        let start = advance().range
        guard case .name = current.kind else { throw error(ParseMessages.expectedLetName) }
        let nameToken = advance()
        try expect(.assign, ParseMessages.expectedLetAssign)
        let value = try expression()
        return Stmt(kind: .let(nameToken.text, nameToken.range, value), range: start.to(value.range))
    }

    /// ifStatement → "if" expression block ("else" (ifStatement | block))?
    func ifStatement() throws -> Stmt {
        let start = advance().range
        let condition = try expression()
        let then = try block()
        var otherwise: [Stmt]?
        if match(.else) {
            if check(.if) {
                // `else if` is an `if` inside the `else`: one level deeper, as a block is.
                try nest()
                defer { unnest() }
                otherwise = [try ifStatement()]
            } else {
                otherwise = try block()
            }
        }
        return Stmt(kind: .if(condition, then, else: otherwise), range: start.to(previous.range))
    }

    /// forStatement → "for" NAME "in" expression block
    func forStatement() throws -> Stmt {
        let start = advance().range
        guard case .name = current.kind else { throw error(ParseMessages.expectedLoopName) }
        let nameToken = advance()
        guard match(.in) else { throw error(ParseMessages.expectedIn) }
        let sequence = try expression()
        let body = try block()
        return Stmt(kind: .for(nameToken.text, nameToken.range, sequence, body), range: start.to(previous.range))
    }

    /// functionRest → NAME? "(" (NAME ("," NAME)*)? ")" block   (after "fn")
    func functionRest(start: SourceRange, named: Bool) throws -> FunctionDecl {
        var name: String?
        if named {
            name = advance().text
        }
        try expect(.leftParen, ParseMessages.expectedParams)
        let params = try parameterList()
        let body = try block()
        return FunctionDecl(name: name, params: params, body: body, range: start.to(previous.range))
    }

    /// expressionStatement → expression ("=" expression)?
    func expressionStatement() throws -> Stmt {
        let target = try expression()
        if check(.assign) {
            let assignToken = advance()
            switch target.kind {
            case .name, .member, .index: break
            default:
                // `models | where year = 2024`: the SQL habit of `=` for "equals".
                report(.syntax, at: assignToken.range.start,
                       Message(ParseMessages.invalidAssignTarget, hint: ParseMessages.compareWithDoubleEquals))
                throw Panic()
            }
            let value = try expression()
            return Stmt(kind: .assign(target: target, value: value), range: target.range.to(value.range))
        }
        return Stmt(kind: .expression(target), range: target.range)
    }
}
