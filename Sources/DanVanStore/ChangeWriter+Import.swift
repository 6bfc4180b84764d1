// Inserting rows whose ids the caller fixes, for `danvan import --append`: a file's rows keep
// the ids it gives them, and its rows without one are numbered by the importer, because rows
// of one file refer to each other by those ids (a unit and its parent, further down). The
// step is the writer's insert otherwise: values checked (`ColumnRules`), rows logged, checked
// again in SQL, previewed, applied from the log in one statement, references checked.
// Also the user a change set is recorded under when nobody names one.
import Foundation
import GRDB

extension ChangeWriter {
    /// Inserts one row per item, with its id and the values of `columns` (in `columns`
    /// order); columns left out take their defaults. Every id must be new to the table and
    /// given once. A value that breaks a rule is an error naming the row by its id. Gives the
    /// number of rows inserted.
    public func insert(table name: String, columns names: [String], rows: [(id: Int64, values: [DatabaseValue])],
                       site: ChangeSite) throws -> Int {
        let table = try ChangeWriter.writable(name)
        let columns = try ChangeWriter.settable(table, names)
        guard !rows.isEmpty else { return 0 }
        return try inStep {
            let defaults = try columnDefaults(table)
            var items: [String] = []
            items.reserveCapacity(rows.count)
            for row in rows {
                guard row.values.count == columns.count else {
                    throw WriteError.database("row #\(row.id) has \(row.values.count) values for \(columns.count) columns")
                }
                items.append(try ChangeWriter.item(table, columns: columns, id: row.id, values: row.values, defaults: defaults))
            }
            let json = "[" + items.joined(separator: ",") + "]"
            let name = table.name.quotedDatabaseIdentifier
            // An id the table has, or one given twice: the id is the row's key.
            if try Int64.fetchOne(db, sql: """
                SELECT 1 FROM json_each(?1) AS j WHERE EXISTS (SELECT 1 FROM \(name) AS t WHERE t.id = json_extract(j.value, '$[0]'))
                UNION ALL SELECT 1 FROM json_each(?1) AS j GROUP BY json_extract(j.value, '$[0]') HAVING count(*) > 1
                LIMIT 1
                """, arguments: [json]) != nil {
                throw WriteError.duplicate(table: table.name, columns: "\(table.name).id")
            }
            let change = try changeID()
            step += 1
            try db.execute(sql: """
                INSERT INTO change_rows (change, step, table_name, row_id, action, before, after)
                SELECT \(change), \(step), '\(table.name)', json_extract(j.value, '$[0]'), 'insert', NULL, json_extract(j.value, '$[1]')
                FROM json_each(?) AS j
                """, arguments: [json])
            let image = ChangeWriter.imageColumns(table)
            try check(table, change: change, step: step, columns: image, insert: true, references: false)
            try confirmStep(table, action: "insert", countSQL: "SELECT \(rows.count)",
                            sampleSQL: "SELECT row_id, NULL, after FROM change_rows WHERE change = \(change) AND step = \(step) ORDER BY row_id LIMIT \(ChangeWriter.previewRows)",
                            arguments: [])
            try applyInsert(table, change: change, step: step)
            try check(table, change: change, step: step, columns: image, insert: true, references: true)
            try recordStep(step, table: table, action: "insert", columns: image.map(\.name), rows: rows.count, site: site)
            inserted += rows.count
            return rows.count
        }
    }

    /// The user a change set is recorded under when no `--user` is given: the login name
    /// from the environment, else the account's name.
    public static func systemUser() -> String {
        if let user = Store.environment("USER") ?? Store.environment("LOGNAME"), !user.isEmpty { return user }
        return NSUserName()
    }
}
