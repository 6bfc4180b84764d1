// `insert TABLE value` and `transaction { ... }`, and the rule every write shares for a value
// stored in a column. The core only says which table, which columns (canonical names) and
// which values; the host checks them against its schema and applies them (`HostWriter`).
//
// What can be checked when the code is read is checked then: the table's name, a record
// literal's field names (a typo gets a did-you-mean), `id` (numbered by the data, never set),
// and literal values of the wrong kind or outside a code list (a label means its code, as in
// `where`). Values known only when the program runs get the same checks then.
import VietText

extension Compiler {
    /// Where the statement being compiled is, for the host's change log.
    func writeSite() -> WriteSite {
        WriteSite(source: source.name, line: source.line(of: statementRange.start), text: source.text(of: statementRange))
    }

    /// The function being compiled writes (`Proto.writes`, `VM.mayWrite`).
    func noteWrite() { function.writes = true }

    // MARK: insert

    /// insert → "insert" TABLE expression: the new row for a record, the new rows for a list.
    func compileInsert(_ tableName: String, _ tableRange: SourceRange, _ valueExpr: Expr, range: SourceRange) -> Eval {
        noteWrite()
        guard let table = vm.host?.table(named: tableName) else {
            error(tableRange, Suggest.message(WriteMessages.unknownTable, [.plain(tableName)],
                                              name: tableName, candidates: vm.host?.tableNames ?? []))
            _ = compile(valueExpr)
            return { _ in .null }
        }
        let schema = table.schema, name = table.name, site = writeSite()
        let value = compile(checkedInsertValue(valueExpr, schema))
        let at = span(range), valueSpan = span(valueExpr.range)
        return { frame in
            let vm = frame.vm
            let writer = try vm.writer(at: at)
            let given = try value(&frame)
            let (records, single) = try Compiler.insertRecords(given, schema, at: valueSpan)
            if records.isEmpty { return .list([]) }
            let rows = try vm.write(at) { try writer.insert(table: name, records: records, site: site) }
            if single { return rows.first.map(Value.row) ?? .null }
            return .list(rows.map(Value.row))
        }
    }

    /// A record literal (or a list of them) checked against the table: its field names, and
    /// its literal values, a label replaced by its code. Other values are checked when run.
    func checkedInsertValue(_ expr: Expr, _ schema: RowSchema) -> Expr {
        switch expr.kind {
        case .record(let fields):
            var written: Set<String> = [], canonical: Set<String> = []
            var checked: [(name: String, value: Expr)] = []
            for field in fields {
                guard let column = settableColumn(field.name, schema, range: field.value.range) else {
                    checked.append(field)
                    continue
                }
                // The same name twice is the record's own error; a name and its alias is ours.
                let repeated = !written.insert(field.name).inserted
                if !canonical.insert(column.canonical).inserted, !repeated {
                    error(field.value.range, WriteMessages.columnTwice, [.plain(column.canonical)])
                }
                checked.append((field.name, checkedAssignedLiteral(field.value, column)))
            }
            return Expr(kind: .record(checked), range: expr.range)
        case .list(let items):
            return Expr(kind: .list(items.map { checkedInsertValue($0, schema) }), range: expr.range)
        default:
            return expr
        }
    }

    /// The column `name` of `schema` that a write may set, or nil after reporting why not.
    func settableColumn(_ name: String, _ schema: RowSchema, range: SourceRange) -> StaticColumn? {
        guard let index = schema.columnIndex[name], index < schema.columns.count else {
            error(range, Suggest.message(StageNameMessages.noColumn, [.plain(schema.table), .plain(name)],
                                         name: name, candidates: Array(schema.columnIndex.keys)))
            return nil
        }
        if schema.columns[index] == "id" {
            error(range, WriteMessages.idNotSettable)
            return nil
        }
        return StaticColumn(schema: schema, index: index, written: name)
    }

    /// A literal to be stored in `column`, checked now: itself, the code its label names, or
    /// (after an error) itself. Any other expression is returned as it is.
    func checkedAssignedLiteral(_ expr: Expr, _ column: StaticColumn) -> Expr {
        guard let literal = Compiler.literalValue(expr) else { return expr }
        switch Compiler.assigned(literal, to: column) {
        case .value(.text(let code)):
            if case .text(let text) = literal, text == code { return expr }
            return Expr(kind: .text([.text(code)]), range: expr.range)
        case .value:
            return expr
        case .problem(let message):
            error(expr.range, message)
            return expr
        }
    }

