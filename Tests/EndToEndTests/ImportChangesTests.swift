// `danvan import TABLE FILE --append | --update [--dry-run] [--sandbox] [--user NAME]` run as a
// person would, on a fresh demo database each: what it prints, its exit code, what the tables
// hold afterwards and what the change log recorded. (The README's import example is run by
// DocExampleTests; here, that its synopsis names only options `import` has.)
import Foundation
import Testing

@Suite struct ImportChangesTests {
    static let environment = ["LANG": "C.UTF-8", "USER": "lan"]

    /// A fresh demo database, `demo.db` in a folder of its own.
    private func withDemo(_ body: (_ folder: String) throws -> Void) throws {
        let scratch = try ScratchDirectory("import")
        defer { scratch.remove() }
        let made = try ProcessRunner.run(try BuiltProducts.path("danvan"), ["demo", "--db", scratch.path + "/demo.db", "--lang", "en"],
                                         environment: Self.environment, timeout: 120)
        try #require(made.status == 0, "\(made.stderr)")
        try body(scratch.path)
    }

    /// Runs `danvan ARGUMENTS` in `folder`, so that file names in messages are as typed.
    private func danvan(_ arguments: [String], in folder: String,
                        environment: [String: String] = ImportChangesTests.environment) throws -> ProcessResult {
        try ProcessRunner.run("/bin/sh", ["-c", #"cd "$1" && shift && exec "$@""#, "sh", folder,
                                          try BuiltProducts.path("danvan")] + arguments,
                              environment: environment, timeout: 60)
    }

