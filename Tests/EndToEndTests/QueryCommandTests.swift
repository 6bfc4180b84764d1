// The query issue's cases, run through the built binary as a user would: names resolved before
// anything runs, labels that mean codes, `danvan explain`, `:explain` in the REPL, and
// DANVAN_PUSHDOWN=off giving the same answers.
import Foundation
import Testing

@Suite struct QueryCommandTests {
    private func eval(_ code: String, environment: [String: String] = ["LANG": "C.UTF-8"]) throws -> ProcessResult {
        try DemoDatabase.danvan(["eval", code], environment: environment)
    }

    @Test func theIssuesSilentWrongAnswersAreAnswersOrErrors() throws {
        let count = try eval(#"print(models | where year == 2024 | count)"#)
        #expect(count.stdout == "279\n")

        let alias = try eval("let nam = 2024\nprint(models | where year == nam | count)")
        #expect(alias.status == 1)
        #expect(alias.stderr.contains("'nam' is both the column 'year' of models and a variable; write it.nam for the column"))
        #expect(alias.stdout.isEmpty)

        let typo = try eval(#"print(models | where yaer == 2024 | count)"#)
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("table models has no column 'yaer' (did you mean 'year'?)"))

        let label = try eval(#"print(models | where status == "Đã công nhận" | count, models | where status == "recognised" | count)"#)
        let parts = label.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" })
        #expect(parts.count == 2 && parts[0] == parts[1] && parts[0] != "0", "\(label)")

        let american = try eval(#"print(models | where status == "recognized" | count)"#)
        #expect(american.status == 1)
        #expect(american.stderr.contains("(did you mean 'recognised'?)"))

        let quoted = try eval(#"print(models | where year == "2024" | count)"#)
        #expect(quoted.status == 1)
        #expect(quoted.stderr.contains("the column 'year' holds numbers and cannot be compared with \"2024\""))
    }

    @Test func explainShowsTheSQLItsValuesAndTheIndexUsed() throws {
        let result = try DemoDatabase.danvan(["explain", #"models | where year == 2024 | group by field.name | select f: key, n: count() | distinct"#])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("SQL (answers 3 of 4 stages):"))
        #expect(result.stdout.contains("GROUP BY"))
        #expect(result.stdout.contains("Bound values: 2024"))
        #expect(result.stdout.contains("USING INDEX models_year") || result.stdout.contains("USING COVERING INDEX models_year"))
        #expect(result.stdout.contains("In memory: distinct — because this kind of stage runs in memory"))

        let vietnamese = try DemoDatabase.danvan(["explain", "--lang", "vi", "don_vi | where len(mo_hinh) == 0 | count"])
        #expect(vietnamese.stdout.contains("Đường ống: don_vi | where len(mo_hinh) == 0 | count"))
        #expect(vietnamese.stdout.contains("NOT EXISTS"))

        let wrong = try DemoDatabase.danvan(["explain", "models | where yaer == 1 | count"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("did you mean 'year'?"))
    }

    @Test func pushdownOffGivesTheSameAnswers() throws {
        let code = """
            print(models | where year == 2024 | group by cluster.name | select c: key, n: count() | sort n desc)
            print(people | sort sort_name | take 12 | select sort_name)
            print(units | where status == "active" and len(models) == 0 | count)
            """
        let pushed = try eval(code)
        let memory = try eval(code, environment: ["LANG": "C.UTF-8", "DANVAN_PUSHDOWN": "off"])
        #expect(pushed.status == 0 && memory.status == 0)
        #expect(pushed.stdout == memory.stdout)
        #expect(pushed.stdout.split(separator: "\n").count == 3)
        let explained = try DemoDatabase.danvan(["explain", "models | count"],
                                                environment: ["LANG": "C.UTF-8", "DANVAN_PUSHDOWN": "off"])
        #expect(explained.stdout.contains("DANVAN_PUSHDOWN=off: every pipeline runs in memory"))
    }
}
