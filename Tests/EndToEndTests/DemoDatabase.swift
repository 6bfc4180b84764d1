// One demo database for the whole end-to-end run, made with the built `danvan demo` (about
// a second), read by every REPL test (SQLite readers do not disturb each other), and removed
// when the test process exits.
import Foundation
import GRDB

enum DemoDatabase {
    /// The database's path, or the error that kept it from being made.
    static let made: Result<String, Error> = Result {
        let directory = try ScratchDirectory("demo")
        let path = directory.path + "/d.db"
        let result = try ProcessRunner.run(try BuiltProducts.path("danvan"), ["demo", "--db", path, "--lang", "en"],
                                           environment: ["LANG": "C.UTF-8"], timeout: 120)
        guard result.status == 0 else {
            throw HarnessError.toolFailed(command: "danvan demo", status: result.status, output: result.stderr)
        }
        scratchToRemove = directory.path
        atexit { if let path = scratchToRemove { try? FileManager.default.removeItem(atPath: path) } }
        return path
    }

    static func path() throws -> String { try made.get() }

    /// The integer `sql` answers on the demo database, read with SQLite itself: what a test
    /// compares the program's answer with.
    static func sqlCount(_ sql: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: try path(), configuration: configuration)
        return try queue.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    /// Runs `danvan ARGUMENTS --db DEMO` with piped `input`.
    static func danvan(_ arguments: [String], input: String = "", environment: [String: String] = ["LANG": "C.UTF-8"])
        throws -> ProcessResult {
        try ProcessRunner.run(try BuiltProducts.path("danvan"), arguments + ["--db", try path()], input: input,
                              environment: environment)
    }
}

/// Set once, by `DemoDatabase.made`, before the exit handler that reads it is registered.
nonisolated(unsafe) private var scratchToRemove: String?
