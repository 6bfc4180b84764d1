// The steps a writer takes: update (rows chosen by SQL with values computed by SQL, or rows
// and values given by the caller), insert and delete. Each is one savepoint (`inStep`): log
// rows first, checks, preview and confirmation, then the change itself from the log.
import GRDB

extension ChangeWriter {
    // MARK: Update

    /// Sets `assignments` (column, SQL over the row aliased `t0`, numbered parameters shared
    /// with `selection`) on the rows `selection` gives. Gives the number of rows changed.
    /// `trusted`: columns whose new values the caller knows are of the column's kind, never
    /// null, and need no code list (`title = title + " x"`): their rules are not checked again
    /// row by row.
    public func update(table name: String, selection: RowSelection, assignments: [(column: String, sql: String)],
                       expected: Int64?, trusted: Set<String> = [], site: ChangeSite) throws -> Int {
        let table = try ChangeWriter.writable(name)
        let columns = try ChangeWriter.settable(table, assignments.map(\.column))
        return try inStep {
            if let expected { try expectCount(expected, "SELECT count(*) FROM (\(selection.sql))", selection.arguments) }
            let source = "\(table.name.quotedDatabaseIdentifier) AS t0 WHERE t0.id IN (\(selection.sql))"
            // Text is stored in NFC whatever gave it: `update title = title` normalises
            // exactly the rows not in NFC yet (the others do not change and are not logged).
            let values = zip(columns, assignments).map { column, assignment in
                column.type == .text ? "dv_nfc(\(assignment.sql))" : assignment.sql
            }
            return try updateStep(table, columns: columns, newValues: values, from: source,
                                  arguments: selection.arguments, direct: true,
                                  unchecked: trusted.intersection(columns.map(\.name)), site: site)
        }
    }

    /// Sets `columns` of each row to its values (in `columns` order). A row given twice
    /// takes its last values; ids that are not in the table are an error.
    public func update(table name: String, columns names: [String], rows: [(id: Int64, values: [DatabaseValue])],
                       site: ChangeSite) throws -> Int {
        let table = try ChangeWriter.writable(name)
        let columns = try ChangeWriter.settable(table, names)
        var latest: [Int64: Int] = [:]
        for (index, row) in rows.enumerated() { latest[row.id] = index }
        var items: [String] = []
        items.reserveCapacity(latest.count)
        for (index, row) in rows.enumerated() where latest[row.id] == index {
            items.append(try ChangeWriter.item(table, columns: columns, id: row.id, values: row.values))
        }
        return try inStep {
            let json = "[" + items.joined(separator: ",") + "]"
            let missing = try Int64.fetchOne(db, sql: """
                SELECT json_extract(j.value, '$[0]') FROM json_each(?1) AS j
                WHERE NOT EXISTS (SELECT 1 FROM \(table.name.quotedDatabaseIdentifier) AS t WHERE t.id = json_extract(j.value, '$[0]'))
                LIMIT 1
                """, arguments: [json])
            if let missing { throw WriteError.missingRow(table: table.name, id: missing) }
            let source = "json_each(?1) AS j JOIN \(table.name.quotedDatabaseIdentifier) AS t0 ON t0.id = json_extract(j.value, '$[0]')"
            let values = columns.map { "json_extract(j.value, '$[1].\($0.name)')" }
            return try updateStep(table, columns: columns, newValues: values, from: source,
                                  arguments: [json.databaseValue], site: site)
        }
    }

