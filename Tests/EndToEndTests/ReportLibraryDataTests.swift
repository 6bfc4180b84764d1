// The report library's workbooks and numbers (the runs of ReportLibraryTests.swift): every
// workbook reads back in openpyxl with what matters checked (each sheet starts with a header
// row of words, numbers are number cells, dates are date cells), one number of each
// report equals the same question asked in SQL on the demo database, and so-ket's
// parameters are listed by `--help` and checked by `--set` (exit code 2, naming the parameter).
import Foundation
import GRDB
import Testing

@Suite struct ReportLibraryDataTests {
    /// One workbook's sheets, each a list of rows of `[type name, value]` cells, in openpyxl's
    /// words: int, float, str, bool, datetime, NoneType.
    typealias Book = [String: [[[Any]]]]

    /// Every report's workbook, read by one Python process.
    static func books() throws -> [String: Book] {
        var paths: [String: String] = [:]
        for name in ReportLibrary.names { paths[name] = try ReportLibrary.run(name).path("xlsx") }
        let reader = """
            import sys, json, datetime, openpyxl
            out = {}
            for name, path in json.loads(sys.argv[1]).items():
                book = openpyxl.load_workbook(path)
                out[name] = {sheet.title: [[[type(c.value).__name__,
                                              c.value.isoformat() if isinstance(c.value, datetime.datetime) else c.value]
                                             for c in row] for row in sheet.iter_rows()] for sheet in book.worksheets}
            print(json.dumps(out, ensure_ascii=False))
            """
        let argument = String(decoding: try JSONSerialization.data(withJSONObject: paths), as: UTF8.self)
        let result = try ProcessRunner.run(try ReportCommandTests.python(), ["python3", "-c", reader, argument], timeout: 120)
        try #require(result.status == 0, "openpyxl: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Book])
    }

    /// The sheet whose name starts with `prefix`, as rows of cells.
    static func sheet(_ book: Book?, _ prefix: String) throws -> [[[Any]]] {
        try #require(book?.first { $0.key.hasPrefix(prefix) }?.value, "no sheet \(prefix) in \(book?.keys.sorted() ?? [])")
    }

    /// The value in `sheet` of the row that has `rowLabel` in some cell, in the column headed `column`.
    static func value(_ sheet: [[[Any]]], row rowLabel: String, column: String) -> Any? {
        guard let header = sheet.first?.map({ $0[1] as? String }), let index = header.firstIndex(of: column),
              let row = sheet.dropFirst().first(where: { $0.contains { $0[1] as? String == rowLabel } }),
              index < row.count else { return nil }
        return row[index][1]
    }

    /// A text cell that holds a number, as a number written as text would look ("175", "84,5").
    /// Phone numbers and codes start with 0 or a letter; a count or a score does not.
    static func looksLikeNumber(_ text: String) -> Bool {
        text.range(of: #"^-?[1-9][0-9]*([.,][0-9]+)?$"#, options: .regularExpression) != nil
    }

    @Test func everyWorkbookHasHeadersNumbersAndDates() throws {
        let books = try Self.books()
        #expect(Set(books.keys) == Set(ReportLibrary.names))
        var dateCells = 0
        for (name, book) in books {
            #expect(!book.isEmpty, "\(name) has sheets")
            for (title, rows) in book {
                let header = try #require(rows.first, "\(name) / \(title) is empty")
                #expect(header.allSatisfy { $0[0] as? String == "str" && !(($0[1] as? String) ?? "").isEmpty },
                        "\(name) / \(title): a header row of texts")
                let machineNames = header.compactMap { $0[1] as? String }.filter(ReportLibrary.isMachineName)
                #expect(machineNames.isEmpty, "\(name) / \(title) is headed \(machineNames)")
                let dateColumns = header.indices.filter { (header[$0][1] as? String)?.hasPrefix("Ngày") == true }
                for row in rows.dropFirst() {
                    for (index, cell) in row.enumerated() {
                        let type = cell[0] as? String ?? "?"
                        if type == "str", let text = cell[1] as? String {
                            #expect(!Self.looksLikeNumber(text), "\(name) / \(title): the number \(text) is a text cell")
                        }
                        if dateColumns.contains(index) && type != "NoneType" {
                            #expect(type == "datetime", "\(name) / \(title): a date in a \(type) cell")
                            dateCells += 1
                        }
                    }
                }
            }
        }
        #expect(dateCells > 100, "the hot-spot lists' evaluation and inspection dates")
    }

