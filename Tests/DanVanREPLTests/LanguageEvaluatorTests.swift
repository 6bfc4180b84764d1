// The adapter over the real interpreter and domain host, without a terminal: completeness
// from the parser, values shown as tables with catalog labels, `_`, errors named after their entry (`<repl 3>`),
// Ctrl-C through the interrupt flag, help on built-ins, and the welcome line.
import DanVanLang
import Foundation
import Testing
import VietText
@testable import DanVanREPL

@Suite struct LanguageEvaluatorTests {
    @Test func theParserDecidesCompleteness() throws {
        let f = try LanguageFixture()
        #expect(f.evaluator.completeness(of: "1 + 2") == .complete)
        #expect(f.evaluator.completeness(of: "fn f(x) {") == .incomplete)
        #expect(f.evaluator.completeness(of: "fn f(x) {\n  return x * 2") == .incomplete)
        #expect(f.evaluator.completeness(of: "models |") == .incomplete)
        #expect(f.evaluator.completeness(of: "print(\"Hà Nội") == .incomplete)
        #expect(f.evaluator.completeness(of: "print(1 +* 2)") == .invalid)
    }

    @Test func scalarsShowInTheLanguagesFormAndNullShowsNothing() throws {
        let f = try LanguageFixture()
        #expect(f.run("1 + 2").result == .value(.text("3")))
        #expect(f.run("[1, \"a\"]").result == .value(.text("[1, \"a\"]")))
        #expect(f.run("null").result == .nothing)
        #expect(f.run("let x = 5").result == .nothing)
        let printed = f.run("print(\"Nguyễn Thị Hồng\", x)")
        #expect(printed.result == .nothing)
        #expect(printed.printed == "Nguyễn Thị Hồng 5\n")
    }

    @Test func underscoreHoldsTheLastValueShown() throws {
        let f = try LanguageFixture()
        f.run("20 + 1")
        #expect(f.run("_ * 2").result == .value(.text("42")))
        #expect(f.run("_").result == .value(.text("42")))
        // print's null is not a value: `_` keeps 42. Nor is a loaded file's last value.
        f.run("print(0)")
        f.run("7", origin: .script(name: "x.dv", firstLine: 1))
        #expect(f.run("_ + 0").result == .value(.text("42")))
        #expect(f.run("models | count").result == .value(.text("3")))
        #expect(f.run("_").result == .value(.text("3")))
    }

    @Test func errorsNameTheEntryAndFollowTheLanguage() throws {
        let f = try LanguageFixture()
        f.run("let year = 2024")
        guard case .error(let english) = f.run("print(yaer)", origin: .prompt(statement: 2)).result else {
            Issue.record("no error"); return
        }
        #expect(english.hasPrefix("<repl 2>:1:7: error: unknown name 'yaer' (did you mean 'year'?)\nprint(yaer)\n      ^"))
        guard case .error(let vietnamese) = f.run("print(1 +* 2)", lang: .vi, origin: .prompt(statement: 3)).result else {
            Issue.record("no error"); return
        }
        #expect(vietnamese.hasPrefix("<repl 3>:1:10: lỗi: "))
        // A function from an earlier entry that fails quotes its own entry's line.
        f.run("fn half(x) {\n  return x / 0\n}", origin: .prompt(statement: 4))
        guard case .error(let inFunction) = f.run("half(1)", origin: .prompt(statement: 5)).result else {
            Issue.record("no error"); return
        }
        #expect(inFunction.hasPrefix("<repl 4>:2:10: error: division by zero\n  return x / 0\n         ^\n"))
        #expect(inFunction.contains("(<repl 5>:1:1)"))
        // A loaded file's errors name the file and its line.
        let loaded = f.run("let a = 1\nprint(b)", origin: .script(name: "report.dv", firstLine: 1)).result
        guard case .error(let fromFile) = loaded else { Issue.record("no error"); return }
        #expect(fromFile.hasPrefix("report.dv:2:7: error: unknown name 'b'"))
        // A piece of a script starting at line 4 reports its own line numbers.
        guard case .error(let later) = f.run("print(c)", origin: .script(name: "<stdin>", firstLine: 4)).result else {
            Issue.record("no error"); return
        }
        #expect(later.hasPrefix("<stdin>:4:7: error: unknown name 'c'"))
        // Globals set before a runtime error stay.
        guard case .error = f.run("let a = 1\nprint(a / 0)").result else { Issue.record("no error"); return }
        #expect(f.run("a").result == .value(.text("1")))
    }

