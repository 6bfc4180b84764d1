// The change writer on a copy of the demo data: each step logs before and after, checks
// values (naming the row and column), applies in SQL, and undo restores every table exactly.
import DanVanStore
import DanVanTestSupport
import Foundation
import GRDB
import Testing
import VietText

let testSite = ChangeSite(source: "test.dv", line: 3, text: "models | update ...")

@Suite struct ChangeWriterTests {
    @Test func updateBySelectionLogsAndUndoRestoresExactly() throws {
        try withDemoCopy { store in
            let before = try demoDump(store)
            let wanted: Int = try #require(try scalar(store, "SELECT count(*) FROM models WHERE year = 2024"))
            let change = try #require(try write(store) { writer in
                let count = try writer.update(table: "models",
                                              selection: RowSelection(sql: "SELECT id FROM models WHERE year = ?1",
                                                                      arguments: [2024.databaseValue, " x".databaseValue]),
                                              assignments: [("title", "t0.title || ?2")], expected: nil, site: testSite)
                #expect(count == wanted)
            })
            let changed: Int = try #require(try scalar(store, "SELECT count(*) FROM models WHERE year = 2024 AND title LIKE '% x'"))
            #expect(changed == wanted)
            let stale: Int = try #require(try scalar(store, "SELECT count(*) FROM models WHERE search_key <> dv_fold(title)"))
            #expect(stale == 0)
            let logged: Int = try #require(try scalar(store, "SELECT count(*) FROM change_rows WHERE change = \(change)"))
            #expect(logged == wanted)
            let summary: String = try #require(try scalar(store, "SELECT statement FROM changes WHERE id = \(change)"))
            #expect(summary == "test.dv:3: models | update ...")
            try undo(store, change)
            #expect(try demoDump(store).map(\.rows) == before.map(\.rows))
            // Undone once: a second undo is refused.
            #expect(throws: WriteError.self) { try undo(store, change) }
        }
    }

    @Test func realsComeBackExactlyAndUnchangedRowsAreNotLogged() throws {
        try withDemoCopy { store in
            let before = try demoDump(store)
            let ids: [Int64] = try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM scores ORDER BY id LIMIT 3") }
            let change = try #require(try write(store) { writer in
                let rows = ids.map { (id: $0, values: [(1.0 / 3.0).databaseValue]) }
                let changed = try writer.update(table: "scores", columns: ["points"], rows: rows, site: testSite)
                // The same values again change nothing.
                let again = try writer.update(table: "scores", columns: ["points"], rows: rows, site: testSite)
                #expect(changed == 3 && again == 0)
            })
            let third: Double = try #require(try scalar(store, "SELECT points FROM scores WHERE id = \(ids[0])"))
            #expect(third == 1.0 / 3.0)
            try undo(store, change)
            #expect(try demoDump(store).map(\.rows) == before.map(\.rows))
        }
    }

    @Test func aValueOutsideItsListNamesRowAndColumnAndChangesNothing() throws {
        try withDemoCopy { store in
            let before = try demoDump(store)
            let first: Int64 = try #require(try scalar(store, "SELECT min(id) FROM models"))
            #expect {
                try write(store) { writer in
                    _ = try writer.update(table: "models", selection: RowSelection(sql: "SELECT id FROM models", arguments: ["actve".databaseValue]),
                                          assignments: [("status", "?1")], expected: nil, site: testSite)
                }
            } throws: { error in
                guard case WriteError.invalidValue(let table, let row, _, let column, let value, .notInList) = error else { return false }
                let message = (error as? WriteError)?.message(.en) ?? ""
                return table == "models" && row == first && column == "status" && value == "\"actve\"" && message.contains("did you mean active")
            }
            #expect(try demoDump(store).map(\.rows) == before.map(\.rows))
            let logged: Int = try #require(try scalar(store, "SELECT count(*) FROM changes"))
            #expect(logged == 0)
        }
    }

    @Test func insertChecksRequiredColumnsUsesDefaultsAndUndoes() throws {
        try withDemoCopy { store in
            let before = try demoDump(store)
            #expect(throws: WriteError.self) {
                try write(store) { writer in
                    _ = try writer.insert(table: "units", rows: [[("name", "Phường Tân Hòa".databaseValue)]], site: testSite)
                }
            }
            var ids: [Int64] = []
            let change = try #require(try write(store) { writer in
                ids = try writer.insert(table: "units", rows: [[
                    ("code", "P-NEW".databaseValue), ("name", "Phường Tân Hòa".databaseValue),
                    ("kind", "ward".databaseValue), ("level", "commune".databaseValue),
                ]], site: testSite)
            })
            let status: String = try #require(try scalar(store, "SELECT status FROM units WHERE id = \(ids[0])"))
            #expect(status == "active")
            let key: String = try #require(try scalar(store, "SELECT search_key FROM units WHERE id = \(ids[0])"))
            #expect(key == VietFold.fold("Phường Tân Hòa "))
            try undo(store, change)
            #expect(try demoDump(store).map(\.rows) == before.map(\.rows))
        }
    }

    @Test func deleteRefusesDependentsCascadesOnRequestAndUndoes() throws {
        try withDemoCopy { store in
            let before = try demoDump(store)
            let unit: Int64 = try #require(try scalar(store, "SELECT unit FROM models GROUP BY unit ORDER BY count(*) DESC LIMIT 1"))
            #expect {
                try write(store) { writer in _ = try writer.delete(table: "units", ids: [unit], cascade: false, site: testSite) }
            } throws: { error in
                guard case WriteError.hasDependents(_, 1, let dependents) = error else { return false }
                return dependents.contains { $0.table == "models" && $0.column == "unit" }
            }
            let change = try #require(try write(store) { writer in
                let deleted = try writer.delete(table: "units", ids: [unit], cascade: true, site: testSite)
                #expect(deleted >= 1)
            })
            let left: Int = try #require(try scalar(store, "SELECT count(*) FROM models WHERE unit = \(unit)"))
            #expect(left == 0)
            let check: String = try #require(try scalar(store, "PRAGMA foreign_key_check") ?? "ok")
            #expect(check == "ok")
            try undo(store, change)
            #expect(try demoDump(store).map(\.rows) == before.map(\.rows))
        }
    }

    @Test func undoRefusesWhenARowChangedSince() throws {
        try withDemoCopy { store in
            let id: Int64 = try #require(try scalar(store, "SELECT min(id) FROM models"))
            let first = try #require(try write(store) { writer in
                _ = try writer.update(table: "models", columns: ["title"], rows: [(id, ["Một".databaseValue])], site: testSite)
            })
            let second = try #require(try write(store) { writer in
                _ = try writer.update(table: "models", columns: ["title"], rows: [(id, ["Hai".databaseValue])], site: testSite)
            })
            #expect {
                try undo(store, first)
            } throws: { error in
                guard case WriteError.changedSince(first, let rows, 0) = error else { return false }
                return rows == ["models #\(id)"]
            }
            try undo(store, second)
            try undo(store, first)
            let title: String = try #require(try scalar(store, "SELECT title FROM models WHERE id = \(id)"))
            #expect(title != "Một" && title != "Hai")
        }
    }

    @Test func expectRefusesBeforeChanging() throws {
        try withDemoCopy { store in
            #expect {
                try write(store) { writer in
                    _ = try writer.update(table: "models", selection: RowSelection(sql: "SELECT id FROM models WHERE year = 2024", arguments: ["x".databaseValue]),
                                          assignments: [("title", "?1")], expected: 1, site: testSite)
                }
            } throws: { error in
                if case WriteError.unexpectedCount(1, let actual) = error { return actual > 1 }
                return false
            }
        }
    }

    @Test func aChangeToNFCAloneIsShownInTheSummary() throws {
        try withDemoCopy { store in
            let nfd = "Phường Tân Hòa".decomposedStringWithCanonicalMapping
            try store.pool.write { db in try db.execute(sql: "UPDATE models SET title = ? WHERE id = 1", arguments: [nfd]) }
            let change = try #require(try write(store) { writer in
                let count = try writer.update(table: "models", selection: RowSelection(sql: "SELECT id FROM models WHERE id = 1", arguments: []),
                                              assignments: [("title", "t0.title")], expected: nil, site: testSite)
                #expect(count == 1)
            })
            let summary = try store.pool.read { db in try ChangeLog.summary(db, change: change) }
            let row = try #require(summary.parts.first?.rows.first)
            #expect(row.id == 1)
            #expect(row.columns.map(\.name) == ["title"])
            #expect(row.columns.first?.before == "(NFD) \"\(nfd)\"")
            #expect(row.columns.first?.after == "\"Phường Tân Hòa\"")
        }
    }
}

