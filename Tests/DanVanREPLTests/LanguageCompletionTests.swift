// Tab completion from the real lexer, context by context, against the fixture database.
import DanVanLang
import Testing
import VietText
@testable import DanVanREPL

@Suite struct LanguageCompletionTests {
    @Test func namesInScopeAtTheStartOfAStatement() throws {
        let f = try LanguageFixture()
        let list = f.complete("mod")
        #expect(list.range == 0..<3)
        #expect(list.items == [CompletionList.Item("models ", display: "models")])
        // Detail tables come once "_" is typed; their Vietnamese aliases always.
        #expect(f.offered("model_") == ["model_partners", "model_tags"])
        #expect(f.offered("chu") == ["chu_de"])
        #expect(f.offered("mo_h") == ["mo_hinh"])
        // Built-ins complete with "(", keywords with a space, variables as they are.
        #expect(f.complete("pri").items == [CompletionList.Item("print(", display: "print")])
        #expect(f.complete("whi").items == [CompletionList.Item("while ", display: "while")])
        f.run("let tổng_số = 3")
        f.run("fn tong_hop(x) { return x }")
        #expect(f.complete("tong").items == [CompletionList.Item("tong_hop(", display: "tong_hop"),
                                              CompletionList.Item("tổng_số", display: "tổng_số")])
        // Statement keywords only where a statement starts.
        #expect(f.complete("print(le").items == [CompletionList.Item("len(", display: "len")])
        #expect(f.offered("let x = 1; le") == ["let", "len"])
        #expect(f.complete("print(x").range == 6..<7)
    }

    @Test func stagesAfterAPipe() throws {
        let f = try LanguageFixture()
        let offered = f.offered("models | ")
        #expect(offered.prefix(9) == ["where", "select", "sort", "group by", "take", "skip", "distinct", "first", "count"])
        #expect(offered.contains("map"))
        #expect(f.complete("models | gr").items == [CompletionList.Item("group by ", display: "group by")])
        #expect(f.offered("models |") .contains("where"))
    }

    @Test func columnsOfThePipelinesTable() throws {
        let f = try LanguageFixture()
        #expect(f.complete("models | where fi").items == [CompletionList.Item("field")])
        #expect(f.complete("models | where fi").range == 15..<17)
        #expect(f.offered("units | sort na") == ["name"])
        #expect(f.offered("units | select code, na") == ["name"])
        #expect(f.offered("models | group by ye") == ["year"])
        #expect(f.offered("models | group ") == ["by"])
        #expect(f.offered("mo_hinh | where nam") == ["nam"])
        // After where, the row's relations too (`u.models`), and a column inside a call.
        #expect(f.offered("units | where len(mod") == ["model_partners", "models"])
        #expect(f.offered("units | where suc") == ["successors"])
        #expect(f.offered("units | where len(uni") == ["unit_aliases", "units"])
        // A relation's alias only when typed.
        #expect(f.offered("units | where ke_") == ["ke_thua"])
        #expect(!f.offered("units | where ").contains("ke_thua"))
        // A stage after select sees the selected names; after group by, key and rows.
        #expect(f.offered("models | select code, n: year | where ") == ["code", "n"])
        #expect(f.offered("models | group by year | select k") == ["key"])
        // No column matches: keywords and names in scope.
        #expect(f.offered("models | where nu") == ["null", "number"])
        #expect(f.offered("models | where tr") == ["trang_thai"])
        // Inside a function's parentheses a pipeline is its own.
        #expect(f.offered("print(units | where sh") == ["short_name"])
        // A sort key may take a direction.
        #expect(f.offered("units | sort name de") == ["desc"])
    }

    @Test func membersOfRowsFollowReferences() throws {
        let f = try LanguageFixture()
        #expect(f.offered("models | where unit.na") == ["name"])
        #expect(f.complete("models | where unit.na").range == 20..<22)
        #expect(f.offered("models | where unit.parent.co") == ["code", "contests"])
        #expect(f.offered("models | where it.ye") == ["year"])
        #expect(f.offered("for m in models { print(m.ti") == ["title"])
        #expect(f.offered("for m in models | where year == 2024 {\n  print(m.unit.na") == ["name"])
        #expect(f.offered("models | map(m => m.ye") == ["year"])
        #expect(f.offered("map(units, u => u.sh") == ["short_name"])
        #expect(f.offered("let m = models | first; m.ti") == ["title"])
        // Aliases only when typed.
        #expect(f.offered("models | where unit.te") == ["teams", "ten", "ten_ngan"])
        #expect(!f.offered("models | where unit.").contains("ten"))
        #expect(f.offered("models | where unit.").contains("models"))
        // Globals of the session: a row, a list of rows.
        f.run("let m = models | first")
        f.run("let ws = units | where kind == \"ward\"")
        #expect(f.offered("m.fi") == ["field"])
        #expect(f.offered("ws | where sh") == ["short_name"])
        #expect(f.offered("nothing.x").isEmpty)
    }

    @Test func dataValuesInsideAComparedString() throws {
        let f = try LanguageFixture()
        let list = f.complete("units | where name == \"Phuong Tan")
        #expect(list.range == 23..<33)
        // Without diacritics, shown with them, once each, in Vietnamese order.
        let shown = list.items.map(\.display)
        #expect(shown.first == "Phường Tân Định")
        #expect(Set(shown) == ["Phường Tân Định", "Phường Tân Hòa", "Phường Tân Hoà"] && shown.count == 3)
        #expect(zip(shown, shown.dropFirst()).allSatisfy { VietCollation.areInIncreasingOrder($0, $1) })
        #expect(list.items.map(\.text) == shown.map { $0 + "\"" })
        #expect(list.listLimit == LanguageEvaluator.maxValuesListed)
        #expect(f.offered("units | where name == \"phường tân đ") == ["Phường Tân Định"])
        #expect(f.offered("models | where unit.name != \"xa") == ["Xã Tân Phú"])
        #expect(f.offered("units | where name ~ \"tan p") == ["Xã Tân Phú"])
        #expect(f.offered("for u in units { if u.code == \"P-TH") == ["P-TH", "P-TH2"])
        // Codes come with their labels.
        #expect(f.complete("models | where kind == \"ind").items
                == [CompletionList.Item("individual\"", display: "individual (individual)")])
        // Not a comparison with a column: nothing.
        #expect(f.offered("print(\"Phuong").isEmpty)
        #expect(f.offered("units | where name == \"Phuong {x").isEmpty)
    }

    @Test func nothingInsideCommentsNumbersOrStrings() throws {
        let f = try LanguageFixture()
        #expect(f.offered("1 + 2 # mod").isEmpty)
        #expect(f.offered("x = 12").isEmpty)
        #expect(f.offered("\"abc\"").isEmpty)
    }

    @Test func theEnginePassesTheStatementsEarlierLines() throws {
        let f = try LanguageFixture()
        let engine = REPLEngine(evaluator: f.evaluator, environment: REPLEnvironment(files: MemoryFiles()),
                                settings: REPLEngine.Settings(lang: .en, interactive: true))
        engine.handle(.line("models |"))
        #expect(engine.isContinuing)
        let list = engine.complete(line: "  where fi", cursor: 10)
        #expect(list.range == 8..<10)
        #expect(list.items.map(\.display) == ["field"])
        // Meta-commands are the engine's; `:load` completes paths there.
        engine.handle(.interrupted)
        #expect(engine.complete(line: ":sch", cursor: 4).items.map(\.display) == [":schema"])
    }
}
