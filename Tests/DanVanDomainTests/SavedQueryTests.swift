// Every saved query (scripts/queries/*.dv, found by listing the directory) runs on the scale-1
// demo data without error, and what it leaves in its global `result` equals the same question
// answered by hand-written SQL (SavedQueryTwins.swift), row for row and column for column, for
// each set of parameter values its twin names. A query without a twin, or a twin without a
// query, fails: a new query must come with its SQL.
import DanVanLang
import Foundation
import Testing

@Suite struct SavedQueryTests {
    static let scripts = SavedScripts(directory: "queries")

    @Test func everyQueryHasATwinAndEveryTwinAQuery() throws {
        let names = try Self.scripts.all()
        #expect(names.count >= 10, "the issue asks for at least ten everyday queries")
        for name in names {
            #expect(QueryTwins.byName[name] != nil, "scripts/queries/\(name).dv has no SQL twin in SavedQueryTwins.swift")
        }
        for name in QueryTwins.byName.keys {
            #expect(names.contains(name), "SavedQueryTwins.swift has a twin for \(name), but there is no scripts/queries/\(name).dv")
        }
    }

    @Test(arguments: try SavedQueryTests.scripts.all())
    func queryEqualsItsSQL(_ name: String) throws {
        let twin = try #require(QueryTwins.byName[name], "scripts/queries/\(name).dv has no SQL twin")
        let text = try Self.scripts.text(name)
        let store = try FixDemo.made().store
        let declared = ScriptParams.names(in: text)
        var outcomes: Set<[String]> = []
        for values in twin.runs {
            #expect(Set(values.keys) == Set(declared), "\(name): the twin's parameters \(values.keys.sorted()) differ from the script's \(declared)")
            let interpreter = try runSaved(try ScriptParams.bind(text, values), path: Self.scripts.path(name), on: store)
            let danvan = try #require(Cell.lines(interpreter.global("result"), columns: twin.columns),
                                      "\(name) leaves no list in `result`")
            let expected = try Cell.lines(twin.sql, values.mapValues { $0.sql }, columns: twin.columns, on: store)
            #expect(!expected.isEmpty, "\(name) \(values): the SQL finds nothing, so the comparison proves little")
            if twin.ordered {
                #expect(danvan == expected, "\(name) \(values)")
            } else {
                #expect(danvan.sorted() == expected.sorted(), "\(name) \(values)")
            }
            outcomes.insert(expected)
        }
        // Two runs with different values must give different answers, or the parameter is not used.
        #expect(outcomes.count == twin.runs.count, "\(name): different parameter values gave the same rows")
    }

    @Test func parameterLinesBecomeLetsAndAMissingValueIsAnError() throws {
        let text = """
            # header
            param report_year: int = 2024  # the year
            param as_of: date  # required
            print(report_year)
            """
        #expect(ScriptParams.names(in: text) == ["report_year", "as_of"])
        let bound = try ScriptParams.bind(text, ["report_year": .int(2023), "as_of": .date("2025-01-02")])
        #expect(bound.split(separator: "\n").map(String.init)
                == ["# header", "let report_year = 2023", "let as_of = date(\"2025-01-02\")", "print(report_year)"])
        #expect(throws: SavedScriptError.self) { try ScriptParams.bind(text, ["report_year": .int(2023)]) }
    }
}
