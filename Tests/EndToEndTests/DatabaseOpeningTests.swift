// Opening the database through the built binary (issue 7): queries (eval, run, piped input,
// export) leave the file byte for byte as it was and no side files; a --db or $DANVAN_DB that
// names no file is exit code 4 with a "did you mean" and creates nothing; `danvan init` makes
// a new database and refuses a non-empty file; the default database is made on first use with
// a notice; a file the user may only read is queried read-only (run as another user, since
// root may write anything).
import Foundation
import Testing

@Suite struct DatabaseOpeningTests {
    static let english = ["LANG": "C.UTF-8"]

    static func danvan(_ arguments: [String], input: String = "", environment: [String: String] = english,
                       asNobody: Bool = false) throws -> ProcessResult {
        let program = try BuiltProducts.path("danvan")
        if asNobody {
            return try ProcessRunner.run(Self.setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", program] + arguments,
                                         input: input, environment: environment)
        }
        return try ProcessRunner.run(program, arguments, input: input, environment: environment)
    }

    /// A copy of the shared demo database (made by `danvan demo`) in `directory`, as `name`.
    static func demoCopy(in directory: String, name: String = "demo.db") throws -> String {
        let path = directory + "/" + name
        try FileManager.default.copyItem(atPath: try DemoDatabase.path(), toPath: path)
        return path
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    static func listing(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    // MARK: - Queries do not write

    @Test func queriesLeaveTheFileByteIdentical() throws {
        let scratch = try ScratchDirectory("open-bytes")
        defer { scratch.remove() }
        let data = scratch.path + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let path = try Self.demoCopy(in: data)
        let before = try Self.bytes(path)
        let script = scratch.path + "/count.dv"
        try "print(models | where year == 2024 | count)\n".write(toFile: script, atomically: true, encoding: .utf8)
        let home = ["LANG": "C.UTF-8", "HOME": scratch.path, "XDG_STATE_HOME": scratch.path + "/state"]
        let runs: [(String, ProcessResult)] = [
            ("eval", try Self.danvan(["eval", "print(units | first)", "--db", path])),
            ("run", try Self.danvan(["run", script, "--db", path])),
            ("piped", try Self.danvan(["--db", path], input: "print(fields | count)\n", environment: home)),
            ("export", try Self.danvan(["export", "units", "--db", path])),
            ("explain", try Self.danvan(["explain", "models | where year == 2024 | count", "--db", path])),
            ("export --all", try Self.danvan(["export", "--all", scratch.path + "/csv", "--db", path])),
        ]
        for (name, result) in runs {
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(name)")
        }
        #expect(try Self.bytes(path) == before, "a query changed the database file")
        #expect(try Self.listing(data) == ["demo.db"], "a query left side files")
    }

    // MARK: - A missing file

    @Test func aMistypedDatabaseIsAnErrorWithASuggestion() throws {
        let scratch = try ScratchDirectory("open-missing")
        defer { scratch.remove() }
        _ = try Self.demoCopy(in: scratch.path)
        let mistyped = scratch.path + "/dmeo.db"
        let script = scratch.path + "/s.dv"
        try "print(1)\n".write(toFile: script, atomically: true, encoding: .utf8)
        let commands: [(String, [String], String)] = [
            ("eval", ["eval", "print(1)"], ""),
            ("run", ["run", script], ""),
            ("piped", [], "print(1)\n"),
            ("export", ["export", "units"], ""),
            ("explain", ["explain", "models | count"], ""),
            ("export --all", ["export", "--all", scratch.path + "/csv"], ""),
        ]
        for (name, arguments, input) in commands {
            let result = try Self.danvan(arguments + ["--db", mistyped], input: input)
            #expect(result.status == 4, "\(name)")
            #expect(result.stdout == "", "\(name)")
            #expect(result.stderr == "there is no database file \(mistyped); did you mean \(scratch.path)/demo.db?\n", "\(name)")
        }
        let vi = try Self.danvan(["eval", "print(1)", "--db", mistyped, "--lang", "vi"])
        #expect(vi.status == 4)
        #expect(vi.stderr == "không có tệp cơ sở dữ liệu \(mistyped); có phải ý bạn là \(scratch.path)/demo.db?\n")
        #expect(try Self.listing(scratch.path) == ["demo.db", "s.dv"], "nothing may be created")
    }

    @Test func aMissingFolderIsNotCreated() throws {
        let scratch = try ScratchDirectory("open-folder")
        defer { scratch.remove() }
        let path = scratch.path + "/no/such/x.db"
        let result = try Self.danvan(["eval", "print(models | count)", "--db", path])
        #expect(result.status == 4)
        #expect(result.stdout == "")
        #expect(result.stderr == "there is no database file \(path) (danvan init \(path) makes a new, empty one)\n")
        #expect(try Self.listing(scratch.path).isEmpty)
        let imported = try Self.danvan(["import", "fields", scratch.path + "/f.csv", "--db", path])
        #expect(imported.status == 2, "the CSV file is checked first: \(imported.stderr)")
        try "code,name,short_name\nKT,Kinh tế,KT\n".write(toFile: scratch.path + "/f.csv", atomically: true, encoding: .utf8)
        let importMissing = try Self.danvan(["import", "fields", scratch.path + "/f.csv", "--db", path])
        #expect(importMissing.status == 4)
        #expect(try Self.listing(scratch.path) == ["f.csv"])
    }

    @Test func aMissingFileNamedByDANVAN_DBIsAnError() throws {
        let scratch = try ScratchDirectory("open-env")
        defer { scratch.remove() }
        _ = try Self.demoCopy(in: scratch.path)
        let mistyped = scratch.path + "/dmeo.db"
        let result = try Self.danvan(["eval", "print(1)"], environment: ["LANG": "C.UTF-8", "DANVAN_DB": mistyped])
        #expect(result.status == 4)
        #expect(result.stderr == "there is no database file \(mistyped); did you mean \(scratch.path)/demo.db?"
                + "; the path comes from the DANVAN_DB environment variable\n")
        let piped = try Self.danvan([], input: "print(1)\n", environment: ["LANG": "vi_VN.UTF-8", "DANVAN_DB": mistyped])
        #expect(piped.status == 4)
        #expect(piped.stderr.hasSuffix("; đường dẫn này lấy từ biến môi trường DANVAN_DB\n"))
        #expect(try Self.listing(scratch.path) == ["demo.db"])
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux (scripts/deps installs it)"))
    func theInteractiveSessionRefusesAMissingFile() throws {
        let scratch = try ScratchDirectory("open-repl")
        defer { scratch.remove() }
        let path = scratch.path + "/missing.db"
        // tmux 3.3 shows a blank screen once the pane's program has ended, so a small sh keeps
        // the pane alive for a moment after danvan exits, and passes on its exit status.
        let keepAlive = "\"$@\"; status=$?; sleep 3; exit $status"
        let session = try TmuxSession(["/bin/sh", "-c", keepAlive, "sh", try BuiltProducts.path("danvan"),
                                       "--db", path, "--lang", "en"],
                                      environment: ["LANG": "C.UTF-8", "HOME": scratch.path,
                                                    "XDG_STATE_HOME": scratch.path + "/state"],
                                      width: 250)
        defer { session.close() }
        _ = try session.waitFor("there is no database file \(path) (danvan init")
        #expect(try session.waitForExit() == 4)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    // MARK: - Creating a database

    @Test func theDefaultDatabaseIsMadeOnFirstUseWithANotice() throws {
        let scratch = try ScratchDirectory("open-default")
        defer { scratch.remove() }
        let environment = ["LANG": "C.UTF-8", "HOME": scratch.path, "XDG_DATA_HOME": scratch.path + "/data"]
        let path = scratch.path + "/data/danvan/danvan.db"
        let first = try Self.danvan(["eval", "print(models | count)"], environment: environment)
        #expect(first == ProcessResult(stdout: "0\n", stderr: "danvan: created a new, empty database at \(path)\n", status: 0))
        #expect(FileManager.default.fileExists(atPath: path))
        let second = try Self.danvan(["eval", "print(models | count)"], environment: environment)
        #expect(second == ProcessResult(stdout: "0\n", stderr: "", status: 0))

        var vietnamese = environment
        vietnamese["LANG"] = "vi_VN.UTF-8"
        vietnamese["XDG_DATA_HOME"] = scratch.path + "/vi"
        let vi = try Self.danvan([], input: "print(units | count)\n", environment: vietnamese)
        #expect(vi.status == 0)
        #expect(vi.stderr == "danvan: đã tạo cơ sở dữ liệu mới, rỗng tại \(scratch.path)/vi/danvan/danvan.db\n")
    }

    @Test func initMakesANewDatabaseAndRefusesANonEmptyFile() throws {
        let scratch = try ScratchDirectory("open-init")
        defer { scratch.remove() }
        let path = scratch.path + "/new/folder/dv.db"
        let made = try Self.danvan(["init", path])
        #expect(made == ProcessResult(stdout: "Created a new, empty database: \(path)\n", stderr: "", status: 0))
        let query = try Self.danvan(["eval", "print(units | count, model_tags | count)", "--db", path])
        #expect(query == ProcessResult(stdout: "0 0\n", stderr: "", status: 0))

        let before = try Self.bytes(path)
        let again = try Self.danvan(["init", path, "--lang", "vi"])
        #expect(again.status == 3)
        #expect(again.stderr.hasPrefix("\(path) đã có và không rỗng; danvan init chỉ tạo cơ sở dữ liệu mới"))
        #expect(try Self.bytes(path) == before)

        let notes = scratch.path + "/notes.txt"
        try "ghi chú".write(toFile: notes, atomically: true, encoding: .utf8)
        let other = try Self.danvan(["init", "--db", notes])
        #expect(other.status == 3)
        #expect(other.stderr == "\(notes) already exists and is not empty; danvan init only makes new databases and "
                + "never overwrites one (choose another name, or delete the file first)\n")
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "ghi chú")

        let both = try Self.danvan(["init", scratch.path + "/a.db", "--db", scratch.path + "/b.db"])
        #expect(both.status == 2)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/a.db"))

        let help = try Self.danvan(["init", "--help", "--lang", "vi"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Tạo một cơ sở dữ liệu mới, rỗng."))
        #expect(try Self.danvan(["--help"]).stdout.contains("init"))

        // An empty file (made by `touch`) is a new database to be.
        let touched = scratch.path + "/touched.db"
        #expect(FileManager.default.createFile(atPath: touched, contents: Data()))
        #expect(try Self.danvan(["init", touched]).status == 0)
        #expect(try Self.danvan(["eval", "print(fields | count)", "--db", touched]).stdout == "0\n")
    }

    @Test func demoAndImportAllStillCreateTheirFile() throws {
        let scratch = try ScratchDirectory("open-create")
        defer { scratch.remove() }
        let source = try Self.demoCopy(in: scratch.path)
        let exported = try Self.danvan(["export", "--all", scratch.path + "/csv", "--db", source])
        #expect(exported.status == 0, "\(exported.stderr)")
        let copy = scratch.path + "/copies/copy.db"
        let imported = try Self.danvan(["import", "--all", scratch.path + "/csv", "--db", copy])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr == "")
        let count = try Self.danvan(["eval", "print(models | count)", "--db", copy])
        let expected = try Self.danvan(["eval", "print(models | count)", "--db", source])
        #expect(count.stdout == expected.stdout)
        // demo into a new file: covered by DemoDatabase, which every end-to-end test uses.
    }

    // MARK: - A file the user may only read

    static let setpriv = "/usr/bin/setpriv"
    /// Root may write any file, so read-only-ness is tested as `nobody`.
    static var canRunAsNobody: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: setpriv) }

