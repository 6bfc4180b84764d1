// The display defects issue 9 lists, each pinned: references read as the names of their rows,
// codes as their labels in the session's language (while CSV and JSON keep the id and the
// code), headings are unique, an empty result says so, and a pasted pipeline whose next line
// starts with `|` is one statement.
@testable import DanVanDomain
import DanVanLang
import DanVanOutput
import DanVanREPL
import Testing
import VietText

@Suite struct DisplayDefectTests {
    @Test func referencesShowTheirRowsNameAndCodesTheirLabel() throws {
        let f = try LanguageFixture()
        guard case .value(.record(let ward)) = f.run("units | where code == \"P-TH\" | first", lang: .vi).result else {
            Issue.record("not a record"); return
        }
        let byName = Dictionary(uniqueKeysWithValues: ward.columns.indices.map { (ward.columns[$0].name, ward.rows[0][$0]) })
        // `parent` is unit 1, shown by its name; `kind` is the code "ward", shown by its label.
        #expect(byName["parent"] == .named(raw: .integer(1), text: "Quận Đông Sơn"))
        guard case .named(.text("ward"), let kindLabel)? = byName["kind"] else {
            Issue.record("kind is \(String(describing: byName["kind"]))"); return
        }
        #expect(kindLabel == "Phường")
        // The id is still there to ask for, and machine formats write the id and the code.
        #expect(f.run("(units | where code == \"P-TH\" | first).parent.id").result == .value(.text("1")))
        let csv = CSVFormat.render(ward)
        #expect(csv.contains(",1,") && csv.contains(",ward,"), "\(csv)")
        let table = MarkdownFormat.render(ward, lang: .vi)
        #expect(table.contains("Quận Đông Sơn") && table.contains("Phường") && !table.contains(" ward "), "\(table)")
    }

    @Test func aReferenceToAMissingRowShowsItsId() throws {
        let f = try LanguageFixture()
        let model = try #require(f.table("[{unit: 2}, {unit: 99}]"))
        // Not from a table: nothing says these are unit ids, so they stay numbers.
        #expect(model.rows == [[.integer(2)], [.integer(99)]])
    }

    @Test func headingsAreUniqueAndSayWhatTheyAre() throws {
        let f = try LanguageFixture()
        let model = try #require(f.table("units | select name, parent.name | take 2", lang: .vi))
        #expect(model.columns.map(\.label) == ["Tên đơn vị", "Đơn vị cha"])
        let code = try #require(f.table("units | select code, parent.code | take 1", lang: .vi))
        #expect(code.columns.map(\.label) == ["Mã đơn vị", "Đơn vị cha · Mã đơn vị"])
        // The same column twice still gets two headings.
        let twice = try #require(f.table("units | select name, n: name | select name, n | take 1", lang: .vi))
        #expect(Set(twice.columns.map(\.label)).count == twice.columns.count)
        #expect(ValueDisplay.unique(["Tên", "Tên", "Mã", "Tên"]) == ["Tên", "Tên (2)", "Mã", "Tên (3)"])
    }

    @Test func aSelectHeadingMayBeAnyText() throws {
        let f = try LanguageFixture()
        let sql = try #require(f.table("models | group by field.name | select \"Lĩnh vực\": key, \"Số mô hình\": count()", lang: .vi))
        #expect(sql.columns.map(\.label) == ["Lĩnh vực", "Số mô hình"])
        #expect(sql.rows.map { $0[1] } == [.integer(1), .integer(2)])
        guard case .error(let message) = f.run("models | select \"n{1}\": 1", lang: .en).result else {
            Issue.record("an interpolated heading was accepted"); return
        }
        #expect(message.contains("a column heading must be non-empty text without {…}"), "\(message)")
    }

    /// `group by year` then `select y: key`: the column is still a year, whatever its name, so it
    /// is headed as the year and never written "2.024".
    @Test func aGroupedYearIsAYearWhateverItsName() throws {
        let f = try LanguageFixture()
        for pipeline in ["models | group by year | select y: key, n: count()",
                         "models | group by y: year, f: field.code | select y: key.y, n: count()"] {
            let model = try #require(f.table(pipeline, lang: .vi))
            #expect(model.columns[0].label == "Năm đăng ký", "\(pipeline)")
            #expect(model.columns[0].groupsDigits == false, "\(pipeline)")
            let text = TableRenderer(lang: .vi).render(model).text
            #expect(text.contains("2024") && !text.contains("2.024"), "\(text)")
        }
        // A count is a quantity: grouped.
        let counts = try #require(f.table("models | select n: year * 1000", lang: .vi))
        #expect(counts.columns[0].groupsDigits)
    }

