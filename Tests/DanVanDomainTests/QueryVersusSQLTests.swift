// Pipelines over the demo data answer the same questions as SQL written by hand: counts by
// field and cluster, group averages, units with no models, Vietnamese-sorted names. Each test
// runs the DanVan query and the SQL on the same database and compares the answers line by line.
import Foundation
import GRDB
import Testing
import DanVanDemo
import DanVanLang
import DanVanStore
import VietText
@testable import DanVanDomain

/// One demo database shared by every test of this suite (it is only read).
private let demo: Result<Store, Error> = Result {
    let dir = NSTemporaryDirectory() + "danvan-query-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let store = try Store(path: dir + "/demo.db")
    _ = try DemoData.generate(into: store, options: DemoOptions(), progress: nil)
    return store
}

/// Runs `code` and returns the lines it printed.
private func lines(_ code: String) throws -> [String] {
    let store = try demo.get()
    let host = DomainHost(store: store)
    var printed: [String] = []
    let interpreter = Interpreter(host: host, lang: .en, output: { printed.append($0) })
    do {
        try interpreter.run(SourceText(name: "<test>", text: code))
    } catch {
        Issue.record("DanVan error: \(interpreter.render(error))")
    }
    return printed
}

private func sql(_ query: String, _ row: (GRDB.Row) -> String) throws -> [String] {
    try demo.get().pool.read { db in try GRDB.Row.fetchAll(db, sql: query).map(row) }
}

private func text(_ value: DatabaseValueConvertible?) -> String {
    guard let value else { return "null" }
    return "\(value)"
}

@Suite struct QueryVersusSQLTests {
    @Test func modelsCountedByField() throws {
        let danvan = try lines("""
            for g in models | group by field.code | select k: key, n: count() { print("{g.k}={g.n}") }
            """)
        let expected = try sql("""
            SELECT f.code AS k, count(*) AS n FROM models m LEFT JOIN fields f ON f.id = m.field GROUP BY f.code
            """) { "\(text($0["k"] as String?))=\($0["n"] as Int)" }
        #expect(danvan.sorted() == expected.sorted())
        #expect(expected.count == 5, "four fields and the seeded models without one")
    }

