// The report library (scripts/reports/*.dv) through the real binary, as staff run it (STYLE §8):
// each report, run with no parameters in an empty folder, writes its .md, .html and .xlsx there
// and says so in one line per file; the HTML has the heading block, tables and (where the report
// draws them) charts, every heading in Vietnamese, and headless Chromium draws it; the workbooks
// read back in openpyxl with a header row, numbers as numbers and dates as dates; and one number
// of each report equals the same question asked in SQL. The reports run once for the whole suite
// (a few seconds), Chromium once per report.
import Foundation
import GRDB
import Testing

/// The reports, each run once in a folder of its own.
enum ReportLibrary {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// Every report on disk, so that a new one is covered without being listed here.
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(
        atPath: package.appendingPathComponent("scripts/reports").path)) ?? [])
        .filter { $0.hasSuffix(".dv") }.map { String($0.dropLast(3)) }.sorted()
    /// The one report without a chart; every other one must draw at least one.
    static let withoutCharts: Set<String> = ["commendation-candidates"]
    /// A Vietnamese session, as on the staff's machines: the language functions
    /// (`format_number`, `format_date`, the totals row) follow the session's language.
    static let environment = ["LANG": "vi_VN.UTF-8"]

    struct Run {
        let folder: String
        let result: ProcessResult
        /// The files' name without the extension ("so-ket-6-thang-2025"), from the .md written.
        let base: String
        var files: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }
        func path(_ ext: String) -> String { folder + "/" + base + "." + ext }
    }

    /// Every report run with `danvan run FILE --db DEMO` inside its own empty folder.
    static let runs: Result<[String: Run], Error> = Result {
        let parent = try ScratchDirectory("report-library")
        scratchToRemove = parent.path
        atexit { if let path = scratchToRemove { try? FileManager.default.removeItem(atPath: path) } }
        var runs: [String: Run] = [:]
        for name in names {
            let folder = parent.path + "/" + name
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let script = package.appendingPathComponent("scripts/reports/\(name).dv").path
            let command = "cd '\(folder)' && exec '\(try BuiltProducts.path("danvan"))' run '\(script)' --db '\(try DemoDatabase.path())'"
            let result = try ProcessRunner.run("/bin/sh", ["-c", command], environment: environment, timeout: 300)
            let markdown = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.first { $0.hasSuffix(".md") }
            runs[name] = Run(folder: folder, result: result, base: String((markdown ?? "?.md").dropLast(3)))
        }
        return runs
    }

    static func run(_ name: String) throws -> Run {
        try #require(try runs.get()[name], "no run of \(name)")
    }

    /// A heading that is a machine name (`total`, `evaluated_on`), which no reader should meet.
    static func isMachineName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { ("a"..."z").contains($0) || $0 == "_" || $0.isNumber }
            && text.first.map { ("a"..."z").contains($0) } == true
    }

    /// The texts between `open` (a tag's start, `<th`) and `close` in `html`, tags inside removed.
    static func texts(in html: String, open: String, close: String) -> [String] {
        html.components(separatedBy: open).dropFirst().compactMap { piece in
            guard let start = piece.firstIndex(of: ">"), let end = piece.range(of: close) else { return nil }
            guard start < end.lowerBound else { return nil }
            return String(piece[piece.index(after: start)..<end.lowerBound])
        }
    }
}

/// Set once, by `ReportLibrary.runs`, before the exit handler that reads it is registered.
nonisolated(unsafe) private var scratchToRemove: String?

