// Where the demo may write: a new file, an empty database, or (with `--force`) a DanVan
// database that is deleted first. A file that is not a DanVan database is never touched:
// opening it with `Store` would add DanVan's tables to someone else's data.
import Foundation
import GRDB

public enum DemoFile {
    public enum Kind: Sendable, Equatable {
        /// No file, or an empty one.
        case missing
        /// A SQLite file with DanVan's migrations.
        case danVan
        /// Anything else: another program's database or not a database at all.
        case other
    }

    /// What is at `path`, read without changing it.
    public static func kind(at path: String) -> Kind {
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else { return .missing }
        if let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.intValue == 0 {
            return .missing
        }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let isDanVan = try queue.read { db -> Bool in
                guard try db.tableExists("grdb_migrations"), try db.tableExists("models") else { return false }
                return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = 'v1')") ?? false
            }
            try queue.close()
            return isDanVan ? .danVan : .other
        } catch {
            return .other
        }
    }

    /// Makes `path` ready for the demo: refuses a file that is not DanVan's, and with
    /// `force` deletes a DanVan database (with its WAL and shared-memory files).
    public static func prepare(path: String, force: Bool) throws {
        switch kind(at: path) {
        case .missing:
            return
        case .other:
            throw DemoError.notDanVanDatabase(path: path)
        case .danVan:
            guard force else { return }
            for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
                do {
                    try FileManager.default.removeItem(atPath: file)
                } catch {
                    throw DemoError.cannotDelete(path: file, reason: error.localizedDescription)
                }
            }
        }
    }
}