    @Test func ctrlCStopsALoopAndTheSessionGoesOn() throws {
        let f = try LanguageFixture()
        let done = Atomic(false)
        let interrupt = f.interrupt
        // Raise the flag until the evaluation returns: a flag raised before the loop starts
        // is cleared by the interpreter, so one raise could be lost on a slow machine.
        Thread.detachNewThread {
            while !done.value {
                usleep(50_000)
                interrupt.set()
            }
        }
        let started = Date()
        let result = f.run("while true {}").result
        done.value = true
        #expect(result == .interrupted)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(f.run("1 + 1").result == .value(.text("2")))
    }

    @Test func rowsBecomeATableWithCatalogLabels() throws {
        let f = try LanguageFixture()
        let vi = try #require(f.table("units | where kind == \"ward\" | take 2", lang: .vi))
        #expect(vi.columns.prefix(3).map(\.label) == ["Mã số", "Mã đơn vị", "Tên đơn vị"])
        #expect(vi.columns.prefix(3).map(\.name) == ["id", "code", "name"])
        #expect(vi.rows.map { $0[2] } == [.text("Phường Tân Hòa"), .text("Phường Tân Định")])
        let en = try #require(f.table("units | take 1", lang: .en))
        #expect(en.columns[2].label == "Name")
        #expect(en.columns.last?.name == "cluster")
        #expect(en.columns.last?.label == "Cluster")
        // Ids, references and years are not digit-grouped; a count would be.
        let models = try #require(f.table("models"))
        #expect(models.rows.count == 3)
        let grouping = Dictionary(uniqueKeysWithValues: models.columns.map { ($0.name, $0.groupsDigits) })
        #expect(grouping["id"] == false && grouping["unit"] == false && grouping["year"] == false)
        #expect(models.rows[0][models.columns.firstIndex { $0.name == "hotspot" } ?? 0] == .bool(true))
    }

