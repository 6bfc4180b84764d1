// Changing data through the built binary, each test on its own copy of the demo database:
// --read-only refuses (exit 1, the file unchanged byte for byte), --sandbox never touches the
// real file and leaves no copy behind, --dry-run changes nothing, a script is one transaction
// unless --no-transaction, every saved change set is named on stderr and listed by
// `danvan changes` with its values before and after, and `danvan undo` restores every table
// exactly, or refuses after a later change to the same row.
import Foundation
import Testing

/// A private copy of the demo database, `demo.db` in its own folder.
struct DemoCopy {
    let scratch: ScratchDirectory
    var path: String { scratch.path + "/demo.db" }

    init() throws {
        scratch = try ScratchDirectory("change")
        try FileManager.default.copyItem(atPath: try DemoDatabase.path(), toPath: path)
        try FileManager.default.createDirectory(atPath: scratch.path + "/tmp", withIntermediateDirectories: true)
    }

    /// The environment the commands run in: the user `lan`, temporary files in the copy's folder.
    var environment: [String: String] {
        ["LANG": "C.UTF-8", "USER": "lan", "TMPDIR": scratch.path + "/tmp/", "HOME": scratch.path]
    }

    /// `danvan ARGUMENTS --db COPY`.
    func danvan(_ arguments: [String], input: String = "", lang: String = "C.UTF-8") throws -> ProcessResult {
        var environment = environment
        environment["LANG"] = lang
        return try ProcessRunner.run(try BuiltProducts.path("danvan"), arguments + ["--db", path], input: input,
                                     environment: environment, timeout: 60)
    }

    /// Writes `text` to `name` in the copy's folder; gives its path.
    func script(_ name: String, _ text: String) throws -> String {
        let file = scratch.path + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// Every row of every table but the change log's, as `sqlite3 .dump` writes them.
    func dump() throws -> [String] {
        let result = try ProcessRunner.run("/usr/bin/sqlite3", ["-readonly", path, ".dump"], environment: ["LANG": "C.UTF-8"])
        guard result.status == 0 else { throw HarnessError.toolFailed(command: "sqlite3 .dump", status: result.status, output: result.stderr) }
        let log = ["INSERT INTO changes ", "INSERT INTO change_steps ", "INSERT INTO change_rows ", "INSERT INTO sqlite_sequence "]
        return result.stdout.split(separator: "\n").map(String.init).filter { line in !log.contains { line.hasPrefix($0) } }
    }

    /// Sandbox folders left in the copy's temporary folder.
    func sandboxesLeft() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/tmp").filter { $0.hasPrefix("danvan-sandbox-") }
    }

    func value(_ expression: String) throws -> String {
        let result = try danvan(["eval", "print(\(expression))"])
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite struct ChangeCommandTests {
    static let fixName = #"units | where id == 38 | expect 1 | update name = "Sở Dân tộc và Tôn giáo""#

    @Test func readOnlyRefusesEveryWriteAndLeavesTheFileAsItWas() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let before = try copy.bytes()
        let eval = try copy.danvan(["eval", "--read-only", Self.fixName])
        #expect(eval.status == 1)
        #expect(eval.stderr.contains("error: this session is read-only (--read-only): data cannot be changed"))
        let vietnamese = try copy.danvan(["eval", "--read-only", "--lang", "vi", "merge_units(from: 755, into: 307)"])
        #expect(vietnamese.status == 1)
        #expect(vietnamese.stderr.contains("phiên này chỉ đọc (--read-only): không thay đổi được dữ liệu"))
        let script = try copy.script("fix.dv", "print(\"before\")\n" + Self.fixName + "\n")
        let run = try copy.danvan(["run", script, "--read-only"])
        #expect(run.status == 1)
        #expect(run.stdout == "before\n")
        #expect(run.stderr.contains("fix.dv:2:"))
        let piped = try copy.danvan(["--read-only"], input: Self.fixName + "\n")
        #expect(piped.status == 1)
        #expect(piped.stderr.contains("read-only"))
        // Reading still works.
        let read = try copy.danvan(["eval", "--read-only", "print(units | where id == 38 | count)"])
        #expect(read.status == 0 && read.stdout == "1\n")
        #expect(try copy.bytes() == before)
        #expect(!FileManager.default.fileExists(atPath: copy.path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: copy.path + "-shm"))
    }

    @Test func sandboxNeverTouchesTheRealFileAndLeavesNoCopy() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let before = try copy.bytes()
        let merged = try copy.danvan(["eval", "--sandbox", "merge_units(from: 755, into: 307)\nprint(units | where id == 755 | count)"])
        #expect(merged.status == 0, "\(merged)")
        #expect(merged.stdout == "0\n")
        #expect(merged.stderr.hasPrefix("saved change set #1 in the sandbox copy (discarded at exit): models: 3 rows updated"))
        // A failing script in a sandbox: its copy is removed too.
        let script = try copy.script("bad.dv", Self.fixName + "\nprint(1 / 0)\n")
        let failed = try copy.danvan(["run", script, "--sandbox"])
        #expect(failed.status == 1)
        #expect(try copy.sandboxesLeft().isEmpty)
        #expect(try copy.bytes() == before)
        #expect(try copy.value("units | where id == 755 | count") == "1")
        #expect(try copy.danvan(["changes"]).stdout == "No change sets yet.\n")
        let both = try copy.danvan(["eval", "--sandbox", "--read-only", "print(1)"])
        #expect(both.status == 2)
        #expect(both.stderr == "--read-only and --sandbox cannot be used together (a sandbox never touches the real file anyway)\n")
    }

