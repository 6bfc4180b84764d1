// The language's writes, done by the store's `ChangeWriter` inside the evaluation's
// transaction: a selection the SQL builder can say whole becomes one statement over the
// rows it picks; otherwise the language gives the rows and values. Values are turned into
// what the table stores (text in NFC, labels into codes, rows into ids, dates into ISO text);
// the writer checks them against the schema.
import DanVanLang
import DanVanStore
import GRDB
import VietText

extension DomainHost: HostWriter {
    public var writer: HostWriter? { self }

    static func site(_ site: WriteSite) -> ChangeSite {
        ChangeSite(source: site.source, line: site.line, text: site.text)
    }

    public func insert(table name: String, records: [[(name: String, value: Value)]], site: WriteSite) throws -> [Row] {
        let table = try ChangeWriter.writable(name)
        let writer = try changeWriter()
        var rows: [[(column: String, value: DatabaseValue)]] = []
        for (index, record) in records.enumerated() {
            var row: [(column: String, value: DatabaseValue)] = []
            for field in record {
                guard let column = table.column(named: field.name) else {
                    row.append((field.name, .null))   // the writer names the unknown column
                    continue
                }
                row.append((column.name, try DomainHost.stored(field.value, for: column, codes: codeList(table, column),
                                                                    table: table, row: nil, newRow: index + 1)))
            }
            rows.append(row)
        }
        let ids = try writer.insert(table: table.name, rows: rows, site: DomainHost.site(site))
        try wrote()
        guard let source = source(table.name) else { return [] }
        return try ids.compactMap { try source.row(id: $0) }
    }

    public func update(_ selection: WriteSelection, assignments: [PlanAssignment], site: WriteSite) throws -> Int? {
        guard pushdown, let sql = try SQLPlanBuilder.write(selection, assignments: assignments) else { return nil }
        let writer = try changeWriter()
        var trusted: Set<String> = []
        if let table = Catalog.table(named: selection.plan.table) {
            for assignment in assignments {
                guard let column = table.column(named: assignment.column), column.codes.isEmpty,
                      let kind = DomainHost.certainKind(assignment.value, table: table, parameters: selection.parameters)
                else { continue }
                switch (column.type, kind) {
                case (.text, .text), (.integer, .integer), (.real, .decimal), (.real, .integer): trusted.insert(column.name)
                default: break
                }
            }
        }
        let count = try writer.update(table: selection.plan.table, selection: sql.selection, assignments: sql.assignments,
                                      expected: selection.expected, trusted: trusted, site: DomainHost.site(site))
        try wrote()
        return count
    }

    public func update(table name: String, columns names: [String], rows: [(id: Int64, values: [Value])], site: WriteSite) throws -> Int {
        let table = try ChangeWriter.writable(name)
        let columns = try names.map { name -> DanVanStore.Column in
            guard let column = table.column(named: name) else {
                throw DomainHost.notStored(table, name)
            }
            return column
        }
        let codeLists = columns.map { codeList(table, $0) }
        var stored: [(id: Int64, values: [DatabaseValue])] = []
        stored.reserveCapacity(rows.count)
        for row in rows {
            var values: [DatabaseValue] = []
            for (column, (value, codes)) in zip(columns, zip(row.values, codeLists)) {
                values.append(try DomainHost.stored(value, for: column, codes: codes, table: table, row: row.id, newRow: nil))
            }
            stored.append((row.id, values))
        }
        let writer = try changeWriter()
        let count = try writer.update(table: table.name, columns: columns.map(\.name), rows: stored, site: DomainHost.site(site))
        try wrote()
        return count
    }

    public func delete(_ selection: WriteSelection, cascade: Bool, site: WriteSite) throws -> Int? {
        guard pushdown, let sql = try SQLPlanBuilder.write(selection, assignments: []) else { return nil }
        let writer = try changeWriter()
        let count = try writer.delete(table: selection.plan.table, selection: sql.selection, expected: selection.expected,
                                      cascade: cascade, site: DomainHost.site(site))
        try wrote()
        return count
    }

    public func delete(table name: String, ids: [Int64], cascade: Bool, site: WriteSite) throws -> Int {
        let table = try ChangeWriter.writable(name)
        let writer = try changeWriter()
        let count = try writer.delete(table: table.name, ids: ids, cascade: cascade, site: DomainHost.site(site))
        try wrote()
        return count
    }

