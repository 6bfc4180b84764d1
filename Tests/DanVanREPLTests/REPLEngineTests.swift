// The REPL engine without a terminal: lines in, events out.
import Testing
@testable import DanVanREPL

@Suite struct REPLEngineTests {
    @Test func aCompleteLineIsEvaluatedAndRemembered() {
        let h = Harness()
        #expect(h.engine.prompt == "danvan> ")
        let events = h.type("1 + 1")
        #expect(events == [.history("1 + 1"), .output("=1 + 1\n")])
        #expect(h.evaluator.requests.first?.origin == .prompt(statement: 1))
    }

    @Test func unfinishedInputContinuesOnTheNextLine() {
        let h = Harness()
        #expect(h.type("f(1,").isEmpty)
        #expect(h.engine.prompt == "   ...> ")
        #expect(h.engine.isContinuing)
        let events = h.type("  2)")
        #expect(h.evaluator.evaluated == ["f(1,\n  2)"])
        #expect(events == [.history("f(1,\n  2)"), .output("=f(1,\n  2)\n")])
        #expect(h.engine.prompt == "danvan> ")
    }

    @Test func invalidInputIsEvaluatedToReportIt() {
        let h = Harness()
        h.type("f(!!")
        #expect(h.evaluator.evaluated == ["f(!!"])
    }

    @Test func anEmptyLineAbandonsTheStatement() {
        let h = Harness()
        h.type("f(", "")
        #expect(h.engine.prompt == "danvan> ")
        h.type("x")
        #expect(h.evaluator.evaluated == ["x"])
    }

    @Test func ctrlCAbandonsTheStatement() {
        let h = Harness()
        h.type("f(", "g(")
        #expect(h.send(.interrupted).isEmpty)
        #expect(h.engine.prompt == "danvan> ")
        h.type("y")
        #expect(h.evaluator.evaluated == ["y"])
    }

    @Test func aRecalledMultiLineEntryIsOneStatement() {
        let h = Harness()
        h.type("f(1,\n2)")
        #expect(h.evaluator.evaluated == ["f(1,\n2)"])
    }

    @Test func printedOutputAndErrors() {
        let h = Harness()
        #expect(h.type("say xin chào") == [.history("say xin chào"), .output("xin chào\n")])
        #expect(h.type("err") == [.history("err"), .error("1:1: error: boom\n")])
        #expect(h.type("spin") == [.history("spin"), .error("\nInterrupted (Ctrl-C).\n")])
        // Interactive sessions end with status 0 whatever failed.
        #expect(h.send(.endOfInput) == [.exit(0)])
        #expect(h.engine.isFinished)
        #expect(h.type("x").isEmpty)
    }