    @Test func modelsOf2024InAFieldCounted() throws {
        let danvan = try lines(#"print(models | where year == 2024 and field.code == "KT" | count)"#)
        let expected = try sql("""
            SELECT count(*) AS n FROM models m JOIN fields f ON f.id = m.field WHERE m.year = 2024 AND f.code = 'KT'
            """) { "\($0["n"] as Int)" }
        #expect(danvan == expected)
    }

    @Test func modelsCountedByClusterAndField() throws {
        // A model's cluster is its unit's cluster in the model's year, else that of the nearest
        // ancestor that was a member that year (wards belong to their district's cluster);
        // null when none was (a 2024 model re-pointed to a commune made in 2025).
        let danvan = try lines("""
            let rows = models | where year == 2024 | group by [cluster.number, field.code] | select k: key, n: count()
            for g in rows { print("{g.k[0]}/{g.k[1]}={g.n}") }
            """)
        let expected = try sql("""
            WITH RECURSIVE chain(model, unit, year, depth) AS (
                SELECT id, unit, year, 0 FROM models WHERE year = 2024
                UNION ALL
                SELECT c.model, u.parent, c.year, c.depth + 1 FROM chain c JOIN units u ON u.id = c.unit
                WHERE u.parent IS NOT NULL AND c.depth < 6
            ),
            picked(model, cluster) AS (
                SELECT c.model, (SELECT cm.cluster FROM cluster_members cm WHERE cm.unit = c.unit AND cm.year = c.year
                                 ORDER BY cm.id DESC LIMIT 1)
                FROM chain c
                WHERE EXISTS (SELECT 1 FROM cluster_members cm WHERE cm.unit = c.unit AND cm.year = c.year)
                  AND NOT EXISTS (SELECT 1 FROM chain c2 JOIN cluster_members cm2 ON cm2.unit = c2.unit AND cm2.year = c2.year
                                  WHERE c2.model = c.model AND c2.depth < c.depth)
            )
            SELECT cl.number AS c, f.code AS f, count(*) AS n
            FROM models mo
            LEFT JOIN picked p ON p.model = mo.id
            LEFT JOIN clusters cl ON cl.id = p.cluster
            LEFT JOIN fields f ON f.id = mo.field
            WHERE mo.year = 2024
            GROUP BY cl.number, f.code
            """) { "\(text($0["c"] as Int?))/\(text($0["f"] as String?))=\($0["n"] as Int)" }
        #expect(danvan.sorted() == expected.sorted())
        #expect(expected.count >= 24, "6 clusters × 4 fields")
    }

    @Test func averageAnnualScoreByField() throws {
        let danvan = try lines("""
            let rows = evaluations | where kind == "annual" and score != null | group by model.field.code
                | select k: key, a: avg(score), n: count()
            for g in rows { print("{g.k}={round(g.a, 6)}/{g.n}") }
            """)
        let expected = try sql("""
            SELECT f.code AS k, avg(e.score) AS a, count(*) AS n FROM evaluations e
            JOIN models m ON m.id = e.model LEFT JOIN fields f ON f.id = m.field
            WHERE e.kind = 'annual' AND e.score IS NOT NULL GROUP BY f.code
            """) { row -> String in
            let average = (row["a"] as Double) * 1_000_000
            let rounded = average.rounded(.toNearestOrAwayFromZero) / 1_000_000
            return "\(text(row["k"] as String?))=\(rounded)/\(row["n"] as Int)"
        }
        #expect(danvan.sorted() == expected.sorted())
        #expect(!expected.isEmpty)
    }

    @Test func averageLatestScoreOfModelsByField() throws {
        // The issue's example: `models.score` is the score of the model's latest evaluation.
        let danvan = try lines("""
            let rows = models | group by field.name | select field: key, n: count(), avg_score: avg(score) | sort n desc
            for g in rows { print("{g.field}={round(g.avg_score, 6)}/{g.n}") }
            """)
        let expected = try sql("""
            WITH latest AS (
                SELECT e.model, e.score FROM evaluations e WHERE e.score IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM evaluations l WHERE l.model = e.model AND l.score IS NOT NULL
                    AND (l.evaluated_on > e.evaluated_on OR (l.evaluated_on = e.evaluated_on AND l.id > e.id))))
            SELECT f.name AS k, avg(l.score) AS a, count(*) AS n FROM models m
            LEFT JOIN latest l ON l.model = m.id LEFT JOIN fields f ON f.id = m.field
            GROUP BY f.name ORDER BY n DESC
            """) { row -> String in
            let rounded = ((row["a"] as Double) * 1_000_000).rounded(.toNearestOrAwayFromZero) / 1_000_000
            return "\(text(row["k"] as String?))=\(rounded)/\(row["n"] as Int)"
        }
        #expect(danvan == expected)
        #expect(expected.count == 5)
    }

    @Test func unitsWithNoModels() throws {
        let danvan = try lines("""
            for u in units | where status == "active" and len(models) == 0 { print(u.code) }
            """)
        let expected = try sql("""
            SELECT code FROM units u WHERE status = 'active'
            AND NOT EXISTS (SELECT 1 FROM models m WHERE m.unit = u.id) ORDER BY id
            """) { $0["code"] as String }
        #expect(danvan == expected)
        #expect(!expected.isEmpty)
    }

    @Test func unitNamesSortedTheVietnameseWay() throws {
        let danvan = try lines("""
            for u in units | where kind == "ward" or kind == "commune" | sort name { print(u.name) }
            """)
        let expected = try sql("""
            SELECT name FROM units WHERE kind IN ('ward', 'commune') ORDER BY name COLLATE vi, id
            """) { $0["name"] as String }
        #expect(danvan == expected)
        #expect(expected.count > 50)
        // And the order really is Vietnamese: "Phường Đ…" after every "Phường D…".
        let wards = expected.filter { $0.hasPrefix("Phường ") }
        if let firstĐ = wards.firstIndex(where: { $0.hasPrefix("Phường Đ") }) {
            #expect(!wards[firstĐ...].contains { $0.hasPrefix("Phường D") })
        }
    }

    @Test func peopleSortedByGivenNameFirst() throws {
        let danvan = try lines("for p in people | sort sort_name, id | take 200 { print(p.id) }")
        let people = try sql("SELECT id, family_name, middle_name, given_name FROM people ORDER BY id") { row in
            "\(row["id"] as Int)\t\(row["family_name"] as String)\t\(row["middle_name"] as String)\t\(row["given_name"] as String)"
        }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        struct Keyed { let id: String; let key: VietText.SortKey; let position: Int }
        var keyed: [Keyed] = []
        for (position, parts) in people.enumerated() {
            let name = [parts[3], parts[2], parts[1]].filter { !$0.isEmpty }.joined(separator: " ")
            keyed.append(Keyed(id: parts[0], key: VietCollation.sortKey(name), position: position))
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        let expected = keyed.prefix(200).map(\.id)
        #expect(danvan == Array(expected))
    }

    @Test func finalistsAndPrizesOf2024() throws {
        let danvan = try lines("""
            print(teams | where contest.year == 2024 and status == "finalist" | count)
            for t in teams | where contest.year == 2024 and prize != null | sort id { print(t.unit.name, t.prize) }
            """)
        let expected = try sql("""
            SELECT count(*) AS n FROM teams t JOIN contests c ON c.id = t.contest WHERE c.year = 2024 AND t.status = 'finalist'
            """) { "\($0["n"] as Int)" } + sql("""
            SELECT u.name AS u, t.prize AS p FROM teams t JOIN contests c ON c.id = t.contest JOIN units u ON u.id = t.unit
            WHERE c.year = 2024 AND t.prize IS NOT NULL ORDER BY t.id
            """) { "\($0["u"] as String) \($0["p"] as String)" }
        #expect(danvan == expected)
        #expect(expected.first == "6")
    }
}

/// A unit's relations on the demo data (issue 7): its subordinate units (`units.parent`), the
/// successions to newer units (`unit_successions.old_unit`) and from older ones
/// (`unit_successions.new_unit`), each by name and by Vietnamese alias, give the rows SQL gives.
@Suite struct UnitRelationsVersusSQLTests {
    /// The unit with the most rows through `column` of `table`.
    private func busiest(_ table: String, _ column: String) throws -> Int {
        try sql("SELECT \(column) AS id FROM \(table) WHERE \(column) IS NOT NULL GROUP BY \(column) ORDER BY count(*) DESC, \(column) LIMIT 1") {
            "\($0["id"] as Int)"
        }.first.flatMap { Int($0) } ?? -1
    }

    @Test func subordinateUnits() throws {
        let id = try busiest("units", "parent")
        let expected = try sql("SELECT code FROM units WHERE parent = \(id) ORDER BY id") { $0["code"] as String }
        #expect(expected.count > 1)
        let danvan = try lines("""
            let u = units | where id == \(id) | first
            for x in u.units { print(x.code) }
            print(len(u.don_vi))
            """)
        #expect(danvan == expected + [String(expected.count)])
    }

    @Test func successorsAndPredecessors() throws {
        for (column, name, alias, other) in [("old_unit", "successors", "ke_thua", "new_unit"),
                                             ("new_unit", "predecessors", "tien_than", "old_unit")] {
            let id = try busiest("unit_successions", column)
            let expected = try sql("""
                SELECT s.id, u.code FROM unit_successions s JOIN units u ON u.id = s.\(other)
                WHERE s.\(column) = \(id) ORDER BY s.id
                """) { "\($0["id"] as Int) \($0["code"] as String)" }
            #expect(expected.count > 1, "\(name)")
            let danvan = try lines("""
                let u = units | where id == \(id) | first
                for s in u.\(name) { print("{s.id} {s.\(other).code}") }
                let byAlias = u.\(alias) | map(s => s.id)
                let byName = u.\(name) | map(s => s.id)
                print(byAlias == byName)
                """)
            #expect(danvan == expected + ["true"], "\(name)")
        }
    }

    @Test func modelsLedAndModelsLocated() throws {
        let id = try busiest("models", "location")
        let led = try sql("SELECT count(*) AS n FROM models WHERE unit = \(id)") { "\($0["n"] as Int)" }
        let located = try sql("SELECT count(*) AS n FROM models WHERE location = \(id)") { "\($0["n"] as Int)" }
        let danvan = try lines("""
            let u = units | where id == \(id) | first
            print(len(u.models))
            print(len(u.located_models), len(u.mo_hinh_dia_ban))
            """)
        #expect(danvan == led + ["\(located[0]) \(located[0])"])
    }
}
