// Issue 12 through the real binary: a query neither writes the file nor waits for another
// program's write lock; exports neutralise cells a spreadsheet would run and import takes the
// mark off again; a report shows hostile unit names as text (HTML escaped, as headless
// Chromium's DOM shows, in a table and a chart; XLSX string cells, as openpyxl reads them); the CSV reader's field
// limit stops `import units /dev/zero`; infinity and NaN are refused in a number column;
// `--lang` takes only vi and en.
import Foundation
import GRDB
import Testing

@Suite struct SafeIOTests {
    static func count(_ sql: String, in path: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    static func modified(_ path: String) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    }

    // MARK: - Opening without writing

    @Test func aQueryAnswersWhileAnotherProgramHoldsTheWriteLock() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let models = try Self.count("SELECT count(*) FROM models", in: copy.path)
        // Another program takes the write lock, says so with a file, keeps it eight seconds
        // (under the ten-second busy timeout), then says it has let go with another file.
        let locked = copy.path + ".locked"
        let released = copy.path + ".released"
        let holder = DispatchGroup()
        holder.enter()
        DispatchQueue.global().async {
            let commands = "echo 'BEGIN IMMEDIATE; UPDATE units SET phone = phone;'; echo \".shell touch '\(locked)'\"; "
                + "sleep 8; echo 'COMMIT;'; echo \".shell touch '\(released)'\""
            _ = try? ProcessRunner.run("/bin/sh", ["-c", "(\(commands)) | sqlite3 '\(copy.path)'"],
                                       environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"], timeout: 60)
            holder.leave()
        }
        defer { holder.wait() }
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: locked) && Date() < deadline { usleep(20_000) }
        try #require(FileManager.default.fileExists(atPath: locked), "the other program never took the lock")
        let started = Date()
        let eval = try copy.danvan(["eval", "models | count"])
        let run = try copy.danvan(["run", try copy.script("count.dv", "print(models | count)\n")])
        let export = try copy.danvan(["export", "fields"])
        let elapsed = Date().timeIntervalSince(started)
        // All three answered while the other program still held its lock.
        #expect(!FileManager.default.fileExists(atPath: released), "a query waited for the write lock (\(elapsed) s)")
        #expect(elapsed < 8)
        #expect(eval.status == 0, "\(eval.stderr)")
        #expect(eval.stdout.filter(\.isNumber) == String(models), "\(eval.stdout)")
        #expect(run.status == 0 && run.stdout == "\(models)\n", "\(run.stderr)")
        #expect(export.status == 0 && export.stdout.hasPrefix("id,"), "\(export.stderr)")
    }

    @Test func queriesLeaveTheFileItsTimeAndItsFolderAsTheyWere() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        // An old modification time, so that any write would show whatever the clock's grain.
        let old = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: copy.path)
        let bytes = try copy.bytes()
        let folder = try FileManager.default.contentsOfDirectory(atPath: copy.scratch.path).sorted()
        #expect(!folder.contains("demo.db-wal") && !folder.contains("demo.db-shm"))
        for arguments in [["eval", "models | count"], ["eval", "--read-only", "print(units | first)"],
                          ["export", "units"], ["export", "--read-only", "people"]] {
            let result = try copy.danvan(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(try Self.modified(copy.path) == old, "\(arguments) changed the file's time")
            #expect(try FileManager.default.contentsOfDirectory(atPath: copy.scratch.path).sorted() == folder,
                    "\(arguments) left files beside the database")
        }
        #expect(try copy.bytes() == bytes)
    }

    // MARK: - Injection

    /// Renames units 1–5 through the language's own write (a data fix); gives the names.
    static func hostileNames(_ copy: DemoCopy) throws -> [String] {
        let names = ["<script>alert(1)</script>", "=HYPERLINK(A1)", "-5 điểm", "@SUM(1)", "+1+2"]
        let fix = names.enumerated().map { index, name in
            "units | where id == \(index + 1) | expect 1 | update name = \"\(name)\""
        }.joined(separator: "\n") + "\n"
        let result = try copy.danvan(["run", try copy.script("rename.dv", fix)])
        try #require(result.status == 0, "rename: \(result.stderr)")
        return names
    }

    @Test func exportMarksFormulasRawDoesNotAndImportTakesTheMarkOff() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let names = try Self.hostileNames(copy)
        let marked = try copy.danvan(["export", "units"])
        #expect(marked.status == 0, "\(marked.stderr)")
        #expect(marked.stdout.contains("\r\n1,") && marked.stdout.contains(",<script>alert(1)</script>,"))
        for name in names.dropFirst() {
            #expect(marked.stdout.contains(",'\(name),"), "\(name) is not marked")
        }
        let raw = try copy.danvan(["export", "units", "--raw"])
        #expect(raw.status == 0)
        for name in names { #expect(raw.stdout.contains(",\(name),"), "\(name)") }
        #expect(!raw.stdout.contains(",'"))
        // export --all, then import --all into a new file: every unit's name as it was.
        let folder = copy.scratch.path + "/csv"
        let exported = try copy.danvan(["export", "--all", folder])
        #expect(exported.status == 0, "\(exported.stderr)")
        let restored = copy.scratch.path + "/restored.db"
        let imported = try ProcessRunner.run(try BuiltProducts.path("danvan"), ["import", "--all", folder, "--db", restored],
                                             environment: copy.environment, timeout: 120)
        #expect(imported.status == 0, "\(imported.stderr)")
        let sql = "SELECT group_concat(name, char(10)) FROM (SELECT name FROM units ORDER BY id)"
        let before = try DatabaseQueue(path: copy.path).read { db in try String.fetchOne(db, sql: sql) }
        let after = try DatabaseQueue(path: restored).read { db in try String.fetchOne(db, sql: sql) }
        #expect(before != nil && before == after)
        for name in names { #expect(after?.contains(name) == true, "\(name)") }
    }

    @Test func aReportShowsHostileNamesAsTextInHTMLXLSXAndCSV() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let names = try Self.hostileNames(copy)
        let out = copy.scratch.path
        let script = """
            let doc = document("Tên lạ")
            let rows = units | where id <= 5 | sort id | select id, name
            table(doc, rows, title: "Đơn vị")
            chart(doc, rows, x: "name", y: "id", title: "Biểu đồ")
            for ext in ["html", "xlsx", "csv"] {
              print(save(doc, "\(out)/r." + ext))
            }

            """
        let result = try copy.danvan(["run", try copy.script("report.dv", script)])
        try #require(result.status == 0, "\(result.stderr)")
        // HTML: escaped in the file, and text (not an element) in the page Chromium builds.
        let html = try String(contentsOfFile: out + "/r.html", encoding: .utf8)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        // The chart's labels (SVG inside the page) too.
        #expect(html.components(separatedBy: "&lt;script&gt;alert(1)&lt;/script&gt;").count >= 3)
        let browser = try #require(try ReportCommandTests.chromium(), "chromium is not installed")
        let dom = try ProcessRunner.run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                                                  "file://" + out + "/r.html"],
                                        environment: ["HOME": out, "LANG": "C.UTF-8"], timeout: 120)
        #expect(dom.status == 0, "chromium: \(dom.stderr)")
        #expect(dom.stdout.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>") || dom.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;</td>"),
                "\(dom.stdout.prefix(2000))")
        #expect(!dom.stdout.contains("<script"), "a script element in the page")
        // XLSX: every name is a string cell holding the text; a formula-like one keeps Excel's quote prefix.
        let reader = """
            import sys, json, openpyxl
            sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            print(json.dumps([[c.value, c.data_type, bool(c.quotePrefix)] for c in sheet['B'][1:]], ensure_ascii=False))
            """
        let read = try ProcessRunner.run(try ReportCommandTests.python(), ["python3", "-c", reader, out + "/r.xlsx"], timeout: 60)
        try #require(read.status == 0, "openpyxl: \(read.stderr)")
        let cells = try #require(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [[Any]])
        #expect(cells.map { $0[0] as? String } == names)
        #expect(cells.allSatisfy { $0[1] as? String == "s" }, "\(cells)")
        #expect(cells.map { $0[2] as? Bool } == [false, true, true, true, true])
        // CSV: marked, the script tag left as text (CSV is not HTML).
        let csv = try String(contentsOfFile: out + "/r.csv", encoding: .utf8)
        #expect(csv.contains("\r\n1,<script>alert(1)</script>\r\n"))
        for (index, name) in names.enumerated().dropFirst() { #expect(csv.contains("\r\n\(index + 1),'\(name)\r\n"), "\(name)") }
    }

    // MARK: - Bad CSV

    @Test func importingDevZeroStopsAtTheFieldLimitWithExitThree() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let fresh = copy.scratch.path + "/new.db"
        let made = try ProcessRunner.run(try BuiltProducts.path("danvan"), ["init", fresh], environment: copy.environment)
        try #require(made.status == 0, "\(made.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: fresh))
        let started = Date()
        let result = try ProcessRunner.run(try BuiltProducts.path("danvan"), ["import", "units", "/dev/zero", "--db", fresh],
                                           environment: copy.environment, timeout: 60)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("/dev/zero:1: a field longer than 1048576 bytes; reading stopped here"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: fresh)) == before)
        let vietnamese = try ProcessRunner.run(try BuiltProducts.path("danvan"),
                                               ["import", "units", "/dev/zero", "--db", fresh, "--lang", "vi"],
                                               environment: copy.environment, timeout: 60)
        #expect(vietnamese.status == 3)
        #expect(vietnamese.stderr.contains("/dev/zero:1: một trường dài quá 1048576 byte"), "\(vietnamese.stderr)")
    }

    @Test func infinityAndNaNInANumberColumnAreRefusedAtTheirLine() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let before = try copy.dump()
        let file = try copy.script("scores.csv", "id,points\r\n1,1e999\r\n2,nan\r\n3,2.5\r\n")
        let result = try copy.danvan(["import", "scores", file, "--update"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("scores.csv:2: column 'points': '1e999' is not a finite number"), "\(result.stderr)")
        #expect(result.stderr.contains("scores.csv:3: column 'points': 'nan' is not a finite number"), "\(result.stderr)")
        #expect(try copy.dump() == before)
    }

    // MARK: - --lang

    @Test func anUnknownLangFlagIsAUsageErrorButAnUnknownLANGIsEnglish() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        for arguments in [["eval", "print(1)", "--lang", "fr"], ["eval", "--lang=fr", "print(1)"], ["export", "units", "--lang", "fr"],
                          ["--lang", "fr"]] {
            let result = try copy.danvan(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("--lang does not know 'fr': use vi (Vietnamese) or en (English)"), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let vietnamese = try copy.danvan(["eval", "print(1)", "--lang", "xx"], lang: "vi_VN.UTF-8")
        #expect(vietnamese.status == 2)
        #expect(vietnamese.stderr.contains("--lang không nhận 'xx': chỉ có vi (tiếng Việt) hoặc en (tiếng Anh)"), "\(vietnamese.stderr)")
        let french = try copy.danvan(["eval", "print(nope)"], lang: "fr_FR.UTF-8")
        #expect(french.status == 1)
        #expect(french.stderr.contains("unknown name 'nope'"), "\(french.stderr)")
        for lang in ["vi", "en", "VI"] {
            #expect(try copy.danvan(["eval", "print(1)", "--lang", lang]).stdout == "1\n", "\(lang)")
        }
    }
}