    @Test func anEmptyResultSaysZeroRowsInBothLanguages() throws {
        let f = try LanguageFixture()
        #expect(f.run("units | where code == \"none\"", lang: .vi).result == .value(.text("(0 dòng)")))
        #expect(f.run("units | where code == \"none\"", lang: .en).result == .value(.text("(0 rows)")))
    }

    @Test func aPastedPipelineContinuesOnALineStartingWithAPipe() throws {
        let f = try LanguageFixture()
        var events: [REPLEvent] = []
        var pending = false
        let environment = REPLEnvironment(files: MemoryFiles(), inputPending: { pending })
        let engine = REPLEngine(evaluator: f.evaluator, environment: environment,
                                settings: REPLEngine.Settings(lang: .en, interactive: true))
        engine.onEvent = { events.append($0) }
        // Pasted: more input is waiting after each of the first two lines.
        pending = true
        engine.handle(.line("models"))
        #expect(events.isEmpty, "a complete line with more pasted behind it waits: \(events)")
        #expect(engine.isContinuing)
        engine.handle(.line("  | where year == 2024"))
        pending = false
        engine.handle(.line("  | count"))
        #expect(events.contains(.output("2\n")), "\(events)")
        #expect(events.contains(.history("models\n  | where year == 2024\n  | count")), "\(events)")

        // A pasted line that does not start with `|` is a statement of its own.
        events = []
        pending = true
        engine.handle(.line("1 + 1"))
        pending = false
        engine.handle(.line("2 + 2"))
        #expect(events.filter { if case .output = $0 { return true } else { return false } } == [.output("2\n"), .output("4\n")])

        // Typed by hand (nothing waiting), a complete line runs at once.
        events = []
        engine.handle(.line("models | count"))
        #expect(events.contains(.output("3\n")), "\(events)")
    }
}

@Suite struct OutputFileTests {
    @Test func outputNeverReplacesAFileUnlessTold() throws {
        let h = Harness()
        h.files.files["/home/staff/kept.csv"] = "precious\n"
        let refused = Harness.errors(h.type(":output ~/kept.csv"))
        #expect(refused.contains("~/kept.csv already exists, so it was not overwritten"), "\(refused)")
        #expect(refused.contains(":output! ~/kept.csv") && refused.contains(":output ~/kept.csv --append"))
        #expect(h.files.opened["/home/staff/kept.csv"] == nil)
        // Results still go to the screen.
        #expect(Harness.output(h.type("say hi")) == "hi\n")

        #expect(Harness.output(h.type(":output! ~/kept.csv")).hasPrefix("Results now go to ~/kept.csv"))
        h.type("say replaced")
        let sink = try #require(h.files.opened["/home/staff/kept.csv"])
        #expect(sink.text == "replaced\n")

        h.type(":output")
        #expect(Harness.output(h.type(":output ~/kept.csv --append")).hasPrefix("Results now go to ~/kept.csv"))
        h.type("say more")
        #expect(sink.text == "replaced\nmore\n")
    }

    @Test func appendWithoutAFileIsAUsageError() {
        let h = Harness()
        let errors = Harness.errors(h.type(":output --append"))
        #expect(errors.contains(":output [FILE [--append]]"), "\(errors)")
        #expect(h.files.opened.isEmpty)
    }

    @Test func theRefusalReadsInVietnamese() {
        let h = Harness(lang: .vi)
        h.files.files["/home/staff/a.csv"] = ""
        #expect(Harness.errors(h.type(":output ~/a.csv")).contains("Tệp ~/a.csv đã có, nên không ghi đè"))
    }
}

/// What newcomers type at the prompt by habit from psql, the sqlite3 shell and Python.
@Suite struct PromptHabitTests {
    @Test(arguments: [
        ("help", "Commands start with a colon: type :help for help."),
        ("exit", "Type :quit (or Ctrl-D) to leave."),
        ("quit()", "Type :quit (or Ctrl-D) to leave."),
        ("\\q", "Type :quit (or Ctrl-D) to leave."),
        (".tables", "In DanVan this command is :tables"),
        ("\\dt", "In DanVan this command is :tables"),
        ("\\d", "In DanVan this command is :tables"),
        ("\\d models", "In DanVan this command is :schema models"),
        (".schema units", "In DanVan this command is :schema units"),
    ])
    func aHabitGetsTheDanVanWay(_ typed: String, _ hint: String) {
        let h = Harness()
        #expect(Harness.errors(h.type(typed)) == hint + "\n", "\(typed)")
        #expect(h.evaluator.requests.isEmpty, "\(typed) was evaluated")
    }

    @Test func theHintsReadInVietnamese() {
        let h = Harness(lang: .vi)
        #expect(Harness.errors(h.type("exit")) == "Gõ :quit (hoặc Ctrl-D) để thoát.\n")
        #expect(Harness.errors(h.type("\\d models")) == "Trong DanVan lệnh này là :schema models\n")
    }
}