    /// The common part of both updates: `from` is a FROM clause (with WHERE) over the rows
    /// aliased `t0`; `newValues` the SQL of each column's new value.
    /// `direct`: the new values' SQL reads only the row itself, so the table is changed with
    /// it (as the log was written) rather than from the log's JSON.
    private func updateStep(_ table: Table, columns: [Column], newValues: [String], from source: String,
                            arguments: [DatabaseValue], direct: Bool = false, unchecked: Set<String> = [],
                            site: ChangeSite) throws -> Int {
        let before = "json_object(" + columns.map { "'\($0.name)', " + ChangeWriter.jsonValue("t0.\($0.name.quotedDatabaseIdentifier)", $0) }
            .joined(separator: ", ") + ")"
        let after = "json_object(" + zip(columns, newValues).map { "'\($0.name)', " + ChangeWriter.jsonValue("(\($1))", $0) }
            .joined(separator: ", ") + ")"
        // Each row's before and after once (`LIMIT -1` keeps SQLite from copying the new
        // values' SQL into the outer WHERE); a row changes when the two differ.
        let pairs = "SELECT t0.id AS id, \(before) AS b, \(after) AS a FROM \(source) ORDER BY t0.id LIMIT -1"
        let changing = "(\(pairs)) WHERE b IS NOT a"
        // The preview counts the rows that would change; past `exactPreviewLimit` rows
        // selected, only those (fast at any size: rows whose values would not change are
        // left alone when applied).
        try confirmStep(table, action: "update", countSQL: "SELECT count(*) FROM \(source)",
                        exactCountSQL: "SELECT count(*) FROM \(changing)",
                        sampleSQL: "SELECT id, b, a FROM \(changing) LIMIT \(ChangeWriter.previewRows)",
                        arguments: arguments)
        let change = try changeID()
        step += 1
        try db.execute(sql: """
            INSERT INTO change_rows (change, step, table_name, row_id, action, before, after)
            SELECT \(change), \(step), '\(table.name)', id, 'update', b, a FROM \(changing)
            """, arguments: StatementArguments(arguments))
        let count = db.changesCount
        guard count > 0 else { return 0 }
        try check(table, change: change, step: step, columns: columns.filter { !unchecked.contains($0.name) },
                  insert: false, references: false)
        if direct {
            try applyUpdate(table, change: change, step: step, columns: columns, values: newValues, arguments: arguments)
        } else {
            try applyUpdate(table, change: change, step: step, columns: columns)
        }
        try check(table, change: change, step: step, columns: columns, insert: false, references: true)
        try recordStep(step, table: table, action: "update", columns: columns.map(\.name), rows: count, site: site)
        updated += count
        return count
    }

    // MARK: Insert

    /// Inserts one row per record (column name → value; columns left out take their
    /// defaults) and gives the new rows' ids, in order.
    public func insert(table name: String, rows: [[(column: String, value: DatabaseValue)]], site: ChangeSite) throws -> [Int64] {
        let table = try ChangeWriter.writable(name)
        guard !rows.isEmpty else { return [] }
        return try inStep {
            let defaults = try columnDefaults(table)
            let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM \(table.name.quotedDatabaseIdentifier)") ?? 0
            let (first, overflow) = last.addingReportingOverflow(1)
            let (_, lastOverflow) = first.addingReportingOverflow(Int64(rows.count))
            if overflow || lastOverflow { throw WriteError.noFreeID(table: table.name) }
            var items: [String] = []
            items.reserveCapacity(rows.count)
            var ids: [Int64] = []
            for (index, row) in rows.enumerated() {
                let columns = try ChangeWriter.settable(table, row.map(\.column))
                let id = first + Int64(index)
                ids.append(id)
                items.append(try ChangeWriter.item(table, columns: columns, id: id, values: row.map(\.value),
                                                   newRow: index + 1, defaults: defaults))
            }
            let change = try changeID()
            step += 1
            try db.execute(sql: """
                INSERT INTO change_rows (change, step, table_name, row_id, action, before, after)
                SELECT \(change), \(step), '\(table.name)', json_extract(j.value, '$[0]'), 'insert', NULL, json_extract(j.value, '$[1]')
                FROM json_each(?) AS j
                """, arguments: ["[" + items.joined(separator: ",") + "]"])
            let columns = ChangeWriter.imageColumns(table)
            try check(table, change: change, step: step, columns: columns, insert: true, references: false, firstNewID: first)
            try confirmStep(table, action: "insert", countSQL: "SELECT \(rows.count)",
                            sampleSQL: "SELECT row_id, NULL, after FROM change_rows WHERE change = \(change) AND step = \(step) ORDER BY row_id LIMIT \(ChangeWriter.previewRows)",
                            arguments: [])
            try applyInsert(table, change: change, step: step)
            try check(table, change: change, step: step, columns: columns, insert: true, references: true, firstNewID: first)
            try recordStep(step, table: table, action: "insert", columns: columns.map(\.name), rows: rows.count, site: site)
            inserted += rows.count
            return ids
        }
    }

