// Every change to the movement's data goes through a `ChangeWriter`: the language's writes,
// `merge_units`, `danvan import --append/--update` and undo. One writer serves one database
// transaction (its caller begins and commits it) and records what it does as one change set
// of the change log (Migrations v4): a row of `changes`, a row of `change_steps` for each
// statement, and a row of `change_rows` for each row inserted, updated or deleted, with the
// values before and after as JSON objects.
//
// A step is done in SQL, whatever the number of rows (never a statement per row):
//   1. the log rows are written first, straight from the rows a selection gives
//      (`INSERT INTO change_rows SELECT … FROM models AS t0 WHERE t0.id IN (selection)`), only
//      for rows whose values really change;
//   2. they are checked (ChangeWriter+Checks.swift: types, required columns, code lists),
//   3. then applied from the log (`UPDATE models … FROM change_rows`), which is also how undo
//      and imports apply theirs (ChangeWriter+Apply.swift), and references are checked.
// Each step runs inside a savepoint: when anything fails, the step leaves nothing behind.
import Foundation
import GRDB
import VietText

/// Where a step comes from, for the log: the source (`<repl 3>`, a script's path), the line
/// and the statement as written.
public struct ChangeSite: Sendable {
    public let source: String
    public let line: Int
    public let text: String

    public init(source: String, line: Int, text: String) {
        self.source = source
        self.line = line
        self.text = text
    }
}

/// Rows chosen by SQL: a `SELECT` of ids with numbered parameters (`?1`…), whose values are
/// `arguments`; assignment expressions built with the same numbering may follow.
public struct RowSelection: Sendable {
    public let sql: String
    public let arguments: [DatabaseValue]

    public init(sql: String, arguments: [DatabaseValue]) {
        self.sql = sql
        self.arguments = arguments
    }
}

/// What a step would change, shown before it is applied (`Apply? [y/N]`) and after a dry-run.
public struct StepPreview: Sendable {
    public let table: String
    public let action: String
    /// Rows the step changes (for a delete, with the rows `cascade` takes along); when not
    /// `exact`, the rows an update selects, of which those whose values would not change are
    /// left alone.
    public let count: Int
    public let exact: Bool
    /// The first rows: id and (column, before, after) for each column shown.
    public let rows: [ChangedRow]
}

public final class ChangeWriter {
    public let db: Database
    public let user: String
    public let origin: String
    /// The change set being written, once a step has changed a row.
    public internal(set) var change: Int64?
    var step = 0
    public internal(set) var inserted = 0
    public internal(set) var updated = 0
    public internal(set) var deleted = 0
    var statements: [String] = []
    /// Set for an undo: the change set this one reverts.
    var undoes: Int64?
    /// Asked before a step that changes more than `confirmAbove` rows; false cancels the step.
    public var confirm: ((StepPreview) throws -> Bool)?
    public var confirmAbove = 20
    /// Rows shown per step in a preview.
    public static let previewRows = 5
    /// Up to this many rows selected, a preview counts exactly those that would change
    /// (computing every new value: about a second for 300,000 rows); past it, the rows selected.
    static let exactPreviewLimit = 50_000

    /// A writer for the transaction open on `db`. References are checked by the writer, and
    /// again by SQLite at commit (deferred, so rows of one step may point at each other).
    public init(db: Database, user: String, origin: String) throws {
        self.db = db
        self.user = user
        self.origin = origin
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
    }

    /// How many rows this change set has changed so far.
    public var changedRows: Int { inserted + updated + deleted }

    /// The writer's state at a point, to go back to when a savepoint is rolled back.
    public struct Mark {
        let change: Int64?
        let step: Int
        let counts: (Int, Int, Int)
        let statements: Int
    }

    public func mark() -> Mark {
        Mark(change: change, step: step, counts: (inserted, updated, deleted), statements: statements.count)
    }

    public func restore(_ mark: Mark) {
        change = mark.change
        step = mark.step
        (inserted, updated, deleted) = mark.counts
        if mark.statements < statements.count { statements.removeSubrange(mark.statements...) }
    }

    // MARK: Steps

    /// Runs one step in a savepoint: on any error nothing of it remains, and the writer's
    /// counts are as before.
    func inStep<T>(_ body: () throws -> T) throws -> T {
        let saved = (change, step, inserted, updated, deleted, statements.count)
        try db.execute(sql: "SAVEPOINT dv_step")
        do {
            let result = try body()
            try db.execute(sql: "RELEASE dv_step")
            return result
        } catch {
            try? db.execute(sql: "ROLLBACK TO dv_step")
            try? db.execute(sql: "RELEASE dv_step")
            (change, step, inserted, updated, deleted) = (saved.0, saved.1, saved.2, saved.3, saved.4)
            statements.removeSubrange(saved.5...)
            throw ChangeWriter.translate(error)
        }
    }

