// Reports through the real binary (STYLE §8): a small report script run with `danvan run` on
// the demo database writes .md, .html, .csv and .xlsx; the numbers in them are checked against
// the same questions asked in SQL; the workbook is read back by openpyxl (numbers are numbers,
// dates are dates, a header row); the HTML is opened in headless Chromium and captured.
import Foundation
import GRDB
import Testing

@Suite(.serialized) struct ReportCommandTests {
    static let script = """
        let doc = document("BÁO CÁO THỬ", subtitle: "Sơ kết 6 tháng đầu năm 2024", issuer: "BAN DÂN VẬN",
                           parent_issuer: "THÀNH ỦY HÀ NỘI", number: "01-BC/BDV", place: "Hà Nội",
                           date: date(2024, 6, 30), signer: "Nguyễn Văn A", signer_title: "Trưởng ban")
        let by_field = models | where year == 2024 and field != null | group by field.name | select field: key, n: count()
        let started = models | where year == 2024 and started_on != null | sort id | take 5 | select code, started_on
        progress("bảng 1")
        figures(doc, [{label: "Mô hình đăng ký", value: len(models | where year == 2024),
                       previous: len(models | where year == 2023)}], title: "Số liệu chính")
        table(doc, by_field, title: "Theo lĩnh vực")
        table(doc, started, title: "Ngày bắt đầu")
        chart(doc, by_field, x: "field", y: "n", title: "Biểu đồ lĩnh vực")
        for ext in ["md", "html", "csv", "xlsx"] {
          print(save(doc, "OUT/r." + ext))
        }
        """

    /// Runs the script into a fresh folder; gives the folder (removed by the caller).
    static func runReport() throws -> ScratchDirectory {
        let folder = try ScratchDirectory("report")
        let path = folder.path + "/r.dv"
        try script.replacingOccurrences(of: "OUT", with: folder.path).write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(try BuiltProducts.path("danvan"), ["run", path, "--db", try DemoDatabase.path()],
                                           environment: ["LANG": "C.UTF-8"], timeout: 120)
        #expect(result.status == 0, "danvan run: \(result.stderr)")
        #expect(result.stdout == ["md", "html", "csv", "xlsx"].map { folder.path + "/r." + $0 + "\n" }.joined())
        // Not a terminal: no progress lines.
        #expect(!result.stderr.contains("bảng 1"))
        return folder
    }

    /// The same questions in SQL: models of 2024 per field name, and of 2024 and 2023.
    static func expected() throws -> (byField: [String: Int], now: Int, before: Int) {
        let queue = try DatabaseQueue(path: try DemoDatabase.path())
        return try queue.read { db in
            var byField: [String: Int] = [:]
            for row in try GRDB.Row.fetchAll(db, sql: """
                SELECT f.name AS name, count(*) AS n FROM models m JOIN fields f ON f.id = m.field
                WHERE m.year = 2024 GROUP BY f.name
                """) {
                byField[row["name"]] = row["n"]
            }
            let now = try Int.fetchOne(db, sql: "SELECT count(*) FROM models WHERE year = 2024") ?? -1
            let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM models WHERE year = 2023") ?? -1
            return (byField, now, before)
        }
    }

    @Test func aScriptWritesEveryFormatWithTheNumbersOfSQL() throws {
        let folder = try Self.runReport()
        defer { folder.remove() }
        let (byField, now, before) = try Self.expected()
        #expect(!byField.isEmpty)
        // CSV: a byte-order mark, CRLF, each table under its title; counts as in SQL.
        let csv = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/r.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(text.contains("Mô hình đăng ký,\(now),\(before),"))
        let lines = text.components(separatedBy: "\r\n")
        let start = try #require(lines.firstIndex(of: "Theo lĩnh vực"))
        var found: [String: Int] = [:]
        for line in lines[(start + 2)...] {
            if line.isEmpty { break }
            let fields = line.split(separator: ",").map(String.init)
            if fields.count == 2, let count = Int(fields[1]) { found[fields[0].replacingOccurrences(of: "\"", with: "")] = count }
        }
        #expect(found == byField)
        // Markdown and HTML: the same counts written the Vietnamese way, and the heading block.
        let markdown = try String(contentsOfFile: folder.path + "/r.md", encoding: .utf8)
        let html = try String(contentsOfFile: folder.path + "/r.html", encoding: .utf8)
        for (name, count) in byField {
            let shown = Self.vietnamese(count)
            #expect(markdown.contains("| \(name) | \(shown) |"), "\(name) \(shown) in the Markdown")
            #expect(html.contains(#"<td>\#(name)</td><td class="num">\#(shown)</td>"#), "\(name) \(shown) in the HTML")
        }
        for text in ["THÀNH ỦY HÀ NỘI", "BAN DÂN VẬN", "Số: 01-BC/BDV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 30 tháng 6 năm 2024", "BÁO CÁO THỬ"] {
            #expect(html.contains(text) && markdown.contains(text), "\(text) in the heading block")
        }
    }

