// The non-table modes, reasoned out by hand: CSV by RFC 4180 with CRLF, JSON with UTF-8
// left unescaped, markdown with `|` escaped, and line mode.
import Testing
@testable import DanVanOutput

@Suite struct OutputFormatTests {
    @Test func csvQuotesOnlyWhatNeedsIt() {
        let model = TableModel(labels: ["id", "name", "note"], rows: [
            [.integer(1808), .text("Phường, \"A\""), .null],
            [.integer(2), .text("x\ny"), .bool(true)],
            [.decimal(2.5), .text("Tân Định"), .bool(false)],
        ])
        #expect(CSVFormat.render(model) ==
            "id,name,note\r\n1808,\"Phường, \"\"A\"\"\",\r\n2,\"x\ny\",1\r\n2.5,Tân Định,0\r\n")
    }

    @Test func csvHeaderUsesMachineNames() {
        let model = TableModel(columns: [TableModel.Column(name: "full_name", label: "Họ và tên")],
                               rows: [[.text("Nguyễn Văn Thể")]])
        #expect(CSVFormat.render(model) == "full_name\r\nNguyễn Văn Thể\r\n")
    }

    @Test func jsonIsAnArrayOfObjects() {
        let model = TableModel(labels: ["id", "name", "note", "score", "ok"], rows: [
            [.integer(1), .text("Phường \"A\"\\"), .null, .decimal(2.5), .bool(true)],
            [.integer(2), .text("x\ny\u{1}"), .text("Đ"), .decimal(.infinity), .bool(false)],
        ])
        #expect(JSONFormat.render(model) == """
            [
              {"id": 1, "name": "Phường \\"A\\"\\\\", "note": null, "score": 2.5, "ok": true},
              {"id": 2, "name": "x\\ny\\u0001", "note": "Đ", "score": null, "ok": false}
            ]

            """)
        #expect(JSONFormat.render(TableModel(labels: ["id"], rows: [])) == "[]\n")
    }

    @Test func markdownEscapesPipesAndLineBreaks() {
        let model = TableModel(columns: [
            TableModel.Column(name: "id", label: "Mã", groupsDigits: false),
            TableModel.Column(name: "name", label: "Tên"),
            TableModel.Column(name: "score", label: "Điểm"),
        ], rows: [
            [.integer(1), .text("a|b"), .decimal(2.5)],
            [.integer(2), .text("x\ny"), .null],
        ])
        #expect(MarkdownFormat.render(model, lang: .vi) == """
            | Mã | Tên | Điểm |
            | ---: | --- | ---: |
            | 1 | a\\|b | 2,5 |
            | 2 | x<br>y |  |

            """)
    }

    @Test func lineModeAlignsLabels() {
        let model = TableModel(labels: ["id", "Name"], rows: [[.integer(1), .text("Hồng")], [.integer(2), .null]])
        #expect(LineFormat.render(model, lang: .en) == "  id = 1\nName = Hồng\n\n  id = 2\nName = \n")
    }

    @Test func everyModeRendersTheSameModel() {
        let model = TableModel(labels: ["n"], rows: [[.integer(1808)]])
        #expect(ModelWriter.write(model, mode: .csv, lang: .vi) == "n\r\n1808\r\n")
        #expect(ModelWriter.write(model, mode: .json, lang: .vi) == "[\n  {\"n\": 1808}\n]\n")
        #expect(ModelWriter.write(model, mode: .markdown, lang: .vi) == "| n |\n| ---: |\n| 1.808 |\n")
        #expect(ModelWriter.write(model, mode: .line, lang: .vi) == "n = 1.808\n")
        #expect(ModelWriter.write(model, mode: .table, lang: .vi).contains("│ 1.808 │"))
    }
}
