// The grammar of changing data, as the REPL sees it (is an entry complete?) and as older
// programs see it (`insert` and `transaction` are still names where no table or `{` follows).
import DanVanLang
import Testing

@Suite struct WriteGrammarTests {
    @Test(arguments: ["insert fields", "insert fields {code:", "transaction {", "models | update", "models | update year =",
                      "transaction {\n  models | delete"])
    func incomplete(_ text: String) {
        #expect(Parser.completeness(of: text) == .incomplete)
    }

    @Test(arguments: ["insert fields {code: \"A\"}", "transaction { }", "models | delete cascade", "insert", "let insert = 1\ninsert",
                      "f(a: 1, b: 2)", "models | where year == 2024 | expect 1 | update year = year + 1, title = \"x\""])
    func complete(_ text: String) {
        #expect(Parser.completeness(of: text) == .complete)
    }

    /// `insert` at the end of a line is the name: the table on the next line starts a new
    /// statement, as it always did.
    @Test func insertBeforeALineBreakIsAName() {
        let (output, error) = runOn(TestHost(), "let insert = 3\nprint(insert\n)\nlet x = insert\nfields | count")
        #expect(error == nil)
        #expect(output == ["3"])
    }
}

@Suite struct WriteRobustnessTests {
    /// Arbitrary soup of the write forms never traps: the parser, the compiler and the
    /// writer's callers always answer.
    @Test func garbageWrites() {
        let pieces = ["insert", "fields", "models", "units", "{", "}", "[", "]", "(", ")", "|", "update", "delete", "cascade",
                      "expect", "transaction", "where", "year", "=", "==", "1", "-1", "\"x\"", "code:", "name:", ",", "+",
                      "merge_units", "from:", "into:", "unit_code", "it", ".", "select", "take", "\n", "null", "fn", "=>", "return"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 1...25, using: &generator) { text += pieces.randomElement(using: &generator)! + " " }
            _ = Parser.completeness(of: text)
            let host = TestHost()
            host.declineSelections = Bool.random(using: &generator)
            _ = runOn(host, text)
        }
    }
}