@Suite struct ReportLibraryTests {
    @Test func theLibraryHasTheReportsTheIssueAsksFor() {
        #expect(ReportLibrary.names == ["commendation-candidates", "contest", "coverage", "funnel", "hotspots", "so-ket",
                                        "tong-ket"])
    }

    /// The everyday queries (scripts/queries) run as their headers say, with no parameters: a
    /// parameter whose default the runner refuses (`today()`) would stop them before they start.
    /// Run in Vietnamese, every heading of the table is words, not a machine name (`cluster`,
    /// `days_overdue`), and no cell is a bare code the catalog labels (`recognised`, `fail`).
    @Test(arguments: ((try? FileManager.default.contentsOfDirectory(
        atPath: ReportLibrary.package.appendingPathComponent("scripts/queries").path)) ?? []).filter { $0.hasSuffix(".dv") }.sorted())
    func everySavedQueryRunsThroughTheBinaryWithVietnameseHeadings(_ file: String) throws {
        let path = ReportLibrary.package.appendingPathComponent("scripts/queries/" + file).path
        let result = try DemoDatabase.danvan(["run", path, "--lang", "vi"], environment: ReportLibrary.environment)
        #expect(result.status == 0, "\(file): \(result.stderr)")
        #expect(result.stdout.contains("│"), "\(file) shows its result as a table: \(result.stdout.prefix(300))")
        // The first line between │ is the heading row; the lines after the ├ rule are the rows.
        let lines = result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("│") }
        let cells = { (line: String) in line.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) } }
        let headings = try cells(#require(lines.first, "\(file) has no heading row"))
        let machineNames = headings.filter(ReportLibrary.isMachineName)
        #expect(machineNames.isEmpty, "\(file) shows the headings \(machineNames)")
        let codes: Set<String> = ["draft", "registered", "active", "proposed", "recognised", "not_recognised", "suspended",
                                  "collective", "individual", "base", "district", "commune", "city", "excellent", "good",
                                  "pass", "fail", "finalist", "eliminated", "ok", "already_awarded", "unit_inspected"]
        let shownCodes = Set(lines.dropFirst().flatMap(cells)).intersection(codes)
        #expect(shownCodes.isEmpty, "\(file) shows the codes \(shownCodes.sorted()) instead of their labels")
    }

    @Test(arguments: ReportLibrary.names)
    func runsWithNoParametersAndWritesItsThreeFiles(_ name: String) throws {
        let run = try ReportLibrary.run(name)
        #expect(run.result.status == 0, "\(name): \(run.result.stderr)")
        #expect(run.files == ["html", "md", "xlsx"].map { run.base + "." + $0 }, "\(name) wrote \(run.files)")
        // One line per file and nothing else: the script ends with a statement, so the list of
        // paths `save_all` gives back is not shown again; no progress lines off a terminal.
        #expect(run.result.stdout == ["md", "html", "xlsx"].map { "Đã ghi / written: ./\(run.base).\($0)\n" }.joined(),
                "\(name): \(run.result.stdout)")
        #expect(run.result.stderr.isEmpty, "\(name): \(run.result.stderr)")
        for ext in ["md", "html", "xlsx"] {
            let size = (try FileManager.default.attributesOfItem(atPath: run.path(ext))[.size] as? Int) ?? 0
            #expect(size > 2_000, "\(name).\(ext) is \(size) bytes")
        }
    }

    @Test(arguments: ReportLibrary.names)
    func theHTMLHasItsHeadingBlockTablesChartsAndIsDrawn(_ name: String) throws {
        let run = try ReportLibrary.run(name)
        let html = try String(contentsOfFile: run.path("html"), encoding: .utf8)
        for text in ["THÀNH ỦY ĐÔNG SƠN", "BAN DÂN VẬN", "Số:", "ĐẢNG CỘNG SẢN VIỆT NAM", "Đông Sơn, ngày ", "TRƯỞNG BAN"] {
            #expect(html.contains(text), "\(name): \(text) in the heading block")
        }
        #expect(html.contains(#"<table class="data"#), "\(name) has a table")
        #expect(html.contains("<svg") == !ReportLibrary.withoutCharts.contains(name), "\(name): charts")
        // Every heading a reader sees is words, not a column's machine name: table headings,
        // and the charts' axis and legend labels.
        let headings = ReportLibrary.texts(in: html, open: "<th", close: "</th>")
        #expect(!headings.isEmpty)
        let labels = ReportLibrary.texts(in: html, open: "<text", close: "</text>")
        let machineNames = (headings + labels).filter(ReportLibrary.isMachineName)
        #expect(machineNames.isEmpty, "\(name) shows \(machineNames)")
        let markdown = try String(contentsOfFile: run.path("md"), encoding: .utf8).split(separator: "\n").map(String.init)
        for (index, line) in markdown.enumerated() where line.hasPrefix("| --- ") || line.hasPrefix("| ---: ") {
            let cells = markdown[index - 1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(!cells.contains(where: ReportLibrary.isMachineName), "\(name).md: \(markdown[index - 1])")
        }

        let browser = try #require(try ReportCommandTests.chromium(), "chromium is not installed and scripts/deps could not install it")
        // Chromium's profile and the picture go beside the report's folder, which holds only what the report wrote.
        let shots = run.folder + "-screenshot"
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let png = shots + "/" + run.base + ".png"
        let drawn = try ProcessRunner.run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                                    "--screenshot=" + png, "--window-size=1240,3200", "file://" + run.path("html")],
                                          environment: ["HOME": shots, "LANG": "C.UTF-8"], timeout: 120)
        #expect(drawn.status == 0, "chromium: \(drawn.stderr)")
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(Array(image.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        // A page of text and tables compresses to well over 100 kB at this size; a blank one to a few.
        #expect(image.count > 100_000, "\(name): \(image.count) bytes")
        if let keep = ProcessInfo.processInfo.environment["DANVAN_SCREENSHOTS"] {
            try image.write(to: URL(fileURLWithPath: keep + "/" + run.base + ".png"))
        }
    }
}