    @Test(.enabled(if: canRunAsNobody, "needs root and setpriv to run as another user"))
    func aFileTheUserMayOnlyReadIsQueriedReadOnly() throws {
        let scratch = try ScratchDirectory("open-readonly")
        defer {
            _ = chmod(scratch.path + "/locked", 0o755)
            scratch.remove()
        }
        // A read-only file in a folder `nobody` may write, and a file in a read-only folder.
        let open = scratch.path + "/open"
        let locked = scratch.path + "/locked"
        for directory in [open, locked] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let inOpen = try Self.demoCopy(in: open)
        let inLocked = try Self.demoCopy(in: locked)
        for file in [inOpen, inLocked] { #expect(chmod(file, 0o444) == 0) }
        #expect(chmod(scratch.path, 0o755) == 0)
        #expect(chmod(open, 0o777) == 0)
        #expect(chmod(locked, 0o555) == 0)
        let expected = try Self.danvan(["eval", "print(units | count, models | where year == 2024 | count)", "--db", inOpen])
        #expect(expected.status == 0)
        let script = scratch.path + "/s.dv"
        try "print(units | count, models | where year == 2024 | count)\n".write(toFile: script, atomically: true, encoding: .utf8)
        #expect(chmod(script, 0o644) == 0)
        for (directory, path) in [(open, inOpen), (locked, inLocked)] {
            let before = try Self.bytes(path)
            let eval = try Self.danvan(["eval", "print(units | count, models | where year == 2024 | count)", "--db", path],
                                       asNobody: true)
            #expect(eval == expected, "\(path)")
            let run = try Self.danvan(["run", script, "--db", path], asNobody: true)
            #expect(run == expected, "\(path)")
            let piped = try Self.danvan(["--db", path], input: "print(fields | count)\n",
                                        environment: ["LANG": "C.UTF-8", "HOME": "/nonexistent"], asNobody: true)
            #expect(piped.status == 0 && piped.stderr == "", "\(piped.stderr)")
            let export = try Self.danvan(["export", "fields", "--db", path], asNobody: true)
            #expect(export.status == 0 && export.stdout.contains("id,code,name,short_name\r\n1,"), "\(export.stderr)")
            #expect(try Self.bytes(path) == before)
            #expect(try Self.listing(directory) == ["demo.db"], "side files left in \(directory)")
            // Writing needs write permission: a clear error, not SQLite's.
            let csv = scratch.path + "/f.csv"
            try "code,name,short_name\nZZ,Thử,Z\n".write(toFile: csv, atomically: true, encoding: .utf8)
            #expect(chmod(csv, 0o644) == 0)
            let imported = try Self.danvan(["import", "fields", csv, "--db", path], asNobody: true)
            #expect(imported.status == 4)
            #expect(imported.stderr == "cannot write to the database \(path): the file or its folder is read-only\n")
            #expect(try Self.listing(directory) == ["demo.db"])
        }
    }
}
