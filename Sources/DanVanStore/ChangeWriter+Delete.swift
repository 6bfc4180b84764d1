// Deleting rows. The rows to delete are gathered in a temporary table first; rows of other
// tables that refer to them are counted, and either the delete is refused, naming them, or
// (`cascade`) they are gathered too, until nothing refers to a gathered row. Each table's
// rows are then one step: logged whole, then deleted.
import GRDB

extension ChangeWriter {
    /// Deletes the rows `selection` gives.
    public func delete(table name: String, selection: RowSelection, expected: Int64?, cascade: Bool,
                       site: ChangeSite) throws -> Int {
        let table = try ChangeWriter.writable(name)
        return try inStep {
            if let expected { try expectCount(expected, "SELECT count(*) FROM (\(selection.sql))", selection.arguments) }
            try prepareDoomed()
            try db.execute(sql: "INSERT OR IGNORE INTO temp.dv_doomed (tbl, id) SELECT '\(table.name)', id FROM (\(selection.sql))",
                           arguments: StatementArguments(ChangeWriter.arguments(of: selection.sql, selection.arguments)))
            return try deleteDoomed(table, cascade: cascade, site: site)
        }
    }

    /// Deletes the rows of `table` with these ids (ids not in the table are an error).
    public func delete(table name: String, ids: [Int64], cascade: Bool, site: ChangeSite) throws -> Int {
        let table = try ChangeWriter.writable(name)
        return try inStep {
            try prepareDoomed()
            let json = "[" + ids.map(String.init).joined(separator: ",") + "]"
            try db.execute(sql: "INSERT OR IGNORE INTO temp.dv_doomed (tbl, id) SELECT '\(table.name)', value FROM json_each(?)",
                           arguments: [json])
            if let missing = try Int64.fetchOne(db, sql: """
                SELECT d.id FROM temp.dv_doomed AS d WHERE NOT EXISTS
                (SELECT 1 FROM \(table.name.quotedDatabaseIdentifier) AS t WHERE t.id = d.id) LIMIT 1
                """) {
                throw WriteError.missingRow(table: table.name, id: missing)
            }
            return try deleteDoomed(table, cascade: cascade, site: site)
        }
    }

    private func prepareDoomed() throws {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS dv_doomed (tbl TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID;
            DELETE FROM temp.dv_doomed;
            """)
    }

    /// Every (child table, column) that refers to `table`.
    public static func referrers(of table: String) -> [(table: Table, column: Column)] {
        Catalog.tables.flatMap { child in
            child.columns.filter { $0.referencedTable == table }.map { (child, $0) }
        }
    }

    /// Rows of `child` that refer (through `column`) to a gathered row of `parent` and are
    /// not gathered themselves.
    private static func referring(_ child: Table, _ column: Column, _ parent: String) -> String {
        """
        FROM \(child.name.quotedDatabaseIdentifier) AS r
        WHERE r.\(column.name.quotedDatabaseIdentifier) IN (SELECT id FROM temp.dv_doomed WHERE tbl = '\(parent)')
        AND NOT EXISTS (SELECT 1 FROM temp.dv_doomed AS d WHERE d.tbl = '\(child.name)' AND d.id = r.id)
        """
    }

    private func deleteDoomed(_ table: Table, cascade: Bool, site: ChangeSite) throws -> Int {
        if cascade {
            // Gather referring rows until a pass adds none (a unit's sub-units' models…).
            var added = true
            while added {
                added = false
                let tables = try String.fetchAll(db, sql: "SELECT DISTINCT tbl FROM temp.dv_doomed")
                for parent in tables {
                    for (child, column) in ChangeWriter.referrers(of: parent) {
                        try db.execute(sql: "INSERT OR IGNORE INTO temp.dv_doomed (tbl, id) SELECT '\(child.name)', r.id "
                                       + ChangeWriter.referring(child, column, parent))
                        if db.changesCount > 0 { added = true }
                    }
                }
            }
        } else {
            var dependents: [WriteError.Dependent] = []
            for (child, column) in ChangeWriter.referrers(of: table.name) {
                let count = try Int.fetchOne(db, sql: "SELECT count(*) " + ChangeWriter.referring(child, column, table.name)) ?? 0
                if count > 0 { dependents.append(WriteError.Dependent(table: child.name, column: column.name, count: count)) }
            }
            if !dependents.isEmpty {
                let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.dv_doomed") ?? 0
                throw WriteError.hasDependents(table: table.name, rows: rows, dependents: dependents)
            }
        }
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.dv_doomed") ?? 0
        guard total > 0 else { return 0 }
        try confirmStep(table, action: "delete", countSQL: "SELECT count(*) FROM temp.dv_doomed",
                        sampleSQL: "SELECT t0.id, \(ChangeWriter.rowImage(table, alias: "t0")), NULL FROM \(table.name.quotedDatabaseIdentifier) AS t0 "
                            + "WHERE t0.id IN (SELECT id FROM temp.dv_doomed WHERE tbl = '\(table.name)') ORDER BY t0.id LIMIT \(ChangeWriter.previewRows)",
                        arguments: [])
        // The table asked for first, then the others in catalog order.
        let gathered = Set(try String.fetchAll(db, sql: "SELECT DISTINCT tbl FROM temp.dv_doomed"))
        let order = [table] + Catalog.tables.filter { $0.name != table.name && gathered.contains($0.name) }
        var asked = 0
        for doomed in order {
            let count = try deleteStep(doomed, site: site)
            if doomed.name == table.name { asked = count }
        }
        try db.execute(sql: "DELETE FROM temp.dv_doomed")
        return asked
    }

    /// Logs and deletes the gathered rows of one table.
    private func deleteStep(_ table: Table, site: ChangeSite) throws -> Int {
        let change = try changeID()
        step += 1
        try db.execute(sql: """
            INSERT INTO change_rows (change, step, table_name, row_id, action, before, after)
            SELECT \(change), \(step), '\(table.name)', t0.id, 'delete', \(ChangeWriter.rowImage(table, alias: "t0")), NULL
            FROM \(table.name.quotedDatabaseIdentifier) AS t0
            WHERE t0.id IN (SELECT id FROM temp.dv_doomed WHERE tbl = '\(table.name)') ORDER BY t0.id
            """)
        let count = db.changesCount
        guard count > 0 else { return 0 }
        try applyDelete(table, change: change, step: step)
        try recordStep(step, table: table, action: "delete", columns: ChangeWriter.imageColumns(table).map(\.name), rows: count, site: site)
        deleted += count
        return count
    }
}