    /// The records an insert's value gives, fields by canonical column name and values
    /// checked, and whether it was one record (not a list).
    static func insertRecords(_ value: Value, _ schema: RowSchema, at span: Span) throws
        -> (records: [[(name: String, value: Value)]], single: Bool) {
        func fields(_ item: Value) throws -> [(name: String, value: Value)] {
            guard case .record(let record) = item, !record.isGroup else {
                throw RuntimeError(WriteMessages.insertNeedsRecords, [.localized(item.typeName)], at: span)
            }
            var out: [(name: String, value: Value)] = []
            var seen: Set<String> = []
            for (name, given) in zip(record.shape.names, record.values) {
                guard let index = schema.columnIndex[name], index < schema.columns.count else {
                    throw RuntimeError(Suggest.message(StageNameMessages.noColumn, [.plain(schema.table), .plain(name)],
                                                       name: name, candidates: Array(schema.columnIndex.keys)), at: span)
                }
                let column = StaticColumn(schema: schema, index: index, written: name)
                if column.canonical == "id" { throw RuntimeError(WriteMessages.idNotSettable, at: span) }
                if !seen.insert(column.canonical).inserted {
                    throw RuntimeError(WriteMessages.columnTwice, [.plain(column.canonical)], at: span)
                }
                out.append((column.canonical, try stored(given, in: column, at: span)))
            }
            return out
        }
        switch value {
        case .record:
            return ([try fields(value)], true)
        case .list(let list):
            return (try list.items.map(fields), false)
        default:
            throw RuntimeError(WriteMessages.insertNeedsRecords, [.localized(value.typeName)], at: span)
        }
    }

    // MARK: values stored in columns

    /// What `value` becomes when a write stores it in `column`: itself, the code a label
    /// names, the id of a row given to a reference column; or why it cannot go there. The
    /// same rule for a literal (checked when compiled) and a value known only when run.
    /// Required columns, and codes that only the host knows, are the host's to check.
    static func assigned(_ value: Value, to column: StaticColumn) -> Compared {
        let name = MessageArg.plain(column.written)
        let shown: MessageArg
        if case .text(let text) = value { shown = .plain("\"" + text + "\"") } else { shown = .localized(value.typeName) }
        var kind = column.kind
        if case .reference(_, let table)? = column.schema.links[column.canonical] { kind = .reference(table) }
        switch (kind, value) {
        case (_, .null), (.integer, .int), (.decimal, .int), (.decimal, .double), (.date, .date), (.bool, .bool),
             (.reference, .int):
            return .value(value)
        case (.any, _):
            return .value(value)
        case (.text, .text):
            return compared(value, with: column, literal: true)
        case (.reference(let table), .row(let row)):
            if row.schema.table == table, let id = row.schema.columnIndex["id"], id < row.values.count,
               case .int = row.values[id] {
                return .value(row.values[id])
            }
            return .problem(Message(WriteMessages.referenceValue, [name, .plain(table), .plain(row.schema.table)]))
        case (.reference(let table), _):
            return .problem(Message(WriteMessages.referenceValue, [name, .plain(table), shown]))
        default:
            return .problem(Message(WriteMessages.notStorable, [name, .localized(ColumnKindNames.of(kind)), shown]))
        }
    }

    /// `assigned`, throwing its problem as a runtime error at `span`.
    static func stored(_ value: Value, in column: StaticColumn, at span: Span) throws -> Value {
        switch assigned(value, to: column) {
        case .value(let stored): return stored
        case .problem(let message): throw RuntimeError(message, at: span)
        }
    }

    // MARK: transaction

    /// transaction → "transaction" block: the block runs inside the host's transaction, so
    /// an error undoes every change it made and goes on up. `break`, `continue` and `return`
    /// leave the block normally (its changes are kept) and then do what they say.
    func compileTransaction(_ body: [Stmt], range: SourceRange) -> Exec {
        noteWrite()
        let block = compileBlock(body)
        let at = span(range)
        return { frame in
            let vm = frame.vm
            let writer = try vm.writer(at: at)
            return try vm.write(at) { try writer.transaction { try block(&frame) } }
        }
    }
}

extension Expr {
    /// `name: value` in a call's arguments.
    var isLabelled: Bool {
        if case .labelled = kind { return true }
        return false
    }
}
