// The grammar of changing data: `insert TABLE value`, `transaction { ... }`, and the stages
// `update`, `delete` and `expect`. `insert` and `transaction` are not reserved: each is a
// keyword only where an older program could not have had the name (`insert` followed by a
// name on its own line, `transaction` followed by `{`), so a variable called `insert` or
// `transaction` still works. `update`, `delete` and `expect` are stage words, recognised only
// right after `|` as `where` and `take` are.
import VietText

extension Parser {
    /// True at `insert NAME` (the name on the same line): an insert, not the name `insert`.
    func atInsert() -> Bool {
        guard checkName("insert") else { return false }
        let next = tokens[min(index + 1, tokens.count - 1)]
        if case .name = next.kind, !next.newlineBefore { return true }
        return false
    }

    /// insert → "insert" NAME expression
    /// The value reaches as far as an expression does, pipelines included:
    /// `insert units old | where kind == "ward"` inserts the wards of `old`.
    func insertExpression() throws -> Expr {
        let start = advance().range
        let table = advance()
        try nest()
        defer { unnest() }
        let value = try expression()
        return Expr(kind: .insert(table.text, table.range, value), range: start.to(value.range))
    }

    /// True at `transaction {`: a transaction block, not the name `transaction`.
    func atTransaction() -> Bool {
        checkName("transaction") && peekKind(1) == .symbol(.leftBrace)
    }

    /// transactionStatement → "transaction" block
    func transactionStatement() throws -> Stmt {
        let start = advance().range
        let body = try block()
        return Stmt(kind: .transaction(body), range: start.to(previous.range))
    }

    /// updateStage → "update" NAME "=" expr ("," NAME "=" expr)*   (after the word "update")
    func updateAssignments() throws -> [ColumnAssignment] {
        var assignments: [ColumnAssignment] = []
        repeat {
            guard case .name = current.kind else { throw error(ParseMessages.expectedUpdateColumn) }
            let name = advance()
            try expect(.assign, ParseMessages.expectedUpdateAssign)
            let value = try binary(1)
            assignments.append(ColumnAssignment(name: name.text, nameRange: name.range, value: value))
        } while match(.comma)
        return assignments
    }

    /// deleteStage → "delete" "cascade"?   (after the word "delete"); nothing else may follow.
    func deleteCascade() throws -> Bool {
        var cascade = false
        if checkName("cascade") && !current.newlineBefore {
            advance()
            cascade = true
        }
        if !stageEnds() { throw error(ParseMessages.expectedDeleteEnd) }
        return cascade
    }
}
