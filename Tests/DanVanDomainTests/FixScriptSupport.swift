// What the tests of the saved fixes (scripts/fixes/*.dv) share: one scale-1 demo database made
// once per test run, a private copy of it per test (SQLite's online backup), the scripts run
// as `danvan run` runs them (ScriptRunner over a DomainHost, one transaction), and an image of
// every table compared byte for byte: Swift's `==` on strings finds NFD and NFC text equal,
// which would hide exactly what the NFC fix changes.
import DanVanDemo
import DanVanDomain
import DanVanLang
import DanVanREPL
import DanVanStore
import Foundation
import GRDB
import VietText

/// The demo database every fix test copies, made on first use and deleted at exit.
enum FixDemo {
    static let directory = NSTemporaryDirectory() + "danvan-fix-test-" + UUID().uuidString

    struct Made: Sendable {
        let store: Store
        let summary: DemoSummary
    }

    static let shared: Result<Made, any Error> = Result {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: FixDemo.directory) }
        let store = try Store(path: directory + "/master.db")
        let summary = try DemoData.generate(into: store, options: DemoOptions(), progress: nil)
        return Made(store: store, summary: summary)
    }

    static func made() throws -> Made { try shared.get() }

    /// Runs `body` with a private copy of the demo database, removed afterwards.
    static func withCopy<T>(_ body: (Store) throws -> T) throws -> T {
        let master = try made().store
        let path = directory + "/copy-" + UUID().uuidString + ".db"
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try Store(path: path)
        try master.pool.backup(to: store.pool)
        return try body(store)
    }
}

/// The saved fix `name` (scripts/fixes/NAME.dv), read from the package.
enum FixScripts {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/fixes")

    static func path(_ name: String) -> String { "scripts/fixes/\(name).dv" }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent("\(name).dv"), encoding: .utf8)
    }

    /// Every saved fix, by name.
    static func all() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".dv") }.map { String($0.dropLast(3)) }.sorted()
    }
}

/// One run of a script, as `danvan run FILE [--dry-run]` makes it.
struct ScriptRun {
    let outcome: ScriptOutcome
    let output: String
    let errors: String
    /// What the run did to the data (committed as a change set, or shown by a dry-run).
    let change: WriteSession.Outcome?

    var committed: Int64? {
        if case .committed(let id, _)? = change { return id }
        return nil
    }

    var dryRunSummary: ChangeSummary? {
        if case .dryRun(let summary)? = change { return summary }
        return nil
    }

    static func run(_ text: String, name: String, on store: Store, dryRun: Bool = false) -> ScriptRun {
        var options = WriteSession.Options()
        options.user = "test"
        options.origin = name
        options.dryRun = dryRun
        let host = DomainHost(store: store, options: options)
        let printed = Lines()
        let runner = ScriptRunner(host: host, lang: .en, interrupt: InterruptFlag(),
                                  output: { printed.append($0) }, beforeRun: { host.invalidate() })
        let errors = Lines()
        let outcome = runner.run(SourceText(name: name, text: text)) { errors.append($0) }
        return ScriptRun(outcome: outcome, output: printed.text, errors: errors.text, change: host.session.outcome)
    }

    /// Undoes the change set `id` as `danvan undo ID` does; gives the rows put back.
    static func undo(_ id: Int64, on store: Store) throws -> Int {
        var options = WriteSession.Options()
        options.user = "test"
        return try DomainHost(store: store, options: options).undo(id)
    }
}

/// Lines a closure collects.
final class Lines: @unchecked Sendable {
    private(set) var lines: [String] = []
    func append(_ line: String) { lines.append(line) }
    var text: String { lines.joined(separator: "\n") }
}

/// Every row of every table, by table and id, each row's values as UTF-8 bytes.
struct TableImage: Equatable {
    var tables: [String: [Int64: Data]]

    /// The catalog's tables, and the change log's when `log` is true. Each row is made into
    /// one blob by SQL (a row at a time through GRDB is slow in a debug build): every value
    /// with its type, reals with all 17 digits, text as its bytes.
    static func of(_ store: Store, log: Bool = true) throws -> TableImage {
        try store.pool.read { db in
            var tables: [String: [Int64: Data]] = [:]
            for table in Catalog.tables + (log ? Catalog.logTables : []) {
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_xinfo(?)", arguments: [table.name])
                let values: String = columns.map { (column: String) -> String in
                    let c: String = column.quotedDatabaseIdentifier
                    return "typeof(\(c)) || ':' || CASE typeof(\(c)) WHEN 'real' THEN printf('%!.17g', \(c)) "
                        + "WHEN 'blob' THEN hex(\(c)) ELSE coalesce(\(c), '') END"
                }.joined(separator: " || char(31) || ")
                var rows: [Int64: Data] = [:]
                let sql: String = "SELECT id, CAST(\(values) AS BLOB) FROM \(table.name.quotedDatabaseIdentifier)"
                let cursor = try GRDB.Row.fetchCursor(db, sql: sql)
                while let row = try cursor.next() {
                    rows[row[0]] = row[1]
                }
                tables[table.name] = rows
            }
            return TableImage(tables: tables)
        }
    }

    /// The catalog's tables only.
    var catalog: TableImage {
        TableImage(tables: tables.filter { name, _ in Catalog.logTables.allSatisfy { $0.name != name } })
    }

    /// What changed from `self` to `other`, per table with a change.
    func changes(to other: TableImage) -> [String: RowChanges] {
        var result: [String: RowChanges] = [:]
        for name in Set(tables.keys).union(other.tables.keys) {
            let old = tables[name] ?? [:], new = other.tables[name] ?? [:]
            var changes = RowChanges()
            for (id, row) in new {
                if let before = old[id] {
                    if before != row { changes.updated.insert(id) }
                } else {
                    changes.inserted.insert(id)
                }
            }
            changes.deleted = Set(old.keys).subtracting(new.keys)
            if !changes.isEmpty { result[name] = changes }
        }
        return result
    }
}

/// The rows of one table a change touched, by id.
struct RowChanges: Equatable, CustomStringConvertible {
    var inserted: Set<Int64> = []
    var updated: Set<Int64> = []
    var deleted: Set<Int64> = []

    var isEmpty: Bool { inserted.isEmpty && updated.isEmpty && deleted.isEmpty }

    var description: String {
        "inserted \(inserted.sorted()), updated \(updated.sorted()), deleted \(deleted.sorted())"
    }
}

extension DemoSummary {
    /// The anomalous rows of `kind`, by table.
    func rows(_ kinds: DemoAnomaly.Kind...) -> [String: Set<Int64>] {
        var result: [String: Set<Int64>] = [:]
        for kind in kinds {
            for anomaly in anomalies(kind) { result[anomaly.table, default: []].insert(anomaly.id) }
        }
        return result
    }
}

extension String {
    /// Equal scalar by scalar, not only canonically equivalent.
    func sameScalars(_ other: String) -> Bool { unicodeScalars.elementsEqual(other.unicodeScalars) }

    var isNFC: Bool { sameScalars(precomposedStringWithCanonicalMapping) }
}
