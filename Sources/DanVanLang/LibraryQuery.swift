// The query library: functions over lists of rows and records. The aggregates `count()`,
// `sum(e)`, `avg(e)`, `min(e)`, `max(e)` and `list(e)` inside a stage after `group by` are
// compiled specially (Compiler+Access.swift); these are their plain forms.

enum QueryLibrary {
    static let functions: [Builtin] = [
        /// count(xs): how many items or rows.
        Builtin("count", 1...1) { args in .int(try args.count(0)) },
        /// list(x): the rows of a table, or a copy of a list, as a new list.
        Builtin("list", 1...1) { args in
            if case .text(let text) = args[0] { return .list(text.map { .text(String($0)) }) }
            return .list(try args.items(0))
        },
        /// columns(x): the column names of a table, row, record or list of them.
        Builtin("columns", 1...1) { args in
            switch args[0] {
            case .table(let table): return .list(table.schema.columns.map(Value.text))
            case .row(let row): return .list(row.schema.columns.map(Value.text))
            case .record(let record): return .list(record.shape.names.map(Value.text))
            case .list(let list): return .list((Value.columns(of: list.items) ?? []).map(Value.text))
            default: throw args.bad(0, expected: TypeNames.table)
            }
        },
        /// tables(): the names of the host's tables.
        Builtin("tables", 0...0) { args in
            .list((args.vm.host?.tableNames ?? []).map(Value.text))
        },
    ]
}
