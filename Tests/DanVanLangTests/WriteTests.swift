// Tests of changing data: `insert`, `| update`, `| delete`, `| expect`, `transaction`, and
// what the host is told (which writer method, plan steps, ids, values, sites, willRun). The
// compile errors are golden files (Golden/writes/); these tests look at the host's side.
import DanVanLang
import Testing
import VietText

/// Runs `program` as a script on `host`: its printed lines and its error, rendered.
func runOn(_ host: TestHost, _ program: String, lang: Lang = .en, name: String = "w.dv") -> (output: [String], error: String?) {
    var output: [String] = []
    let interpreter = Interpreter(host: host, lang: lang, output: { output.append($0) })
    do {
        try interpreter.run(SourceText(name: name, text: program))
        return (output, nil)
    } catch {
        return (output, interpreter.render(error))
    }
}

extension TestHost {
    /// A table's rows as text, to compare two hosts' data.
    func dump(_ table: String) -> [String] {
        (tables[table]?.storedRows ?? []).map { $0.values.map(\.nestedDescription).joined(separator: ", ") }
    }

    var summaries: [String] { writes.map(\.summary) }
}

@Suite struct InsertTests {
    @Test func oneRecordGivesTheNewRow() {
        let host = TestHost()
        let (output, error) = runOn(host, """
        let f = insert fields {code: "MT", ten: "Môi trường"}
        print(f.id, f.name, len(fields))
        """)
        #expect(error == nil)
        #expect(output == ["5 Môi trường 5"])
        #expect(host.summaries == [#"insert fields code="MT" name="Môi trường""#])
        let site = host.writes.first?.site
        #expect(site?.source == "w.dv")
        #expect(site?.line == 1)
        #expect(site?.text == #"let f = insert fields {code: "MT", ten: "Môi trường"}"#)
    }

    @Test func aListGivesTheNewRowsInOneCall() {
        let host = TestHost()
        let (output, error) = runOn(host, """
        let made = insert linh_vuc [{code: "A", name: "Một"}, {code: "B", name: "Hai"}]
        print(made | map(f => f.id), type(made[0]))
        print(insert fields [])
        """)
        #expect(error == nil)
        #expect(output == ["[5, 6] row", "[]"])
        #expect(host.summaries == [#"insert fields code="A" name="Một" | code="B" name="Hai""#])
    }

    @Test func labelsBecomeCodesAndRowsBecomeIDs() {
        let host = TestHost()
        let (_, error) = runOn(host, """
        let bv = units | where code == "BV" | first
        insert mo_hinh {code: "M7", ten: "Mới", unit: bv, nam: 2025, status: "Đã công nhận", hotspot: false}
        """)
        #expect(error == nil)
        #expect(host.summaries == [#"insert models code="M7" title="Mới" unit=4 year=2025 status="recognised" hotspot=false"#])
        #expect(host.dump("models").last == #"7, "M7", "Mới", null, 4, 2025, null, "recognised", false"#)
    }

    @Test func aRecordKnownOnlyWhenRunIsCheckedThen() {
        let host = TestHost()
        var (_, error) = runOn(host, "let r = {code: \"X\", nmae: \"Y\"}\ninsert fields r")
        #expect(error?.contains("2:15: error: table fields has no column 'nmae' (did you mean 'name'?)") == true)
        (_, error) = runOn(host, "let r = {id: 9, code: \"X\", name: \"Y\"}\ninsert fields r")
        #expect(error?.contains("the column 'id' is numbered by the data and cannot be set") == true)
        (_, error) = runOn(host, "let r = {code: \"X\", name: \"Y\", ten: \"Z\"}\ninsert fields r")
        #expect(error?.contains("the column 'name' is set twice") == true)
        (_, error) = runOn(host, "let year = \"2025\"\ninsert models [{code: \"M9\", title: \"T\", unit: 2, year: year, status: \"active\", hotspot: true}]")
        #expect(error?.contains("the column 'year' holds whole numbers and cannot take \"2025\"") == true)
        (_, error) = runOn(host, "insert fields 5")
        #expect(error?.contains("insert needs a record or a list of records, got integer") == true)
        (_, error) = runOn(host, "insert models {code: \"M9\", title: \"T\", unit: fields | first, year: 2025, status: \"active\", hotspot: true}")
        #expect(error?.contains("the column 'unit' points at a row of units: give that row or its id, not fields") == true)
        #expect(host.writes.isEmpty)
        #expect(host.dump("fields").count == 4)
    }

    @Test func theHostsRefusalKeepsItsText() {
        let host = TestHost()
        let (_, error) = runOn(host, "insert fields {code: \"X\"}")
        #expect(error?.hasPrefix("w.dv:1:1: error: the data could not be changed: fields.name is required") == true)
        #expect(host.dump("fields").count == 4)
    }

