// The report functions in the language tests' host: format_* in Vietnamese, a percentage
// read back as the number it shows, column origins on records (`Shape.origins`), and the
// argument errors of pivot and totals.
import DanVanLang
import Testing
import VietText

/// The value of a program's last statement on the test host.
private func value(_ text: String) throws -> Value {
    let interpreter = Interpreter(host: TestHost(), lang: .en, output: { _ in })
    return try interpreter.run(SourceText(name: "test.dv", text: text))
}

@Suite struct ReportFunctionTests {
    @Test func formatsInVietnamese() {
        let run = runProgram("""
            print(format_number(1808), format_number(1808.256), format_number(2.5, 2), format_number(-1234567, 1))
            print(format_percent(0.025), format_percent(0.0285, 2), format_date(date("2024-10-15")))
            """, lang: .vi)
        #expect(run.error == nil)
        #expect(run.output == ["1.808 1.808,26 2,50 -1.234.567,0", "2,5% 2,85% 15/10/2024"])
    }

    /// What format_percent shows, read back, is the ratio × 100 rounded to the digits asked.
    @Test func percentagesReadBackAsTheRatio() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let ratio = Double.random(in: -3...3, using: &generator)
            let digits = Int.random(in: 0...4, using: &generator)
            let shown = VietFormat.percent(ratio, .en, fractionDigits: digits)
            #expect(shown.hasSuffix("%"))
            let number = Double(shown.dropLast().replacingOccurrences(of: ",", with: "")) ?? .nan
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            #expect(abs(number - ratio * 100) <= 0.5 / scale + 1e-9, "\(ratio) shown as \(shown)")
            let fraction = shown.split(separator: ".").dropFirst().first.map { $0.count - 1 } ?? 0
            #expect(fraction == digits, "\(shown) should have \(digits) decimals")
        }
    }

    @Test func selectAndGroupKeysCarryTheirOrigin() throws {
        let selected = try value("models | select code, unit.parent.name, nam, s: year * 2")
        guard case .record(let record)? = selected.items?.first else { Issue.record("no records"); return }
        #expect(record.shape.origins == [ColumnOrigin(table: "models", path: ["code"]),
                                         ColumnOrigin(table: "models", path: ["unit", "parent", "name"]),
                                         ColumnOrigin(table: "models", path: ["year"]), nil])
        let grouped = try value("models | group by unit.name | select u: key, n: count() | select u, n")
        guard case .record(let group)? = grouped.items?.first else { Issue.record("no groups"); return }
        #expect(group.shape.origins == [ColumnOrigin(table: "models", path: ["unit", "name"]), nil])
        let keys = try value("(models | group by year, h: hotspot | first).key")
        guard case .record(let key) = keys else { Issue.record("the key is not a record"); return }
        #expect(key.shape.names == ["year", "h"])
        #expect(key.shape.origins == [ColumnOrigin(table: "models", path: ["year"]), ColumnOrigin(table: "models", path: ["hotspot"])])
        #expect(Shape(names: ["a", "b"]).origins == [nil, nil])
        #expect(try value("{a: 1}").description == "{a: 1}")
    }

    @Test func totalsAddOnlyComputedNumbers() throws {
        let rows = try value("models | group by year | select year: key, n: count() | totals")
        #expect(rows.description == #"[{year: 2024, n: 4}, {year: 2023, n: 2}, {year: "Total", n: 6}]"#)
        let run = runProgram("print(totals([{name: \"a\", n: 1, x: 2.5}, {name: \"b\", n: 2, x: null}]))", lang: .vi)
        #expect(run.output == [#"[{name: "a", n: 1, x: 2.5}, {name: "b", n: 2, x: null}, {name: "Tổng cộng", n: 3, x: 2.5}]"#])
    }

    @Test func pivotAndTotalsArgumentErrors() {
        let cases: [(String, String)] = [
            ("pivot([1, 2], \"a\", \"b\")", "bad argument #1 to 'pivot' (a list of records or rows expected)"),
            ("pivot([{a: 1, b: 2}], \"a\", \"a\")", "bad argument #3 to 'pivot' (the value column 'a' is also the column of headings)"),
            ("pivot([{a: 1, b: 2}], \"a\", \"b\", 1)", "bad argument #4 to 'pivot' (boolean expected, got integer)"),
            ("pivot([{a: \"x\", b: \"p\"}, {a: \"x\", b: \"q\"}], \"a\", \"b\")",
             "bad argument #3 to 'pivot' (two rows give the same cell of column 'x' values that are not numbers)"),
            ("pivot([{k: \"a\", a: \"k\", v: 2}], \"a\", \"v\")", "bad argument #2 to 'pivot' (the column 'k' would appear twice in the result)"),
            ("totals([{a: 1}], [\"b\"])", "bad argument #2 to 'totals' (no column 'b'; the columns: a)"),
        ]
        for (code, message) in cases {
            let run = runProgram("print(\(code))")
            #expect(run.error?.contains(message) == true, "\(code): \(run.error ?? "no error")")
        }
        #expect(runProgram("print(pivot([], \"a\", \"b\"), totals([]))").output == ["[] []"])
    }
}
