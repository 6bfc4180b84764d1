// Shared by the store, CSV and demo tests: one demo database made once per test run (seed
// 2024, scale 1) for the read-only checks, fresh databases for the ones that make their own,
// and a canonical dump of every table to compare two databases row by row.
import DanVanDemo
import DanVanStore
import Foundation
import GRDB

/// The demo database the read-only tests share, made on first use and deleted at exit.
public enum DemoFixture {
    public static let directory = NSTemporaryDirectory() + "danvan-demo-test-" + UUID().uuidString

    public struct Made: Sendable {
        public let store: Store
        public let summary: DemoSummary
    }

    public static let shared: Result<Made, any Error> = Result {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: DemoFixture.directory) }
        let store = try Store(path: directory + "/shared.db")
        let summary = try DemoData.generate(into: store, options: DemoOptions(), progress: nil)
        return Made(store: store, summary: summary)
    }

    public static func made() throws -> Made { try shared.get() }
}

/// Runs `body` with a new empty store in its own temporary directory, removed afterwards.
public func withFreshDemoStore<T>(_ body: (Store, String) throws -> T) throws -> T {
    let directory = NSTemporaryDirectory() + "danvan-demo-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/demo.db"
    return try body(try Store(path: path), path)
}

/// Every row of every catalog table, ordered by id, as text: two databases with equal dumps
/// hold the same data.
public func demoDump(_ store: Store) throws -> [(table: String, rows: [String])] {
    try store.pool.read { (db: Database) throws in
        try Catalog.tables.map { table in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.name.quotedDatabaseIdentifier) ORDER BY id")
            return (table.name, rows.map { row in row.databaseValues.map { $0.description }.joined(separator: "|") })
        }
    }
}
