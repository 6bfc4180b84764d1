// Shared by the store and CSV tests: a private copy of the demo database, a change writer in
// one transaction, undo, and one value read by SQL.
import DanVanStore
import GRDB

/// A private copy of the shared demo database.
public func withDemoCopy<T>(_ body: (Store) throws -> T) throws -> T {
    let shared = try DemoFixture.made().store
    return try withTemporaryDirectory { directory in
        let path = directory + "/copy.db"
        let store = try Store(path: path)
        try shared.pool.backup(to: store.pool)
        return try body(store)
    }
}

/// Runs `body` with a writer in one transaction, committed when it returns; gives its change set.
@discardableResult
public func write(_ store: Store, _ body: (ChangeWriter) throws -> Void) throws -> Int64? {
    try store.pool.writeWithoutTransaction { db in
        var change: Int64?
        try db.inTransaction(.immediate) {
            let writer = try ChangeWriter(db: db, user: "test", origin: "test")
            try body(writer)
            change = try writer.finish()
            return .commit
        }
        return change
    }
}

/// Undoes `change` in a change set of its own; gives that set.
@discardableResult
public func undo(_ store: Store, _ change: Int64) throws -> Int64? {
    try write(store) { writer in _ = try writer.undo(change) }
}

public func scalar<T: DatabaseValueConvertible>(_ store: Store, _ sql: String) throws -> T? {
    try store.pool.read { db in try T.fetchOne(db, sql: sql) }
}
