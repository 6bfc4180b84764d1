// Reading the change log back: the list of change sets (`danvan changes`, `:changes`), the
// rows of one (`danvan changes 12`), and the summary a dry-run prints (per table, how many
// rows were inserted, updated, deleted, and the first of each with `column: old → new`).
import GRDB
import VietText

/// One change set, as `danvan changes` lists it.
public struct ChangeSetInfo: Sendable {
    public let id: Int64
    /// UTC, `YYYY-MM-DD HH:MM:SS`.
    public let at: String
    public let user: String
    public let origin: String
    public let statement: String
    public let undoes: Int64?
    /// The change set that undid this one, if any.
    public let undoneBy: Int64?
    public let inserted: Int
    public let updated: Int
    public let deleted: Int
}

/// One row a change set touched, with the columns that differ.
public struct ChangedRow: Sendable {
    public let table: String
    public let id: Int64
    public let action: String
    /// (column, before, after) as text for people; nil where there is no value (an insert's before).
    public let columns: [(name: String, before: String?, after: String?)]
}

/// Rows changed per table and action, with the first few.
public struct ChangeSummary: Sendable {
    public struct Part: Sendable {
        public let table: String
        public let action: String
        public let count: Int
        public let rows: [ChangedRow]
    }

    public let parts: [Part]
    public var isEmpty: Bool { parts.isEmpty }
}

public enum ChangeLog {
    /// Change sets, oldest first: those at or after `since` (`YYYY-MM-DD`, UTC), touching
    /// `table` when given; the last `limit` of them.
    public static func list(_ db: Database, since: String? = nil, table: String? = nil, limit: Int = 50) throws -> [ChangeSetInfo] {
        try list(db, since: since, table: table, id: nil, limit: limit)
    }

    private static func list(_ db: Database, since: String?, table: String?, id: Int64?, limit: Int) throws -> [ChangeSetInfo] {
        var conditions: [String] = []
        var arguments: [DatabaseValueConvertible?] = []
        if let id {
            conditions.append("c.id = ?")
            arguments.append(id)
        }
        if let since {
            conditions.append("c.at >= ?")
            arguments.append(since)
        }
        if let table {
            conditions.append("EXISTS (SELECT 1 FROM change_steps AS s WHERE s.change = c.id AND s.table_name = ?)")
            arguments.append(table)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT * FROM (SELECT c.*, (SELECT u.id FROM changes AS u WHERE u.undoes = c.id) AS undone_by
            FROM changes AS c \(whereClause) ORDER BY c.id DESC LIMIT \(max(limit, 1))) ORDER BY id
            """
        return try GRDB.Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            ChangeSetInfo(id: row["id"], at: row["at"], user: row["user"], origin: row["origin"], statement: row["statement"],
                          undoes: row["undoes"], undoneBy: row["undone_by"], inserted: row["inserted"],
                          updated: row["updated"], deleted: row["deleted"])
        }
    }

    /// The change set `id`, or nil.
    public static func info(_ db: Database, _ id: Int64) throws -> ChangeSetInfo? {
        try list(db, since: nil, table: nil, id: id, limit: 1).first
    }

    /// What the change set `change` did, per table and action in step order, with the first
    /// `sample` rows of each.
    public static func summary(_ db: Database, change: Int64, sample: Int = 3) throws -> ChangeSummary {
        let groups = try GRDB.Row.fetchAll(db, sql: """
            SELECT table_name, action, sum(rows) AS n, group_concat(step) AS steps, min(step) AS first
            FROM change_steps WHERE change = ? GROUP BY table_name, action ORDER BY first
            """, arguments: [change])
        var parts: [ChangeSummary.Part] = []
        for group in groups {
            let table: String = group["table_name"], action: String = group["action"]
            let steps = (group["steps"] as String? ?? "").split(separator: ",").compactMap { Int($0) }
            let count = steps.count > 1 ? try distinctRows(db, change: change, steps: steps) : (group["n"] as Int)
            var changed: [ChangedRow] = []
            for step in steps where changed.count < sample {
                let rows = try GRDB.Row.fetchAll(db, sql: """
                    SELECT row_id, before, after FROM change_rows WHERE change = ? AND step = ? ORDER BY row_id LIMIT ?
                    """, arguments: [change, step, sample - changed.count])
                changed += try rows.map { try changedRow(db, table: table, id: $0[0], action: action, before: $0[1], after: $0[2]) }
            }
            parts.append(ChangeSummary.Part(table: table, action: action, count: count, rows: changed))
        }
        return ChangeSummary(parts: parts)
    }

    /// How many rows these steps of one table and action touched, each row once (a merge
    /// re-points a model's `unit` and its `location` in two steps: one model).
    static func distinctRows(_ db: Database, change: Int64, steps: [Int]) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT count(DISTINCT row_id) FROM change_rows WHERE change = ? AND step IN (\(steps.map(String.init).joined(separator: ", ")))
            """, arguments: [change]) ?? 0
    }

    /// A log row for people: the columns whose values differ (all of them for an insert or
    /// a delete), as text.
    static func changedRow(_ db: Database, table: String, id: Int64, action: String, before: String?, after: String?) throws -> ChangedRow {
        let old = try values(db, before), new = try values(db, after)
        var names: [String] = []
        for (name, _) in old where !names.contains(name) { names.append(name) }
        for (name, _) in new where !names.contains(name) { names.append(name) }
        let oldByName = Dictionary(old, uniquingKeysWith: { first, _ in first })
        let newByName = Dictionary(new, uniquingKeysWith: { first, _ in first })
        var columns: [(name: String, before: String?, after: String?)] = []
        for name in names {
            let a = oldByName[name], b = newByName[name]
            if action == "update", identical(a, b) { continue }
            if action != "update", (a ?? b) == nil { continue }
            // Text that only became NFC looks the same on both sides: say why it changed (in
            // front, where cutting a long value to the screen's width leaves it).
            let note = action == "update" && a != nil && a == b ? "(NFD) " : ""
            columns.append((name, a.map { note + display($0) }, b.map(display)))
        }
        return ChangedRow(table: table, id: id, action: action, columns: columns)
    }

    /// Equal values, text compared scalar by scalar: `==` on Swift strings finds "Hòa" in NFD
    /// equal to "Hòa" in NFC, and would hide the very change `update name = name` makes.
    static func identical(_ a: DatabaseValue?, _ b: DatabaseValue?) -> Bool {
        if case .string(let x)? = a?.storage, case .string(let y)? = b?.storage {
            return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        }
        return a == b
    }

    /// The members of a JSON object, in order, as values.
    private static func values(_ db: Database, _ json: String?) throws -> [(String, DatabaseValue)] {
        guard let json else { return [] }
        return try GRDB.Row.fetchAll(db, sql: "SELECT key, CASE type WHEN 'null' THEN NULL ELSE atom END FROM json_each(?)",
                                     arguments: [json]).map { ($0[0], $0[1]) }
    }

    /// A value as a person reads it in a message: text in quotes, null as `null`.
    public static func display(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "null"
        case .int64(let int): return String(int)
        case .double(let double): return "\(double)"
        case .string(let text): return "\"" + text + "\""
        case .blob(let data): return "<\(data.count) bytes>"
        }
    }
}
