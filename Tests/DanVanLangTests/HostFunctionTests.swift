// Tests of the host's functions (positional and labelled arguments, as values), of
// `Host.willRun(writes:)` for scripts and REPL entries, and of a session that cannot write.
import DanVanLang
import Testing
import VietText

@Suite struct HostFunctionTests {
    @Test func labelsAreReorderedAndOptionalsAreNull() {
        let host = TestHost()
        let (output, error) = runOn(host, """
        print(merge_units(from: 5, into: 1))
        merge_units(into: 1, from: 6, note: "sáp nhập")
        merge_units(3, into: 1)
        print(unit_code(2), unit_code(id: 99, fallback: "?"), unit_code(99))
        """)
        #expect(error == nil)
        #expect(output == ["0", "TH ? null"])
        #expect(host.summaries == ["merge_units(5, 1, null)", "merge_units(6, 1, \"sáp nhập\")", "merge_units(3, 1, null)",
                                   "unit_code(2, null)", "unit_code(99, \"?\")", "unit_code(99, null)"])
        #expect(host.dump("units")[2].contains("\"merged\""))
        #expect(host.dump("models").filter { $0.contains(", 1, 20") }.count == 2) // M3 and M6 now under unit 1
        #expect(host.writes[1].site?.line == 2)
        #expect(host.writes[1].site?.text == "merge_units(into: 1, from: 6, note: \"sáp nhập\")")
    }

    @Test func asAValueAndAsAStage() {
        let host = TestHost()
        let (output, error) = runOn(host, """
        let code = unit_code
        print(code(4), [2, 3] | map(unit_code), 4 | unit_code(fallback: "-"))
        """)
        #expect(error == nil)
        #expect(output == ["BV [\"TH\", \"CN\"] BV"])
    }

    @Test func theHostsErrorsAreRuntimeErrors() {
        let (_, error) = runOn(TestHost(), "print(1)\nmerge_units(\"a\", \"b\")")
        #expect(error?.hasPrefix("w.dv:2:1: error: the data could not be changed: merge_units needs two unit ids") == true)
    }
}

@Suite struct WillRunTests {
    @Test(arguments: [
        ("print(models | count)", false),
        ("let f = x => x + 1\nprint(f(1))", false),
        ("print(unit_code(2))", false),
        ("insert fields {code: \"X\", name: \"Y\"}", true),
        ("if false { models | update year = 1 }", true),
        ("if false { models | delete }", true),
        ("transaction { print(1) }", true),
        ("if false { merge_units(1, 2) }", true),
        ("let m = merge_units", true),
        ("fn later() { insert fields {code: \"X\", name: \"Y\"} }\nprint(1)", true),
        ("fn outer() { return () => (fields | update name = \"x\") }", true),
    ])
    func aScriptSaysWhetherItWrites(_ program: String, _ writes: Bool) {
        let host = TestHost()
        _ = runOn(host, program)
        #expect(host.willRunCalls == [writes], "\(program)")
    }

    @Test func aFunctionFromAnEarlierEntry() throws {
        let host = TestHost()
        let interpreter = Interpreter(host: host, lang: .en, output: { _ in })
        func entry(_ text: String) throws -> Value? { try interpreter.evaluate(SourceText(name: "<repl>", text: text)) }
        _ = try entry("fn add_field(c) { return insert fields {code: c, name: c} }")
        _ = try entry("fn twice(f, x) { return f(f(x)) }")
        _ = try entry("fn reader() { return len(fields) }")
        _ = try entry("reader()")
        #expect(host.willRunCalls == [true, false, false, false])
        _ = try entry("add_field(\"X\")")
        _ = try entry("fn wrapper() { return add_field(\"Y\") }")
        _ = try entry("let adder = add_field")
        _ = try entry("adder(\"Z\")")
        _ = try entry("wrapper()")
        #expect(host.willRunCalls.suffix(5) == [true, true, true, true, true])
        #expect(try entry("len(fields)") == .int(7))
        _ = try entry("let merge = merge_units")
        _ = try entry("print(merge)")
        #expect(host.willRunCalls.suffix(3) == [false, true, true])
    }

    @Test func aRedefinedFunctionIsFollowedThroughItsCurrentValue() throws {
        let host = TestHost()
        let interpreter = Interpreter(host: host, lang: .en, output: { _ in })
        func entry(_ text: String) throws { _ = try interpreter.evaluate(SourceText(name: "<repl>", text: text)) }
        try entry("fn step() { return 1 }")
        try entry("fn run() { return step() }")
        try entry("run()")
        try entry("fn step() { return insert fields {code: \"S\", name: \"S\"} }")
        try entry("run()")
        #expect(host.willRunCalls == [false, false, false, true, true])
    }

    @Test func aRefusalStopsTheProgramBeforeItRuns() {
        let host = TestHost()
        host.willRunError = WriteRefused(description: "database is busy")
        let (output, error) = runOn(host, "print(1)\ninsert fields {code: \"X\", name: \"Y\"}")
        #expect(output.isEmpty)
        #expect(error?.hasPrefix("w.dv:1:1: error: the program cannot run: database is busy") == true)
        #expect(host.writes.isEmpty)
        let (_, vi) = runOn(host, "print(1)", lang: .vi)
        #expect(vi?.hasPrefix("w.dv:1:1: lỗi: chương trình không chạy được: database is busy") == true)
    }

    @Test func compileErrorsComeFirst() {
        let host = TestHost()
        _ = runOn(host, "insert fieldz {code: \"X\"}")
        #expect(host.willRunCalls.isEmpty)
    }
}

@Suite struct ReadOnlySessionTests {
    @Test(arguments: [
        ("insert fields {code: \"X\", name: \"Y\"}", "1:1"),
        ("models | where year == 2024 | update year = 2025", "1:31"),
        ("print(1)\nmodels | delete", "2:10"),
        ("transaction {\n  print(1)\n}", "1:1"),
    ])
    func everyWriteIsAnError(_ program: String, _ position: String) {
        let host = TestHost()
        host.writable = false
        let (output, error) = runOn(host, program)
        #expect(error?.hasPrefix("w.dv:\(position): error: this session cannot change data") == true, "\(program): \(error ?? "")")
        #expect(!output.contains("1") || program.hasPrefix("print"))
        #expect(host.writes.isEmpty)
        let (_, vi) = runOn(host, program, lang: .vi)
        #expect(vi?.contains("phiên này không được thay đổi dữ liệu") == true)
    }
}
