// Formula injection (issue 12): a text a spreadsheet would run (`=`, `+`, `-`, `@`, tab, CR
// first) is written with a leading `'`; numbers are never marked; the mark comes off again
// exactly, a person's own leading quote included.
import Testing
@testable import DanVanOutput

@Suite struct SpreadsheetTextTests {
    static let formulas = ["=HYPERLINK(\"http://x\",\"y\")", "+SUM(1,2)", "-5 điểm", "@SUM(1)",
                           "=cmd|' /C calc'!A0", "\tx", "\rx", "-", "="]

    @Test func aTextThatStartsLikeAFormulaGetsAQuote() {
        for text in Self.formulas {
            #expect(SpreadsheetText.neutralized(text) == "'" + text, "\(text)")
        }
        for text in ["Phường Tân Hòa", "", "5-3", " =x", "a=b", "'x", "''", "Đ=", "\nx"] {
            #expect(SpreadsheetText.neutralized(text) == text, "\(text)")
        }
    }

    @Test func aPersonsOwnQuoteBeforeAFormulaGetsAnotherSoNothingIsLost() {
        #expect(SpreadsheetText.neutralized("'=x") == "''=x")
        #expect(SpreadsheetText.neutralized("''-1") == "'''-1")
        for text in Self.formulas + ["'=x", "''-1", "'x", "'", "Phường", "", "x'=", "'\u{301}=x"] {
            #expect(SpreadsheetText.unmarked(SpreadsheetText.neutralized(text)) == text, "\(text)")
        }
    }

    @Test func unmarkTakesOffOneQuoteOnlyBeforeAFormulaCharacter() {
        #expect(SpreadsheetText.unmarked("'=SUM(1)") == "=SUM(1)")
        #expect(SpreadsheetText.unmarked("'-5") == "-5")
        #expect(SpreadsheetText.unmarked("'\tx") == "\tx")
        #expect(SpreadsheetText.unmarked("''=x") == "'=x")
        #expect(SpreadsheetText.unmarked("'x") == "'x")
        #expect(SpreadsheetText.unmarked("'") == "'")
        #expect(SpreadsheetText.unmarked("=x") == "=x")
    }

    @Test func csvOutputMarksTextsButNotNumbers() {
        let model = TableModel(labels: ["=name", "n", "code"], rows: [
            [.text("=HYPERLINK(\"http://evil\",\"x\")"), .integer(-5), .named(raw: .text("@x"), text: "label")],
            [.text("-5 điểm"), .decimal(-2.5), .named(raw: .integer(-1), text: "-1")],
            [.text("Tân Định"), .null, .bool(true)],
        ])
        #expect(CSVFormat.render(model) == """
            '=name,n,code\r
            "'=HYPERLINK(""http://evil"",""x"")",-5,'@x\r
            '-5 điểm,-2.5,-1\r
            Tân Định,,1\r

            """)
    }
}
