// Tests of the embedding API and of the limits: completeness for the REPL, the diagnostic
// format, deep nesting and recursion on small stacks, interrupting, huge literals, linear
// growth, REPL globals.
import DanVanLang
import Foundation
import Testing
import VietText

final class ThreadResult<T>: @unchecked Sendable {
    var value: T?
    let done = DispatchSemaphore(value: 0)
    init() {}
}

/// Runs `body` on a new thread with `stackSize` bytes of stack and waits for it.
func onThread<T: Sendable>(stackSize: Int, _ body: @escaping @Sendable () -> T) -> T {
    let box = ThreadResult<T>()
    let thread = Thread {
        box.value = body()
        box.done.signal()
    }
    thread.stackSize = stackSize
    thread.start()
    box.done.wait()
    return box.value!
}

/// Runs a program and returns its printed lines and its error rendered in `lang`.
func runProgram(_ text: String, lang: Lang = .en, name: String = "test.dv") -> (output: [String], error: String?) {
    var output: [String] = []
    let interpreter = Interpreter(host: TestHost(), lang: lang, output: { output.append($0) }, interrupt: InterruptFlag())
    do {
        try interpreter.run(SourceText(name: name, text: text))
        return (output, nil)
    } catch {
        return (output, interpreter.render(error))
    }
}

@Suite struct CompletenessTests {
    @Test(arguments: ["print(1)", "let x = 1", "", "# only a comment", "models | where year == 2024 | count",
                      "fn f() { return 1 }", "let s = \"a {1 + 2} b\""])
    func complete(_ text: String) {
        #expect(Parser.completeness(of: text) == .complete)
    }

    @Test(arguments: ["print(1", "let xs = [1,", "\"abc", "models |", "1 +", "fn f() {", "if x {\n print(1)",
                      "let r = {name:", "models\n  | where year == 2024\n  |", "x =>", "let s = \"a {1 +"])
    func incomplete(_ text: String) {
        #expect(Parser.completeness(of: text) == .incomplete)
    }

    @Test(arguments: ["print(1))", "let = 1", "1 +* 2", "print(\"{1 +}\")", "let x = ; print(", "@"])
    func invalid(_ text: String) {
        #expect(Parser.completeness(of: text) == .invalid)
    }
}

