// Opens the movement's database: a GRDB `DatabasePool` in WAL mode with foreign keys on and
// a busy timeout, so two sessions (a REPL and a script, or two staff members on one share)
// can use one file. Opening migrates an older file in place; a missing file is created.
import Foundation
import GRDB
import VietText

public final class Store: Sendable {
    public let pool: DatabasePool
    public let path: String

    /// How long a writer waits for another session's write to finish before giving up.
    /// Long enough for a bulk fix in another session, short enough that a stuck one is noticed.
    static let busyTimeout: TimeInterval = 10

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotCreateDirectory(path: directory)
            }
        }
        var config = Configuration()
        config.busyMode = .timeout(Store.busyTimeout)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            Store.registerFunctions(db)
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
        self.path = path
        let applied: [String]
        do {
            applied = try pool.read { db -> [String] in
                guard try db.tableExists("grdb_migrations") else { return [] }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
        let unknown = applied.filter { !Migrations.knownIDs.contains($0) }
        if !unknown.isEmpty {
            throw StoreError.newerVersion(path: path, migrations: unknown.sorted())
        }
        do {
            try Migrations.migrator().migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError.migrationFailed(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// SQL functions the schema and queries use: `dv_fold(text)` gives the diacritic-free search key,
    /// and the collation `vi` orders text the Vietnamese way.
    static func registerFunctions(_ db: Database) {
        let fold = DatabaseFunction("dv_fold", argumentCount: 1, pure: true) { values in
            guard let text = String.fromDatabaseValue(values[0]) else { return nil }
            return VietFold.fold(text)
        }
        db.add(function: fold)
        // The language's own text rules, so that a pipeline answered by SQL means what it
        // means in memory: `dv_nfc` (text compared after NFC), `dv_matches` (`~`) and
        // `dv_sort_name` (people's "given middle family" order).
        db.add(function: DatabaseFunction("dv_nfc", argumentCount: 1, pure: true) { values in
            guard let text = String.fromDatabaseValue(values[0]) else { return values[0] }
            return text.nfc
        })
        db.add(function: DatabaseFunction("dv_matches", argumentCount: 2, pure: true) { values in
            guard let text = String.fromDatabaseValue(values[0]), let query = String.fromDatabaseValue(values[1]) else { return false }
            return VietFold.contains(text, words: query)
        })
        db.add(function: DatabaseFunction("dv_sort_name", argumentCount: 3, pure: true) { values in
            Store.sortName(given: String.fromDatabaseValue(values[0]), middle: String.fromDatabaseValue(values[1]),
                           family: String.fromDatabaseValue(values[2]))
        })
        // `ORDER BY name COLLATE vi` sorts the Vietnamese way (domain.md §5), as the language does.
        let vietnamese = DatabaseCollation("vi") { left, right in
            switch VietCollation.compare(left, right) {
            case ..<0: return .orderedAscending
            case 0: return .orderedSame
            default: return .orderedDescending
            }
        }
        db.add(collation: vietnamese)
    }

    /// "given middle family", the parts that are there: how people sort the Vietnamese way.
    public static func sortName(given: String?, middle: String?, family: String?) -> String {
        [given, middle, family].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The ids of migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Migrations.migrator().appliedMigrations(db) }
    }

    /// Recomputes the derived search keys (`units.search_key`, ...) from the text they fold.
    public static func refreshSearchKeys(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE units SET search_key = dv_fold(name || ' ' || coalesce(short_name, ''));
            UPDATE people SET search_key = dv_fold(full_name);
            UPDATE models SET search_key = dv_fold(title);
            """)
    }

    /// Row counts shown in the welcome line and the demo summary.
    public func count(_ table: String) throws -> Int {
        guard Catalog.table(named: table) != nil else { throw StoreError.unknownTable(table) }
        return try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
        }
    }
}

/// Where the database lives: `--db PATH`, else `$DANVAN_DB`, else
/// `$XDG_DATA_HOME/danvan/danvan.db` (`~/.local/share/danvan/danvan.db`).
public enum StoreLocation {
    public static func resolve(flag: String?, environment: [String: String]) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment["DANVAN_DB"], !env.isEmpty { return env }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            dataHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return dataHome + "/danvan/danvan.db"
    }
}

public enum StoreError: Error, Sendable {
    case cannotOpen(path: String, reason: String)
    case cannotCreateDirectory(path: String)
    case migrationFailed(path: String, reason: String)
    case unknownTable(String)
    /// The file was upgraded by a newer DanVan; opening it here could lose data.
    case newerVersion(path: String, migrations: [String])

    public func message(_ lang: Lang) -> String {
        switch self {
        case .cannotOpen(let path, let reason):
            return Localized(vi: "không mở được cơ sở dữ liệu {0}: {1}",
                             en: "cannot open the database {0}: {1}")(lang, path, reason)
        case .cannotCreateDirectory(let path):
            return Localized(vi: "không tạo được thư mục {0} cho cơ sở dữ liệu (kiểm tra đường dẫn và quyền ghi)",
                             en: "cannot create the folder {0} for the database (check the path and write permission)")(lang, path)
        case .migrationFailed(let path, let reason):
            return Localized(vi: "không nâng cấp được cơ sở dữ liệu {0}: {1}",
                             en: "cannot upgrade the database {0}: {1}")(lang, path, reason)
        case .newerVersion(let path, let migrations):
            return Localized(vi: "cơ sở dữ liệu {0} do một phiên bản DanVan mới hơn tạo ({1}); hãy cập nhật DanVan",
                             en: "the database {0} was made by a newer DanVan ({1}); update DanVan to open it")(
                                lang, path, migrations.joined(separator: ", "))
        case .unknownTable(let name):
            return Localized(vi: "không có bảng '{0}'", en: "there is no table '{0}'")(lang, name)
        }
    }
}