    @Test func insertIsANameWhereNoTableFollows() {
        let (output, error) = runOn(TestHost(), """
        let insert = 5
        print(insert + 1)
        fn add(insert) { return insert }
        print(add(2))
        let transaction = [1]
        print(transaction, insert)
        """)
        #expect(error == nil)
        #expect(output == ["6", "2", "[1] 5"])
    }
}

@Suite struct UpdateTests {
    static let programs = [
        "print(models | where year == 2023 | update year = year + 1)",
        "print(models | where code == \"M1\" | update title = title + \" (mới)\", hotspot = true)",
        "print(models | where code == \"M2\" | update status = \"Đã công nhận\")",
        "let s = \"Đã công nhận\"\nprint(models | where status == \"active\" | update status = s)",
        "let u = units | where code == \"CN\" | first\nprint(models | where unit.code == \"BV\" | sort id desc | take 1 | update unit = u)",
        "print(models | sort year desc, id | skip 4 | update nam = 2000)",
        "let n = 2\nprint(models | where year == 2024 | sort id | take n | update year = year * n - 1)",
        "print(models | where not hotspot and score != null | update title = it.title + \"!\", hotspot = true)",
    ]

    /// The host doing the write whole, and the language doing it row by row, change the same
    /// rows the same way.
    @Test(arguments: programs)
    func plannedAndInMemoryAgree(_ program: String) {
        let planned = TestHost(), inMemory = TestHost()
        inMemory.declineSelections = true
        let a = runOn(planned, program), b = runOn(inMemory, program)
        #expect(a.error == nil && b.error == nil)
        #expect(a.output == b.output)
        #expect(planned.dump("models") == inMemory.dump("models"))
        #expect(planned.dump("models") != TestHost().dump("models"))
        #expect(planned.summaries.count == 1 && planned.summaries[0].hasPrefix("update plan models"))
        #expect(inMemory.summaries.count == 1 && inMemory.summaries[0].hasPrefix("update rows models"))
    }

    @Test func whatTheHostIsAsked() {
        let host = TestHost()
        let (output, error) = runOn(host, """
        let n = 1
        print(models | where year == 2023 | sort id | take 2 | update year = year + n, status = "Đang hoạt động")
        """)
        #expect(error == nil)
        #expect(output == ["2"])
        #expect(host.summaries == ["update plan models filter,sort,take set year,status"])
        guard case .updateSelection(let selection, let assignments, let site)? = host.writes.first else {
            Issue.record("expected a planned update")
            return
        }
        #expect(selection.parameters == [.int(1)])
        #expect(site.line == 2)
        guard case .arithmetic(.add, .column(let column), .parameter(0)) = assignments[0].value,
              case .literal(.text("active")) = assignments[1].value else {
            Issue.record("unexpected assignment values")
            return
        }
        #expect(column.column == "year" && column.hops.isEmpty)
        #expect(host.dump("models").filter { $0.contains("2024") }.count == 6)
    }

    @Test func whatIsNotPlannedRunsInMemory() {
        // A nullable column in arithmetic, a reference followed, a function call, a stage
        // that stays in memory: the rows and values are the language's, in one call.
        for program in [
            "models | where code == \"M1\" | update score = score + 0.5",
            "models | where code == \"M1\" | update title = unit.name",
            "models | where code == \"M1\" | update title = upper(title)",
            "models | sort len(title) | take 1 | update year = 2025",
            "models | where title ~ \"van dong\" | update year = 2025", // a plan this host declines
        ] {
            let host = TestHost()
            let (_, error) = runOn(host, program)
            #expect(error == nil, "\(program)")
            #expect(host.summaries.count == 1 && host.summaries[0].hasPrefix("update rows models"), "\(program)")
        }
        let host = TestHost()
        _ = runOn(host, "models | where code == \"M1\" | update score = score + 0.5, title = upper(title)")
        #expect(host.summaries == [#"update rows models [1] score,title = 10.0,"DÂN VẬN KHÉO TRONG CẢI CÁCH HÀNH CHÍNH""#])
    }

    @Test func aVariableOfTheWrongKindIsTheLanguagesError() {
        // Planned, the variable's value fails its check, so the language does the write and
        // reports the error as it would without a host.
        let host = TestHost()
        let (_, error) = runOn(host, "let y = \"2025\"\nmodels | where code == \"M1\" | update year = y")
        #expect(error?.hasPrefix("w.dv:2:45: error: the column 'year' holds whole numbers and cannot take \"2025\"") == true)
        #expect(host.writes.isEmpty)
        let (_, codeError) = runOn(host, "let s = \"actve\"\nmodels | update status = s")
        #expect(codeError?.contains("\"actve\" is not a value of the column 'status'") == true)
        #expect(host.writes.isEmpty)
    }

