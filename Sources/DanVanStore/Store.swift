// Opens the movement's database, in one of four ways (`Store.Mode`), so that a query never
// changes the file and only the commands that make data create one:
// - `.create` (demo, import --all, init, the default database): a GRDB `DatabasePool` in WAL
//   mode; a missing file and its folder are created.
// - `.write` (import of one table): the file must exist and be writable.
// - `.query` (eval, run, the REPL, export): the file must exist. It is opened read-write when
//   the user may write it, but nothing is written unless an older schema needs upgrading;
//   otherwise it is opened read-only, as `.readOnly` does.
// - `.readOnly`: never writes, and leaves no `-wal`/`-shm` file behind.
// Foreign keys are on and a writer waits for another session's write (busy timeout), so two
// sessions (a REPL and a script, or two staff members on one share) can use one file.
import Foundation
import GRDB
import VietText

public final class Store: Sendable {
    public enum Mode: Sendable, Equatable {
        /// Opens the file, creating it and its folder when missing, for reading and writing.
        case create
        /// Opens an existing file for reading and writing.
        case write
        /// Opens an existing file for queries: writes only to upgrade an older schema.
        case query
        /// Opens an existing file read-only, whatever its permissions.
        case readOnly
    }

    /// The connection(s). A `DatabasePool` when the mode is `.create`; a `DatabaseQueue`
    /// otherwise, because a pool writes to the file when it opens (GRDB creates and drops a
    /// table to make sure the `-wal` file is not empty), and a query must not change the file.
    /// The name stays `pool` for the code that reads through it.
    public let pool: any DatabaseWriter
    public let path: String
    /// True when the session cannot write: `.readOnly`, or `.query` on a file or folder the
    /// user may not write.
    public let isReadOnly: Bool

    /// How long a writer waits for another session's write to finish before giving up.
    /// Long enough for a bulk fix in another session, short enough that a stuck one is noticed.
    /// `DANVAN_BUSY_TIMEOUT` (seconds) changes it, for a share where writes take longer, or a
    /// test that must not wait ten seconds.
    static var busyTimeout: TimeInterval {
        if let text = Store.environment("DANVAN_BUSY_TIMEOUT"), let seconds = Double(text),
           seconds.isFinite, seconds >= 0, seconds <= 3600 {
            return seconds
        }
        return 10
    }

    /// The environment variable `name`, read without `ProcessInfo.environment`, which builds
    /// a dictionary of every variable at each call (a noticeable part of a one-shot command).
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Opens the database at `path` as `mode` says and brings its schema up to date
    /// (except read-only, where an outdated schema is an error).
    public init(path: String, mode: Mode = .create) throws {
        self.path = path
        if mode == .create {
            try Store.createDirectory(for: path)
            isReadOnly = false
            pool = try Store.opening(path) { try DatabasePool(path: path, configuration: Store.configuration()) }
            try Store.migrate(pool, path: path, writable: true, requireDanVan: false)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoreError.missingFile(path: path, suggestion: nil)
        }
        if isDirectory.boolValue { throw StoreError.isDirectory(path: path) }
        let writable = mode != .readOnly && Store.mayWrite(path)
        if mode == .write && !writable { throw StoreError.readOnlyFile(path: path) }
        isReadOnly = !writable
        if writable {
            pool = try Store.opening(path) { try DatabaseQueue(path: path, configuration: Store.configuration()) }
        } else {
            var config = Store.configuration()
            config.readonly = true
            let location = Store.readOnlyLocation(path)
            pool = try Store.opening(path) { try DatabaseQueue(path: location, configuration: config) }
        }
        try Store.migrate(pool, path: path, writable: writable, requireDanVan: true)
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(Store.busyTimeout)
        config.foreignKeysEnabled = true
        // A transaction the person opens in the REPL (`:begin`) stays open between entries.
        config.allowsUnsafeTransactions = true
        config.prepareDatabase { db in
            Store.registerFunctions(db)
        }
        return config
    }

