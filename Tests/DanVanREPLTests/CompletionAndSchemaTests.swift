// Completion that needs no lexer (meta-commands, their arguments, paths), and the
// catalog-driven :tables, :schema and :help.
import DanVanStore
import Testing
@testable import DanVanREPL

@Suite struct MetaCompletionTests {
    @Test func commandNamesAfterAColon() {
        let h = Harness()
        let list = h.engine.complete(line: ":sc", cursor: 3)
        #expect(list == CompletionList(range: 0..<3, items: [CompletionList.Item(":schema ", display: ":schema")]))
        #expect(h.engine.complete(line: ":", cursor: 1).items.count == MetaCommand.all.count)
        #expect(h.engine.complete(line: "  :he", cursor: 5).range == 2..<5)
    }

    @Test func commandArguments() {
        let h = Harness()
        #expect(h.engine.complete(line: ":mode c", cursor: 7)
                == CompletionList(range: 6..<7, items: [CompletionList.Item("csv ", display: "csv")]))
        #expect(h.engine.complete(line: ":lang ", cursor: 6).items.map(\.display) == ["en", "vi"])
        #expect(h.engine.complete(line: ":timer o", cursor: 8).items.map(\.display) == ["off", "on"])
        #expect(h.engine.complete(line: ":schema mo", cursor: 10).items.map(\.display)
                == ["mo_hinh", "model_partners", "model_tags", "models", "movements"])
        #expect(h.engine.complete(line: ":help pr", cursor: 8).items.map(\.display) == ["print"])
        #expect(h.engine.complete(line: ":quit x", cursor: 7).items.isEmpty)
    }

    @Test func filePathsAfterLoadAndOutput() {
        let h = Harness()
        h.files.directories[""] = [DirectoryEntry(name: "data", isDirectory: true),
                                  DirectoryEntry(name: "demo.dv", isDirectory: false),
                                  DirectoryEntry(name: ".hidden", isDirectory: false)]
        h.files.directories["data/"] = [DirectoryEntry(name: "units.csv", isDirectory: false),
                                       DirectoryEntry(name: "models.csv", isDirectory: false)]
        h.files.directories["/home/staff/"] = [DirectoryEntry(name: "báo cáo.dv", isDirectory: false)]
        #expect(h.engine.complete(line: ":load d", cursor: 7) == CompletionList(range: 6..<7, items: [
            CompletionList.Item("data/", display: "data/"), CompletionList.Item("demo.dv", display: "demo.dv"),
        ]))
        #expect(h.engine.complete(line: ":load data/u", cursor: 12)
                == CompletionList(range: 6..<12, items: [CompletionList.Item("data/units.csv", display: "units.csv")]))
        #expect(h.engine.complete(line: ":output ~/b", cursor: 11).items
                == [CompletionList.Item("~/báo cáo.dv", display: "báo cáo.dv")])
        #expect(h.engine.complete(line: ":load .", cursor: 7).items.map(\.display) == [".hidden"])
    }

    @Test func everythingElseGoesToTheLanguage() {
        let h = Harness()
        #expect(h.engine.complete(line: "mod", cursor: 3).items.map(\.text) == ["from-language"])
        h.type("f(")
        // Inside an unfinished statement ":" is the language's, not a command.
        let list = h.engine.complete(line: ":sc", cursor: 3)
        #expect(list.items.map(\.text) == ["from-language"])
        // The language sees the statement's earlier lines; the range is the current line's.
        #expect(h.evaluator.completionRequests.last.map { [$0.line, String($0.cursor)] } == ["f(\n:sc", "6"])
        #expect(list.range == 2..<3)
    }
}