    /// The demo database, read-only, for the questions in SQL.
    static func sql<T: DatabaseValueConvertible>(_ query: String) throws -> T? {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: try DemoDatabase.path(), configuration: configuration)
        return try queue.read { db in try T.fetchOne(db, sql: query) }
    }

    static func registered(from first: String, to last: String) throws -> Int? {
        try sql("SELECT count(*) FROM models WHERE status <> 'draft' AND started_on BETWEEN '\(first)' AND '\(last)'")
    }

    @Test func eachReportHasTheNumbersOfSQL() throws {
        let books = try Self.books()
        // so-ket: models registered in the first half of 2025, and of 2024.
        let interim = try Self.sheet(books["so-ket"], "Kết quả chủ yếu")
        #expect(Self.value(interim, row: "Mô hình, điển hình đăng ký mới", column: "Kỳ này") as? Int
                == (try Self.registered(from: "2025-01-01", to: "2025-06-30")))
        #expect(Self.value(interim, row: "Mô hình, điển hình đăng ký mới", column: "Kỳ trước") as? Int
                == (try Self.registered(from: "2024-01-01", to: "2024-06-30")))
        // ...and the models carried over, written the Vietnamese way in the paragraph.
        let carried: Int = try #require(try Self.sql("""
            SELECT count(*) FROM models WHERE status <> 'draft' AND started_on < '2025-01-01'
            AND (ended_on IS NULL OR ended_on >= '2025-01-01')
            """))
        let html = try String(contentsOfFile: try ReportLibrary.run("so-ket").path("html"), encoding: .utf8)
        #expect(html.contains("tiếp tục triển khai \(ReportCommandTests.vietnamese(carried)) mô hình"))

        // tong-ket: the year 2024 against 2023, and the five-year cross-tab's grand total.
        let annual = try Self.sheet(books["tong-ket"], "Kết quả chủ yếu")
        #expect(Self.value(annual, row: "Mô hình, điển hình đăng ký mới", column: "Kỳ trước") as? Int
                == (try Self.registered(from: "2023-01-01", to: "2023-12-31")))
        #expect(Self.value(try Self.sheet(books["tong-ket"], "Phụ lục 2."), row: "Tổng cộng", column: "Tổng cộng") as? Int
                == (try Self.sql("SELECT count(*) FROM models WHERE status <> 'draft' AND year BETWEEN 2020 AND 2024")))

        // coverage: the pivot's grand total is the year's models.
        #expect(Self.value(try Self.sheet(books["coverage"], "Bảng 1."), row: "Tổng cộng", column: "Tổng cộng") as? Int
                == (try Self.sql("SELECT count(*) FROM models WHERE year = 2025 AND status <> 'draft'")))

        // contest: the first prize's final total, the sum over parts of the judges' mean.
        let first: Double = try #require(try Self.sql("""
            SELECT round(sum(mean), 2) FROM (
              SELECT avg(s.points) AS mean FROM scores s JOIN rounds r ON r.id = s.round JOIN teams t ON t.id = s.team
              JOIN contests c ON c.id = r.contest
              WHERE c.year = 2024 AND r.kind = 'final' AND t.prize = 'Nhất' GROUP BY s.part)
            """))
        let shown = Self.value(try Self.sheet(books["contest"], "Bảng 5."), row: "Nhất", column: "Tổng điểm") as? Double
        #expect(shown.map { abs($0 - first) < 0.005 } == true, "\(String(describing: shown)) against \(first)")

        // funnel: the total row's registered models.
        #expect(Self.value(try Self.sheet(books["funnel"], "Bảng 1."), row: "Tổng cộng", column: "Đăng ký") as? Int
                == (try Self.sql("SELECT count(*) FROM models WHERE year = 2024 AND status <> 'draft'")))

        // commendation-candidates: the achievements awarded twice or more.
        #expect(Self.value(try Self.sheet(books["commendation-candidates"], "Tổng hợp"), row: "Thành tích đã bị khen trùng",
                           column: "Kỳ này") as? Int
                == (try Self.sql("""
                    SELECT count(*) FROM (SELECT 1 FROM awards WHERE status = 'valid'
                    GROUP BY unit, person, model, achievement HAVING count(*) > 1)
                    """)))

        // hotspots: the running models at hot spots.
        #expect(Self.value(try Self.sheet(books["hotspots"], "Bảng 1."), row: "Địa bàn điểm nóng, phức tạp", column: "Số mô hình") as? Int
                == (try Self.sql("""
                    SELECT count(*) FROM models WHERE hotspot = 1 AND status IN ('registered', 'active', 'proposed', 'recognised')
                    """)))
    }

    @Test func soKetListsItsParametersAndRefusesWrongOnes() throws {
        let scratch = try ScratchDirectory("so-ket-params")
        defer { scratch.remove() }
        let script = ReportLibrary.package.appendingPathComponent("scripts/reports/so-ket.dv").path
        let danvan = try BuiltProducts.path("danvan")
        let run = { (arguments: String) in
            try ProcessRunner.run("/bin/sh", ["-c", "cd '\(scratch.path)' && exec '\(danvan)' run '\(script)' \(arguments) --db '\(try DemoDatabase.path())'"],
                                  environment: ["LANG": "C.UTF-8"], timeout: 120)
        }
        let help = try run("--help")
        #expect(help.status == 0, "\(help)")
        let lines = help.stdout.split(separator: "\n").map(String.init)
        let row = { (name: String) in lines.first { $0.hasPrefix("  \(name) ") } ?? "" }
        #expect(row("report_year").contains("int") && row("report_year").contains("2025")
                && row("report_year").contains("năm sơ kết / the year of the review"), "\(row("report_year"))")
        #expect(row("out_dir").contains("text") && row("out_dir").contains("\".\""))
        #expect(row("formats").contains("\"md,html,xlsx\"") && row("formats").contains("định dạng"))
        #expect(row("doc_number").contains("số văn bản / the document number"))

        let misspelt = try run("--set report_yaer=2024")
        #expect(misspelt.status == 2, "\(misspelt)")
        #expect(misspelt.stderr.contains("'report_yaer'") && misspelt.stderr.contains("did you mean 'report_year'"), "\(misspelt.stderr)")
        let notANumber = try run("--set report_year=abc")
        #expect(notANumber.status == 2, "\(notANumber)")
        #expect(notANumber.stderr.contains("the parameter 'report_year' takes a value of type integer"), "\(notANumber.stderr)")
        // Refused before anything runs: nothing is written.
        #expect(misspelt.stdout.isEmpty && notANumber.stdout.isEmpty)
        #expect((try FileManager.default.contentsOfDirectory(atPath: scratch.path)).isEmpty)
    }
}
