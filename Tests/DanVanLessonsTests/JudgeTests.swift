// Each kind of check passes a right answer and fails a wrong one with a hint that says what
// is wrong, on the real language and a practice copy of the demo data.
import DanVanLang
@testable import DanVanLessons
import Testing
import VietText

@Suite struct JudgeTests {
    /// Runs `solution` in one world and `answer` in another and gives the first failure.
    func judge(_ checks: [Check], solution: String, answer: String, setup: String? = nil) throws -> String? {
        let reference = try Practice.world(), learner = try Practice.world()
        if let setup {
            _ = reference.run(setup)
            _ = learner.run(setup)
        }
        let (solved, _) = reference.run(solution)
        var expected = Reference(value: solved.value, tables: [:])
        for case .data(let names) in checks {
            for name in names { expected.tables[name] = try reference.table(name) }
        }
        let (attempt, commands) = learner.run(answer)
        return Judge.firstFailure(checks, attempt: attempt, reference: expected, commands: commands,
                                  tables: learner.table)?(.en)
    }

    @Test func valueComparesWhatTheAnswerGives() throws {
        #expect(try judge([.value(unordered: false)], solution: "12 * 7", answer: "80 + 4") == nil)
        #expect(try judge([.value(unordered: false)], solution: "4", answer: "4.0") == nil)
        #expect(try judge([.value(unordered: false)], solution: "12 * 7", answer: "12 + 7") == "expected 84, got 19")
        #expect(try judge([.value(unordered: false)], solution: "12 * 7", answer: "[1, 2]") == "expected a number, got a list")
        #expect(try judge([.value(unordered: false)], solution: "\"Hòa\"", answer: "\"Hoa\"") == "expected \"Hòa\", got \"Hoa\"")
        #expect(try judge([.value(unordered: false)], solution: "1", answer: "let x = 1")
                == "this entry gives no value; type an expression")
        #expect(try judge([.value(unordered: false)], solution: "1", answer: "1 +") == "the entry failed (see the message above)")
    }

    @Test func valueComparesRowsAndColumns() throws {
        let solution = "models | where year == 2024 | sort id"
        let count = try Practice.world().run("models | where year == 2024 | count").attempt.value
        let all = try Practice.world().run("models | count").attempt.value
        guard case .int(let n)? = count, case .int(let total)? = all else { Issue.record("no counts"); return }
        #expect(try judge([.value(unordered: false)], solution: solution, answer: "models | where year > 2023 and year < 2025 | sort id") == nil)
        #expect(try judge([.value(unordered: false)], solution: solution, answer: "models")
                == "expected \(VietFormat.integer(Int(n), .en)) rows, got \(VietFormat.integer(Int(total), .en))")
        #expect(try judge([.value(unordered: false)], solution: solution, answer: "models | where year == 2024 | sort id desc")?
                    .hasPrefix("the rows are right but their order is not: row 1 should be") == true)
        #expect(try judge([.value(unordered: true)], solution: solution, answer: "models | where year == 2024 | sort id desc") == nil)
        let grouped = "models | group by year | select year: key, n: count()"
        #expect(try judge([.value(unordered: false)], solution: grouped, answer: "models | group by year | select year: key, m: count()")
                == "the column 'n' is missing")
        #expect(try judge([.value(unordered: false)], solution: grouped, answer: "models | group by year | select n: count(), year: key")
                == "the columns should be in the order year, n, got n, year")
    }

    @Test func rowsCountsTheListOrTable() throws {
        #expect(try judge([.rows(3)], solution: "0", answer: "units | take 3") == nil)
        #expect(try judge([.rows(3)], solution: "0", answer: "units | take 5") == "expected 3 rows, got 5")
        #expect(try judge([.rows(3)], solution: "0", answer: "42") == "expected a list of 3 rows, got a number")
    }

    @Test func outputLooksAtWhatWasPrinted() throws {
        #expect(try judge([.output("Xin chào")], solution: "0", answer: "print(\"Xin chào bạn\")") == nil)
        #expect(try judge([.output("Xin chào")], solution: "0", answer: "\"Xin chào\"") == "nothing was printed; use print(…)")
        #expect(try judge([.output("Xin chào")], solution: "0", answer: "print(\"Tạm biệt\")")
                == "what it printed does not contain \"Xin chào\"")
    }

    @Test func usesLooksAtTokensNotSpelling() throws {
        #expect(try judge([.uses("where")], solution: "0", answer: "units | where id == 1") == nil)
        #expect(try judge([.uses("where")], solution: "0", answer: "\"where\"") == "the entry should use where")
        #expect(try judge([.uses("let")], solution: "0", answer: "let a = 1") == nil)
        #expect(try judge([.uses("~")], solution: "0", answer: "units | where name ~ \"tan hoa\"") == nil)
        #expect(try judge([.uses("==")], solution: "0", answer: "1 = 1") == "the entry failed (see the message above)")
    }

    @Test func noErrorAndMeta() throws {
        #expect(try judge([.noError], solution: "0", answer: "let a = 1") == nil)
        #expect(try judge([.noError], solution: "0", answer: "nosuch") == "the entry failed (see the message above)")
        #expect(try judge([.meta(name: "help", argument: "upper")], solution: "0", answer: ":help upper") == nil)
        #expect(try judge([.meta(name: "help", argument: "upper")], solution: "0", answer: ":h upper") == nil)
        #expect(try judge([.meta(name: "help", argument: "upper")], solution: "0", answer: ":help len") == "type the command :help upper")
        #expect(try judge([.meta(name: "schema", argument: "")], solution: "0", answer: ":schema units") == nil)
        #expect(try judge([.meta(name: "schema", argument: "")], solution: "0", answer: "help") == "type the command :schema")
    }

    @Test func dataComparesTheTablesAfterTheChange() throws {
        let fix = "units | where id == 1 | update name = \"Phường Mới\""
        #expect(try judge([.data(["units"])], solution: fix, answer: "units | where id <= 1 | update name = \"Phường \" + \"Mới\"") == nil)
        #expect(try judge([.data(["units"])], solution: fix, answer: "units | where id == 1 | update name = \"Phường Cũ\"")
                == "the table units, row id 1: the column name should be \"Phường Mới\", got \"Phường Cũ\"")
        #expect(try judge([.data(["units"])], solution: fix, answer: "units | where id == 1")?
                    .hasPrefix("the table units, row id 1: the column name should be \"Phường Mới\"") == true)
    }

    @Test func hintsAreInBothLanguages() {
        let failure = ValueComparison.mismatch(expected: .list([.int(1)]), actual: .list([.int(1), .int(2)]), unordered: false)
        #expect(failure == Localized(vi: "đúng ra là 1 dòng, bạn có 2", en: "expected 1 row, got 2"))
        #expect(ValueComparison.mismatch(expected: .int(1808), actual: .int(1807), unordered: false)
                == Localized(vi: "đúng ra là 1808, bạn có 1807", en: "expected 1808, got 1807"))
    }
}