@Suite struct SchemaCommandTests {
    @Test func tablesListsEveryTableWithCounts() {
        let h = Harness(rowCount: { $0 == "units" ? 1808 : 0 })
        h.type(":mode csv")
        let text = Harness.output(h.type(":tables"))
        let lines = text.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "table,alias,label,rows")
        #expect(lines.contains("units,don_vi,Units,1808"))
        #expect(lines.contains("models,mo_hinh,Models,0"))
        #expect(lines.count == Catalog.tables.count + 1)
    }

    @Test func tablesInVietnameseWithoutADatabase() {
        let h = Harness(lang: .vi)
        h.type(":mode csv")
        let lines = Harness.output(h.type(":tables")).split(separator: "\r\n").map(String.init)
        #expect(lines.first == "table,alias,label")
        #expect(lines.contains("units,don_vi,Đơn vị"))
    }

    @Test func schemaOfATable() {
        let h = Harness()
        h.type(":mode csv")
        let text = Harness.output(h.type(":schema mo_hinh"))
        #expect(text.hasPrefix("models (mo_hinh): Models\ncolumn,alias,label,type,required,values\r\n"))
        #expect(text.contains("\r\nunit,don_vi,Unit,→ units,1,\r\n"))
        #expect(text.contains("\r\nfield,linh_vuc,Field,→ fields,,\r\n"))
        #expect(text.contains("\r\nkind,loai,Kind,text,1,\"collective, individual\"\r\n"))
        #expect(text.contains("\r\nsearch_key,khoa_tim,Search key,text (derived),1,\r\n"))
        #expect(text.contains("\r\nRelations (x.name → rows):\nrelation,alias,label,table,column\r\n"))
        #expect(text.contains("\r\nreplicas,nhan_rong,Replicas of this model,models,replicated_from\r\n"))
        #expect(text.contains("\r\nindicators,chi_so,Indicators,indicators,model\r\n"))
    }

    /// Each relation with its name, alias, label and where its rows come from; a table that
    /// refers to another twice gives each direction its own name (issue 7).
    @Test func schemaListsTheRelationsInBothLanguages() {
        let h = Harness()
        h.type(":mode csv")
        let en = Harness.output(h.type(":schema don_vi"))
        let relations = en.components(separatedBy: "Relations (x.name → rows):\n").last ?? ""
        let lines = relations.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "relation,alias,label,table,column")
        #expect(lines.contains("units,don_vi,Subordinate units,units,parent"))
        #expect(lines.contains("successors,ke_thua,Successions to newer units,unit_successions,old_unit"))
        #expect(lines.contains("predecessors,tien_than,Successions from older units,unit_successions,new_unit"))
        #expect(lines.contains("models,mo_hinh,Models,models,unit"))
        #expect(lines.contains("located_models,mo_hinh_dia_ban,Models located here,models,location"))
        #expect(lines.count == Catalog.relations(of: "units").count + 1)

        let vi = Harness(lang: .vi)
        vi.type(":mode csv")
        let text = Harness.output(vi.type(":schema units"))
        #expect(text.contains("Quan hệ (x.tên → các dòng):\nrelation,alias,label,table,column\r\n"))
        #expect(text.contains("\r\nsuccessors,ke_thua,Kế thừa sang đơn vị mới,unit_successions,old_unit\r\n"))
        #expect(text.contains("\r\nunits,don_vi,Đơn vị trực thuộc,units,parent\r\n"))
    }

    @Test func schemaInVietnameseAsATable() {
        let h = Harness(lang: .vi)
        h.size = (rows: 60, columns: 200)
        let text = Harness.output(h.type(":schema units"))
        #expect(text.hasPrefix("units (don_vi): Đơn vị\n┌"))
        #expect(text.contains("│ Cột "))
        // Widths: the longest column name (10), alias (12), label (13) and type (20, the
        // computed `cluster` column's "→ clusters (tự tính)").
        #expect(text.contains("│ parent     │ don_vi_cha   │ Đơn vị cha    │ → units              │"))
        #expect(text.contains("│ cluster    │ cum          │ Cụm thi đua   │ → clusters (tự tính) │"))
        #expect(text.contains("Quan hệ (x.tên → các dòng):\n┌"))
        #expect(text.contains("│ Quan hệ "))
        #expect(text.contains("│ Qua cột "))
        #expect(text.contains("│ units           │ don_vi          │ Đơn vị trực thuộc                │ units            │ parent    │"))
        #expect(text.contains("│ successors      │ ke_thua         │ Kế thừa sang đơn vị mới          │ unit_successions │ old_unit  │"))
    }

    @Test func schemaOfEveryTableAndOfAnUnknownOne() {
        let h = Harness()
        h.type(":mode csv")
        let all = Harness.output(h.type(":schema"))
        #expect(all.hasPrefix("table,alias,label,columns\r\n"))
        #expect(all.contains("\r\nclusters,cum_thi_dua,Emulation clusters,\"id, number, name, system\"\r\n"))
        #expect(Harness.errors(h.type(":schema nope")) == "No table 'nope'. Type :tables for the list.\n")
    }

    @Test func helpIsGeneratedFromTheCommandTable() {
        let h = Harness()
        let text = Harness.output(h.type(":help"))
        #expect(text.hasPrefix("Commands:\n"))
        for command in MetaCommand.all {
            #expect(text.contains("  " + command.synopsis(.en)))
            #expect(text.contains(command.help(.en)))
        }
        let vietnamese = Harness(lang: .vi)
        let vi = Harness.output(vietnamese.type(":help"))
        #expect(vi.hasPrefix("Lệnh:\n"))
        #expect(vi.contains(":schema [bảng]"))
    }

    @Test func helpOnACommandATableAndABuiltIn() {
        let h = Harness()
        let mode = Harness.output(h.type(":help :mode"))
        #expect(mode.hasPrefix(":mode table|csv|json|markdown|line\n  How table results are shown\n"))
        #expect(mode.contains("  csv       CSV (RFC 4180)\n"))
        #expect(Harness.output(h.type(":help quit")).contains("Also: :q, :exit"))
        #expect(Harness.output(h.type(":help print")) == "print(value): writes the value\n")
        h.type(":mode csv")
        #expect(Harness.output(h.type(":help models")).hasPrefix("models (mo_hinh): Models\n"))
        #expect(Harness.errors(h.type(":help nothing")) == "No help on 'nothing'. Type :help for the list.\n")
    }
}