    @Test func dryRunShowsWhatWouldChangeAndChangesNothing() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let before = try copy.bytes()
        let dump = try copy.dump()
        let script = try copy.script("fix.dv", """
            insert fields {code: "MT", name: "Môi trường", short_name: "MT"}
            \(Self.fixName)
            evaluations | where id == 1 | delete
            print("done")
            """)
        let result = try copy.danvan(["run", script, "--dry-run"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("done\nDry run: nothing was changed. For real, this would have:\n  fields: 1 row inserted\n"))
        #expect(result.stdout.contains("  units: 1 row updated\n    #38  name: \"Sở Dân tộc và Tôn giáo \" → \"Sở Dân tộc và Tôn giáo\"\n"))
        #expect(result.stdout.contains("  evaluations: "))
        #expect(result.stderr.isEmpty)
        let vietnamese = try copy.danvan(["eval", "--dry-run", "--lang", "vi", Self.fixName])
        #expect(vietnamese.stdout.hasPrefix("Chạy thử: không thay đổi gì. Nếu chạy thật thì sẽ:\n  units: sửa 1 dòng\n"))
        #expect(try copy.bytes() == before)
        #expect(try copy.dump() == dump)
        #expect(try copy.danvan(["changes"]).stdout == "No change sets yet.\n")
    }

    @Test func aScriptIsOneTransactionUnlessNoTransaction() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let dump = try copy.dump()
        let script = try copy.script("fix.dv", """
            \(Self.fixName)
            print("fixed")
            models | where id == 1 | update unit = 99999
            """)
        let whole = try copy.danvan(["run", script])
        #expect(whole.status == 1)
        #expect(whole.stdout == "fixed\n")
        #expect(whole.stderr.hasPrefix(script + ":3:26: error: models #1, column unit: there is no row units #99999\n"))
        #expect(!whole.stderr.contains("saved change set"))
        #expect(try copy.dump() == dump)

