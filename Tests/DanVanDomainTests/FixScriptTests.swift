// The saved fixes (scripts/fixes/*.dv) on a fresh copy of the scale-1 demo data, each one
// (issue 8, "Done when"): a dry-run leaves every table as it was, byte for byte, change log
// included; the real run changes exactly the anomalous rows the demo's summary lists (and
// what the fix means to change along with them, named in each test), in one change set; a
// second run changes nothing (the anomaly is gone; a fix guarded by `expect` refuses); and
// undo of the change set puts every table back exactly. Also: a script whose last statement
// fails changes nothing and names the file, line and column.
import DanVanDemo
import DanVanDomain
import DanVanLang
import DanVanREPL
import DanVanStore
import Foundation
import GRDB
import Testing
import VietText

@Suite struct FixScriptTests {
    /// Runs the fix `name` through dry-run, real run, second run and undo on a fresh copy;
    /// `check` gets what the real run changed (per table) and the store after it, and says
    /// what it should have changed.
    private func exercise(_ name: String, secondRunRefuses: Bool,
                          check: (_ changes: [String: RowChanges], _ after: Store, _ summary: DemoSummary) throws -> Void)
        throws {
        let summary = try FixDemo.made().summary
        let text = try FixScripts.text(name)
        try FixDemo.withCopy { store in
            let before = try TableImage.of(store)
            #expect(before.tables["changes"]?.isEmpty == true)

            // (a) A dry-run shows what it would change and leaves every table as it was.
            let dry = ScriptRun.run(text, name: FixScripts.path(name), on: store, dryRun: true)
            #expect(dry.outcome == .success, "\(name) --dry-run: \(dry.errors)")
            let preview = try #require(dry.dryRunSummary, "\(name) --dry-run shows no change")
            #expect(!preview.parts.isEmpty)
            #expect(try TableImage.of(store) == before, "\(name) --dry-run changed the data")

            // (b) The real run: one change set, exactly the rows `check` expects.
            let real = ScriptRun.run(text, name: FixScripts.path(name), on: store)
            #expect(real.outcome == .success, "\(name): \(real.errors)")
            let id = try #require(real.committed, "\(name) committed nothing")
            let after = try TableImage.of(store)
            #expect(after.tables["changes"]?.count == 1)
            try check(before.catalog.changes(to: after.catalog), store, summary)

            // Run again: nothing left to fix.
            let again = ScriptRun.run(text, name: FixScripts.path(name), on: store)
            if secondRunRefuses {
                #expect(again.outcome == .scriptError, "\(name) ran twice: \(again.output)")
                #expect(again.errors.contains("error:"))
            } else {
                #expect(again.outcome == .success, "\(name) ran twice: \(again.errors)")
            }
            #expect(again.committed == nil)
            #expect(try TableImage.of(store) == after, "\(name) changed something the second time")

            // (c) Undo restores every table exactly (the log keeps both change sets).
            #expect(try ScriptRun.undo(id, on: store) > 0)
            #expect(try TableImage.of(store).catalog == before.catalog, "undo of \(name) did not restore the data")
        }
    }

