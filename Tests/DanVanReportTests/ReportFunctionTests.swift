// The report functions as a script calls them, on a host with no tables (records made in the
// script): labelled arguments, the blocks they add, the chart drawn in text, and the errors a
// person meets: misspelt columns, kinds and mottos (with did-you-mean), a pie with two
// series, a figure with an unknown field, a missing folder.
import DanVanLang
import DanVanOutput
import DanVanReport
import Foundation
import Testing
import VietText

/// A host with the report functions and nothing else.
final class ReportOnlyHost: DanVanLang.Host {
    let functions: [String: HostFunction]
    var progress: [String] = []

    init(lang: Lang = .vi) {
        var sink: ((String) -> Void)?
        let all = ReportFunctions.functions(lang: { lang }, progress: { sink?($0) })
        functions = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
        sink = { [weak self] in self?.progress.append($0) }
    }

    func table(named name: String) -> TableSource? { nil }
    var tableNames: [String] { [] }
    func function(named name: String) -> HostFunction? { functions[name] }
    var functionNames: [String] { Array(functions.keys) }
}

struct ReportFunctionTests {
    static let data = """
        let rows = [{field: "Kinh tế", n: 1808, m: 2}, {field: "Văn hóa", n: 42, m: 5}]
        """

    /// Runs `code` after the data; gives the value of the last line, or the error as shown.
    static func run(_ code: String, lang: Lang = .vi, host: ReportOnlyHost = ReportOnlyHost()) -> (Value?, String?) {
        let interpreter = Interpreter(host: host, lang: lang, output: { _ in })
        do {
            return (try interpreter.evaluate(SourceText(name: "t.dv", text: data + "\n" + code)), nil)
        } catch {
            return (nil, interpreter.render(error))
        }
    }