    @Test func batchModeKeepsBlankLinesAndNamesLines() {
        let h = Harness(interactive: false)
        #expect(h.engine.prompt == "")
        h.type("say a", "f(", "", "1)", "err")
        #expect(h.evaluator.evaluated == ["say a", "f(\n\n1)", "err"])
        #expect(h.evaluator.requests.map(\.origin) == [
            .script(name: "<stdin>", firstLine: 1),
            .script(name: "<stdin>", firstLine: 2),
            .script(name: "<stdin>", firstLine: 5),
        ])
        #expect(!h.events.contains { if case .history = $0 { return true } else { return false } })
        #expect(h.send(.endOfInput) == [.exit(1)])
    }

    @Test func batchModeReportsAStatementLeftOpenAtTheEnd() {
        let h = Harness(interactive: false)
        h.type("say ok", "f(")
        #expect(h.send(.endOfInput).last == .exit(0))
        #expect(h.evaluator.requests.last?.text == "f(")
        #expect(h.evaluator.requests.last?.origin == .script(name: "<stdin>", firstLine: 2))
    }

    @Test func batchModeCommandErrorsNameTheirLine() {
        let h = Harness(interactive: false)
        let events = h.type("say a", ":nope")
        #expect(Harness.errors(events) == "<stdin>:2: No command ':nope'. Type :help for the list.\n")
        #expect(h.send(.endOfInput) == [.exit(1)])
    }

    @Test func timer() {
        let h = Harness()
        #expect(h.type(":timer on") == [.history(":timer on"), .output("Timing is on\n")])
        #expect(Harness.output(h.type("x")) == "=x\nTime: 12.3 ms\n")
        h.type(":lang vi")
        #expect(Harness.output(h.type("x")) == "=x\nThời gian: 12,3 ms\n")
        h.clockStep = .milliseconds(1250)
        #expect(Harness.output(h.type("x")).hasSuffix("Thời gian: 1,25 s\n"))
        h.type(":timer off")
        #expect(Harness.output(h.type("x")) == "=x\n")
        #expect(Harness.errors(h.type(":timer maybe")) == "Cách dùng: :timer on|off\n")
    }

    @Test func langSwitchesMessagesAndReachesTheEvaluator() {
        let h = Harness()
        #expect(Harness.output(h.type(":lang vi")) == "Ngôn ngữ: tiếng Việt\n")
        h.type("x")
        #expect(h.evaluator.requests.last?.lang == .vi)
        #expect(Harness.output(h.type(":lang en")) == "Language: English\n")
        #expect(Harness.errors(h.type(":lang fr")) == "Usage: :lang vi|en\n")
    }

    @Test func modeSwitchesHowTablesAreShown() {
        let h = Harness()
        #expect(Harness.output(h.type("rows 2")) == """
            ┌───┐
            │ n │
            ├───┤
            │ 1 │
            │ 2 │
            └───┘

            """)
        h.type(":mode csv")
        #expect(Harness.output(h.type("rows 2")) == "n\r\n1\r\n2\r\n")
        h.type(":mode json")
        #expect(Harness.output(h.type("rows 1")) == "[\n  {\"n\": 1}\n]\n")
        #expect(Harness.output(h.type(":mode")) == "Output mode: json\n")
        #expect(Harness.errors(h.type(":mode xml")) == "Usage: :mode table|csv|json|markdown|line\n")
        // Text values are not tables: they print as they are in every mode.
        #expect(Harness.output(h.type("x")) == "=x\n")
    }

    @Test func moreShowsTheNextScreenful() {
        let h = Harness()
        h.size = (rows: 10, columns: 80)   // 10 - 7 = 3 rows, raised to the minimum of 5
        let first = Harness.output(h.type("rows 12"))
        #expect(first.contains("│ 5 │"))
        #expect(!first.contains("│ 6 │"))
        #expect(first.hasSuffix("… 7 more rows (:more, :mode csv, or | take N)\n"))
        let second = Harness.output(h.type(":more"))
        #expect(second.contains("│  6 │") && second.contains("│ 10 │"))
        #expect(second.hasSuffix("… 2 more rows (:more, :mode csv, or | take N)\n"))
        let third = Harness.output(h.type(":more"))
        #expect(third.contains("│ 12 │"))
        #expect(!third.contains("more"))
        #expect(Harness.output(h.type(":more")) == "There are no more rows to show.\n")
    }

    @Test func batchTablesAreNeverCut() {
        let h = Harness(interactive: false)
        h.size = (rows: 10, columns: 80)
        let text = Harness.output(h.type("rows 30"))
        #expect(text.contains("│ 30 │"))
        #expect(!text.contains("more"))
    }

    @Test func outputRedirectsResultsToAFile() throws {
        let h = Harness()
        #expect(Harness.output(h.type(":output ~/out.csv"))
                == "Results now go to ~/out.csv (type :output to return to the screen).\n")
        let sink = try #require(h.files.opened["/home/staff/out.csv"])
        h.type(":mode csv")
        #expect(Harness.output(h.type("rows 2", "say hi")).isEmpty)
        #expect(Harness.errors(h.type("err")) == "1:1: error: boom\n")
        // A CSV file's first result starts with the byte-order mark (Excel reads UTF-8 then).
        #expect(sink.text == "\u{FEFF}n\r\n1\r\n2\r\nhi\n")
        #expect(Harness.output(h.type(":output")) == "Results are shown on the screen again.\n")
        #expect(sink.closed)
        #expect(Harness.output(h.type("say back")) == "back\n")
    }

    @Test func outputToAFileIsNotCutToAScreen() throws {
        let h = Harness(color: true)
        h.size = (rows: 10, columns: 20)
        #expect(Harness.output(h.type("rows 1")).contains("\u{1B}[2m"))   // colour on screen
        h.type(":output all.txt")
        h.type("rows 40")
        let sink = try #require(h.files.opened["all.txt"])
        #expect(sink.text.contains("│ 40 │"))
        #expect(!sink.text.contains("\u{1B}"))
    }

    @Test func outputToAnUnwritablePathFails() {
        let h = Harness()
        #expect(Harness.errors(h.type(":output /forbidden/x.csv"))
                == "Cannot write to /forbidden/x.csv: Permission denied\n")
        #expect(Harness.output(h.type("say still here")) == "still here\n")
    }

    @Test func loadRunsAFileAsAScript() {
        let h = Harness()
        h.files.files["lib.dv"] = "x"
        #expect(Harness.output(h.type(":load lib.dv")).isEmpty)   // a file's last value is not shown
        #expect(h.evaluator.requests.last?.origin == .script(name: "lib.dv", firstLine: 1))
        #expect(h.evaluator.requests.last?.text == "x")
        #expect(Harness.errors(h.type(":load nope.dv")) == "Cannot read nope.dv: No such file or directory\n")
        #expect(Harness.errors(h.type(":load")) == "Usage: :load FILE\n")
        h.files.files["other.dv"] = "say from file"
        #expect(Harness.output(h.type(":run other.dv")) == "from file\n")
    }

    @Test func historyListsEntriesWithMultiLineOnesIndented() {
        let h = Harness()
        #expect(Harness.output(h.type(":history")) == "The history is empty.\n")
        h.history = ["models", "fn f() {\n  1\n}"]
        #expect(Harness.output(h.type(":history")) == "1  models\n2  fn f() {\n     1\n   }\n")
    }

    @Test func clearQuitAndUnknownCommands() {
        let h = Harness()
        #expect(h.type(":clear") == [.history(":clear"), .clearScreen])
        #expect(Harness.errors(h.type(":sche")) ==
                "No command ':sche'. Type :help for the list. Did you mean :schema?\n")
        // A misspelling, not a prefix: the nearest command by edit distance.
        #expect(Harness.errors(h.type(":shcema")) ==
                "No command ':shcema'. Type :help for the list. Did you mean :schema?\n")
        #expect(Harness.errors(h.type(":zzzzzz")) == "No command ':zzzzzz'. Type :help for the list.\n")
        #expect(h.type(":q") == [.history(":q"), .exit(0)])
        #expect(h.engine.isFinished)
    }

    @Test func metaCommandsAreOnlyRecognisedAtTheStartOfAStatement() {
        let h = Harness()
        h.type("f(", ":quit", ")")
        #expect(h.evaluator.evaluated == ["f(\n:quit\n)"])
        #expect(!h.engine.isFinished)
    }
}