    /// 1808 → "1.808", independently of the code under test.
    static func vietnamese(_ number: Int) -> String {
        var digits = Array(String(number))
        var out = ""
        while digits.count > 3 {
            out = "." + String(digits.suffix(3)) + out
            digits.removeLast(3)
        }
        return String(digits) + out
    }

    /// Python with openpyxl, installed from PyPI when missing (the test needs it, so it gets it).
    static func python() throws -> String {
        let python = "/usr/bin/env"
        let check = try ProcessRunner.run(python, ["python3", "-c", "import openpyxl"], timeout: 60)
        if check.status != 0 {
            let install = try ProcessRunner.run(python, ["python3", "-m", "pip", "install", "--quiet", "openpyxl"], timeout: 300)
            #expect(install.status == 0, "pip install openpyxl: \(install.stderr)")
        }
        return python
    }

    @Test func openpyxlReadsNumbersAndDates() throws {
        let folder = try Self.runReport()
        defer { folder.remove() }
        let reader = """
            import sys, json, datetime, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            out = {}
            for sheet in book.worksheets:
                rows = []
                for row in sheet.iter_rows():
                    rows.append([[type(c.value).__name__, c.value.isoformat() if isinstance(c.value, datetime.datetime) else c.value, c.font.b] for c in row])
                out[sheet.title] = rows
            print(json.dumps(out, ensure_ascii=False))
            """
        let result = try ProcessRunner.run(try Self.python(), ["python3", "-c", reader, folder.path + "/r.xlsx"], timeout: 60)
        try #require(result.status == 0, "openpyxl: \(result.stderr)")
        let sheets = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [[[Any]]]])
        #expect(Set(sheets.keys) == ["Số liệu chính", "Theo lĩnh vực", "Ngày bắt đầu"])
        let (byField, now, before) = try Self.expected()
        // Header rows, bold.
        let fields = try #require(sheets["Theo lĩnh vực"])
        // The headings are ValueDisplay's (which may translate a `select` name); text either way.
        #expect(fields.first?.map { $0[0] as? String } == ["str", "str"])
        #expect(fields.first?.allSatisfy { $0[2] as? Bool == true } == true)
        var found: [String: Int] = [:]
        for row in fields.dropFirst() {
            #expect(row[1][0] as? String == "int", "a count is a number cell")
            if let name = row[0][1] as? String, let count = row[1][1] as? Int { found[name] = count }
        }
        #expect(found == byField)
        let figures = try #require(sheets["Số liệu chính"])
        #expect(figures.count == 2)
        #expect(figures.last?[1][1] as? Int == now && figures.last?[2][1] as? Int == before)
        let dates = try #require(sheets["Ngày bắt đầu"])
        #expect(dates.count == 6)
        for row in dates.dropFirst() {
            #expect(row[1][0] as? String == "datetime", "a date is a date cell: \(row)")
        }
        // The first date equals the database's text for the same model.
        let queue = try DatabaseQueue(path: try DemoDatabase.path())
        let first = try queue.read { db in
            try String.fetchOne(db, sql: "SELECT started_on FROM models WHERE year = 2024 AND started_on IS NOT NULL ORDER BY id LIMIT 1")
        }
        #expect((dates[1][1][1] as? String)?.hasPrefix(first ?? "?") == true)
    }

    /// Chromium from Debian (scripts/deps installs it; run here when it is missing).
    static func chromium() throws -> String? {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        _ = try ProcessRunner.run(package.path + "/scripts/deps", [], timeout: 900)
        return FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") ? "/usr/bin/chromium" : nil
    }

    @Test func headlessChromiumDrawsTheHTML() throws {
        let folder = try Self.runReport()
        defer { folder.remove() }
        let browser = try #require(try Self.chromium(), "chromium is not installed and scripts/deps could not install it")
        let png = folder.path + "/r.png"
        let result = try ProcessRunner.run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                                     "--screenshot=" + png, "--window-size=1240,1754",
                                                     "file://" + folder.path + "/r.html"],
                                           environment: ["HOME": folder.path, "LANG": "C.UTF-8"], timeout: 120)
        #expect(result.status == 0, "chromium: \(result.stderr)")
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(Array(image.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        // A page of text, tables and a chart compresses to tens of kilobytes; a blank page to a few.
        #expect(image.count > 30_000, "\(image.count) bytes")
        if let keep = ProcessInfo.processInfo.environment["DANVAN_SCREENSHOT"] {
            try image.write(to: URL(fileURLWithPath: keep))
        }
    }
}
