// The demo data set (issue #2): determinism, referential integrity, the sizes and mixes of
// domain.md §4, the 2025 reorganisation and the clusters.
import DanVanDemo
import DanVanStore
import DanVanTestSupport
import Foundation
import GRDB
import Testing
import VietText

@Suite("Demo data")
struct DemoDataTests {
    @Test("the same seed gives the same rows in every table")
    func sameSeedSameRows() throws {
        let first = try demoDump(DemoFixture.made().store)
        let second = try withFreshDemoStore { store, _ in
            _ = try DemoData.generate(into: store, options: DemoOptions(seed: 2024), progress: nil)
            return try demoDump(store)
        }
        #expect(first.map(\.table) == second.map(\.table))
        for (a, b) in zip(first, second) {
            #expect(a.rows.count == b.rows.count, "row count of \(a.table)")
            #expect(a.rows == b.rows, "rows of \(a.table)")
        }
        #expect(first.allSatisfy { !$0.rows.isEmpty }, "every table holds rows")
    }

    @Test("another seed gives other rows")
    func otherSeedOtherRows() throws {
        let first = try demoDump(DemoFixture.made().store)
        let other = try withFreshDemoStore { store, _ in
            _ = try DemoData.generate(into: store, options: DemoOptions(seed: 7), progress: nil)
            return try demoDump(store)
        }
        let differing = zip(first, other).filter { $0.rows != $1.rows }.map { $0.0.table }
        for table in ["units", "people", "models", "indicators", "awards", "scores"] {
            #expect(differing.contains(table), "\(table) differs between seeds")
        }
    }