    @Test func buildersAppendCheckedBlocks() throws {
        let (value, error) = Self.run("""
            let doc = document("BÁO CÁO", issuer: "BAN DÂN VẬN", motto: "party", date: "2024-06-30", place: "Hà Nội")
            heading(doc, "I. Kết quả", level: 2)
            paragraph(doc, "Có {len(rows)} lĩnh vực.")
            figures(doc, [{label: "Mô hình", value: 10, previous: 8}], title: "Số liệu")
            table(doc, rows, title: "Bảng")
            chart(doc, rows, kind: "stacked", x: "field", y: ["n", "m"], title: "Biểu đồ")
            placeholder(doc, "Nhận xét")
            page_break(doc)
            doc
            """)
        #expect(error == nil, "\(error ?? "")")
        let document = try ReportDecoder.document(try #require(value))
        #expect(document.motto == .party)
        #expect(document.date.map(DateParts.init) == DateParts(year: 2024, month: 6, day: 30))
        #expect(document.blocks.count == 7)
        #expect(document.blocks[0] == .heading("I. Kết quả", level: 2))
        #expect(document.blocks[1] == .paragraph("Có 2 lĩnh vực."))
        guard case .chart(let chart) = document.blocks[4] else { Issue.record("block 5 is not a chart"); return }
        #expect(chart.kind == .stacked)
        #expect(chart.categories == ["Kinh tế", "Văn hóa"])
        #expect(chart.series.map(\.values) == [[1808, 42], [2, 5]])
        guard case .table(let table) = document.blocks[3] else { Issue.record("block 4 is not a table"); return }
        #expect(table.model.rows == [[.text("Kinh tế"), .integer(1808), .integer(2)], [.text("Văn hóa"), .integer(42), .integer(5)]])
    }

    @Test func headingsNameTheColumnsTheScriptComputed() throws {
        let (value, error) = Self.run("""
            let doc = document("BÁO CÁO")
            let words = {field: "Lĩnh vực", n: "Số mô hình"}
            table(doc, rows, title: "Bảng", headings: words)
            chart(doc, rows, x: "field", y: "n", headings: words)
            table(doc, [], title: "Trống", headings: words)
            doc
            """)
        #expect(error == nil, "\(error ?? "")")
        let document = try ReportDecoder.document(try #require(value))
        guard case .table(let table) = document.blocks[0], case .chart(let chart) = document.blocks[1],
              case .table(let empty) = document.blocks[2] else { Issue.record("\(document.blocks)"); return }
        // The script keeps its names (CSV, JSON, `row.n`); the reader sees the headings.
        #expect(table.model.columns.map(\.name) == ["field", "n", "m"])
        #expect(table.model.columns.map(\.label) == ["Lĩnh vực", "Số mô hình", "m"])
        #expect(chart.xLabel == "Lĩnh vực" && chart.series.map(\.name) == ["Số mô hình"])
        // An empty result still shows the columns it would have.
        #expect(empty.model.columns.map(\.label) == ["Lĩnh vực", "Số mô hình"] && empty.model.rows.isEmpty)
    }

    @Test func chartWithoutADocumentIsText() throws {
        let (value, error) = Self.run(#"chart(rows, x: "field", y: "n")"#)
        #expect(error == nil, "\(error ?? "")")
        guard case .text(let text)? = value else { Issue.record("not text: \(String(describing: value))"); return }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        // 1808 is the longest bar (40 cells); 42 / 1808 × 320 eighths = 7.4 → 7 eighths: "▉".
        #expect(lines[0] == "Kinh tế " + String(repeating: "█", count: 40) + " 1.808")
        #expect(lines[1] == "Văn hóa ▉ 42")
        let (english, _) = Self.run(#"chart(rows, x: "field", y: "n")"#, host: ReportOnlyHost(lang: .en))
        guard case .text(let englishText)? = english else { return }
        #expect(englishText.hasSuffix(" 42") && englishText.contains(" 1,808"))
    }

    @Test(arguments: [
        (#"chart(rows, x: "feild", y: "n")"#, #"chart: không có cột "feild" trong dữ liệu (các cột: field, n, m) (có phải ý bạn là 'field'?)"#),
        (#"chart(rows, kind: "pei", x: "field", y: "n")"#, #"chart: kind không nhận "pei" (chọn một trong: bar, stacked, line, pie) (có phải ý bạn là 'pie'?)"#),
        (#"chart(rows, kind: "pie", x: "field", y: ["n", "m"])"#, "chart: biểu đồ tròn vẽ đúng một cột số (y), không phải 2"),
        (#"chart(rows, x: "n", y: "field")"#, #"chart: cột "field" phải chứa số để vẽ biểu đồ, nhưng dòng 1 có "Kinh tế""#),
        (#"document("X", motto: "stat")"#, #"document: motto không nhận "stat" (chọn một trong: state, party, none) (có phải ý bạn là 'state'?)"#),
        (#"document("X", date: "30/06/2024")"#, #"document: date phải là một ngày (date(2024, 6, 30)) hoặc văn bản "2024-06-30", không phải 30/06/2024"#),
        (#"figures(document("X"), [{label: "a", valu: 1}])"#, #"figures: mục thứ 1 có trường lạ "valu" (chỉ dùng label, value, previous) (có phải ý bạn là 'value'?)"#),
        (#"table(rows, rows)"#, "table: đối số đầu phải là một tài liệu do document(...) tạo ra, không phải list"),
        (#"table(document("X"), 5)"#, "table: rows phải là kết quả một truy vấn (danh sách dòng hoặc bản ghi) hoặc một bảng, không phải integer"),
        (#"table(document("X"), rows, headings: {feild: "Lĩnh vực"})"#,
         #"table (headings): không có cột "feild" trong dữ liệu (các cột: field, n, m) (có phải ý bạn là 'field'?)"#),
        (#"table(document("X"), rows, headings: ["Lĩnh vực"])"#, #"table: headings phải là bản ghi {tên_cột: "tiêu đề"}, không phải list"#),
        (#"chart(document("X"), rows, headings: {n: 5})"#, "chart: headings.n phải là văn bản, không phải integer"),
        (#"heading(document("X"), "a", level: 9)"#, "heading: level phải là số nguyên từ 1 đến 4, không phải 9"),
        (#"save(document("X"), "/no/such/folder/r.html")"#, #"save: thư mục "/no/such/folder" không tồn tại"#),
        (#"save(document("X"), "r.docx")"#, #"save: không biết ghi "r.docx" theo định dạng nào: tên tệp phải có đuôi .md, .html, .csv hoặc .xlsx"#),
    ])
    func mistakesAreClearErrors(code: String, message: String) {
        let (_, error) = Self.run(code)
        #expect(error?.contains(message) == true, "\(code)\ngave: \(error ?? "no error")")
    }

    @Test func anUnknownLabelIsACompileError() {
        let (_, error) = Self.run(#"chart(rows, x: "field", ttle: "n")"#)
        #expect(error?.contains("ttle") == true && error?.contains("'title'") == true, "\(error ?? "no error")")
    }

    @Test func saveReplacesAFileAndGivesItsPath() throws {
        let folder = NSTemporaryDirectory() + "danvan-report-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/bảng.csv"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let (value, error) = Self.run(#"save(rows, "\#(path)")"#)
        #expect(error == nil, "\(error ?? "")")
        #expect(value.map { if case .text(let text) = $0 { return text == path } else { return false } } == true)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{FEFF}field,n,m\r\nKinh tế,1808,2\r\nVăn hóa,42,5\r\n")
    }

    /// `save` keeps a 0600 report 0600 and writes through a link, which stays a link
    /// (Foundation's atomic write, used before, replaced both).
    @Test func saveKeepsTheModeAndFollowsALink() throws {
        let folder = NSTemporaryDirectory() + "danvan-report-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let real = folder + "/real.md"
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: real)
        let link = folder + "/report.md"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let (_, error) = Self.run(#"save(rows, "\#(link)")"#)
        #expect(error == nil, "\(error ?? "")")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        let attributes = try FileManager.default.attributesOfItem(atPath: real)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: real)), as: UTF8.self).contains("Kinh tế"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["real.md", "report.md"])
    }

    @Test func progressGoesToTheHook() {
        let host = ReportOnlyHost()
        _ = Self.run(#"progress("Bảng 1/3")"#, host: host)
        #expect(host.progress == ["Bảng 1/3"])
    }
}
