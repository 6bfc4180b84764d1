// Characters a golden file cannot show plainly: a byte-order mark (U+FEFF) in the middle of a
// script, and the line breaks of other systems (a lone CR, CRLF).
import DanVanLang
import Testing

@Suite struct LexerEdgeTests {
    @Test func byteOrderMarkAtTheStartIsSkipped() {
        let result = runProgram("\u{FEFF}print(1)")
        #expect(result.error == nil)
        #expect(result.output == ["1"])
    }

    /// Once skipped anywhere, so that `c = c <U+FEFF> 1` quietly became two statements.
    @Test func byteOrderMarkElsewhereIsAnError() {
        let (output, error) = runProgram("let c = 1\nc = c \u{FEFF} 1\nprint(c)")
        #expect(output.isEmpty)
        #expect(error?.hasPrefix("test.dv:2:7: error: invisible character U+FEFF here (delete it)") == true)
        let vi = runProgram("print(1)\u{FEFF}", lang: .vi).error
        #expect(vi?.hasPrefix("test.dv:1:9: lỗi: ký tự vô hình U+FEFF ở đây (xóa nó đi)") == true)
    }

    @Test func byteOrderMarkInTextAndCommentsIsKept() {
        let result = runProgram("# a comment \u{FEFF}\nprint(len(\"a\u{FEFF}b\"))")
        #expect(result.error == nil)
        #expect(result.output == ["3"])
    }

    /// Old Mac files end lines with a lone CR: each is a line, for statements and for positions.
    @Test func loneCarriageReturnsBreakLines() {
        let (output, error) = runProgram("print(1)\r# note\rprint(2)\rprint(1 / 0)\r")
        #expect(output == ["1", "2"])
        #expect(error?.hasPrefix("test.dv:4:7: error: division by zero\nprint(1 / 0)\n      ^") == true)
    }

    @Test func crlfIsOneLineBreak() {
        let (output, error) = runProgram("print(1)\r\n\r\nprint(1 / 0)\r\n")
        #expect(output == ["1"])
        #expect(error?.hasPrefix("test.dv:3:7: error: division by zero\nprint(1 / 0)\n      ^") == true)
    }
}