/// Each rule a written value must keep, broken once: the error names the table, the row,
/// the column and the value, and nothing is changed.
@Suite struct ChangeWriterRuleTests {
    static let cases: [(column: String, value: DatabaseValue, problem: ValueProblem)] = [
        ("title", .null, .required),
        ("year", "2024".databaseValue, .wrongType),
        ("status", "actve".databaseValue, .notInList(allowed: Codes.modelStatus.map(\.0))),
        ("unit", 999_999.databaseValue, .missingReference(table: "units")),
        ("started_on", "2024-02-30".databaseValue, .notADate),
        ("leader_support", 2.databaseValue, .wrongType),
    ]

    @Test(arguments: 0..<cases.count)
    func aBrokenRuleNamesRowColumnAndValue(index: Int) throws {
        let (column, value, problem) = Self.cases[index]
        try withDemoCopy { store in
            guard Catalog.table(named: "models")?.column(named: column) != nil else {
                Issue.record("models has no column \(column)")
                return
            }
            let before = try demoDump(store)
            let id: Int64 = try #require(try scalar(store, "SELECT min(id) FROM models"))
            #expect {
                try write(store) { writer in
                    _ = try writer.update(table: "models", columns: [column], rows: [(id, [value])], site: testSite)
                }
            } throws: { error in
                guard case WriteError.invalidValue("models", id, nil, column, _, let found) = error else { return false }
                return found == problem
            }
            #expect(try demoDump(store).map(\.rows) == before.map(\.rows))
        }
    }

    @Test func theSameRulesHoldWhenSQLComputesTheValues() throws {
        try withDemoCopy { store in
            let before = try demoDump(store)
            #expect {
                try write(store) { writer in
                    _ = try writer.update(table: "models", selection: RowSelection(sql: "SELECT id FROM models WHERE year = 2024", arguments: []),
                                          assignments: [("unit", "t0.unit + 1000000")], expected: nil, site: testSite)
                }
            } throws: { error in
                if case WriteError.invalidValue("models", _, nil, "unit", _, .missingReference(table: "units")) = error { return true }
                return false
            }
            #expect(try demoDump(store).map(\.rows) == before.map(\.rows))
        }
    }
}