    @Test func selectedPathsTakeTheirColumnsLabelsAndChosenNamesStayAsWritten() throws {
        let f = try LanguageFixture()
        let model = try #require(f.table("models | select code, unit.name, n: year + 1"))
        #expect(model.columns.map(\.name) == ["code", "unit.name", "n"])
        #expect(model.columns.map(\.label) == ["Code", "Unit", "n"])
        // A path is labelled along its references, so no two headings are the same.
        let vi = try #require(f.table("mo_hinh | select code, unit.name, field.code, unit.parent.name, x: 1", lang: .vi))
        #expect(vi.columns.map(\.label)
                == ["Mã mô hình", "Đơn vị chủ trì", "Lĩnh vực · Mã", "Đơn vị chủ trì · Đơn vị cha", "x"])
        // Not a pipeline over a table: names stay as written.
        let plain = try #require(f.table("[{code: 1}]", lang: .vi))
        #expect(plain.columns.map(\.label) == ["code"])
        #expect(model.rows[0] == [.text("M1"), .text("Phường Tân Hòa"), .integer(2025)])
        // A row inside a cell shows its name (CSV and JSON get its id); a date its ISO form.
        let nested = try #require(f.table("models | select code, u: unit, d: date(\"2024-10-15\") | take 1"))
        #expect(nested.rows[0] == [.text("M1"), .named(raw: .integer(2), text: "Phường Tân Hòa"), .text("2024-10-15")])
        let grouped = try #require(f.table("models | group by year | select year: key, n: count()"))
        #expect(grouped.rows == [[.integer(2024), .integer(2)], [.integer(2023), .integer(1)]])
    }

    @Test func aSingleRowIsARecordAndAnEmptyResultIsAList() throws {
        let f = try LanguageFixture()
        guard case .value(.record(let row)) = f.run("models | first", lang: .vi).result else {
            Issue.record("not a record"); return
        }
        #expect(row.rows.count == 1)
        #expect(row.columns[2].label == "Tên mô hình")
        guard case .value(.record(let record)) = f.run("{a: 1, b: \"x\"}").result else { Issue.record("not a record"); return }
        #expect(record.rows == [[.integer(1), .text("x")]])
        #expect(f.run("models | where year == 1900").result == .value(.text("(0 rows)")))
        #expect(f.run("models | where year == 1900", lang: .vi).result == .value(.text("(0 dòng)")))
        // A list that is not all rows and records prints as a value.
        #expect(f.run("[models | first, 1]").result == .value(.text("[\"Chủ nhật xanh\", 1]")))
    }

    @Test func everyBuiltinHasHelpInBothLanguages() throws {
        let f = try LanguageFixture()
        #expect(Set(BuiltinHelp.entries.map(\.name)) == f.evaluator.builtinNames)
        #expect(BuiltinHelp.entries.count == Set(BuiltinHelp.entries.map(\.name)).count)
        let english = try #require(f.evaluator.help(topic: "round", lang: .en))
        #expect(english.hasPrefix("round(x), round(x, digits)    (Built-in function)\n"))
        #expect(f.evaluator.help(topic: "round", lang: .vi)?.contains("Làm tròn") == true)
        #expect(f.evaluator.help(topic: "models", lang: .en) == nil)
    }

    @Test func theWelcomeLineSaysWhatTheDatabaseHolds() {
        #expect(Welcome.line(version: "0.1.0", database: "d.db", units: 1808, models: 3000, lang: .en)
                == "DanVan 0.1.0 · d.db: 1,808 units, 3,000 models · Type :help for help, :learn for lessons, Ctrl-D to leave.")
        #expect(Welcome.line(version: "0.1.0", database: "d.db", units: 1808, models: nil, lang: .vi)
                == "DanVan 0.1.0 · d.db: 1.808 đơn vị, ? mô hình · Gõ :help để xem trợ giúp, :learn để học, Ctrl-D để thoát.")
    }
}

/// A Bool two threads share.
final class Atomic<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

@Suite struct ExplainCommandTests {
    @Test func explainPrintsThePlanInTheSessionsLanguage() throws {
        let f = try LanguageFixture()
        var events: [REPLEvent] = []
        let engine = REPLEngine(evaluator: f.evaluator, environment: REPLEnvironment(files: MemoryFiles()),
                                settings: REPLEngine.Settings(lang: .en, interactive: true))
        engine.onEvent = { events.append($0) }
        engine.handle(.line(#":explain models | where field.code == "KT" | count"#))
        let text = events.compactMap { event -> String? in if case .output(let t) = event { return t } else { return nil } }.joined()
        #expect(text.contains("SQL (answers 2 of 2 stages):"), "\(events)")
        #expect(text.contains("IN (SELECT s1.id FROM \"fields\" AS s1"))
        #expect(text.contains("Bound values: \"KT\""))

        events = []
        engine.handle(.line(":explain [3, 1] | sort"))
        #expect(events.contains(.output("No pipeline here starts from a table: everything runs in memory.\n")), "\(events)")

        events = []
        engine.handle(.line(":explain"))
        #expect(events.contains { if case .error(let m) = $0 { return m.contains(":explain CODE") } else { return false } }, "\(events)")

        events = []
        engine.handle(.line(":explain models | where yaer == 1"))
        #expect(events.contains { if case .error(let m) = $0 { return m.contains("did you mean 'year'?") } else { return false } }, "\(events)")
    }
}