    private func eval(_ code: String, in folder: String) throws -> String {
        let result = try danvan(["eval", code, "--db", "demo.db"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    private func write(_ text: String, _ name: String, in folder: String) throws {
        try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }

    @Test func appendPreviewsThenAddsTheRowsAsOneLoggedChangeSet() throws {
        try withDemo { folder in
            try write("code,name,kind,level,parent\nP-MOI,Phường Mới,Phường,commune,TP\nTDP-MOI,Tổ dân phố Mới,residential,residential,P-MOI\n",
                      "new-units.csv", in: folder)
            let count = try eval("print(units | count)", in: folder)
            let dry = try danvan(["import", "units", "new-units.csv", "--append", "--dry-run", "--db", "demo.db"], in: folder)
            #expect(dry.status == 0, "\(dry.stderr)")
            let lines = dry.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.count == 5 && lines[0] == "Dry run: nothing was changed. For real, this would have:", "\(dry.stdout)")
            #expect(lines[1] == "  units: 2 rows inserted")
            #expect(lines[2].contains(#"code: "P-MOI", name: "Phường Mới", kind: "ward", level: "commune", parent: 1"#))
            #expect(!lines[2].contains("null"), "a new row's nulls are left out")
            #expect(try eval("print(units | count)", in: folder) == count)
            #expect(try eval("print(changes | count)", in: folder) == "0\n")

            let real = try danvan(["import", "units", "new-units.csv", "--append", "--db", "demo.db"], in: folder)
            #expect(real.status == 0, "\(real.stderr)")
            #expect(real.stdout == "saved change set #1: units: 2 rows inserted\n")
            let added = try eval(#"print(units | where code == "TDP-MOI" | select parent: parent.code, status)"#, in: folder)
            #expect(added == #"[{parent: "P-MOI", status: "active"}]"# + "\n")
            let log = try eval("print(changes | select id, user, origin, inserted, updated, statement)", in: folder)
            #expect(log == #"[{id: 1, user: "lan", origin: "import new-units.csv", inserted: 2, updated: 0, statement: "danvan import units new-units.csv --append"}]"# + "\n")
            #expect(try eval("print(change_rows | where change.id == 1 and action == \"insert\" | count)", in: folder) == "2\n")

            // The same file again: its codes are there now; nothing is added.
            let again = try danvan(["import", "units", "new-units.csv", "--append", "--db", "demo.db"], in: folder)
            #expect(again.status == 3)
            #expect(again.stderr == """
                new-units.csv:2: column 'code': duplicate key: code 'P-MOI' already exists in the database
                new-units.csv:3: column 'code': duplicate key: code 'TDP-MOI' already exists in the database
                Nothing was imported: 2 errors.

                """)
            #expect(try eval("print(changes | count)", in: folder) == "1\n")
        }
    }

    @Test func updateChangesOnlyTheFileColumnsOfTheRowsItNames() throws {
        try withDemo { folder in
            let before = try eval(#"print(units | where code == "TU" or code == "TP" | sort id | select id, name, short_name, kind, status)"#, in: folder)
            try write("ma,trang_thai\nTP,active\nTU,Đã sáp nhập\n", "status.csv", in: folder)
            let result = try danvan(["import", "don_vi", "status.csv", "--update", "--user", "Chị Lan", "--lang", "vi", "--db", "demo.db"],
                                    in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == """
                đã lưu lần thay đổi #1: units: sửa 1 dòng
                1 dòng của tệp vốn đã đúng như vậy, không thuộc lần thay đổi này.

                """)
            let after = try eval(#"print(units | where code == "TU" or code == "TP" | sort id | select id, name, short_name, kind, status)"#, in: folder)
            #expect(after == before.replacingOccurrences(of: #"kind: "party_body", status: "active""#,
                                                         with: #"kind: "party_body", status: "merged""#))
            #expect(after != before)
            let log = try eval("print(change_rows | select row_id, before, after)", in: folder)
            // (The language writes `{` in text as `\{`: it would start an interpolation.)
            #expect(log == #"[{row_id: 2, before: "\{\"status\":\"active\"\}", after: "\{\"status\":\"merged\"\}"}]"# + "\n")
            #expect(try eval("print(changes | select user)", in: folder) == #"[{user: "Chị Lan"}]"# + "\n")
        }
    }

    @Test func aRowThatMatchesNothingOrABadValueChangesNothing() throws {
        try withDemo { folder in
            let export = try danvan(["export", "--all", "before", "--db", "demo.db"], in: folder)
            #expect(export.status == 0, "\(export.stderr)")
            try write("id,name,status\n1,Thành phố Mới,active\n99999,Không có,active\n", "ids.csv", in: folder)
            let missing = try danvan(["import", "units", "ids.csv", "--update", "--db", "demo.db"], in: folder)
            #expect(missing.status == 3)
            #expect(missing.stdout.isEmpty)
            #expect(missing.stderr == """
                ids.csv:3: column 'id': no row of table 'units' has the id 99999; --update only changes rows that are there (--append adds new ones)
                Nothing was imported: 1 error.

                """)
            try write("id,status,year\n1,actve,2024\n2,active,2024.5\n", "models.csv", in: folder)
            let bad = try danvan(["import", "models", "models.csv", "--update", "--dry-run", "--lang", "vi", "--db", "demo.db"], in: folder)
            #expect(bad.status == 3)
            #expect(bad.stderr.hasPrefix("models.csv:2: cột 'status': giá trị 'actve' không hợp lệ; các giá trị cho phép: draft, registered, active"))
            #expect(bad.stderr.contains("\nmodels.csv:3: cột 'year': cần một số nguyên, gặp '2024.5'\n"))
            #expect(bad.stderr.hasSuffix("Không nhập gì: có 2 lỗi.\n"))
            // Every table as it was, and nothing in the log.
            let again = try danvan(["export", "--all", "after", "--db", "demo.db"], in: folder)
            #expect(again.status == 0)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder + "/before") {
                let old = try Data(contentsOf: URL(fileURLWithPath: folder + "/before/" + name))
                let new = try Data(contentsOf: URL(fileURLWithPath: folder + "/after/" + name))
                #expect(old == new, "\(name) changed")
            }
            #expect(try eval("print(changes | count)", in: folder) == "0\n")
        }
    }

    @Test func optionsThatDoNotGoTogetherAreUsageErrors() throws {
        try withDemo { folder in
            try write("code,name\nTP,X\n", "u.csv", in: folder)
            for arguments in [["units", "u.csv", "--append", "--update"], ["--all", ".", "--append"],
                              ["units", "u.csv", "--user", "lan"], ["units", "u.csv", "--update", "--user", " "]] {
                let result = try danvan(["import"] + arguments + ["--db", "demo.db"], in: folder)
                #expect(result.status == 2, "\(arguments): \(result.stderr)")
            }
            let both = try danvan(["import", "units", "u.csv", "--append", "--update", "--db", "demo.db"], in: folder)
            #expect(both.stderr.hasPrefix("Error: choose one: --append (new rows) or --update (rows that are there)\n"))
        }
    }

    /// `--sandbox` imports into a copy that is thrown away; `--read-only` is refused.
    @Test func sandboxLeavesTheRealFileAndReadOnlyIsRefused() throws {
        try withDemo { folder in
            try write("code,short_name\nTP,TP Đông Sơn\n", "fix.csv", in: folder)
            let sandbox = try danvan(["import", "units", "fix.csv", "--update", "--sandbox", "--db", "demo.db"], in: folder)
            #expect(sandbox.status == 0, "\(sandbox.stderr)")
            #expect(sandbox.stdout == "saved change set #1 in the sandbox copy (discarded at exit): units: 1 row updated\n")
            #expect(try eval(#"print(units | where code == "TP" | select short_name)"#, in: folder) == #"[{short_name: "Đông Sơn"}]"# + "\n")
            #expect(try eval("print(changes | count)", in: folder) == "0\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["demo.db", "fix.csv"])
            let readOnly = try danvan(["import", "units", "fix.csv", "--update", "--read-only", "--db", "demo.db"], in: folder)
            #expect(readOnly.status == 2)
            #expect(readOnly.stderr == "--read-only refuses every change, and an import changes data; to look first, use --dry-run\n")
        }
    }

    /// The README's synopsis of `danvan import` names only options it has.
    @Test func theReadmeSynopsisNamesRealOptions() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let lines = try String(contentsOf: readme, encoding: .utf8).split(separator: "\n").map(String.init)
        let help = try ProcessRunner.run(try BuiltProducts.path("danvan"), ["import", "--help", "--lang", "en"],
                                         environment: Self.environment)
        let synopsis = lines.filter { $0.hasPrefix("    danvan import") }
        #expect(synopsis.count >= 2)
        for line in synopsis {
            for option in line.split(whereSeparator: { " []|".contains($0) }) where option.hasPrefix("--") {
                #expect(help.stdout.contains("  " + option + " "), "\(option) in `\(line)`")
            }
        }
    }
}