    /// Runs `open`, turning any failure into `StoreError.cannotOpen`.
    private static func opening<T>(_ path: String, _ open: () throws -> T) throws -> T {
        do {
            return try open()
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    private static func createDirectory(for path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreateDirectory(path: directory)
        }
    }

    /// Whether this process may change the file: write permission on the file, and on its
    /// folder, where SQLite keeps the `-wal` and `-shm` files of a WAL database. (root passes
    /// both checks whatever the mode bits say, and can indeed write.)
    static func mayWrite(_ path: String) -> Bool {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return access(path, W_OK) == 0 && access(directory.isEmpty ? "." : directory, W_OK) == 0
    }

    /// What to hand SQLite for a read-only open. A plain read-only connection to a WAL
    /// database still creates `-wal` and `-shm` files, with the database's mode, and cannot
    /// delete them on close; in a read-only folder it cannot open at all ("attempt to write a
    /// readonly database"). The `immutable` URI option reads the file alone, with no side
    /// files and no locks. That is only right while no committed data waits in a `-wal`
    /// file, so when one exists and is not empty the plain read-only open (which reads it
    /// through the existing `-shm`) is used instead.
    static func readOnlyLocation(_ path: String) -> String {
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber
        if let wal, wal.intValue > 0 { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        // In a URI filename `%`, `?` and `#` would be read as escapes, the query and the fragment.
        var escaped = ""
        for character in absolute {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    /// Refuses a file from a newer DanVan and (when `requireDanVan`) a file that is not
    /// DanVan's, then applies the migrations this file lacks, unless it is read-only.
    private static func migrate(_ writer: any DatabaseWriter, path: String, writable: Bool, requireDanVan: Bool) throws {
        let applied: [String]?
        do {
            applied = try writer.read { db -> [String]? in
                // Asked of sqlite_master directly: GRDB's `tableExists` first loads its
                // description of the whole schema, a tenth of a one-shot command's start-up.
                let sql = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'"
                guard try Int.fetchOne(db, sql: sql) == 1 else { return nil }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
        if requireDanVan, let first = Migrations.all.first?.id, applied?.contains(first) != true {
            let empty = (try? writer.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            }) == 0
            throw StoreError.notDanVan(path: path, empty: empty)
        }
        let unknown = (applied ?? []).filter { !Migrations.knownIDs.contains($0) }
        if !unknown.isEmpty {
            throw StoreError.newerVersion(path: path, migrations: unknown.sorted())
        }
        let missing = Migrations.all.map(\.id).filter { !(applied ?? []).contains($0) }
        if missing.isEmpty { return }
        guard writable else { throw StoreError.readOnlyNeedsUpgrade(path: path, migrations: missing) }
        do {
            try Migrations.migrator().migrate(writer)
        } catch let error as DatabaseError {
            throw StoreError.migrationFailed(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// SQL functions the schema and queries use: `dv_fold(text)` gives the diacritic-free search key,
    /// and the collation `vi` orders text the Vietnamese way.
    static func registerFunctions(_ db: Database) {
        FoldFunction.register(db)
        // The language's own text rules, so that a pipeline answered by SQL means what it
        // means in memory: `dv_nfc` (text compared after NFC), `dv_matches` (`~`) and
        // `dv_sort_name` (people's "given middle family" order).
        NFCFunction.register(db)
        db.add(function: DatabaseFunction("dv_matches", argumentCount: 2, pure: true) { values in
            guard let text = String.fromDatabaseValue(values[0]), let query = String.fromDatabaseValue(values[1]) else { return false }
            return VietFold.matches(text, query: query)
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

    /// How each table's `search_key` is computed: the columns it folds, and the SQL with
    /// `{column}` where each goes (people's is their full name, as the generated column
    /// `full_name` spells it). One definition for bulk refreshes and for every write.
    static let searchKeys: [String: (sources: [String], template: String)] = [
        "units": (["name", "short_name"], "dv_fold({name} || ' ' || coalesce({short_name}, ''))"),
        "people": (["family_name", "middle_name", "given_name"],
                   "dv_fold(trim({family_name} || ' ' || CASE WHEN {middle_name} = '' THEN '' ELSE {middle_name} || ' ' END || {given_name}))"),
        "models": (["title"], "dv_fold({title})"),
    ]

    /// Recomputes the derived search keys (`units.search_key`, ...) from the text they fold.
    public static func refreshSearchKeys(_ db: Database) throws {
        for (table, key) in searchKeys.sorted(by: { $0.key < $1.key }) {
            var sql = key.template
            for source in key.sources { sql = sql.replacingOccurrences(of: "{\(source)}", with: source) }
            try db.execute(sql: "UPDATE \(table) SET search_key = \(sql)")
        }
    }

    /// Row counts shown in the welcome line and the demo summary.
    public func count(_ table: String) throws -> Int {
        guard Catalog.table(named: table) != nil else { throw StoreError.unknownTable(table) }
        return try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
        }
    }
}