@Suite struct DiagnosticTests {
    @Test func parseErrorFormat() {
        let (_, error) = runProgram("let tên = 1\nprint(tên |)", name: "so-ket.dv")
        #expect(error == """
        so-ket.dv:2:12: error: expected a stage after '|' (where, select, sort, group by, take, skip, distinct, first, count or a function)
        print(tên |)
                   ^
        """)
    }

    @Test func caretUnderVietnameseTextAndTabs() {
        let (_, error) = runProgram("\tlet đơn_vị = \"Phường\" + 1")
        #expect(error == """
        test.dv:1:15: error: cannot apply '+' to text and integer (to put a value into text, write "...\\{x\\}...")
        \tlet đơn_vị = "Phường" + 1
        \t             ^
        """)
    }

    @Test func vietnameseMessages() {
        let (_, error) = runProgram("print(9223372036854775807 + 1)", lang: .vi, name: "<eval>")
        #expect(error == """
        <eval>:1:7: lỗi: tràn số nguyên
        print(9223372036854775807 + 1)
              ^
        """)
    }

    @Test func runtimeErrorListsCallFrames() {
        let program = """
        fn inner(x) { return x / 0 }
        fn outer(x) { return inner(x) + 1 }
        print(outer(5))
        """
        let (_, error) = runProgram(program)
        #expect(error == """
        test.dv:1:22: error: division by zero
        fn inner(x) { return x / 0 }
                             ^
          in inner (test.dv:1:22)
          in outer (test.dv:2:22)
          in top level (test.dv:3:7)
        """)
    }

    @Test func anonymousFunctionsInFrames() {
        let (_, error) = runProgram("let f = x => x.y\nprint(map([1], x => f(x)))", lang: .vi)
        #expect(error?.contains("  trong f (test.dv:1:16)") == true)
        #expect(error?.contains("  trong hàm không tên (test.dv:2:21)") == true)
        #expect(error?.contains("  trong cấp ngoài cùng (test.dv:2:7)") == true)
    }

    @Test func everyParseErrorIsReported() {
        let (_, diagnostics) = Parser.parse(SourceText(name: "x", text: "let = 1\nprint(1 2)\nlet y = ;\n"))
        #expect(diagnostics.map(\.location.line) == [1, 2, 3])
        #expect(diagnostics.allSatisfy { $0.kind == .syntax })
    }
}

@Suite struct LimitTests {
    static let nested = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)

    @Test func tenThousandParenthesesOnAnEightMegabyteStack() {
        let error = onThread(stackSize: 8 << 20) { runProgram("print(\(LimitTests.nested))").error }
        #expect(error?.contains("nesting too deep (at most 200 levels)") == true)
    }

    @Test func tenThousandParenthesesOnASmallStack() {
        let error = onThread(stackSize: 512 << 10) { runProgram("print(\(LimitTests.nested))").error }
        #expect(error?.contains("nesting too deep") == true)
    }

    /// A 512 KB thread (the default for secondary threads on macOS) still runs ordinary deep
    /// nesting, even in a debug build, whose frames are several times larger than a release
    /// build's (there a level costs about 6 KB of parser, compiler and runtime frames).
    /// Under AddressSanitizer or ThreadSanitizer (scripts/sanitize) every frame carries the
    /// sanitizer's own room, about three times as much: the thread is 2 MB there.
    @Test func deepButLegalNestingRunsOnASmallStack() {
        let program = "print(" + String(repeating: "-(", count: 40) + "1" + String(repeating: ")", count: 40) + ")"
        let sanitized = dlsym(nil, "__asan_init") != nil || dlsym(nil, "__tsan_init") != nil
        let result = onThread(stackSize: sanitized ? 2 << 20 : 512 << 10) { runProgram(program) }
        #expect(result.output == ["1"])  // 40 negations
        #expect(result.error == nil)
    }

    @Test func infiniteRecursionIsAnError() {
        let (_, error) = onThread(stackSize: 8 << 20) { runProgram("fn down(n) { return down(n + 1) }\ndown(0)") }
        let text = error ?? ""
        #expect(text.hasPrefix("test.dv:1:21: error: stack overflow (calls nested too deeply)"))
        #expect(text.contains("  in down (test.dv:1:21)"))
        #expect(text.contains("more calls)"))
        #expect(text.hasSuffix("  in top level (test.dv:2:1)"))
    }

    @Test func infiniteRecursionOnASmallStack() {
        let error = onThread(stackSize: 256 << 10) { runProgram("fn down(n) { return 1 + down(n + 1) }\ndown(0)").error }
        #expect(error?.contains("stack overflow") == true)
    }

    @Test func recursionThroughBuiltins() {
        let error = onThread(stackSize: 1 << 20) { runProgram("fn f(x) { return map([x], f) }\nf(1)").error }
        #expect(error?.contains("stack overflow") == true)
    }

    @Test func tenMegabyteStringLiteral() {
        let program = "let s = \"" + String(repeating: "x", count: 10_000_000) + "\"\nprint(len(s))"
        let (output, error) = runProgram(program)
        #expect(error == nil)
        #expect(output == ["10000000"])
    }

    @Test func appendingStaysLinear() {
        let program = """
        let xs = []
        let s = ""
        for i in range(300000) { append(xs, i); s = s + "x" }
        fn build() { let t = ""; for i in range(300000) { t = t + "ab" } return len(t) }
        print(len(xs), len(s), build())
        """
        let start = Date()
        let (output, error) = runProgram(program)
        #expect(error == nil)
        #expect(output == ["300000 300000 600000"])
        // Quadratic copying of 300,000 items would take minutes even in a release build.
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func tooManyGlobals() {
        var program = ""
        for index in 0...65_536 { program += "let g\(index) = 0\n" }
        let (_, error) = runProgram(program)
        #expect(error?.contains("too many global names (at most 65536)") == true)
    }

    @Test func interruptStopsAnEndlessLoop() {
        let flag = InterruptFlag()
        let result = onThread(stackSize: 8 << 20) { () -> String? in
            let interpreter = Interpreter(host: nil, lang: .en, output: { _ in }, interrupt: flag)
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { flag.set() }
            do {
                try interpreter.run(SourceText(name: "loop.dv", text: "let n = 0\nwhile true { n = n + 1 }"))
                return nil
            } catch let error as LangError {
                return error.diagnostics.first?.text(Lang.en)
            } catch {
                return nil
            }
        }
        #expect(result == "interrupted")
    }

    @Test func aStaleInterruptIsClearedWhenARunStarts() {
        // Ctrl-C pressed while nothing ran must not stop the next program.
        let flag = InterruptFlag()
        flag.set()
        var output: [String] = []
        let interpreter = Interpreter(host: nil, lang: .en, output: { output.append($0) }, interrupt: flag)
        do {
            try interpreter.run(SourceText(name: "sum.dv", text: "let n = 0\nfor i in range(1000) { n = n + i }\nprint(n)"))
        } catch {
            Issue.record("the run was stopped: \(interpreter.render(error))")
        }
        #expect(output == ["499500"])
        #expect(flag.isSet == false)
    }

    @Test func interruptStopsRecursionAndPipelines() {
        let flag = InterruptFlag()
        let result = onThread(stackSize: 8 << 20) { () -> [String] in
            let interpreter = Interpreter(host: TestHost(), lang: .vi, output: { _ in }, interrupt: flag)
            var messages: [String] = []
            for program in ["fn f(n) { if n == 0 { return 0 } return f(n - 1) + f(n - 1) }\nf(40)",
                            "for i in range(100000000) { }",
                            "let xs = range(1000000)\nwhile true { xs | where it > 5 | count }"] {
                DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { flag.set() }
                do { try interpreter.run(SourceText(name: "x.dv", text: program)) } catch let error as LangError {
                    messages.append(error.diagnostics.first?.text(Lang.vi) ?? "")
                } catch {}
            }
            return messages
        }
        #expect(result == ["đã dừng theo yêu cầu", "đã dừng theo yêu cầu", "đã dừng theo yêu cầu"])
    }
}

@Suite struct EmbeddingTests {
    @Test func replGlobalsPersist() throws {
        var output: [String] = []
        let interpreter = Interpreter(host: TestHost(), lang: .en, output: { output.append($0) })
        #expect(try interpreter.evaluate(SourceText(name: "<repl>", text: "let x = 20")) == nil)
        #expect(try interpreter.evaluate(SourceText(name: "<repl>", text: "fn add(a) { return a + x }")) == nil)
        #expect(try interpreter.evaluate(SourceText(name: "<repl>", text: "add(1) * 2")) == .int(42))
        #expect(interpreter.lastValue == .int(42))
        #expect(try interpreter.evaluate(SourceText(name: "<repl>", text: "let x = 1")) == nil)
        #expect(try interpreter.evaluate(SourceText(name: "<repl>", text: "add(1)")) == .int(2))
        _ = try interpreter.evaluate(SourceText(name: "<repl>", text: "print(x)"))
        #expect(output == ["1"])
        let names = interpreter.globalNames()
        #expect(names.contains("add") && names.contains("x") && names.contains("len") && names.contains("models"))
    }

    @Test func replErrorsQuoteTheirOwnEntry() {
        let interpreter = Interpreter(host: nil, lang: .en, output: { _ in })
        _ = try? interpreter.evaluate(SourceText(name: "<repl>", text: "let a = 1"))
        do {
            _ = try interpreter.evaluate(SourceText(name: "<repl>", text: "a +"))
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.kind == .unexpectedEnd)
            #expect(interpreter.render(error).contains("a +"))
        }
    }

    @Test func aScriptMayNotDeclareTwice() {
        let interpreter = Interpreter(host: nil, lang: .en, output: { _ in })
        #expect(throws: LangError.self) { try interpreter.run(SourceText(name: "s", text: "let a = 1\nlet a = 2")) }
    }

    @Test func runReturnsTheLastValue() throws {
        let interpreter = Interpreter(host: TestHost(), lang: .en, output: { _ in })
        let value = try interpreter.run(SourceText(name: "s", text: "models | where year == 2023 | select code, year"))
        let items = value.items ?? []
        #expect(items.count == 2)
        #expect(Value.columns(of: items) == ["code", "year"])
        #expect(items.first?.field("code") == .text("M3"))
    }

    @Test func valuesForTheHost() {
        #expect(Value.date(iso: "2024-10-15")?.description == "2024-10-15")
        #expect(Value.date(iso: "2024-02-30") == nil)
        #expect(Value.date(iso: "15/10/2024") == nil)
        #expect(Value.date(year: 2024, month: 2, day: 29) == Value.date(iso: "2024-02-29"))
        #expect(Value.date(year: 2023, month: 2, day: 29) == nil)
        #expect(Value.list([.text("a"), .int(1), .null, .double(2.5)]).description == "[\"a\", 1, null, 2.5]")
        #expect(Value.text("x").description == "x")
        #expect(Value.text("x").nestedDescription == "\"x\"")
        #expect(Value.double(0.1).description == "0.1")
        #expect(Value.columns(of: [.int(1)]) == nil)
        #expect(Value.columns(of: [.record(Record.make(fields: [("a", .int(1)), ("b", .null)])),
                                   .record(Record.make(fields: [("c", .int(1))]))]) == ["a", "b", "c"])
    }

    @Test func lexerServesHighlighting() {
        let tokens = Lexer.tokens(of: SourceText(name: "x", text: "let tên = \"a{1}\" # ghi chú\nmodels | where"))
        let kinds = tokens.map { token -> String in
            switch token.kind {
            case .keyword: return "keyword"
            case .name: return "name:\(token.text)"
            case .string: return "string"
            case .symbol(let symbol): return symbol.rawValue
            case .comment: return "comment"
            case .end: return "end"
            default: return "other"
            }
        }
        #expect(kinds == ["keyword", "name:tên", "=", "string", "comment", "name:models", "|", "name:where", "end"])
        #expect(tokens[5].newlineBefore)
        #expect(Token.stageWords.contains("where"))
        // Ranges are byte offsets into the UTF-8 text.
        #expect(tokens[1].range == SourceRange(start: 4, end: 8))
    }

    @Test func todayComesFromTheEmbedder() throws {
        let interpreter = Interpreter(host: nil, lang: .en, output: { _ in })
        interpreter.today = { CalendarDate(year: 2025, month: 7, day: 1)! }
        #expect(try interpreter.evaluate(SourceText(name: "x", text: "today() + 1")) == Value.date(iso: "2025-07-02"))
    }
}

@Suite struct RobustnessTests {
    @Test func deeplyNestedInterpolationIsAnError() {
        let program = "print(" + String(repeating: "\"{", count: 5_000) + "1" + String(repeating: "}\"", count: 5_000) + ")"
        let error = onThread(stackSize: 8 << 20) { runProgram(program).error }
        #expect(error?.contains("nesting too deep") == true)
        #expect(Parser.completeness(of: program) == .invalid)
    }

    @Test func nestedInterpolationWithinTheLimit() {
        let (output, error) = runProgram("print(\"a{\"b{\"c{1 + 1}\"}\"}\")")
        #expect(error == nil)
        #expect(output == ["abc2"])
    }

    @Test func listsThatContainThemselves() {
        let (output, error) = runProgram("""
        let xs = [1]
        append(xs, xs)
        print(len(sort([xs, xs])), xs == xs, len(text(xs)) > 0, [xs] | distinct | count)
        """)
        #expect(error == nil)
        #expect(output == ["2 true true 1"])
    }

    @Test func manyErrorsAtOnce() {
        var program = ""
        for line in 1...50 { program += "let x\(line) = )\n" }
        let (_, diagnostics) = Parser.parse(SourceText(name: "x", text: program))
        #expect(diagnostics.count == 50)
    }

    /// Arbitrary token soup never traps: the lexer, parser and compiler always answer, and an
    /// error names a place inside the text (seeded: a failure reproduces).
    @Test func garbageInput() {
        let pieces = ["(", ")", "{", "}", "[", "]", "\"", "{x}", "|", "where", "=>", "fn", "let", "=", "1", "a", ".", ",",
                      "Đ", "\\", "#", "\n", "select", "group", "by", "-", "not", ":", "~", "return", "if", "else", "for", "in"]
        var state: UInt64 = 2026  // Knuth's MMIX linear congruential generator, seeded
        func below(_ count: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(count))
        }
        var errors = 0
        for _ in 0..<300 {
            var text = ""
            for _ in 0...below(30) { text += pieces[below(pieces.count)] + " " }
            _ = Parser.completeness(of: text)
            guard let error = runProgram(text).error else { continue }
            errors += 1
            // "test.dv:LINE:COLUMN: error: …" with LINE and COLUMN inside the program.
            let head = error.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            let parts = head.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard parts.count == 5, parts[0] == "test.dv", let line = Int(parts[1]), let column = Int(parts[2]),
                  parts[3] == " error" else {
                Issue.record("not a positioned error for \(text.debugDescription): \(head)")
                continue
            }
            #expect((1...lines.count).contains(line), "line \(line) of \(lines.count): \(head)")
            if (1...lines.count).contains(line) {
                #expect(column >= 1 && column <= lines[line - 1].count + 1, "column \(column): \(head)")
            }
        }
        // Most soups are not programs; if none failed, the generator is broken.
        #expect(errors > 100)
    }
}
