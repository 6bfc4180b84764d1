// Applying a step from its rows in the change log: the one way every write, undo and
// import changes a table. `change_rows.after` holds what each row becomes (the changed
// columns for an update, the whole row for an insert), so the table is changed by one
// statement joining the log, and undo is the same statement over a step whose before and
// after are swapped. Derived columns (search keys) are computed in the same statement.
import GRDB

extension ChangeWriter {
    /// `x` as a JSON value in `json_object`: reals with all 17 digits (SQLite's JSON keeps 15,
    /// and undo must give back exactly the double that was there).
    static func jsonValue(_ sql: String, _ column: Column) -> String {
        if case .real = column.type {
            return "CASE typeof(\(sql)) WHEN 'real' THEN json(printf('%!.17g', \(sql))) ELSE \(sql) END"
        }
        return sql
    }

    /// The columns a row image holds: every stored column but the id and the derived ones.
    static func imageColumns(_ table: Table) -> [Column] {
        table.columns.filter { $0.name != "id" && !$0.derived }
    }

    /// `json_object(...)` of the whole row aliased `alias`: what the log keeps of an
    /// inserted or deleted row.
    static func rowImage(_ table: Table, alias: String) -> String {
        let parts = imageColumns(table).map { column in
            "'\(column.name)', " + jsonValue("\(alias).\(column.name.quotedDatabaseIdentifier)", column)
        }
        return "json_object(" + parts.joined(separator: ", ") + ")"
    }

    /// The value of `column` in the log's JSON `json` (`c.after`).
    static func extract(_ json: String, _ column: String) -> String {
        "json_extract(\(json), '$.\(column)')"
    }

    /// The derived columns of `table` recomputed from `values` (a column's new SQL, or the
    /// row's own column `alias.column` when the step does not set it); empty when the step
    /// sets none of their sources.
    static func derivedAssignments(_ table: Table, alias: String, values: [String: String]) -> [String] {
        guard let derived = Store.searchKeys[table.name],
              derived.sources.contains(where: { values[$0] != nil }) else { return [] }
        var sql = derived.template
        for source in derived.sources {
            sql = sql.replacingOccurrences(of: "{\(source)}", with: values[source] ?? "\(alias).\(source.quotedDatabaseIdentifier)")
        }
        return ["search_key = " + sql]
    }

    /// Sets `columns` of the step's rows to their `after` values.
    func applyUpdate(_ table: Table, change: Int64, step: Int, columns: [Column]) throws {
        var values: [String: String] = [:]
        for column in columns { values[column.name] = ChangeWriter.extract("c.after", column.name) }
        let sets = columns.map { "\($0.name.quotedDatabaseIdentifier) = \(values[$0.name] ?? "NULL")" }
            + ChangeWriter.derivedAssignments(table, alias: "t0", values: values)
        try db.execute(sql: """
            UPDATE \(table.name.quotedDatabaseIdentifier) AS t0 SET \(sets.joined(separator: ", "))
            FROM change_rows AS c WHERE c.change = \(change) AND c.step = \(step) AND t0.id = c.row_id
            """)
    }

    /// Sets `columns` of the step's rows to `values`, SQL over the row aliased `t0` (with
    /// numbered parameters from `arguments`): the same SQL that wrote the log's `after`, so
    /// the same values, without a join on the log (SQLite materialises an UPDATE … FROM).
    func applyUpdate(_ table: Table, change: Int64, step: Int, columns: [Column], values: [String],
                     arguments: [DatabaseValue]) throws {
        var byName: [String: String] = [:]
        for (column, value) in zip(columns, values) { byName[column.name] = "(\(value))" }
        let sets = zip(columns, values).map { "\($0.name.quotedDatabaseIdentifier) = (\($1))" }
            + ChangeWriter.derivedAssignments(table, alias: "t0", values: byName)
        let sql = """
            UPDATE \(table.name.quotedDatabaseIdentifier) AS t0 SET \(sets.joined(separator: ", "))
            WHERE t0.id IN (SELECT row_id FROM change_rows WHERE change = \(change) AND step = \(step))
            """
        try db.execute(sql: sql, arguments: StatementArguments(ChangeWriter.arguments(of: sql, arguments)))
    }

    /// Inserts the step's rows, with the ids in the log; a column the `after` object leaves
    /// out takes the table's default. The log then holds each row as stored.
    func applyInsert(_ table: Table, change: Int64, step: Int) throws {
        let defaults = try columnDefaults(table)
        let columns = ChangeWriter.imageColumns(table)
        var values: [String: String] = [:]
        for column in columns {
            let path = "'$.\(column.name)'"
            let fallback = defaults[column.name] ?? "NULL"
            values[column.name] = "(CASE WHEN json_type(c.after, \(path)) IS NULL THEN (\(fallback)) ELSE json_extract(c.after, \(path)) END)"
        }
        var names = ["id"] + columns.map(\.name)
        var exprs = ["c.row_id"] + columns.map { values[$0.name] ?? "NULL" }
        for assignment in ChangeWriter.derivedAssignments(table, alias: "t0", values: values) {
            names.append("search_key")
            exprs.append(String(assignment.dropFirst("search_key = ".count)))
        }
        try db.execute(sql: """
            INSERT INTO \(table.name.quotedDatabaseIdentifier) (\(names.map(\.quotedDatabaseIdentifier).joined(separator: ", ")))
            SELECT \(exprs.joined(separator: ", ")) FROM change_rows AS c
            WHERE c.change = \(change) AND c.step = \(step) ORDER BY c.row_id
            """)
        try db.execute(sql: """
            UPDATE change_rows SET after = (SELECT \(ChangeWriter.rowImage(table, alias: "t0"))
                FROM \(table.name.quotedDatabaseIdentifier) AS t0 WHERE t0.id = change_rows.row_id)
            WHERE change = \(change) AND step = \(step)
            """)
    }

    /// Deletes the step's rows.
    func applyDelete(_ table: Table, change: Int64, step: Int) throws {
        try db.execute(sql: """
            DELETE FROM \(table.name.quotedDatabaseIdentifier)
            WHERE id IN (SELECT row_id FROM change_rows WHERE change = \(change) AND step = \(step))
            """)
    }

    /// Each column's default as SQL (`'active'`, `0`), from the schema itself.
    func columnDefaults(_ table: Table) throws -> [String: String] {
        var defaults: [String: String] = [:]
        for row in try GRDB.Row.fetchAll(db, sql: "SELECT name, dflt_value FROM pragma_table_info(?)", arguments: [table.name]) {
            if let name: String = row["name"], let value: String = row["dflt_value"] { defaults[name] = value }
        }
        return defaults
    }
}
