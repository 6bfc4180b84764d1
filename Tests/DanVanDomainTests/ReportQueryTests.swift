// The report functions of the language on the demo data, checked against SQL written by hand:
// `group by` with two keys, `pivot` with totals, `label` against the catalog's labels, and
// the column origins that records carry, the same whether SQL or memory made them.
import Foundation
import GRDB
import Testing
import DanVanDemo
import DanVanLang
import DanVanStore
import VietText
@testable import DanVanDomain

private let demo: Result<Store, Error> = Result {
    let dir = NSTemporaryDirectory() + "danvan-report-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let store = try Store(path: dir + "/demo.db")
    _ = try DemoData.generate(into: store, options: DemoOptions(), progress: nil)
    return store
}

/// The value of `code`'s last statement and what it printed, run with or without SQL.
private func evaluate(_ code: String, pushdown: Bool = true, lang: Lang = .en) throws -> (value: Value, printed: [String]) {
    let host = DomainHost(store: try demo.get(), pushdown: pushdown)
    var printed: [String] = []
    let interpreter = Interpreter(host: host, lang: lang, output: { printed.append($0) })
    var value = Value.null
    try host.snapshot {
        do throws(LangError) {
            value = try interpreter.run(SourceText(name: "<test>", text: code))
        } catch {
            Issue.record("DanVan error: \(interpreter.render(error))")
        }
    }
    return (value, printed)
}

private func sql(_ query: String, _ row: (GRDB.Row) -> String) throws -> [String] {
    try demo.get().pool.read { db in try GRDB.Row.fetchAll(db, sql: query).map(row) }
}

private func text(_ value: DatabaseValueConvertible?) -> String {
    guard let value else { return "null" }
    return "\(value)"
}

/// The cluster of a model (aliased `mm`: the derived column's SQL uses `m` itself), in SQL.
private let modelCluster = "(SELECT cl.name FROM clusters cl WHERE cl.id = \(DerivedSQL.expression(table: "models", column: "cluster", alias: "mm") ?? "NULL"))"

@Suite struct ReportQueryTests {
    @Test func twoKeysCountLikeSQL() throws {
        let (_, danvan) = try evaluate("""
            for g in models | group by year, f: field.code | select y: key.year, f: key.f, n: count() { print("{g.y}|{g.f}|{g.n}") }
            """)
        let expected = try sql("""
            SELECT m.year AS y, f.code AS f, count(*) AS n FROM models m LEFT JOIN fields f ON f.id = m.field
            GROUP BY m.year, f.code ORDER BY min(m.id)
            """) { "\(text($0["y"] as Int?))|\(text($0["f"] as String?))|\($0["n"] as Int)" }
        #expect(danvan == expected)
        #expect(expected.count > 40)
    }

    @Test func twoKeysInMemoryGiveTheSameGroups() throws {
        let code = "models | group by c: cluster.name, s: status | select c: key.c, s: key.s, n: count(), a: avg(score)"
        let pushed = try evaluate(code).value, memory = try evaluate(code, pushdown: false).value
        #expect(pushed.description == memory.description)
        #expect((pushed.items?.count ?? 0) > 20)
    }

    @Test func pivotWithTotalsMatchesSQL() throws {
        let (_, danvan) = try evaluate("""
            let t = models | where year == 2024 and field != null | group by c: cluster.name, f: field.code | select cluster: key.c, f: key.f, n: count()
            for r in pivot(t, "f", "n", true) { print("{r.cluster}|{r.KT}|{r.VHXH}|{r.QPAN}|{r.XDHTCT}|{r.total}") }
            """)
        let cells = try sql("""
            SELECT \(modelCluster) AS c, f.code AS f, count(*) AS n FROM models mm JOIN fields f ON f.id = mm.field
            WHERE mm.year = 2024 GROUP BY 1, 2
            """) { "\(text($0["c"] as String?))|\($0["f"] as String)|\($0["n"] as Int)" }
        var table: [String: [String: Int]] = [:]
        for cell in cells {
            let parts = cell.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            table[parts[0], default: [:]][parts[1]] = Int(parts[2])
        }
        let codes = ["KT", "VHXH", "QPAN", "XDHTCT"]
        func line(_ name: String, _ counts: [String: Int]) -> String {
            let values = codes.map { counts[$0].map(String.init) ?? "null" }
            return ([name] + values + [String(counts.values.reduce(0, +))]).joined(separator: "|")
        }
        var expected = table.map { line($0.key, $0.value) }.sorted()
        var columnTotals: [String: Int] = [:]
        for counts in table.values { for (code, n) in counts { columnTotals[code, default: 0] += n } }
        #expect(danvan.count == table.count + 1)
        #expect(Array(danvan.dropLast()).sorted() == expected)
        expected = [line("Total", columnTotals)]
        #expect(danvan.last == expected.first)
    }

    @Test func labelsAreTheCatalogsLabels() throws {
        let (_, danvan) = try evaluate("""
            for g in models | group by status | select s: label(key), n: count() { print("{g.s}|{g.n}") }
            """, lang: .vi)
        let labels = Dictionary(uniqueKeysWithValues: (Catalog.table(named: "models")?.columns.first { $0.name == "status" }?.codes ?? [])
            .map { ($0.code, $0.label.vi) })
        let expected = try sql("SELECT status, count(*) AS n FROM models GROUP BY status ORDER BY min(id)") {
            "\(labels[$0["status"] as String] ?? "?")|\($0["n"] as Int)"
        }
        #expect(danvan == expected)
        #expect(!labels.isEmpty && !danvan.contains { $0.hasPrefix("?") })
    }

    @Test func originsAreTheSameInSQLAndMemory() throws {
        let code = "units | where status == \"active\" | select name, parent.name, p: parent.parent.name, n: len(models) | take 3"
        for pushdown in [true, false] {
            guard case .record(let record)? = try evaluate(code, pushdown: pushdown).value.items?.first else {
                Issue.record("no records (pushdown \(pushdown))")
                continue
            }
            #expect(record.shape.origins == [
                ColumnOrigin(table: "units", path: ["name"]), ColumnOrigin(table: "units", path: ["parent", "name"]),
                ColumnOrigin(table: "units", path: ["parent", "parent", "name"]), nil,
            ], "pushdown \(pushdown)")
        }
        let grouped = "models | group by c: cluster.name, nam | select c: key.c, y: key.nam, n: count()"
        for pushdown in [true, false] {
            guard case .record(let record)? = try evaluate(grouped, pushdown: pushdown).value.items?.first else {
                Issue.record("no groups (pushdown \(pushdown))")
                continue
            }
            #expect(record.shape.origins == [
                ColumnOrigin(table: "models", path: ["cluster", "name"]), ColumnOrigin(table: "models", path: ["year"]), nil,
            ], "pushdown \(pushdown)")
        }
    }
}