    @Test func anErrorInAValueChangesNothing() {
        let host = TestHost()
        host.declineSelections = true
        let (_, error) = runOn(host, "models | update year = 10 / (year - 2023)")
        #expect(error?.contains("division by zero") == true)
        #expect(host.writes.isEmpty)
        #expect(host.dump("models") == TestHost().dump("models"))
    }
}

@Suite struct DeleteAndExpectTests {
    @Test func deletePlannedAndInMemory() {
        for decline in [false, true] {
            let host = TestHost()
            host.declineSelections = decline
            let (output, error) = runOn(host, "print(evaluations | where score < 9.5 | delete, len(evaluations))")
            #expect(error == nil)
            #expect(output == ["2 1"])
            #expect(host.summaries == [decline ? "delete ids evaluations [2, 3]" : "delete plan evaluations filter"])
        }
    }

    @Test func rowsInUseNeedCascade() {
        let host = TestHost()
        var (output, error) = runOn(host, "units | where code == \"BV\" | delete")
        #expect(error?.contains("the data could not be changed: units 4 is used by") == true)
        #expect(host.dump("units").count == 6)
        (output, error) = runOn(host, "print(units | where code == \"BV\" | delete cascade, len(models), len(teams))")
        #expect(error == nil)
        #expect(output == ["1 4 3"])
        #expect(host.summaries.last == "delete plan units filter cascade")
    }

    @Test(arguments: [false, true])
    func expectBeforeAWrite(decline: Bool) {
        let host = TestHost()
        host.declineSelections = decline
        var (output, error) = runOn(host, "print(models | where code == \"M1\" | expect 1 | update year = 2030)")
        #expect(error == nil)
        #expect(output == ["1"])
        #expect(host.summaries == [decline ? "update rows models [1] year = 2030" : "update plan models filter set year expect 1"])
        (output, error) = runOn(host, "models | where year == 2024 | expect 1 | delete")
        // The language checks before it calls the writer; the host checks before it changes
        // anything, and says so in the language's words.
        #expect(error?.hasPrefix(decline ? "w.dv:1:31: error: expected 1 row, but the pipeline gives 3"
                                         : "w.dv:1:42: error: expected 1 row, but the pipeline gives 3") == true, "\(error ?? "")")
        #expect(host.writes.count == 1)
        #expect(host.dump("models").count == 6)
    }

    @Test func expectInAQuery() {
        let (output, error) = runOn(TestHost(), """
        print(models | where year == 2024 | expect 4 | count, [1, 2] | expect 2)
        print(models | expect 0 | count)
        """)
        #expect(output == ["4 [1, 2]"])
        #expect(error?.contains("2:16: error: expected 0 rows, but the pipeline gives 6") == true)
        let (_, negative) = runOn(TestHost(), "models | expect -1")
        #expect(negative?.contains("bad argument #1 to 'expect' (non-negative integer expected, got integer)") == true)
        let (_, vi) = runOn(TestHost(), "models | expect 1", lang: .vi)
        #expect(vi?.contains("cần đúng 1 dòng, nhưng đường ống cho 6 dòng") == true)
    }
}

@Suite struct WriteSiteTests {
    @Test func theStatementInsideAFunction() throws {
        let host = TestHost()
        let interpreter = Interpreter(host: host, lang: .en, output: { _ in })
        _ = try interpreter.evaluate(SourceText(name: "<repl 1>", text: """
        fn bump(c) {
            let n = models | where code == c
                | update year = year + 1
            return n
        }
        """))
        #expect(try interpreter.evaluate(SourceText(name: "<repl 2>", text: "bump(\"M1\")")) == .int(1))
        let site = host.writes.first?.site
        #expect(site?.source == "<repl 1>")
        #expect(site?.line == 2)
        #expect(site?.text == "let n = models | where code == c\n        | update year = year + 1")
    }

    @Test func deleteCascadePlannedAndInMemoryAgree() {
        let planned = TestHost(), inMemory = TestHost()
        inMemory.declineSelections = true
        let program = "print(units | where kind == \"ward\" | sort id desc | take 2 | delete cascade)"
        let a = runOn(planned, program), b = runOn(inMemory, program)
        #expect(a.error == nil && b.error == nil)
        #expect(a.output == ["2"] && b.output == ["2"])
        for table in ["units", "models", "evaluations", "teams"] { #expect(planned.dump(table) == inMemory.dump(table)) }
        #expect(planned.summaries == ["delete plan units filter,sort,take cascade"])
        #expect(inMemory.summaries == ["delete ids units [6, 3] cascade"])
    }
}