    @Test("references resolve and the file is sound")
    func referentialIntegrity() throws {
        let store = try DemoFixture.made().store
        try store.pool.read { (db: Database) throws in
            let broken = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            #expect(broken.isEmpty, "foreign key violations: \(broken.prefix(5))")
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            // Individual models name their person; collective ones do not.
            #expect(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM models WHERE (kind = 'individual') <> (person IS NOT NULL)
                """) == 0)
            // Search keys are filled for what search reads.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM models WHERE search_key = ''") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM people WHERE search_key = ''") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM units WHERE search_key = ''") == 0)
        }
    }

    @Test("the summary counts what is in the database")
    func summaryCounts() throws {
        let made = try DemoFixture.made()
        for table in Catalog.tables {
            #expect(try made.store.count(table.name) == made.summary.count(table.name), "\(table.name)")
        }
        let models = made.summary.count("models")
        let vi = made.summary.description(.vi)
        let en = made.summary.description(.en)
        #expect(vi.contains("Mô hình") && vi.contains(DemoSummaryText.grouped(models, vi: true)))
        #expect(en.contains("Models") && en.contains(DemoSummaryText.grouped(models, vi: false)))
    }

    @Test("sizes and mixes follow domain.md §4")
    func sizesAndMixes() throws {
        let made = try DemoFixture.made()
        let store = made.store
        let duplicates = made.summary.anomalies(.duplicateUnit).map { String($0.id) }.joined(separator: ", ")
        try store.pool.read { (db: Database) throws in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? -1 }
            #expect(try count("SELECT count(*) FROM clusters") == 6)
            #expect((12...15).contains(try count("SELECT count(*) FROM units WHERE kind = 'district' AND id NOT IN (\(duplicates))")))
            #expect((100...140).contains(try count("""
                SELECT count(*) FROM units WHERE level = 'commune' AND kind IN ('ward', 'commune', 'township')
                AND valid_to = '2025-06-30' AND id NOT IN (\(duplicates))
                """)))
            #expect((30...40).contains(try count("""
                SELECT count(*) FROM units WHERE level = 'commune' AND kind IN ('ward', 'commune')
                AND valid_from = '2025-07-01' AND id NOT IN (\(duplicates))
                """)))
            #expect((15...20).contains(try count("SELECT count(*) FROM units WHERE kind = 'department' AND valid_from IS NULL")))
            #expect((12...15).contains(try count("SELECT count(*) FROM units WHERE kind = 'department' AND status = 'active'")))
            #expect((700...900).contains(try count("SELECT count(*) FROM people")))
            let models = try count("SELECT count(*) FROM models")
            #expect((2700...3300).contains(models))
            // Field mix among models that have a field: KT 30, VH-XH 32, QP-AN 17, XDHTCT 21 (±3 points).
            let withField = Double(try count("SELECT count(*) FROM models WHERE field IS NOT NULL"))
            for (code, share) in [("KT", 30.0), ("VHXH", 32.0), ("QPAN", 17.0), ("XDHTCT", 21.0)] {
                let n = Double(try count("SELECT count(*) FROM models JOIN fields f ON f.id = models.field WHERE f.code = '\(code)'"))
                #expect(abs(100 * n / withField - share) <= 3, "\(code): \(100 * n / withField)%")
            }
            let collective = Double(try count("SELECT count(*) FROM models WHERE kind = 'collective'")) / Double(models)
            #expect((0.60...0.70).contains(collective), "collective share \(collective)")
            let replicated = Double(try count("SELECT count(*) FROM models WHERE replicated_from IS NOT NULL")) / Double(models)
            #expect((0.10...0.20).contains(replicated), "replicated share \(replicated)")
            let hotspots = Double(try count("SELECT count(*) FROM models WHERE hotspot = 1")) / Double(models)
            #expect((0.05...0.10).contains(hotspots), "hot-spot share \(hotspots)")
            // A replica comes after its source.
            #expect(try count("""
                SELECT count(*) FROM models m JOIN models s ON s.id = m.replicated_from WHERE s.year >= m.year
                """) == 0)
            // More models in recent years, from 2009 to 2025.
            #expect(try count("SELECT min(year) FROM models") == 2009 && (try count("SELECT max(year) FROM models")) == 2025)
            #expect(try count("SELECT count(*) FROM models WHERE year = 2024") > 3 * (try count("SELECT count(*) FROM models WHERE year = 2009")))
            // One to three indicators per model.
            #expect(try count("""
                SELECT count(*) FROM models m WHERE (SELECT count(*) FROM indicators i WHERE i.model = m.id) NOT BETWEEN 1 AND 3
                """) == 0)
            // Recognised models carry their level; others do not.
            #expect(try count("SELECT count(*) FROM models WHERE (status = 'recognised') <> (recognition_level IS NOT NULL)") == 0)
            // 50 to 150 award line items a year (one more where the anomaly doubles one).
            let perYear = try Row.fetchAll(db, sql: "SELECT year, count(*) AS n FROM awards GROUP BY year")
            #expect(perYear.count == 17)
            for row in perYear {
                let n: Int = row["n"]
                #expect((50...151).contains(n), "awards in \(row["year"] as Int? ?? 0): \(n)")
            }
            #expect(try count("SELECT count(*) FROM criteria WHERE applies_to = 'collective'") == 8)
            #expect(try count("SELECT count(*) FROM movements WHERE document_no = '70-KH/BDVTW' AND launched_on = '2009-02-26'") == 1)
            #expect(try count("SELECT count(*) FROM models WHERE started_on > '2025-11-30' OR ended_on > '2025-11-30'") == 0)
        }
    }

    @Test("the 2025 reorganisation: closed units, successions, models of old and new units")
    func reorganisation() throws {
        let made = try DemoFixture.made()
        let store = made.store
        let duplicates = made.summary.anomalies(.duplicateUnit).map { String($0.id) }.joined(separator: ", ")
        try store.pool.read { (db: Database) throws in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? -1 }
            // Every closed commune and department has a successor; split ones have several partial ones.
            #expect(try count("""
                SELECT count(*) FROM units u WHERE u.status IN ('merged', 'split') AND u.id NOT IN (\(duplicates))
                AND NOT EXISTS (SELECT 1 FROM unit_successions s WHERE s.old_unit = u.id)
                """) == 0)
            #expect(try count("SELECT count(*) FROM units WHERE status = 'split' AND kind IN ('ward', 'commune', 'township')") >= 1)
            #expect(try count("""
                SELECT count(*) FROM units u WHERE u.status = 'split'
                AND (SELECT count(*) FROM unit_successions s WHERE s.old_unit = u.id AND s.whole = 0) < 2
                """) == 0)
            #expect(try count("""
                SELECT count(*) FROM unit_successions s JOIN units u ON u.id = s.old_unit
                WHERE u.level = 'commune' AND (s.effective_on <> '2025-07-01' OR s.basis NOT LIKE '%/NQ-UBTVQH15')
                """) == 0)
            // Districts close on 2025-06-30; new communes open on 2025-07-01.
            #expect(try count("SELECT count(*) FROM units WHERE kind = 'district' AND (status <> 'merged' OR valid_to <> '2025-06-30')") == 0)
            // Models of historic units started before the unit closed.
            #expect(try count("""
                SELECT count(*) FROM models m JOIN units u ON u.id = m.unit WHERE u.valid_to IS NOT NULL AND m.started_on > u.valid_to
                """) == 0)
            // Models started after the merger belong to units open then.
            #expect(try count("""
                SELECT count(*) FROM models m JOIN units u ON u.id = m.unit
                WHERE m.started_on >= '2025-07-01' AND (u.valid_to IS NOT NULL OR u.status <> 'active')
                """) == 0)
        }
    }

    @Test("each cluster has one lead and one deputy every year")
    func clusterMembers() throws {
        let store = try DemoFixture.made().store
        try store.pool.read { (db: Database) throws in
            let rows = try Row.fetchAll(db, sql: """
                SELECT year, cluster, sum(role = 'lead') AS leads, sum(role = 'deputy') AS deputies, count(*) AS members
                FROM cluster_members GROUP BY year, cluster
                """)
            #expect(rows.count == 17 * 6)
            for row in rows {
                let (leads, deputies, members): (Int, Int, Int) = (row["leads"], row["deputies"], row["members"])
                #expect(leads == 1 && deputies == 1 && members >= 2, "cluster \(row["cluster"] as Int? ?? 0) in \(row["year"] as Int? ?? 0)")
            }
            // From 2025 the geographic clusters hold the new communes.
            #expect(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM cluster_members cm JOIN units u ON u.id = cm.unit
                WHERE cm.year = 2025 AND u.kind = 'district'
                """) == 0)
        }
    }

    @Test("a database with rows is refused; --force deletes only DanVan databases")
    func refusesData() throws {
        let made = try DemoFixture.made()
        #expect(throws: DemoError.notEmpty(path: made.store.path)) {
            try DemoData.generate(into: made.store, options: DemoOptions(), progress: nil)
        }
        #expect(throws: DemoError.badScale(0)) {
            try DemoData.generate(into: made.store, options: DemoOptions(scale: 0), progress: nil)
        }
        #expect(DemoFile.kind(at: made.store.path) == .danVan)
        try withFreshDemoStore { _, path in
            let other = path + ".txt"
            try Data("not a database".utf8).write(to: URL(fileURLWithPath: other))
            #expect(DemoFile.kind(at: other) == .other)
            #expect(throws: DemoError.notDanVanDatabase(path: other)) { try DemoFile.prepare(path: other, force: true) }
            #expect(FileManager.default.fileExists(atPath: other))
            #expect(DemoFile.kind(at: path + ".missing") == .missing)
        }
        // --force on a DanVan database deletes it.
        let directory = NSTemporaryDirectory() + "danvan-demo-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/old.db"
        do { _ = try Store(path: path) }
        #expect(DemoFile.kind(at: path) == .danVan)
        try DemoFile.prepare(path: path, force: true)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("partner units and topic tags are written when the schema has them, without changing the models")
    func partnersAndTags() throws {
        let fixture = try demoDump(DemoFixture.made().store)
        try withFreshDemoStore { store, _ in
            // Migration v2 adds these two tables; made here when the schema under test lacks them.
            try store.pool.write { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS model_partners (
                        id INTEGER PRIMARY KEY, model INTEGER NOT NULL REFERENCES models(id),
                        unit INTEGER NOT NULL REFERENCES units(id), UNIQUE (model, unit));
                    CREATE TABLE IF NOT EXISTS model_tags (
                        id INTEGER PRIMARY KEY, model INTEGER NOT NULL REFERENCES models(id),
                        tag TEXT NOT NULL, UNIQUE (model, tag));
                    """)
            }
            _ = try DemoData.generate(into: store, options: DemoOptions(), progress: nil)
            let dump = try demoDump(store)
            for table in ["units", "people", "models", "indicators", "evaluations", "awards"] {
                #expect(dump.first { $0.table == table }?.rows == fixture.first { $0.table == table }?.rows, "\(table)")
            }
            try store.pool.read { (db: Database) throws in
                let partners = try Int.fetchOne(db, sql: "SELECT count(*) FROM model_partners") ?? 0
                let tags = try Int.fetchOne(db, sql: "SELECT count(*) FROM model_tags") ?? 0
                #expect(partners > 300 && tags > 1000, "partners \(partners), tags \(tags)")
                #expect(try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM model_partners p JOIN models m ON m.id = p.model WHERE p.unit = m.unit OR m.kind <> 'collective'
                    """) == 0)
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM model_tags WHERE tag = 'GPMB'") ?? 0 > 0)
                #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            }
        }
    }

    @Test("a larger scale grows the city but keeps two contests")
    func largerScale() throws {
        let base = try DemoFixture.made().summary
        try withFreshDemoStore { store, _ in
            let summary = try DemoData.generate(into: store, options: DemoOptions(scale: 2), progress: nil)
            #expect(summary.count("models") == 2 * base.count("models"))
            #expect(summary.count("people") == 2 * base.count("people"))
            #expect(summary.count("units") > base.count("units") * 3 / 2)
            #expect(summary.count("contests") == base.count("contests"))
            #expect(summary.anomalies.count == base.anomalies.count)
            try store.pool.read { (db: Database) throws in
                #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            }
        }
    }

    @Test("progress is reported, rising to its total")
    func progress() throws {
        final class Log: @unchecked Sendable { var calls: [(Int, Int)] = [] }
        let log = Log()
        try withFreshDemoStore { store, _ in
            _ = try DemoData.generate(into: store, options: DemoOptions(seed: 3), progress: { log.calls.append(($0, $1)) })
        }
        #expect(log.calls.count > 10)
        #expect(zip(log.calls, log.calls.dropFirst()).allSatisfy { $0.0 <= $1.0 })
        if let last = log.calls.last { #expect(last.0 == last.1) }
    }
}

/// The grouping the summary uses, recomputed here independently.
enum DemoSummaryText {
    static func grouped(_ number: Int, vi: Bool) -> String {
        let digits = Array(String(number))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += vi ? "." : "," }
            out.append(digit)
        }
        return out
    }
}