    @Test func mergingDuplicateUnits() throws {
        let master = try FixDemo.made().store
        try exercise("gop-don-vi-trung", secondRunRefuses: true) { changes, after, summary in
            let duplicates = summary.anomalies(.duplicateUnit)
            #expect(duplicates.count == 3)
            // Each duplicate's original: the unit named after "~" in its note, under the same parent.
            var kept: [Int64: Int64] = [:]
            for anomaly in duplicates {
                let original = String(anomaly.note.split(separator: "~").last ?? "").trimmingCharacters(in: .whitespaces)
                kept[anomaly.id] = try master.pool.read { db in
                    try Int64.fetchOne(db, sql: """
                        SELECT o.id FROM units AS o JOIN units AS d ON d.id = ? AND o.parent IS d.parent
                        WHERE o.name = ? AND o.id <> d.id
                        """, arguments: [anomaly.id, original])
                }
            }
            #expect(kept.count == 3 && kept.values.allSatisfy { $0 > 0 })
            // Every row that pointed at a duplicate, found in the data as it was.
            var expected: [String: RowChanges] = ["units": RowChanges(deleted: Set(kept.keys))]
            var pointing: [(table: String, column: String, id: Int64, to: Int64)] = []
            for (child, column) in ChangeWriter.referrers(of: "units") {
                let rows = try master.pool.read { db in
                    try GRDB.Row.fetchAll(db, sql: """
                        SELECT id, \(column.name) AS unit FROM \(child.name)
                        WHERE \(column.name) IN (\(kept.keys.map(String.init).joined(separator: ",")))
                        """)
                }
                for row in rows {
                    let id: Int64 = row["id"], unit: Int64 = row["unit"]
                    expected[child.name, default: RowChanges()].updated.insert(id)
                    pointing.append((child.name, column.name, id, kept[unit] ?? 0))
                }
            }
            #expect(!pointing.isEmpty)
            // The duplicates' names become aliases of the units kept, unless they are already.
            let aliases = changes["unit_aliases"]?.inserted ?? []
            if !aliases.isEmpty { expected["unit_aliases"] = RowChanges(inserted: aliases) }
            #expect(changes == expected)
            try after.pool.read { db in
                for (table, column, id, to) in pointing {
                    let unit = try Int64.fetchOne(db, sql: "SELECT \(column) FROM \(table) WHERE id = ?", arguments: [id])
                    #expect(unit == to, "\(table) #\(id).\(column)")
                }
                for anomaly in duplicates {
                    let name = String(anomaly.note.split(separator: "~").first ?? "").trimmingCharacters(in: .whitespaces)
                    let known = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit_aliases WHERE unit = ? AND alias = ?",
                                                 arguments: [kept[anomaly.id], name]) ?? 0
                    #expect(known == 1, "alias \(name)")
                }
            }
        }
    }

    @Test func normalisingTextToNFC() throws {
        try exercise("chuan-hoa-nfc", secondRunRefuses: false) { changes, after, summary in
            let rows = summary.rows(.decomposedText)
            #expect(rows.values.map(\.count).reduce(0, +) == 8)
            #expect(changes == rows.mapValues { RowChanges(updated: $0) })
            try after.pool.read { db in
                for (table, columns) in [("models", ["title"]), ("people", ["family_name", "middle_name", "given_name"]),
                                         ("units", ["name"])] {
                    for column in columns {
                        for text in try String.fetchAll(db, sql: "SELECT \(column) FROM \(table)") {
                            #expect(text.isNFC, "\(table).\(column): \(text)")
                        }
                    }
                }
            }
        }
    }

    @Test func replacingEthWithDStroke() throws {
        let master = try FixDemo.made().store
        try exercise("sua-chu-d-gach", secondRunRefuses: true) { changes, after, summary in
            let rows = summary.rows(.lookAlikeLetter)
            #expect(changes == rows.mapValues { RowChanges(updated: $0) })
            let id = try #require(rows["people"]?.first)
            let old = try #require(try master.pool.read { db in
                try String.fetchOne(db, sql: "SELECT family_name FROM people WHERE id = ?", arguments: [id])
            })
            let new = try #require(try after.pool.read { db in
                try String.fetchOne(db, sql: "SELECT family_name FROM people WHERE id = ?", arguments: [id])
            })
            #expect(old.hasPrefix("\u{D0}"))
            #expect(new.sameScalars("\u{110}" + old.dropFirst()))
            let left = try after.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM people WHERE instr(family_name || middle_name || given_name, char(208)) > 0")
            }
            #expect(left == 0)
        }
    }

    @Test func swappingFamilyAndGivenName() throws {
        let master = try FixDemo.made().store
        try exercise("dao-ho-ten", secondRunRefuses: true) { changes, after, summary in
            let rows = summary.rows(.swappedName)
            #expect(changes == rows.mapValues { RowChanges(updated: $0) })
            let id = try #require(rows["people"]?.first)
            let sql = "SELECT family_name, middle_name, given_name FROM people WHERE id = ?"
            let old = try #require(try master.pool.read { db in try GRDB.Row.fetchOne(db, sql: sql, arguments: [id]) })
            let new = try #require(try after.pool.read { db in try GRDB.Row.fetchOne(db, sql: sql, arguments: [id]) })
            #expect((new[0] as String) == (old[2] as String))
            #expect((new[1] as String) == (old[1] as String))
            #expect((new[2] as String) == (old[0] as String))
            #expect((new[0] as String) == "Nguyễn")
        }
    }

    @Test func movingRunningModelsOfAMergedUnit() throws {
        let master = try FixDemo.made().store
        try exercise("chuyen-mo-hinh-don-vi-da-sap-nhap", secondRunRefuses: true) { changes, after, summary in
            let unit = try #require(summary.anomalies(.mergedUnitWithActiveModels).first?.id)
            let live = "('draft', 'registered', 'active', 'proposed', 'suspended')"
            let (models, successor) = try master.pool.read { db in
                (try Int64.fetchAll(db, sql: "SELECT id FROM models WHERE unit = ? AND status IN \(live)", arguments: [unit]),
                 try Int64.fetchAll(db, sql: "SELECT new_unit FROM unit_successions WHERE old_unit = ?", arguments: [unit]))
            }
            #expect(models.count == 11)
            #expect(successor.count == 1)
            #expect(changes == ["models": RowChanges(updated: Set(models))])
            try after.pool.read { db in
                let moved = try Int64.fetchAll(db, sql: "SELECT id FROM models WHERE unit = ? ORDER BY id", arguments: [successor[0]])
                #expect(Set(models).isSubset(of: moved))
                let left = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM models AS m JOIN units AS u ON u.id = m.unit
                    WHERE u.status <> 'active' AND m.status IN \(live)
                    """)
                #expect(left == 0)
            }
        }
    }

    @Test func deletingAnAwardEnteredTwice() throws {
        let master = try FixDemo.made().store
        try exercise("xoa-khen-thuong-trung", secondRunRefuses: true) { changes, after, summary in
            let rows = summary.rows(.awardedTwice)
            #expect(changes == rows.mapValues { RowChanges(deleted: $0) })
            // The line kept is the same award in every column but the id.
            let id = try #require(rows["awards"]?.first)
            let columns = "decision_no, decided_on, issuer, form, unit, person, model, achievement, amount, year, status"
            let twin = try master.pool.read { db in
                try Int64.fetchOne(db, sql: """
                    SELECT k.id FROM awards AS k JOIN awards AS d ON d.id = ?
                    WHERE k.id < d.id AND (\(columns.split(separator: ",").map { "k.\($0.trimmingCharacters(in: .whitespaces)) IS d.\($0.trimmingCharacters(in: .whitespaces))" }.joined(separator: " AND ")))
                    """, arguments: [id])
            }
            let kept = try #require(twin)
            #expect(try after.pool.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM awards WHERE id = ?)", arguments: [kept]) } == true)
        }
    }

    @Test func tidyingSpacesAndQuotes() throws {
        try exercise("don-dau-cach-ngoac-kep", secondRunRefuses: true) { changes, after, summary in
            let rows = summary.rows(.extraSpaces, .asciiQuotes)
            #expect(rows.values.map(\.count).reduce(0, +) == 13)
            #expect(changes == rows.mapValues { RowChanges(updated: $0) })
            try after.pool.read { db in
                let spaced = try Int.fetchOne(db, sql: """
                    SELECT (SELECT count(*) FROM units WHERE name <> trim(name) OR instr(name, '  '))
                         + (SELECT count(*) FROM models WHERE title <> trim(title) OR instr(title, '  '))
                         + (SELECT count(*) FROM people WHERE given_name <> trim(given_name) OR family_name <> trim(family_name))
                    """)
                #expect(spaced == 0)
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM models WHERE instr(title, '\"')") == 0)
                for id in rows["models"] ?? [] where summary.anomalies(.asciiQuotes).contains(where: { $0.id == id }) {
                    let title = try String.fetchOne(db, sql: "SELECT title FROM models WHERE id = ?", arguments: [id]) ?? ""
                    #expect(title.contains("“") && title.contains("”"), "\(title)")
                }
            }
        }
    }

    /// Every script in scripts/fixes has a test above, and opens with the bilingual header.
    @Test func everyFixIsTestedAndSaysHowToUseIt() throws {
        let tested: Set<String> = ["gop-don-vi-trung", "chuan-hoa-nfc", "sua-chu-d-gach", "dao-ho-ten",
                                   "chuyen-mo-hinh-don-vi-da-sap-nhap", "xoa-khen-thuong-trung", "don-dau-cach-ngoac-kep"]
        #expect(Set(try FixScripts.all()) == tested)
        for name in try FixScripts.all() {
            let text = try FixScripts.text(name)
            #expect(text.hasPrefix("# "), "\(name)")
            for needed in ["danvan run \(FixScripts.path(name)) --db DU_LIEU.db --dry-run",
                           "danvan run \(FixScripts.path(name)) --db DU_LIEU.db\n", "danvan undo", ":undo",
                           "Từ chối", "Refuses", "Hoàn tác", "Undo"] {
                #expect(text.contains(needed), "\(name) lacks \(needed)")
            }
        }
    }

    /// A fix whose last statement fails keeps nothing of what the statements before it did,
    /// and the error names the file, the line and the column of the failing statement.
    @Test func aScriptWhoseLastStatementFailsChangesNothing() throws {
        let fix = try FixScripts.text("gop-don-vi-trung")
        let text = fix + "\n# Sai cố ý ở dòng cuối / a deliberate mistake on the last line\nlet xong = \"xong\"\n"
            + "models | where id == 1 | update status = xong\n"
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        try FixDemo.withCopy { store in
            let before = try TableImage.of(store)
            let run = ScriptRun.run(text, name: "scripts/fixes/hong.dv", on: store)
            #expect(run.outcome == .scriptError)
            // The statements before it ran: the merges printed what they did.
            #expect(run.output.contains("merged #"))
            #expect(run.errors.hasPrefix("scripts/fixes/hong.dv:\(lastLine):42: error: "), "\(run.errors)")
            #expect(run.errors.contains("models | where id == 1 | update status = xong"))
            #expect(run.committed == nil)
            #expect(try TableImage.of(store) == before)
        }
    }
}
