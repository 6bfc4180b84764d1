// `import --append` and `--update` on a copy of the demo data: the file's rows go through the
// change writer as one change set (before and after of every row, unchanged rows left out),
// a problem names the line and the column and changes nothing, a dry-run reports and leaves
// the database as it was, and undo gives every table back exactly. Also: the CSV cells are
// held to the store's own value rules, and a plain import refuses a table that has rows.
@testable import DanVanCSV
import DanVanStore
import DanVanTestSupport
import Foundation
import GRDB
import Testing
import VietText

@Suite struct CSVChangeImportTests {
    /// A copy of the demo data and a folder for the files.
    struct Setup {
        let store: Store
        let directory: String

        /// Imports `text` as `name` into `table`; the report, or the problems.
        func run(_ table: String, _ text: String, _ mode: ChangeImportMode, dryRun: Bool = false,
                 name: String? = nil) throws -> (report: ChangeImportReport?, problems: [CSVProblem], total: Int) {
            let path = try CSVFixtures.write(text, to: directory, name: name ?? "\(table).csv")
            let source = ImportSource(table: try #require(CSVNames.table(named: table)), path: path)
            let change = ChangeImportOptions(mode: mode, user: "chị Lan", origin: "import \(path)",
                                             statement: "danvan import \(table) \(path) --\(mode)")
            do {
                let report = try CSVImporter.importChanges(source, into: store, change: change,
                                                           options: CSVImportOptions(dryRun: dryRun))
                return (report, [], 0)
            } catch {
                guard case .invalid(let problems, let total) = error else { throw error }
                return (nil, problems, total)
            }
        }

        func path(_ name: String) -> String { directory + "/" + name }
    }

    private func withSetup(_ body: (Setup) throws -> Void) throws {
        try withDemoCopy { store in
            try withTemporaryDirectory { directory in try body(Setup(store: store, directory: directory)) }
        }
    }

    /// A CSV field holding `text`.
    private func csv(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func changeSets(_ store: Store) throws -> Int {
        try #require(try scalar(store, "SELECT count(*) FROM changes"))
    }

    // MARK: --append

    @Test func appendAddsTheRowsAsOneChangeSetAndUndoRestoresEveryTable() throws {
        try withSetup { setup in
            let store = setup.store
            let before = try demoDump(store)
            let maxID: Int64 = try #require(try scalar(store, "SELECT max(id) FROM units"))
            let city: String = try #require(try scalar(store, "SELECT code FROM units WHERE id = 1"))
            // A given new id, a row without one, references by code to the database and to the
            // file (forward), a label for a code, dd/mm/yyyy.
            let text = "id,code,name,kind,level,parent,valid_from\r\n"
                + ",T-2,Tổ dân phố Thử,residential,residential,T-1,\r\n"
                + "\(maxID + 100),T-1,Phường Thử,Phường,commune,\(city),1/7/2025\r\n"
            let result = try setup.run("units", text, .append)
            let report = try #require(result.report, "\(result.problems.map { $0.message(.en) })")
            #expect(report.inserted == 2 && report.updated == 0 && report.fileRows == 2)
            let change = try #require(report.change)
            let rows = try store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT id, code, kind, parent, valid_from, search_key FROM units WHERE code LIKE 'T-%' ORDER BY code")
            }
            #expect(rows.map { $0["id"] as Int64 } == [maxID + 100, maxID + 101])
            #expect(rows.map { $0["parent"] as Int64? } == [1, maxID + 100])
            #expect(rows.first?["kind"] as String? == "ward")
            #expect(rows.first?["valid_from"] as String? == "2025-07-01")
            #expect(rows.first?["search_key"] as String? == VietFold.fold("Phường Thử "))
            // One change set: who, from where, every row after.
            let info = try #require(try store.pool.read { db in try ChangeLog.info(db, change) })
            #expect(info.user == "chị Lan" && info.origin == "import \(setup.path("units.csv"))")
            #expect(info.inserted == 2 && info.updated == 0)
            #expect(info.statement == "danvan import units \(setup.path("units.csv")) --append")
            #expect(try changeSets(store) == 1)
            let logged: Int = try #require(try scalar(store, "SELECT count(*) FROM change_rows WHERE change = \(change) AND action = 'insert'"))
            #expect(logged == 2)
            let after: String = try #require(try scalar(store, "SELECT json_extract(after, '$.name') FROM change_rows WHERE row_id = \(maxID + 101)"))
            #expect(after == "Tổ dân phố Thử")

            try undo(store, change)
            #expect(try demoDump(store).map(\.rows) == before.map(\.rows))
        }
    }