    /// The change set's id, making its row at the first step that changes something.
    func changeID() throws -> Int64 {
        if let change { return change }
        try db.execute(sql: """
            INSERT INTO changes (at, user, origin, statement, undoes)
            VALUES (strftime('%Y-%m-%d %H:%M:%S', 'now'), ?, ?, '', ?)
            """, arguments: [user, origin, undoes])
        let id = db.lastInsertedRowID
        change = id
        return id
    }

    /// Records the step's site and columns once its rows are in the log.
    func recordStep(_ number: Int, table: Table, action: String, columns: [String], rows: Int, site: ChangeSite) throws {
        try db.execute(sql: """
            INSERT INTO change_steps (change, step, table_name, action, columns, source, line, statement, rows)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [try changeID(), number, table.name, action, ChangeJSON.array(columns),
                             site.source, site.line, site.text, rows])
        let line = site.line > 0 ? "\(site.source):\(site.line): " : ""
        let text = line + site.text
        if statements.last != text { statements.append(text) }
    }

    /// Writes the change set's summary row; nil when nothing changed (then no row is left).
    @discardableResult
    public func finish() throws -> Int64? {
        guard let change else { return nil }
        if changedRows == 0 {
            try db.execute(sql: "DELETE FROM changes WHERE id = ?", arguments: [change])
            self.change = nil
            return nil
        }
        // A row updated by several steps (a merge re-points a model's `unit` and `location`)
        // counts once.
        var rows = updated
        let repeated = try GRDB.Row.fetchAll(db, sql: """
            SELECT sum(rows) AS n, group_concat(step) AS steps FROM change_steps
            WHERE change = ? AND action = 'update' GROUP BY table_name HAVING count(*) > 1
            """, arguments: [change])
        for group in repeated {
            let steps = (group["steps"] as String? ?? "").split(separator: ",").compactMap { Int($0) }
            rows -= (group["n"] as Int) - (try ChangeLog.distinctRows(db, change: change, steps: steps))
        }
        try db.execute(sql: "UPDATE changes SET statement = ?, inserted = ?, updated = ?, deleted = ? WHERE id = ?",
                       arguments: [statements.joined(separator: "\n"), inserted, rows, deleted, change])
        return change
    }

    // MARK: Checks shared by the steps

    /// The table as the writer may change it (by name or alias): not the log, and known to the catalog.
    public static func writable(_ name: String) throws -> Table {
        if Catalog.logTable(named: name) != nil { throw WriteError.readOnlyTable(name) }
        guard let table = Catalog.tables.first(where: { $0.name == name || $0.alias == name }) else {
            let candidates = Catalog.tables.map(\.name) + Catalog.tables.map(\.alias)
            throw WriteError.unknownTable(name, suggestion: NameSuggestion.closest(to: name, among: candidates))
        }
        return table
    }

    /// `name` is not a column of `table`, with the closest column name.
    public static func unknownColumn(_ table: Table, _ name: String) -> WriteError {
        let candidates = table.columns.map(\.name) + table.columns.map(\.alias)
        return .unknownColumn(table: table.name, column: name, suggestion: NameSuggestion.closest(to: name, among: candidates))
    }

    /// The columns of `table` named `names` (canonical or alias), each one a person may set.
    static func settable(_ table: Table, _ names: [String]) throws -> [Column] {
        try names.map { name in
            guard let column = table.column(named: name) else { throw unknownColumn(table, name) }
            if column.name == "id" || column.derived { throw WriteError.notSettable(table: table.name, column: column.name) }
            return column
        }
    }

    /// SQLite's failures in the words of `WriteError`.
    public static func translate(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.extendedResultCode {
        case .SQLITE_BUSY_SNAPSHOT: return WriteError.staleSnapshot
        default: break
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return WriteError.busy
        default: break
        }
        let message = error.message ?? "\(error)"
        if error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE || error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY,
           let range = message.range(of: "failed: ") {
            let columns = String(message[range.upperBound...])
            let table = columns.split(separator: ".").first.map(String.init) ?? ""
            return WriteError.duplicate(table: table, columns: columns)
        }
        return WriteError.database(message)
    }
}
