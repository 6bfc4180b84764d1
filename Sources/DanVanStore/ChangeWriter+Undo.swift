// Undo: a change set reverted as a new change set of the log (`undoes` names the old one),
// step by step from the last, each step the old one with before and after swapped, applied
// the way every step is (ChangeWriter+Apply.swift). A row that changed again since (its
// values are no longer what the change set left) stops the undo before anything changes,
// and the error names the rows: undo never overwrites somebody's later work.
import GRDB

extension ChangeWriter {
    /// Reverts the change set `target` as this writer's change set. Gives the number of rows
    /// put back.
    public func undo(_ target: Int64) throws -> Int {
        guard try Int64.fetchOne(db, sql: "SELECT id FROM changes WHERE id = ?", arguments: [target]) != nil else {
            throw WriteError.noSuchChange(target)
        }
        if let by = try Int64.fetchOne(db, sql: "SELECT id FROM changes WHERE undoes = ? LIMIT 1", arguments: [target]) {
            throw WriteError.alreadyUndone(change: target, by: by)
        }
        undoes = target
        let steps = try GRDB.Row.fetchAll(db, sql: """
            SELECT step, table_name, action, columns FROM change_steps WHERE change = ? ORDER BY step DESC
            """, arguments: [target])
        return try inStep {
            var total = 0
            var restored: [(Table, Int)] = []
            for row in steps {
                let table = try ChangeWriter.writable(row["table_name"])
                let names = try String.fetchAll(db, sql: "SELECT value FROM json_each(?)", arguments: [row["columns"] as String])
                let columns = names.compactMap { table.column(named: $0) }
                let count = try undoStep(table, action: row["action"], columns: columns, target: target, step: row["step"])
                if count > 0, row["action"] as String == "delete" { restored.append((table, step)) }
                total += count
            }
            // Rows put back may refer to each other (a unit and its models): checked once all are back.
            for (table, number) in restored {
                try check(table, change: try changeID(), step: number, columns: ChangeWriter.imageColumns(table),
                          insert: true, references: true)
            }
            return total
        }
    }

    private func undoStep(_ table: Table, action: String, columns: [Column], target: Int64, step old: Int) throws -> Int {
        let name = table.name.quotedDatabaseIdentifier
        let oldRows = "change_rows AS c WHERE c.change = \(target) AND c.step = \(old)"
        // Rows whose values are not what the change set left.
        let conflictSQL: String
        switch action {
        case "update", "insert":
            let checked = action == "update" ? columns : ChangeWriter.imageColumns(table)
            let same = checked.map { "t0.\($0.name.quotedDatabaseIdentifier) IS \(ChangeWriter.extract("c.after", $0.name))" }
            conflictSQL = "SELECT c.row_id FROM \(oldRows.replacingOccurrences(of: " WHERE ", with: " LEFT JOIN \(name) AS t0 ON t0.id = c.row_id WHERE "))"
                + " AND (t0.id IS NULL OR NOT (\(same.isEmpty ? "1" : same.joined(separator: " AND "))))"
        default:
            conflictSQL = "SELECT c.row_id FROM \(oldRows.replacingOccurrences(of: " WHERE ", with: " JOIN \(name) AS t0 ON t0.id = c.row_id WHERE "))"
        }
        let conflicts = try Int64.fetchAll(db, sql: conflictSQL + " ORDER BY c.row_id LIMIT 6")
        if !conflicts.isEmpty {
            let more = conflicts.count > 5 ? (try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(conflictSQL))") ?? 6) - 5 : 0
            throw WriteError.changedSince(change: target, rows: conflicts.prefix(5).map { "\(table.name) #\($0)" }, more: more)
        }
        let change = try changeID()
        step += 1
        let inverse = ["update": "update", "insert": "delete", "delete": "insert"][action] ?? action
        try db.execute(sql: """
            INSERT INTO change_rows (change, step, table_name, row_id, action, before, after)
            SELECT \(change), \(step), c.table_name, c.row_id, '\(inverse)', c.after, c.before FROM \(oldRows) ORDER BY c.row_id
            """)
        let count = db.changesCount
        guard count > 0 else { return 0 }
        let site = ChangeSite(source: "undo", line: 0, text: "undo #\(target)")
        switch inverse {
        case "update":
            try applyUpdate(table, change: change, step: step, columns: columns)
            try check(table, change: change, step: step, columns: columns, insert: false, references: true)
            updated += count
        case "delete":
            // Rows that refer to an inserted row now (added after the change set) stop the undo;
            // rows of the same step do not (a unit and its parent, inserted together, go together).
            let doomed = "SELECT row_id FROM change_rows WHERE change = \(change) AND step = \(step)"
            for (child, column) in ChangeWriter.referrers(of: table.name) {
                let sameRows = child.name == table.name ? " AND r.id NOT IN (\(doomed))" : ""
                let referring = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM \(child.name.quotedDatabaseIdentifier) AS r WHERE r.\(column.name.quotedDatabaseIdentifier)
                    IN (\(doomed))\(sameRows)
                    """) ?? 0
                if referring > 0 {
                    throw WriteError.hasDependents(table: table.name, rows: count,
                                                   dependents: [WriteError.Dependent(table: child.name, column: column.name, count: referring)])
                }
            }
            try applyDelete(table, change: change, step: step)
            deleted += count
        default:
            try applyInsert(table, change: change, step: step)
            inserted += count
        }
        try recordStep(step, table: table, action: inverse, columns: columns.map(\.name), rows: count, site: site)
        return count
    }
}