    @Test func appendRefusesAnIdThatIsThereNamingTheLineAndChangesNothing() throws {
        try withSetup { setup in
            let before = try demoDump(setup.store)
            let text = "id,code,name,kind,level\r\n\r\n,T-1,Một,ward,commune\r\n2,T-2,Hai,ward,commune\r\n"
            let result = try setup.run("units", text, .append)
            #expect(result.total == 1)
            let problem = try #require(result.problems.first)
            #expect(problem.line == 4 && problem.column == "id")
            #expect(problem.reason == .duplicateID(value: 2, firstLine: nil))
            #expect(problem.message(.en) == "\(setup.path("units.csv")):4: column 'id': duplicate key: id 2 already exists in the database")
            #expect(problem.message(.vi) == "\(setup.path("units.csv")):4: cột 'id': trùng khóa: mã số 2 đã có trong cơ sở dữ liệu")
            #expect(try demoDump(setup.store).map(\.rows) == before.map(\.rows))
            #expect(try changeSets(setup.store) == 0)
        }
    }

    @Test func aRuleOnlySQLiteKnowsNamesTheLine() throws {
        try withSetup { setup in
            let before = try demoDump(setup.store)
            // (cluster, unit, year) is UNIQUE: line 3 repeats a member the demo data has.
            let member = try #require(try setup.store.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT cluster, unit, year FROM cluster_members ORDER BY id LIMIT 1")
            })
            let c: Int64 = member["cluster"], u: Int64 = member["unit"], y: Int64 = member["year"]
            let text = "cluster,unit,year,role\r\n\(c),\(u),2099,member\r\n\(c),\(u),\(y),lead\r\n"
            let result = try setup.run("cluster_members", text, .append)
            #expect(result.problems.map(\.line) == [3])
            guard case .database(let message) = result.problems.first?.reason else {
                Issue.record("expected a database problem, got \(result.problems)")
                return
            }
            #expect(message.contains("UNIQUE"))
            #expect(try demoDump(setup.store).map(\.rows) == before.map(\.rows))
            #expect(try changeSets(setup.store) == 0)
        }
    }

    // MARK: --update

    @Test func updateByIdChangesOnlyTheFileColumnsAndLogsOnlyChangedRows() throws {
        try withSetup { setup in
            let store = setup.store
            let before = try demoDump(store)
            let models = try store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM models WHERE status = 'active' ORDER BY id LIMIT 3")
            }
            #expect(models.count == 3)
            let ids = models.map { $0["id"] as Int64 }
            let titles = models.map { $0["title"] as String }
            // Row 1: a new title; row 2: a new status (as a label); row 3: as it is.
            let text = "id,title,trang_thai\r\n"
                + "\(ids[0]),\(csv(titles[0] + " (sửa)")),active\r\n"
                + "\(ids[1]),\(csv(titles[1])),Tạm dừng\r\n"
                + "\(ids[2]),\(csv(titles[2])),active\r\n"
            let result = try setup.run("models", text, .update)
            let report = try #require(result.report, "\(result.problems.map { $0.message(.en) })")
            #expect(report.updated == 2 && report.inserted == 0 && report.fileRows == 3)
            let change = try #require(report.change)
            let after = try store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM models WHERE id IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY id")
            }
            #expect(after[0]["title"] as String == titles[0] + " (sửa)")
            #expect(after[1]["status"] as String == "suspended")
            #expect(after[0]["search_key"] as String == VietFold.fold(titles[0] + " (sửa)"))
            // Every other column is as it was.
            for (old, new) in zip(models, after) {
                for column in old.columnNames where !["title", "status", "search_key"].contains(column) {
                    #expect(old[column] as DatabaseValue == new[column] as DatabaseValue, "\(column)")
                }
            }
            // The unchanged row is not logged; the others with before and after.
            let logged = try store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT row_id, before, after FROM change_rows WHERE change = ? ORDER BY row_id", arguments: [change])
            }
            #expect(logged.map { $0["row_id"] as Int64 } == [ids[0], ids[1]])
            let first = try #require(logged.first)
            let beforeTitle: String = try #require(try scalar(store, "SELECT json_extract(before, '$.title') FROM change_rows WHERE change = \(change) AND row_id = \(ids[0])"))
            let afterTitle: String = try #require(try scalar(store, "SELECT json_extract(after, '$.title') FROM change_rows WHERE change = \(change) AND row_id = \(ids[0])"))
            #expect(beforeTitle == titles[0] && afterTitle == titles[0] + " (sửa)")
            #expect((first["after"] as String).contains("\"status\":\"active\""))
            let summary = try #require(report.summary)
            #expect(summary.parts.map(\.count) == [2])
            let shown = try #require(summary.parts.first?.rows.first)
            #expect(shown.columns.map(\.name) == ["title"])
            #expect(try changeSets(store) == 1)

            try undo(store, change)
            #expect(try demoDump(store).map(\.rows) == before.map(\.rows))
        }
    }

    @Test func updateByCodeWhenTheFileHasNoIdColumn() throws {
        try withSetup { setup in
            let store = setup.store
            let before = try demoDump(store)
            let units = try store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT id, code, name, parent FROM units WHERE parent IS NOT NULL ORDER BY id LIMIT 2")
            }
            let city: String = try #require(try scalar(store, "SELECT code FROM units WHERE id = 1"))
            let text = "ma,ten,don_vi_cha\r\n"
                + "\(units[0]["code"] as String),Tên mới một,\(city)\r\n"
                + "\(units[1]["code"] as String),Tên mới hai,\(units[1]["parent"] as Int64)\r\n"
            let result = try setup.run("units", text, .update)
            let report = try #require(result.report, "\(result.problems.map { $0.message(.en) })")
            let change = try #require(report.change)
            let names = try store.pool.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM units WHERE id IN (?, ?) ORDER BY id",
                                    arguments: [units[0]["id"] as Int64, units[1]["id"] as Int64])
            }
            #expect(names == ["Tên mới một", "Tên mới hai"])
            let parent: Int64 = try #require(try scalar(store, "SELECT parent FROM units WHERE id = \(units[0]["id"] as Int64)"))
            #expect(parent == 1)
            // The code found the rows; it is not one of the columns changed.
            let columns: String = try #require(try scalar(store, "SELECT columns FROM change_steps WHERE change = \(change)"))
            #expect(columns == #"["name","parent"]"#)
            try undo(store, change)
            #expect(try demoDump(store).map(\.rows) == before.map(\.rows))
        }
    }

    @Test func aRowThatMatchesNothingIsAnErrorNamingTheLine() throws {
        try withSetup { setup in
            let before = try demoDump(setup.store)
            let id: Int64 = try #require(try scalar(setup.store, "SELECT min(id) FROM units"))
            let byID = try setup.run("units", "id,name\r\n\(id),Tên mới\r\n999999,Không có\r\n,Trống\r\n\(id),Lần hai\r\n", .update)
            #expect(byID.problems.map(\.line) == [3, 4, 5])
            #expect(byID.problems.map(\.reason) == [
                .noMatchingRow(table: "units", value: "999999", byCode: false), .valueRequired,
                .duplicateID(value: id, firstLine: 2),
            ])
            #expect(byID.problems.first?.message(.en) == "\(setup.path("units.csv")):3: column 'id': no row of table 'units' has the id 999999; --update only changes rows that are there (--append adds new ones)")
            #expect(byID.problems.first?.message(.vi).contains("không có dòng nào của bảng 'units' với mã số 999999") == true)
            let byCode = try setup.run("units", "code,name\r\nKHONG-CO,Tên\r\n", .update)
            #expect(byCode.problems.map(\.reason) == [.noMatchingRow(table: "units", value: "KHONG-CO", byCode: true)])
            #expect(byCode.problems.first?.column == "code")
            // No id and no code to find rows by.
            let noKey = try setup.run("people", "given_name\r\nAn\r\n", .update)
            #expect(noKey.problems.map(\.reason) == [.noKeyColumn(table: "people", code: nil)])
            #expect(noKey.problems.first?.message(.en).hasSuffix("--update needs an id column to find the rows of 'people' to change") == true)
            // A code another row has.
            let codes = try setup.store.pool.read { db in try String.fetchAll(db, sql: "SELECT code FROM units ORDER BY id LIMIT 2") }
            let taken = try setup.run("units", "id,code\r\n\(id),\(codes[1])\r\n", .update)
            #expect(taken.problems.map(\.reason) == [.duplicateCode(value: codes[1], firstLine: nil)])
            #expect(try demoDump(setup.store).map(\.rows) == before.map(\.rows))
            #expect(try changeSets(setup.store) == 0)
        }
    }

    @Test func aBadCodeTypeOrDateNamesLineAndColumnAndChangesNothing() throws {
        try withSetup { setup in
            let before = try demoDump(setup.store)
            let ids = try setup.store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM models ORDER BY id LIMIT 4") }
            let text = "id,status,nam,ngay_bat_dau,title\r\n"
                + "\(ids[0]),active,2024,,Tốt\r\n"
                + "\(ids[1]),actve,2024,,Tốt\r\n"
                + "\(ids[2]),active,hai nghìn,,Tốt\r\n"
                + "\(ids[3]),active,2024,29/02/2025,\r\n"
            let result = try setup.run("models", text, .update)
            #expect(result.problems.map(\.line) == [3, 4, 5, 5])
            #expect(result.problems.map(\.column) == ["status", "nam", "ngay_bat_dau", "title"])
            #expect(result.problems.map(\.reason) == [
                .codeNotAllowed(value: "actve", allowed: Codes.modelStatus.map(\.0)),
                .wrongType(expected: .integer, value: "hai nghìn"),
                .wrongType(expected: .date, value: "29/02/2025"),
                .valueRequired,
            ])
            #expect(result.problems[1].message(.en) == "\(setup.path("models.csv")):4: column 'nam': expected a whole number, got 'hai nghìn'")
            #expect(result.problems[1].message(.vi) == "\(setup.path("models.csv")):4: cột 'nam': cần một số nguyên, gặp 'hai nghìn'")
            let append = try setup.run("units", "code,name,kind,level,valid_to\r\nT-1,Một,village,commune,2025-02-29\r\n", .append)
            #expect(append.problems.map(\.column) == ["kind", "valid_to"])
            #expect(append.problems.first?.message(.en).contains("'village' is not allowed; allowed values: city, district, ward") == true)
            #expect(try demoDump(setup.store).map(\.rows) == before.map(\.rows))
            #expect(try changeSets(setup.store) == 0)
        }
    }

    // MARK: --dry-run

    @Test func aDryRunReportsWhatWouldChangeAndChangesNothing() throws {
        try withSetup { setup in
            let store = setup.store
            let before = try demoDump(store)
            let unit = try #require(try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT id, name FROM units ORDER BY id LIMIT 1") })
            let updated = try setup.run("units", "id,name\r\n\(unit["id"] as Int64),Tên thử\r\n", .update, dryRun: true)
            let report = try #require(updated.report)
            #expect(report.dryRun && report.change == nil && report.updated == 1)
            let part = try #require(report.summary?.parts.first)
            #expect(part.table == "units" && part.action == "update" && part.count == 1)
            let row = try #require(part.rows.first)
            #expect(row.columns.count == 1)
            #expect(row.columns.first?.before == "\"\(unit["name"] as String)\"" && row.columns.first?.after == "\"Tên thử\"")

            let appended = try setup.run("fields", "code,name,short_name\r\nTHU,Thử,T\r\nTHU2,Thử 2,T2\r\n", .append, dryRun: true)
            #expect(appended.report?.summary?.parts.map(\.count) == [2])
            #expect(appended.report?.inserted == 2)
            #expect(try demoDump(store).map(\.rows) == before.map(\.rows))
            #expect(try changeSets(store) == 0)
            // The same file for real afterwards takes the ids the dry-run showed.
            let real = try setup.run("fields", "code,name,short_name\r\nTHU,Thử,T\r\nTHU2,Thử 2,T2\r\n", .append)
            #expect(real.report?.summary?.parts.first?.rows.map(\.id) == appended.report?.summary?.parts.first?.rows.map(\.id))
        }
    }

    // MARK: Plain imports and the shared rules

    @Test func aPlainImportRefusesATableThatHasRows() throws {
        try withSetup { setup in
            let path = try CSVFixtures.write("code,name,short_name\r\nTHU,Thử,T\r\n", to: setup.directory, name: "fields.csv")
            let fields = ImportSource(table: try #require(CSVNames.table(named: "fields")), path: path)
            #expect {
                try CSVImporter.importFiles([fields], into: setup.store, options: CSVImportOptions(onlyEmptyTables: true))
            } throws: { error in
                guard case CSVImportError.invalid(let problems, 1) = error else { return false }
                return problems.first?.reason == .tableHasRows(table: "fields") && problems.first?.line == 1
                    && problems.first?.message(.en).contains("--append adds the file's rows") == true
            }
            // An empty table loads; a dry-run of it leaves it empty.
            try setup.store.pool.write { db in try db.execute(sql: "DELETE FROM unit_aliases") }
            let aliases = try CSVFixtures.write("unit,alias\r\n1,Thành phố\r\n", to: setup.directory, name: "aliases.csv")
            let source = ImportSource(table: try #require(CSVNames.table(named: "unit_aliases")), path: aliases)
            let dry = try CSVImporter.importFiles([source], into: setup.store, options: CSVImportOptions(onlyEmptyTables: true, dryRun: true))
            #expect(dry.rows.first?.count == 1)
            let afterDryRun: Int? = try scalar(setup.store, "SELECT count(*) FROM unit_aliases")
            #expect(afterDryRun == 0)
            try CSVImporter.importFiles([source], into: setup.store, options: CSVImportOptions(onlyEmptyTables: true))
            let loaded: Int? = try scalar(setup.store, "SELECT count(*) FROM unit_aliases")
            #expect(loaded == 1)
        }
    }

    @Test func cellsAreHeldToTheStoresRules() throws {
        // What the store refuses, the CSV refuses, in the CSV's words.
        let points = CellParser(column: try CSVCellTests.column("scores", "points"))
        #expect(ColumnRules.problem(Double.infinity.databaseValue, for: points.column) == .wrongType)
        // (In the CSV's own, clearer words: "'inf' is not a finite number".)
        guard case .problem(.notFinite("inf")) = points.parse("inf", quoted: false) else {
            Issue.record("an infinite number is refused as the store refuses it"); return
        }
        let kind = CellParser(column: try CSVCellTests.column("units", "kind"))
        #expect(ColumnRules.problem("village".databaseValue, for: kind.column) == .notInList(allowed: Codes.unitKind.map(\.0)))
        guard case .problem(.codeNotAllowed("village", _)) = kind.parse(" village ", quoted: false) else {
            Issue.record("village"); return
        }
        let day = CellParser(column: try CSVCellTests.column("units", "valid_from"))
        #expect(ColumnRules.problem("2025-02-29".databaseValue, for: day.column) == .notADate)
        guard case .problem(.wrongType(.date, "29/2/2025")) = day.parse("29/2/2025", quoted: false) else {
            Issue.record("29/2/2025"); return
        }
        // The store's date rule takes digits only, as SQLite's date() does.
        #expect(!ColumnRules.isDate("+202-01-01") && !ColumnRules.isDate("2024-0x-01") && ColumnRules.isDate("2024-02-29"))
        #expect(CSVProblem.Reason(.required, column: day.column, text: "") == .valueRequired)
        #expect(CSVProblem.Reason(.missingReference(table: "units"), column: day.column, text: "77")
            == .missingReference(table: "units", value: "77"))
    }
}