        let parts = try copy.danvan(["run", script, "--no-transaction"])
        #expect(parts.status == 1)
        #expect(parts.stderr.contains(script + ":3:"))
        #expect(parts.stderr.hasSuffix("saved change set #1: units: 1 row updated\n"))
        #expect(try copy.value("units | where id == 38 | select name") == #"[{name: "Sở Dân tộc và Tôn giáo"}]"#)
    }

    @Test func savedChangeSetsAreNamedOnStderrAndListedWithTheirValues() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let script = try copy.script("fix.dv", Self.fixName + "\nprint(\"ok\")\n")
        let run = try copy.danvan(["run", script, "--user", "hung"])
        #expect(run.status == 0)
        #expect(run.stdout == "ok\n")
        #expect(run.stderr == "saved change set #1: units: 1 row updated\n")
        let eval = try copy.danvan(["eval", "merge_units(from: 755, into: 307)"])
        #expect(eval.stderr == "saved change set #2: models: 3 rows updated; awards: 1 row updated; unit_aliases: 1 row inserted; units: 1 row deleted\n")

        let list = try copy.danvan(["changes"])
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6, "\(list.stdout)")
        #expect(lines[1].hasPrefix("│ Change │ At (UTC)"))
        #expect(lines[3].contains("│ hung │ \(script) │ ~1 "))
        #expect(lines[4].contains("│ lan  │ eval") && lines[4].contains("│ +1 ~4 −1 │") && lines[4].contains("merge_units(from: 755, into: 307)"))

        let one = try copy.danvan(["changes", "#1"])
        #expect(one.stdout.contains("Change set #1 · "))
        #expect(one.stdout.contains(" UTC · hung · \(script)\nStatement:\n  \(script):1: \(Self.fixName)\n"))
        #expect(one.stdout.hasSuffix("Rows changed (1):\n  units: 1 row updated\n    #38  name: \"Sở Dân tộc và Tôn giáo \" → \"Sở Dân tộc và Tôn giáo\"\n"))
        let limited = try copy.danvan(["changes", "2", "--limit", "1"])
        #expect(limited.stdout.contains("  models: 3 rows updated\n    #1060  unit: 755 → 307\n    … and 2 more rows\n"))

        #expect(try copy.danvan(["changes", "--table", "people"]).stdout == "No change sets match.\n")
        #expect(try copy.danvan(["changes", "--table", "don_vi"]).stdout.contains("merge_units"))
        #expect(try copy.danvan(["changes", "--since", "2999-01-01"]).stdout == "No change sets match.\n")
        #expect(try copy.danvan(["changes", "--since", "2000-01-01", "--limit", "1"]).stdout.contains("(the latest 1; --limit N shows more)"))
        let typo = try copy.danvan(["changes", "--table", "modles"])
        #expect(typo.status == 2 && typo.stderr == "there is no table 'modles'; did you mean 'models'?\n")
        let date = try copy.danvan(["changes", "--since", "1/3/2025", "--lang", "vi"])
        #expect(date.status == 2 && date.stderr == "--since: '1/3/2025' không phải một ngày (YYYY-MM-DD, ví dụ 2025-03-01)\n")
        let missing = try copy.danvan(["changes", "9"])
        #expect(missing.status == 1 && missing.stderr == "there is no change set #9 (danvan changes lists them)\n")
    }

    @Test func undoRestoresEveryTableExactlyAndRefusesAfterALaterChange() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let original = try copy.dump()
        let script = try copy.script("fix.dv", """
            insert fields {code: "MT", name: "Môi trường", short_name: "MT"}
            \(Self.fixName)
            models | where year == 2024 | update hotspot = true, title = title + " (2024)"
            evaluations | where id == 1 | delete
            merge_units(from: 756, into: 57)
            """)
        let run = try copy.danvan(["run", script])
        #expect(run.status == 0, "\(run)")
        #expect(try copy.dump() != original)
        let undone = try copy.danvan(["undo", "1"])
        #expect(undone.status == 0, "\(undone)")
        #expect(undone.stdout.hasPrefix("Undid change set #1 as the new change set #2; rows put back:\n"))
        #expect(try copy.dump() == original)
        let again = try copy.danvan(["undo", "1"])
        #expect(again.status == 1 && again.stderr == "change set #1 was already undone by #2; undo #2 to redo it\n")

        // Redo (undo the undo), change one of its rows again, then undo the first: refused, naming the row.
        #expect(try copy.danvan(["undo", "2"]).status == 0)
        let changed = try copy.dump()
        #expect(try copy.danvan(["eval", "units | where id == 38 | update name = \"Sở Dân tộc - Tôn giáo\""]).status == 0)
        let later = try copy.dump()
        #expect(later != changed)
        let refused = try copy.danvan(["undo", "3", "--lang", "vi"])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("không hoàn tác lần thay đổi #3: các dòng sau đã bị thay đổi tiếp sau đó: units #38."))
        #expect(try copy.dump() == later)
        // Undoing the later change first makes the earlier one undoable again.
        #expect(try copy.danvan(["undo", "4"]).status == 0)
        #expect(try copy.danvan(["undo", "3"]).status == 0)
        #expect(try copy.dump() == original)
    }

    @Test func undoDryRunUserAndBadIds() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        #expect(try copy.danvan(["eval", Self.fixName]).status == 0)
        let dump = try copy.dump()
        let preview = try copy.danvan(["undo", "1", "--dry-run"])
        #expect(preview.status == 0)
        #expect(preview.stdout == """
            Dry run: nothing was changed. For real, this would have:
              units: 1 row updated
                #38  name: "Sở Dân tộc và Tôn giáo" → "Sở Dân tộc và Tôn giáo "

            """)
        #expect(try copy.dump() == dump)
        #expect(try copy.danvan(["undo", "1", "--user", "hung"]).status == 0)
        #expect(try copy.value("changes | where id == 2 | select user, origin, undoes.id") == #"[{user: "hung", origin: "danvan undo", undoes.id: 1}]"#)
        let bad = try copy.danvan(["undo", "abc"])
        #expect(bad.status == 2 && bad.stderr == "'abc' is not a change set's number (e.g. 12 or #12)\n")
        let none = try copy.danvan(["undo", "#40"])
        #expect(none.status == 1 && none.stderr == "there is no change set #40 (danvan changes lists them)\n")
    }
}