    // MARK: Helpers

    /// `[id,{"column":value,…}]`, one row of a step's JSON, after each value passed the
    /// column's rules (a column with a default may be null: the default applies); `newRow`
    /// names a row being inserted in the error.
    static func item(_ table: Table, columns: [Column], id: Int64, values: [DatabaseValue], newRow: Int? = nil,
                     defaults: [String: String] = [:]) throws -> String {
        for (column, value) in zip(columns, values) {
            if let problem = ColumnRules.problem(value, for: column, hasDefault: defaults[column.name] != nil) {
                throw WriteError.invalidValue(table: table.name, row: newRow == nil ? id : nil, newRow: newRow,
                                              column: column.name, value: ChangeLog.display(value), problem: problem)
            }
        }
        guard let object = ChangeJSON.object(columns.map(\.name), values) else {
            throw WriteError.invalidValue(table: table.name, row: newRow == nil ? id : nil, newRow: newRow,
                                          column: columns.first?.name ?? "", value: "?", problem: .wrongType)
        }
        return "[\(id),\(object)]"
    }

    /// The first of `arguments` that `sql` uses: its numbered parameters `?1`…`?N` are a
    /// prefix of those shared with the assignments that follow it.
    static func arguments(of sql: String, _ arguments: [DatabaseValue]) -> [DatabaseValue] {
        var highest = 0
        var bytes = sql.utf8.makeIterator()
        var number = -1
        while let byte = bytes.next() {
            if byte == UInt8(ascii: "?") {
                number = 0
            } else if number >= 0, byte >= 48, byte <= 57, number < 1_000_000 {
                number = number * 10 + Int(byte - 48)
            } else {
                highest = max(highest, number)
                number = -1
            }
        }
        highest = max(highest, number)
        return Array(arguments.prefix(highest))
    }

    /// `expect N`: refuses before anything changes when the selection has another count.
    func expectCount(_ expected: Int64, _ sql: String, _ arguments: [DatabaseValue]) throws {
        let actual = try Int.fetchOne(db, sql: sql, arguments: StatementArguments(ChangeWriter.arguments(of: sql, arguments))) ?? 0
        if Int64(actual) != expected { throw WriteError.unexpectedCount(expected: expected, actual: actual) }
    }

    /// Asks `confirm` when the step would change more rows than `confirmAbove`, showing the
    /// first rows; throws `cancelled` on no.
    func confirmStep(_ table: Table, action: String, countSQL: String, exactCountSQL: String? = nil, sampleSQL: String,
                     arguments: [DatabaseValue]) throws {
        guard let confirm else { return }
        var count = try Int.fetchOne(db, sql: countSQL,
                                     arguments: StatementArguments(ChangeWriter.arguments(of: countSQL, arguments))) ?? 0
        var exact = true
        if let exactCountSQL {
            if count <= ChangeWriter.exactPreviewLimit {
                count = try Int.fetchOne(db, sql: exactCountSQL,
                                         arguments: StatementArguments(ChangeWriter.arguments(of: exactCountSQL, arguments))) ?? 0
            } else {
                exact = false
            }
        }
        guard count > confirmAbove else { return }
        var rows: [ChangedRow] = []
        for row in try GRDB.Row.fetchAll(db, sql: sampleSQL,
                                         arguments: StatementArguments(ChangeWriter.arguments(of: sampleSQL, arguments))) {
            rows.append(try ChangeLog.changedRow(db, table: table.name, id: row[0], action: action, before: row[1], after: row[2]))
        }
        if try !confirm(StepPreview(table: table.name, action: action, count: count, exact: exact, rows: rows)) {
            throw WriteError.cancelled
        }
    }
}
