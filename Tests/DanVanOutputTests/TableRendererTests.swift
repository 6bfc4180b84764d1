// Snapshots of the table renderer, reasoned out by hand: column widths in cells, numbers
// right-aligned and written the language's way, cells cut with "…" to fit the terminal,
// the screenful footer in both languages, and colour only when asked for.
import Foundation
import Testing
import VietText
@testable import DanVanOutput

@Suite struct TableRendererTests {
    static func units(_ lang: Lang) -> TableModel {
        TableModel(columns: [
            TableModel.Column(name: "id", label: "id", groupsDigits: false),
            TableModel.Column(name: "name", label: lang == .vi ? "Tên" : "Name"),
            TableModel.Column(name: "models", label: lang == .vi ? "Mô hình" : "Models"),
        ], rows: [
            [.integer(1), .text("Phường Tân Định"), .integer(1808)],
            [.integer(12), .text("Xã Đông"), .integer(7)],
        ])
    }

    @Test func boxTableInEnglish() {
        let output = TableRenderer(lang: .en).render(Self.units(.en))
        #expect(output.text == """
            ┌────┬─────────────────┬────────┐
            │ id │ Name            │ Models │
            ├────┼─────────────────┼────────┤
            │  1 │ Phường Tân Định │  1,808 │
            │ 12 │ Xã Đông         │      7 │
            └────┴─────────────────┴────────┘

            """)
        #expect(output.nextRow == nil)
    }

    @Test func boxTableInVietnameseGroupsWithDots() {
        let output = TableRenderer(lang: .vi).render(Self.units(.vi))
        #expect(output.text == """
            ┌────┬─────────────────┬─────────┐
            │ id │ Tên             │ Mô hình │
            ├────┼─────────────────┼─────────┤
            │  1 │ Phường Tân Định │   1.808 │
            │ 12 │ Xã Đông         │       7 │
            └────┴─────────────────┴─────────┘

            """)
    }

    @Test func asciiBorders() {
        let output = TableRenderer(lang: .en, border: .ascii).render(Self.units(.en))
        #expect(output.text == """
            +----+-----------------+--------+
            | id | Name            | Models |
            +----+-----------------+--------+
            |  1 | Phường Tân Định |  1,808 |
            | 12 | Xã Đông         |      7 |
            +----+-----------------+--------+

            """)
    }

    @Test func nfdTextLinesUpWithNFC() {
        var model = Self.units(.en)
        model.rows[1][1] = .text("Xã Đông".decomposedStringWithCanonicalMapping)
        let lines = TableRenderer(lang: .en).render(model).text.split(separator: "\n")
        #expect(lines[4].unicodeScalars.count > "│ 12 │ Xã Đông         │      7 │".unicodeScalars.count)
        #expect(DisplayWidth.of(String(lines[4])) == DisplayWidth.of(String(lines[3])))
    }

    @Test func wideTablesAreCutToTheTerminal() {
        // 30 cells: 10 go to borders and padding, 20 remain for [2, 15, 6]; the name
        // column is capped at 12.
        let output = TableRenderer(lang: .en, width: 30).render(Self.units(.en))
        #expect(output.text == """
            ┌────┬──────────────┬────────┐
            │ id │ Name         │ Models │
            ├────┼──────────────┼────────┤
            │  1 │ Phường Tân…  │  1,808 │
            │ 12 │ Xã Đông      │      7 │
            └────┴──────────────┴────────┘

            """)
        for line in output.text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) == 30) }
    }

    @Test func fitCapsTheWidestColumns() {
        #expect(TableRenderer.fit([2, 15, 6], into: 20, minimum: 6) == [2, 12, 6])
        #expect(TableRenderer.fit([2, 15, 6], into: 40, minimum: 6) == [2, 15, 6])
        #expect(TableRenderer.fit([10, 10], into: 12, minimum: 6) == [6, 6])
        #expect(TableRenderer.fit([30, 30, 30], into: 10, minimum: 6) == [6, 6, 6])
        // 3 + 13 + 13 = 29 leaves one cell, which widens the first cut column.
        #expect(TableRenderer.fit([3, 20, 20], into: 30, minimum: 6) == [3, 14, 13])
    }

    @Test func columnsThatCannotBeReadAreLeftOutAndNamed() {
        // Each shown column keeps min(its width, 12) cells plus 3 of border; 1 closes the row.
        #expect(TableRenderer.columnsThatFit([5, 20, 20, 20], width: 60) == 4)
        #expect(TableRenderer.columnsThatFit([5, 20, 20, 20], width: 40) == 3)
        #expect(TableRenderer.columnsThatFit([5, 20, 20, 20], width: 38) == 2)
        #expect(TableRenderer.columnsThatFit([40, 40], width: 10) == 1)
        let model = TableModel(columns: [
            TableModel.Column(name: "id", label: "id", groupsDigits: false),
            TableModel.Column(name: "name", label: "Tên"),
            TableModel.Column(name: "search_key", label: "Khóa tìm kiếm"),
            TableModel.Column(name: "phone", label: "Điện thoại"),
        ], rows: [[.integer(1), .text("Phường Tân Định"), .text("phuong tan dinh"), .text("0243")]])
        let output = TableRenderer(lang: .vi, width: 30).render(model)
        #expect(output.text == """
            ┌────┬─────────────────┐
            │ id │ Tên             │
            ├────┼─────────────────┤
            │  1 │ Phường Tân Định │
            └────┴─────────────────┘
            … còn 2 cột không vừa m…

            """.replacingOccurrences(of: "… còn 2 cột không vừa m…", with: TableRenderer.hiddenColumnsFooter(
                ["search_key", "phone"], lang: .vi, width: 30)))
        // The footer stays on one line, cutting the names when it must.
        let footer = TableRenderer.hiddenColumnsFooter(["search_key", "phone", "valid_from", "valid_to"], lang: .en, width: 80)
        #expect(footer.hasPrefix("… 4 more columns did not fit: search_key, phone,"))
        #expect(footer.hasSuffix("… (:mode line, or | select …)"))
        #expect(DisplayWidth.of(footer) < 80)
        #expect(TableRenderer.hiddenColumnsFooter(["a", "b"], lang: .en, width: nil)
                == "… 2 more columns did not fit: a, b (:mode line, or | select …)")
    }

    @Test func aScreenfulThenAFooter() {
        var model = Self.units(.en)
        model.rows = (1...2873).map { [.integer(Int64($0)), .text("u\($0)"), .integer(0)] }
        let english = TableRenderer(lang: .en, maxRows: 2).render(model)
        #expect(english.nextRow == 2)
        #expect(english.text.hasSuffix("└────┴──────┴────────┘\n… 2,871 more rows (:more, :mode csv, or | take N)\n"))
        let vietnamese = TableRenderer(lang: .vi, maxRows: 2).render(model)
        #expect(vietnamese.text.hasSuffix("… còn 2.871 dòng nữa (:more, :mode csv, hoặc | take N)\n"))

        let last = TableRenderer(lang: .en, maxRows: 2).render(model, from: 2871)
        #expect(last.nextRow == nil)
        #expect(last.text.contains("│ 2873 │"))
        #expect(!last.text.contains("more"))

        let oneLeft = TableRenderer(lang: .en, maxRows: 2).render(model, from: 2870)
        #expect(oneLeft.text.hasSuffix("… 1 more row (:more, :mode csv, or | take N)\n"))
        #expect(oneLeft.nextRow == 2872)
    }

    @Test func colourOnlyWhenAskedFor() {
        let plain = TableRenderer(lang: .en).render(Self.units(.en)).text
        #expect(!plain.contains("\u{1B}"))
        let coloured = TableRenderer(lang: .en, color: true).render(Self.units(.en)).text
        let lines = coloured.split(separator: "\n").map(String.init)
        #expect(lines[0] == "\u{1B}[2m┌────┬─────────────────┬────────┐\u{1B}[0m")
        let bar = "\u{1B}[2m│\u{1B}[0m"
        #expect(lines[1] == bar + " \u{1B}[1mid\u{1B}[0m " + bar + " \u{1B}[1mName           \u{1B}[0m "
            + bar + " \u{1B}[1mModels\u{1B}[0m " + bar)
    }

    @Test func emptyTablesAndOddCells() {
        let empty = TableModel(labels: ["id", "Name"], rows: [])
        #expect(TableRenderer(lang: .en).render(empty).text == """
            ┌────┬──────┐
            │ id │ Name │
            └────┴──────┘
            (0 rows)

            """)
        let odd = TableModel(labels: ["a", "b", "c"], rows: [[.text("x\ny"), .bool(true)], [.null, .bool(false), .decimal(2.5)]])
        #expect(TableRenderer(lang: .vi).render(odd).text == """
            ┌─────┬───────┬─────┐
            │ a   │ b     │   c │
            ├─────┼───────┼─────┤
            │ x↵y │ có    │     │
            │     │ không │ 2,5 │
            └─────┴───────┴─────┘

            """)
    }
}
