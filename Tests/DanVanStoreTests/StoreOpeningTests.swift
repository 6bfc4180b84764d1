// How a database is opened (Store.Mode): a query leaves the file byte for byte as it was and
// leaves no side files; a missing file is an error unless the mode creates it; a read-only
// open works without writing anything, even with a WAL file other sessions still use.
import DanVanTestSupport
import Foundation
import GRDB
import Testing
@testable import DanVanStore

@Suite struct StoreOpeningTests {
    /// A DanVan database with a few rows at `path`, closed (and so checkpointed) on return.
    /// The pool is released rather than `close()`d: GRDB's `close()` shuts the writer first,
    /// and the read-only reader left last cannot checkpoint and remove the `-wal` file.
    static func makeDatabase(_ path: String) throws {
        let store = try Store(path: path)
        try store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO units (id, code, name, kind, level) VALUES (1, 'HN', 'Thành phố Hà Nội', 'city', 'city');
                INSERT INTO units (id, code, name, kind, level, parent) VALUES (2, 'TH', 'Phường Tân Hòa', 'ward', 'commune', 1);
                """)
        }
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// The files in `directory` whose names start with `name` (the database and its side files).
    static func files(_ directory: String, _ name: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(name) }.sorted()
    }

    @Test(arguments: [Store.Mode.query, .readOnly])
    func readingLeavesTheFileByteIdentical(mode: Store.Mode) throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/a.db"
            try Self.makeDatabase(path)
            let before = try Self.bytes(path)
            #expect(try Self.files(dir, "a.db") == ["a.db"])
            do {
                let store = try Store(path: path, mode: mode)
                #expect(store.isReadOnly == (mode == .readOnly))
                #expect(try store.count("units") == 2)
                #expect(try store.pool.read { db in try String.fetchOne(db, sql: "SELECT name FROM units WHERE id = 2") }
                        == "Phường Tân Hòa")
                if mode == .readOnly {
                    // Nothing at all beside the file, even while it is open.
                    #expect(try Self.files(dir, "a.db") == ["a.db"])
                }
                try store.pool.close()
            }
            #expect(try Self.bytes(path) == before)
            #expect(try Self.files(dir, "a.db") == ["a.db"])
        }
    }

    @Test func aReadOnlySessionCannotWrite() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/a.db"
            try Self.makeDatabase(path)
            let before = try Self.bytes(path)
            let store = try Store(path: path, mode: .readOnly)
            #expect(throws: DatabaseError.self) {
                try store.pool.write { db in try db.execute(sql: "DELETE FROM units WHERE id = 2") }
            }
            try store.pool.close()
            #expect(try Self.bytes(path) == before)
        }
    }

    @Test func aQueryUpgradesAVersion1FileInPlace() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/old.db"
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator().migrate(queue, upTo: "v1")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO units (id, code, name, kind, level) VALUES (1, 'P-TH', 'Phường Tân Hòa', 'ward', 'commune')")
            }
            try queue.close()
            let store = try Store(path: path, mode: .query)
            #expect(try store.appliedMigrations() == Migrations.all.map(\.id))
            #expect(try store.count("units") == 1)
            #expect(try store.pool.read { db in try db.tableExists("model_tags") })
        }
    }

    @Test func aReadOnlyOpenRefusesAFileThatNeedsAnUpgrade() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/old.db"
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator().migrate(queue, upTo: "v1")
            try queue.close()
            let before = try Self.bytes(path)
            #expect {
                _ = try Store(path: path, mode: .readOnly)
            } throws: { error in
                guard let error = error as? StoreError,
                      case .readOnlyNeedsUpgrade(_, let missing) = error else { return false }
                return missing == Array(Migrations.all.map(\.id).dropFirst()) && error.message(.vi).contains("chỉ cho phép đọc")
                    && error.message(.en).contains("read-only")
            }
            #expect(try Self.bytes(path) == before)
            #expect(try Self.files(dir, "old.db") == ["old.db"])
        }
    }

    /// Another session has committed rows that are still only in the `-wal` file: a
    /// read-only open must read them through it, not the main file alone.
    /// Issue 12: opening for a query writes nothing, so it never waits for the write lock
    /// another program holds (a `DatabasePool` would: it creates and drops a table when the
    /// WAL is empty, and so waited the whole busy timeout, then failed "database is locked").
    @Test(arguments: [Store.Mode.query, .readOnly])
    func aQueryOpensAndReadsWhileAnotherConnectionHoldsTheWriteLock(mode: Store.Mode) throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/a.db"
            try Self.makeDatabase(path)
            var config = Configuration()
            config.allowsUnsafeTransactions = true
            let holder = try DatabaseQueue(path: path, configuration: config)
            try holder.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE; UPDATE units SET name = name || '!' WHERE id = 1")
            }
            let started = Date()
            let store = try Store(path: path, mode: mode)
            #expect(try store.count("units") == 2)
            // The other connection's change is not committed: the query sees the committed name.
            #expect(try store.pool.read { db in try String.fetchOne(db, sql: "SELECT name FROM units WHERE id = 1") }
                    == "Thành phố Hà Nội")
            let elapsed = Date().timeIntervalSince(started)
            #expect(elapsed < Store.busyTimeout / 2, "waited \(elapsed) s for the other connection's lock")
            try store.pool.close()
            try holder.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
            try holder.close()
        }
    }

    @Test func aReadOnlyOpenSeesRowsStillInTheWAL() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/a.db"
            try Self.makeDatabase(path)
            var config = Configuration()
            config.journalMode = .wal
            let writer = try DatabaseQueue(path: path, configuration: config)
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
                try db.execute(sql: "INSERT INTO units (id, code, name, kind, level) VALUES (3, 'CN', 'Phường Cửa Nam', 'ward', 'commune')")
            }
            let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber
            #expect((wal?.intValue ?? 0) > 0)
            let store = try Store(path: path, mode: .readOnly)
            #expect(try store.count("units") == 3)
            try store.pool.close()
            try writer.close()
        }
    }

    @Test func aPathWithURICharactersOpensReadOnly() throws {
        try withTemporaryDirectory { dir in
            let folder = dir + "/Thư mục #1 ?50%"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = folder + "/dữ liệu.db"
            try Self.makeDatabase(path)
            let store = try Store(path: path, mode: .readOnly)
            #expect(try store.count("units") == 2)
            try store.pool.close()
            #expect(try Self.files(folder, "dữ liệu.db") == ["dữ liệu.db"])
        }
    }

    @Test(arguments: [Store.Mode.query, .write, .readOnly])
    func aMissingFileIsAnErrorAndNothingIsCreated(mode: Store.Mode) throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/sub/x.db"
            #expect {
                _ = try Store(path: path, mode: mode)
            } throws: { error in
                guard let error = error as? StoreError, case .missingFile(path, nil) = error else { return false }
                return error.message(.vi).contains("không có tệp cơ sở dữ liệu " + path)
                    && error.message(.en).contains("danvan init " + path)
            }
            #expect(!FileManager.default.fileExists(atPath: dir + "/sub"))
        }
    }

    @Test func theCreateModeMakesTheFileAndItsFolders() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/a/b/new.db", mode: .create)
            #expect(try store.appliedMigrations() == Migrations.all.map(\.id))
            #expect(try store.count("models") == 0)
        }
    }

    @Test func aFolderIsNotADatabase() throws {
        _ = try withTemporaryDirectory { dir in
            #expect(throws: StoreError.isDirectory(path: dir)) { _ = try Store(path: dir, mode: .query) }
            #expect(throws: StoreError.isDirectory(path: dir)) { _ = try Store(path: dir, mode: .readOnly) }
        }
    }

    @Test func aQueryRefusesAFileThatIsNotDanVans() throws {
        try withTemporaryDirectory { dir in
            let other = dir + "/other.db"
            let queue = try DatabaseQueue(path: other)
            try queue.write { db in try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)") }
            try queue.close()
            let before = try Self.bytes(other)
            #expect(throws: StoreError.notDanVan(path: other, empty: false)) { _ = try Store(path: other, mode: .query) }
            #expect(try Self.bytes(other) == before)

            let empty = dir + "/empty.db"
            #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
            #expect(throws: StoreError.notDanVan(path: empty, empty: true)) { _ = try Store(path: empty, mode: .query) }
            #expect(try Self.bytes(empty).isEmpty)
            #expect(StoreError.notDanVan(path: empty, empty: true).message(.en).contains("danvan init"))
            #expect(StoreError.notDanVan(path: empty, empty: true).message(.vi).contains("danvan init"))
        }
    }

    @Test func theReadOnlyLocationEscapesURICharacters() {
        #expect(Store.readOnlyLocation("/tmp/a b/x?.db") == "file:/tmp/a b/x%3f.db?immutable=1")
        #expect(Store.readOnlyLocation("/tmp/50%#1.db") == "file:/tmp/50%25%231.db?immutable=1")
    }

    @Test func locateSaysWhereThePathCameFrom() {
        #expect(StoreLocation.locate(flag: "x.db", environment: ["DANVAN_DB": "y.db"]) == ("x.db", .flag))
        #expect(StoreLocation.locate(flag: nil, environment: ["DANVAN_DB": "y.db"]) == ("y.db", .environment))
        // An empty --db or DANVAN_DB is kept as the empty path it is (the CLI refuses it), never
        // taken to mean the default file.
        #expect(StoreLocation.locate(flag: "", environment: ["XDG_DATA_HOME": "/d"]) == ("", .flag))
        #expect(StoreLocation.locate(flag: nil, environment: ["DANVAN_DB": "", "XDG_DATA_HOME": "/d"]) == ("", .environment))
        #expect(StoreLocation.emptyPathMessage(("", .flag), .en)?.hasPrefix("--db is an empty path") == true)
        #expect(StoreLocation.emptyPathMessage(("", .environment), .vi)?.contains("DANVAN_DB") == true)
        #expect(StoreLocation.emptyPathMessage(("x.db", .flag), .en) == nil)
    }
}
