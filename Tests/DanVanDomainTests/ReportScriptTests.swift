// The report scripts (scripts/reports/*.dv) on the scale-1 demo data: each runs, writes its
// files, and the numbers in its document (the `doc` global: its figures and tables, read as
// the values the script built) equal the same questions asked in SQL (ReportTruth.swift).
//
// The runs need the Report API (`document`, `table`, `save`… from DanVanReport, registered on
// the DomainHost) and the language functions of issue 9 (`group by a, b`, `pivot`,
// `format_number`…), which are merged from other branches: until then those tests are disabled
// with that reason. To switch them on: register the report functions in `reportHost(_:)` below
// (DanVanReport's registration on `DomainHost.register(_:)`), and delete the `.disabled(...)`
// traits. What runs today: the scripts' shape (header, parameters, import) and the SQL truth's
// own consistency.
import DanVanDomain
import DanVanLang
import DanVanReport
import DanVanStore
import Foundation
import Testing

/// Why the report runs are off on this branch; see the file's header for what to change.

@Suite struct ReportScriptTests {
    static let scripts = SavedScripts(directory: "reports")
    /// Every report the issue asks for, each with a test below comparing its numbers.
    static let known = ["commendation-candidates", "contest", "coverage", "funnel", "hotspots", "so-ket", "tong-ket"]

    // MARK: running a report

    /// The host a report runs on: the domain's, with the report functions.
    static func reportHost(_ store: Store) -> DomainHost {
        let host = DomainHost(store: store)
        ReportFunctions.install(on: host, lang: { .vi }, progress: { _ in })
        return host
    }