    public func transaction<T>(_ body: () throws -> T) throws -> T {
        guard let db = session.db else { return try body() }
        if session.options.readOnly == nil { try ensureTransaction(write: true) } else { try ensureTransaction(write: false) }
        let name = "dv_block\(session.depth)"
        try db.execute(sql: "SAVEPOINT \(name)")
        let mark = session.writer?.mark()
        session.depth += 1
        do {
            let result = try body()
            session.depth -= 1
            try db.execute(sql: "RELEASE \(name)")
            if session.depth == 0 { try wrote() }
            return result
        } catch {
            session.depth = max(session.depth - 1, 0)
            try? db.execute(sql: "ROLLBACK TO \(name)")
            try? db.execute(sql: "RELEASE \(name)")
            if let mark { session.writer?.restore(mark) } else { session.writer = nil }
            invalidate()
            throw error
        }
    }

    // MARK: Values

    /// The kind of value `expr` gives for every row, when it is certain and never null: a
    /// literal, a variable's value, a required column of the row itself, or `+ - *` of those.
    static func certainKind(_ expr: PlanExpr, table: Table, parameters: [Value]) -> ColumnKind? {
        func kind(of value: Value) -> ColumnKind? {
            switch value {
            case .int: return .integer
            case .double(let number): return number.isFinite ? .decimal : nil
            case .text: return .text
            default: return nil
            }
        }
        switch expr {
        case .literal(let value):
            return kind(of: value)
        case .parameter(let index):
            return index >= 0 && index < parameters.count ? kind(of: parameters[index]) : nil
        case .column(let column):
            guard column.hops.isEmpty, let stored = table.column(named: column.column), !stored.nullable else { return nil }
            switch stored.type {
            case .text: return .text
            case .integer: return .integer
            case .real: return .decimal
            default: return nil
            }
        case .arithmetic(let op, let left, let right):
            guard let a = certainKind(left, table: table, parameters: parameters),
                  let b = certainKind(right, table: table, parameters: parameters) else { return nil }
            switch (op, a, b) {
            case (.add, .text, .text): return .text
            // Integers may overflow into reals in SQL: only decimals are certain.
            case (_, .decimal, .decimal), (_, .decimal, .integer), (_, .integer, .decimal): return .decimal
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The code list the language reads `column` with (nil for a column without codes).
    func codeList(_ table: Table, _ column: DanVanStore.Column) -> CodeList? {
        guard !column.codes.isEmpty, let schema = source(table.name)?.schema,
              let index = schema.columnIndex[column.name] else { return nil }
        return schema.codes[index]
    }

    /// A column the binding computes (`cluster`, `score`) cannot be set; any other name is unknown.
    static func notStored(_ table: Table, _ name: String) -> WriteError {
        if DerivedColumns.columns(of: table.name).contains(where: { $0.name == name || $0.alias == name }) {
            return .notSettable(table: table.name, column: name)
        }
        return ChangeWriter.unknownColumn(table, name)
    }

    /// `value` as the column stores it. Kinds the store would refuse are passed on for the
    /// writer to name (an integer given for a text column); values no column can hold
    /// (a list, a function, a row of another table) are refused here.
    static func stored(_ value: Value, for column: DanVanStore.Column, codes: CodeList?, table: Table, row: Int64?,
                       newRow: Int?) throws -> DatabaseValue {
        func refuse(_ shown: String) -> WriteError {
            .invalidValue(table: table.name, row: row, newRow: newRow, column: column.name, value: shown, problem: .wrongType)
        }
        switch value {
        case .null: return .null
        case .bool(let flag): return (flag ? 1 : 0).databaseValue
        case .int(let number): return number.databaseValue
        case .double(let number):
            guard number.isFinite else { throw refuse("\(number)") }
            return number.databaseValue
        case .text(let text):
            let normal = text.nfc
            // A label names its code by the language's own rule (`CodeList.code(for:)`).
            return (codes?.code(for: normal) ?? normal).databaseValue
        case .date(let date): return date.description.databaseValue
        case .row(let target):
            guard column.referencedTable == target.schema.table, case .int(let id)? = target.values.first else {
                throw refuse("\(target.schema.table) row")
            }
            return id.databaseValue
        default:
            throw refuse(value.description)
        }
    }
}
