// Snapshots of every writer on the fixed document (ReportFixture): the Markdown and HTML
// text against files in Snapshots/ (read and checked by hand when written; set
// DANVAN_UPDATE_SNAPSHOTS=1 to write them again), the CSV bytes and the XLSX parts inline.
// Beside each snapshot, assertions on what matters, so a changed snapshot is not accepted blindly.
import DanVanOutput
import DanVanReport
import Foundation
import Testing
import VietText
import ZIPFoundation

struct WriterSnapshotTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func matchSnapshot(_ text: String, _ name: String) throws {
        let url = snapshots.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DANVAN_UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs from its snapshot")
    }

    @Test func markdown() throws {
        let text = ReportMarkdown.render(ReportFixture.document)
        try Self.matchSnapshot(text, "document.md")
        #expect(text.contains("| Kinh tế | 1.808 | 92,13 | 15/10/2024 | 2024 |"))
        #expect(text.contains("| Mô hình đăng ký | 1.808 | 1.532 | tăng 276 (+18,0%) |"))
        #expect(text.contains("| Mô hình bị loại | 12 | 24 | giảm 12 (-50,0%) |"))
        #expect(text.contains("| Cụm thi đua | 7 | 7 | không đổi |"))
        #expect(text.contains("*Hà Nội, ngày … tháng … năm …*"))
    }

    @Test func html() throws {
        let text = ReportHTML.render(ReportFixture.document)
        try Self.matchSnapshot(text, "document.html")
        for fragment in ["@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }", #"font-family: "Times New Roman""#,
                         "font-size: 13pt", #"<div class="parent-issuer">THÀNH ỦY HÀ NỘI</div>"#,
                         #"<div class="issuer-name">BAN DÂN VẬN</div>"#, "Số: 125-BC/BDVTU",
                         #"<div class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>"#,
                         #"<span class="ruled">Độc lập - Tự do - Hạnh phúc</span>"#, "<thead><tr><th>Lĩnh vực</th>",
                         #"<td class="num">1.808</td>"#, #"<td class="num">92,13</td>"#, "<td>15/10/2024</td>",
                         #"<td class="num">2024</td>"#, "Nguồn: &lt;dữ liệu mẫu&gt; &amp; &quot;demo&quot;",
                         #"<div class="placeholder">Đánh giá chung</div>"#, #"<div class="page-break"></div>"#,
                         "<svg ", ">1.808</text>", #"<div class="signer-title">Trưởng ban</div>"#] {
            #expect(text.contains(fragment), "the HTML lacks \(fragment)")
        }
        // Self-contained: nothing fetched, nothing run.
        #expect(!text.contains("<script"))
        #expect(!text.contains("<link"))
        #expect(!text.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
    }

    @Test func csvBytes() throws {
        let data = ReportCSV.data(ReportFixture.document)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let expected = "Số liệu chính\r\n"
            + "Chỉ tiêu,Kỳ này,Kỳ trước,So sánh\r\n"
            + "Mô hình đăng ký,1808,1532,\"tăng 276 (+18,0%)\"\r\n"
            + "Mô hình bị loại,12,24,\"giảm 12 (-50,0%)\"\r\n"
            + "Cụm thi đua,7,7,không đổi\r\n"
            + "\r\n"
            + "Mô hình theo lĩnh vực\r\n"
            + "Lĩnh vực,Số mô hình,Điểm,Ngày bắt đầu,Năm\r\n"
            + "Kinh tế,1808,92.125,2024-10-15,2024\r\n"
            + "\"Văn hóa, xã hội\",42,,2023-02-01,2023\r\n"
        #expect(text == expected)
    }

    /// A reference or a code in a report's CSV is written as people read it, like its heading.
    @Test func csvWritesNamesNotIds() {
        let model = TableModel(columns: [TableModel.Column(name: "unit", label: "Đơn vị chủ trì"),
                                         TableModel.Column(name: "status", label: "Trạng thái")],
                               rows: [[.named(raw: .integer(549), text: "Phường Tân Hòa"),
                                       .named(raw: .text("recognised"), text: "Đã công nhận")]])
        let document = ReportDocument(lang: .vi, blocks: [.table(ReportTable(model: model))])
        #expect(ReportCSV.text(document) == "Đơn vị chủ trì,Trạng thái\r\nPhường Tân Hòa,Đã công nhận\r\n")
    }

    /// The entries of the workbook, by path, read back with ZIPFoundation.
    static func entries(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            out[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return out
    }

    @Test func xlsxParts() throws {
        let parts = try Self.entries(try ReportXLSX.data(ReportFixture.document))
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                    "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        #expect(parts["xl/workbook.xml"] == header + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Số liệu chính" sheetId="1" r:id="rId1"/><sheet name="Mô hình theo lĩnh vực" sheetId="2" r:id="rId2"/></sheets></workbook>"#)
        let sheet = try #require(parts["xl/worksheets/sheet2.xml"])
        #expect(sheet == header + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols><col min="1" max="1" width="17" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/><col min="3" max="3" width="8" customWidth="1"/><col min="4" max="4" width="14" customWidth="1"/><col min="5" max="5" width="8" customWidth="1"/></cols><sheetData><row r="1"><c r="A1" s="2" t="inlineStr"><is><t xml:space="preserve">Lĩnh vực</t></is></c><c r="B1" s="2" t="inlineStr"><is><t xml:space="preserve">Số mô hình</t></is></c><c r="C1" s="2" t="inlineStr"><is><t xml:space="preserve">Điểm</t></is></c><c r="D1" s="2" t="inlineStr"><is><t xml:space="preserve">Ngày bắt đầu</t></is></c><c r="E1" s="2" t="inlineStr"><is><t xml:space="preserve">Năm</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">Kinh tế</t></is></c><c r="B2" s="3"><v>1808</v></c><c r="C2"><v>92.125</v></c><c r="D2" s="1"><v>45580</v></c><c r="E2"><v>2024</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">Văn hóa, xã hội</t></is></c><c r="B3" s="3"><v>42</v></c><c r="D3" s="1"><v>44958</v></c><c r="E3"><v>2023</v></c></row></sheetData></worksheet>"#)
        let styles = try #require(parts["xl/styles.xml"])
        #expect(styles.contains(#"<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>"#))
        #expect(styles.contains(#"<font><b/><sz val="11"/><name val="Calibri"/></font>"#))
        #expect(styles.contains(#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#))
        #expect(parts["[Content_Types].xml"]?.contains("/xl/worksheets/sheet2.xml") == true)
    }

    @Test func dateSerialsAreSpreadsheetDays() {
        // Independent values: 2025-01-01 is 45658 in the note's verified workbook; 1900-03-01 is 61.
        #expect(DateParts(year: 2025, month: 1, day: 1).serial == 45658)
        #expect(DateParts(year: 1900, month: 3, day: 1).serial == 61)
        #expect(DateParts(year: 2024, month: 10, day: 15).serial == 45658 - 78)
    }

    @Test func sheetNamesAreValidAndUnique() {
        let names = ReportXLSX.sheetNames(["A/B: [x]?", "a/b: [x]?", nil, String(repeating: "Ư", count: 40), "'quoted'", ""], .vi)
        #expect(names == ["A B   x", "a b   x (2)", "Bảng 3", String(repeating: "Ư", count: 31), "quoted", "Bảng 6"])
    }
}