    /// The script's text with its `import "PATH"` lines replaced by the imported files (each
    /// once, relative to the importing file), for a run without the script runner's module
    /// loader; line numbers after an import shift, which only matters for error messages.
    static func inlineImports(_ text: String, directory: URL, seen: inout Set<String>) throws -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("import \""), trimmed.hasSuffix("\"") else {
                lines.append(String(line))
                continue
            }
            let path = String(trimmed.dropFirst("import \"".count).dropLast())
            let url = directory.appendingPathComponent(path).standardizedFileURL
            if !seen.insert(url.path).inserted { continue }
            let imported = try String(contentsOf: url, encoding: .utf8)
            lines.append(try inlineImports(imported, directory: url.deletingLastPathComponent(), seen: &seen))
        }
        return lines.joined(separator: "\n")
    }

    /// Runs report `name` with `values` (plus `out_dir`, a fresh directory, and `formats`) and
    /// gives its document and the files it wrote.
    static func run(_ name: String, _ values: [String: ParamValue]) throws -> (doc: Value, files: [String]) {
        let store = try FixDemo.made().store
        let directory = NSTemporaryDirectory() + "danvan-report-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var all = values
        all["out_dir"] = .text(directory)
        all["formats"] = .text("md,html,xlsx")
        all["doc_number"] = .text("12-BC/BDVTU")
        var seen: Set<String> = []
        let text = try inlineImports(try ScriptParams.bind(try scripts.text(name), all), directory: scripts.url, seen: &seen)
        let printed = Lines()
        let interpreter = Interpreter(host: reportHost(store), lang: .en, output: { printed.append($0) })
        if let today = CalendarDate(iso: demoToday) { interpreter.today = { today } }
        do {
            _ = try interpreter.run(SourceText(name: scripts.path(name), text: text))
        } catch {
            throw SavedScriptError.failed(interpreter.render(error))
        }
        guard let doc = interpreter.global("doc") else { throw SavedScriptError.missingGlobal("doc") }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        return (doc, files)
    }

    /// The document's blocks of `kind` whose title starts with `prefix`.
    static func blocks(_ doc: Value, kind: String, titled prefix: String) -> [Value] {
        (doc.field("blocks")?.items ?? []).filter { block in
            guard case .text(let k)? = block.field("kind"), k == kind else { return false }
            guard case .text(let title)? = block.field("title") else { return false }
            return title.hasPrefix(prefix)
        }
    }

    static func rows(_ block: Value?) -> [Value] { block?.field("rows")?.items ?? [] }

    static func figures(_ doc: Value, titled prefix: String) -> [TruthFigure] {
        rows(blocks(doc, kind: "figures", titled: prefix).first).map { row in
            let number = { (name: String) -> Int in
                if case .int(let n)? = row.field(name) { return Int(n) }
                return -1
            }
            return TruthFigure(label: Cell.of(row.field("label")), value: number("value"), previous: number("previous"))
        }
    }

    // MARK: what runs today

    @Test func everyReportIsKnownAndShapedAsAScript() throws {
        let names = try Self.scripts.all()
        #expect(names == Self.known, "a report without a numbers test below, or a missing report")
        for name in names {
            let text = try Self.scripts.text(name)
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.first == "#!/usr/bin/env danvan", "\(name) runs by itself")
            let header = lines.prefix { $0.hasPrefix("#") }
            #expect(header.count >= 6, "\(name) documents itself")
            #expect(header.contains { $0.contains("danvan run scripts/reports/\(name).dv") }, "\(name) says how to run it")
            let params = ScriptParams.names(in: text)
            #expect(params.contains("out_dir") && params.contains("formats"), "\(name): out_dir and formats parameters")
            #expect(text.contains("import \"lib/common.dv\""))
            var seen: Set<String> = []
            let inlined = try Self.inlineImports(text, directory: Self.scripts.url, seen: &seen)
            #expect(inlined.contains("fn save_all(doc, dir, base, formats)"))
        }
    }

    @Test func theTruthsDefinitionsAgreeWithEachOther() throws {
        let store = try FixDemo.made().store
        // A whole year's "registered" (started in the year, not a draft) is the year's models
        // without drafts: the model's year is the year it started in.
        let figures = try ReportTruth.reviewFigures(ReportPeriod(year: 2024, half: false), on: store)
        let byYear = try Cell.lines("SELECT count(*) AS n FROM models WHERE year = 2024 AND status <> 'draft'", [:],
                                    columns: ["n"], on: store)
        #expect(figures.first?.value.description == byYear.first)
        #expect(figures.first?.previous ?? 0 > 0)
        // The appendix's totals row adds up to the same count, and so do the coverage cells.
        let appendix = try ReportTruth.appendix(ReportPeriod(year: 2024, half: false), on: store)
        #expect(appendix.contains("\ttotal\t\(figures.first?.value ?? -1)"))
        let coverage = try ReportTruth.coverage(year: 2024, on: store)
        let covered = coverage.compactMap { $0.split(separator: "\t").last.flatMap { Int($0) } }.reduce(0, +)
        #expect(covered == figures.first?.value)
        // The contest's boards: six preliminary clusters and a final of six teams.
        let boards = try ReportTruth.contestBoards(year: 2024, on: store)
        #expect(boards.keys.filter { $0.hasPrefix("preliminary") }.count == 6)
        #expect(boards["final"]?.count == 6)
        #expect(try ReportTruth.prizes(year: 2024, on: store).count == 6)
        // The demo data seeds one repeated award (docs/demo-data.md, awarded_twice) and the check finds it.
        #expect(try ReportTruth.repeatedAwards(on: store).count >= 1)
    }

    // MARK: the reports' numbers (switched on with the report API)

    @Test(arguments: [("so-ket", true, 2025), ("tong-ket", false, 2024)])
    func reviewReport(_ name: String, _ half: Bool, _ year: Int) throws {
        let store = try FixDemo.made().store
        let (doc, files) = try Self.run(name, ["report_year": .int(year)])
        #expect(files.count == 3 && files.allSatisfy { $0.hasPrefix(half ? "so-ket-6-thang-\(year)" : "tong-ket-\(year)") })
        let period = ReportPeriod(year: year, half: half)
        #expect(Self.figures(doc, titled: "Kết quả chủ yếu") == (try ReportTruth.reviewFigures(period, on: store)))
        let appendix = Self.rows(Self.blocks(doc, kind: "table", titled: "Phụ lục 1.").first)
        var cells: [String] = []
        for row in appendix {
            guard case .record(let record) = row else { continue }
            let code = Cell.of(row.field("code"))
            for name in record.shape.names where name != "code" && name != "unit" {
                let value = Cell.of(row.field(name))
                if value != "0" { cells.append("\(code)\t\(name)\t\(value)") }
            }
        }
        #expect(cells.sorted() == (try ReportTruth.appendix(period, on: store)))
        let placeholders = (doc.field("blocks")?.items ?? []).filter { Cell.of($0.field("kind")) == "placeholder" }
        #expect(placeholders.count == 4, "the narrative parts I, III, IV and V are left to write")
    }

    @Test
    func coverageReport() throws {
        let store = try FixDemo.made().store
        let (doc, _) = try Self.run("coverage", ["report_year": .int(2025)])
        let pivot = Self.rows(Self.blocks(doc, kind: "table", titled: "Bảng 1.").first)
        var cells: [String] = []
        for row in pivot {
            guard case .record(let record) = row else { continue }
            let cluster = Cell.of(row.field("cluster"))
            if cluster == "Tổng cộng" || cluster == "Total" { continue }
            for name in record.shape.names where name != "cluster" && name != "total" {
                let value = Cell.of(row.field(name))
                if value != "null" && value != "0" { cells.append("\(cluster)\t\(name)\t\(value)") }
            }
        }
        #expect(cells.sorted() == (try ReportTruth.coverage(year: 2025, on: store)))
        let silent = Self.rows(Self.blocks(doc, kind: "table", titled: "Bảng 2.").first)
        let twin = try #require(QueryTwins.byName["don-vi-chua-dang-ky"])
        let expected = try Cell.lines(twin.sql, ["report_year": 2025], columns: ["name", "Người phụ trách", "Điện thoại"], on: store)
        #expect(Cell.lines(.list(silent), columns: ["unit", "person", "phone"])?.sorted() == expected.sorted())
    }

    @Test(arguments: [2024, 2023])
    func contestReport(_ year: Int) throws {
        let store = try FixDemo.made().store
        let (doc, _) = try Self.run("contest", ["contest_year": .int(year)])
        let truth = try ReportTruth.contestBoards(year: year, on: store)
        for (board, expected) in truth {
            let prefix = board == "final" ? "Bảng 3." : "Bảng điểm sơ khảo " + board.dropFirst("preliminary ".count)
            let rows = Self.rows(Self.blocks(doc, kind: "table", titled: prefix).first)
            #expect(Cell.lines(.list(rows), columns: ["team", "total", "rank"])?.sorted() == expected, "\(board)")
        }
        let prizes = Self.rows(Self.blocks(doc, kind: "table", titled: "Bảng 5.").first)
        #expect(Cell.lines(.list(prizes), columns: ["prize", "team"])?.sorted() == (try ReportTruth.prizes(year: year, on: store)))
    }

    @Test
    func funnelReport() throws {
        let store = try FixDemo.made().store
        let (doc, _) = try Self.run("funnel", ["report_year": .int(2024), "years": .int(5)])
        let twin = try #require(QueryTwins.byName["pheu-cong-nhan"])
        let expected = try Cell.lines(twin.sql, ["report_year": 2024], columns: twin.columns, on: store)
        // The report's own column names, in the order of the query's (its twin's) columns.
        let columns = ["code", "unit", "registered", "effective", "recognised", "base", "district", "commune", "city",
                       "proposed", "commended"]
        let rows = Self.rows(Self.blocks(doc, kind: "table", titled: "Bảng 1.").first).filter { Cell.of($0.field("code")) != "" }
        #expect(Cell.lines(.list(rows), columns: columns)?.sorted() == expected.sorted())
    }

    @Test
    func commendationCandidatesReport() throws {
        let store = try FixDemo.made().store
        let (doc, _) = try Self.run("commendation-candidates", ["report_year": .int(2024)])
        let twin = try #require(QueryTwins.byName["ung-vien-khen-thuong"])
        let checked = try Cell.lines(twin.sql, ["report_year": 2024], columns: ["code", "Đối chiếu"], on: store)
        let proposed = Self.rows(Self.blocks(doc, kind: "table", titled: "Danh sách mô hình đề nghị").first)
        let excluded = Self.rows(Self.blocks(doc, kind: "table", titled: "Mô hình đủ tiêu chuẩn nhưng không").first)
        #expect(Cell.lines(.list(proposed), columns: ["code"])?.sorted()
                == checked.filter { $0.hasSuffix("\tĐưa vào danh sách") }.map { String($0.prefix { $0 != "\t" }) }.sorted())
        #expect(Cell.lines(.list(excluded), columns: ["code"])?.sorted()
                == checked.filter { !$0.hasSuffix("\tĐưa vào danh sách") }.map { String($0.prefix { $0 != "\t" }) }.sorted())
        let repeated = Self.rows(Self.blocks(doc, kind: "table", titled: "Thành tích được khen").first)
        #expect(Cell.lines(.list(repeated), columns: ["awards"])?.sorted() == (try ReportTruth.repeatedAwards(on: store)))
    }

    @Test
    func hotspotsReport() throws {
        let store = try FixDemo.made().store
        let (doc, _) = try Self.run("hotspots", ["signed_on": .date(demoToday)])
        let summary = Self.rows(Self.blocks(doc, kind: "table", titled: "Bảng 1.").first)
        #expect(Cell.lines(.list(summary), columns: ["direction", "models", "leader_support"])
                == (try ReportTruth.hotspotSummary(on: store)))
        let twin = try #require(QueryTwins.byName["mo-hinh-diem-nong"])
        let expected = try Cell.lines(twin.sql, [:], columns: ["code", "Ngày đánh giá gần nhất", "Điểm", "Ngày kiểm tra gần nhất"],
                                      on: store)
        let rows = Self.rows(Self.blocks(doc, kind: "table", titled: "Bảng 2.").first)
        #expect(Cell.lines(.list(rows), columns: ["code", "evaluated_on", "score", "inspected_on"])?.sorted() == expected.sorted())
    }
}
