// The demo's text is NFC with the new tone placement, except for the deliberate anomalies
// of domain.md §4; every anomaly listed in the summary is present in the rows it names,
// and nothing else in the data breaks the same rules.
import DanVanDemo
import DanVanStore
import DanVanTestSupport
import Foundation
import GRDB
import Testing
import VietText

@Suite("Demo anomalies")
struct DemoAnomalyTests {
    private struct Key: Hashable {
        let table: String
        let id: Int64
    }

    /// Every text value in the database with its table and row id.
    private func texts(_ store: Store) throws -> [(key: Key, column: String, text: String)] {
        try store.pool.read { (db: Database) throws in
            var result: [(Key, String, String)] = []
            for table in Catalog.tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table.name.quotedDatabaseIdentifier)") {
                    let id: Int64 = row["id"]
                    for (column, value) in row {
                        if let text = String.fromDatabaseValue(value) { result.append((Key(table: table.name, id: id), column, text)) }
                    }
                }
            }
            return result
        }
    }

    private func rows(_ summary: DemoSummary, _ kind: DemoAnomaly.Kind) -> Set<Key> {
        Set(summary.anomalies(kind).map { Key(table: $0.table, id: $0.id) })
    }

    @Test("every kind of anomaly is seeded")
    func everyKind() throws {
        let summary = try DemoFixture.made().summary
        for kind in DemoAnomaly.Kind.allCases {
            #expect(!summary.anomalies(kind).isEmpty, "\(kind.rawValue)")
        }
        #expect(summary.anomalies(.lateReport).count == 3)
        #expect(summary.anomalies(.unitWithoutRegistrations).count == 2)
        #expect(summary.anomalies(.lookAlikeLetter).count == 1)
        #expect(summary.anomalies(.duplicateUnit).count == 3)
    }

    @Test("text is NFC, with “Đ”, no stray spaces, typographic quotes and new tone placement, except the anomalies")
    func textRules() throws {
        let made = try DemoFixture.made()
        let all = try texts(made.store)
        let nfd = rows(made.summary, .decomposedText)
        let eth = rows(made.summary, .lookAlikeLetter)
        let spaces = rows(made.summary, .extraSpaces)
        let quotes = rows(made.summary, .asciiQuotes)
        let duplicates = rows(made.summary, .duplicateUnit)
        var seen: [String: Set<Key>] = [:]
        for (key, column, text) in all {
            if !text.isNFC {
                #expect(nfd.contains(key), "\(key.table) \(key.id) \(column) is not NFC")
                seen["nfd", default: []].insert(key)
            }
            if text.unicodeScalars.contains("\u{00D0}") {
                #expect(eth.contains(key), "\(key.table) \(key.id) \(column) has U+00D0")
                seen["eth", default: []].insert(key)
            }
            if column != "search_key" && (text.hasSuffix(" ") || text.hasPrefix(" ") || text.contains("  ")) {
                #expect(spaces.contains(key), "\(key.table) \(key.id) \(column) has stray spaces")
                seen["spaces", default: []].insert(key)
            }
            if text.contains("\"") {
                #expect(quotes.contains(key), "\(key.table) \(key.id) \(column) has ASCII quotes")
                seen["quotes", default: []].insert(key)
            }
            if text.hasOldTonePlacement {
                #expect(duplicates.contains(key), "\(key.table) \(key.id) \(column) has old tone placement: \(text)")
                seen["tone", default: []].insert(key)
            }
        }
        #expect(seen["nfd"] == nfd)
        #expect(seen["eth"] == eth)
        #expect(seen["spaces"] == spaces)
        #expect(seen["quotes"] == quotes)
        #expect(seen["tone", default: []].count == 1, "one duplicate differs by tone placement")
    }

    @Test("the listed rows break the rules they are listed for, and no other row does")
    func structuralAnomalies() throws {
        let made = try DemoFixture.made()
        try made.store.pool.read { (db: Database) throws in
            func ids(_ sql: String) throws -> Set<Int64> { Set(try Int64.fetchAll(db, sql: sql)) }
            func listed(_ kind: DemoAnomaly.Kind) -> Set<Int64> { Set(made.summary.anomalies(kind).map(\.id)) }

            #expect(try ids("SELECT id FROM models WHERE field IS NULL") == listed(.modelWithoutField))
            #expect(try ids("""
                SELECT id FROM models m WHERE status = 'recognised' AND NOT EXISTS (SELECT 1 FROM recognitions r WHERE r.model = m.id)
                """) == listed(.recognisedWithoutDecision))
            // Merged units that still own running models.
            #expect(try ids("""
                SELECT DISTINCT u.id FROM units u JOIN models m ON m.unit = u.id WHERE u.status IN ('merged', 'split')
                AND m.status IN ('draft', 'registered', 'active', 'proposed', 'suspended')
                """) == listed(.mergedUnitWithActiveModels))
            // Active communes with no model at all.
            #expect(try ids("""
                SELECT u.id FROM units u WHERE u.status = 'active' AND u.kind IN ('ward', 'commune', 'township')
                AND NOT EXISTS (SELECT 1 FROM models m WHERE m.unit = u.id)
                """) == listed(.unitWithoutRegistrations))
            // Late or missing reports of the latest period.
            let latest = try String.fetchOne(db, sql: "SELECT period FROM reports ORDER BY due_on DESC LIMIT 1") ?? ""
            #expect(latest == "6T-2025")
            #expect(try ids("""
                SELECT id FROM reports WHERE period = '6T-2025' AND (submitted_on IS NULL OR submitted_on > due_on)
                """) == listed(.lateReport))
            // The same recipient and achievement twice in one decision.
            let doubled = try ids("""
                SELECT max(id) FROM awards GROUP BY decision_no, coalesce(unit, 0), coalesce(person, 0), coalesce(model, 0), achievement
                HAVING count(*) > 1
                """)
            #expect(doubled == listed(.awardedTwice))
            // The swapped name: a given name where the family name should be.
            for anomaly in made.summary.anomalies(.swappedName) {
                let given = try String.fetchOne(db, sql: "SELECT given_name FROM people WHERE id = ?", arguments: [anomaly.id])
                #expect(given == "Nguyễn")
            }
            // Duplicates: another unit of the same kind has the same name once prefixes and diacritics are set aside.
            for anomaly in made.summary.anomalies(.duplicateUnit) {
                let row = try Row.fetchOne(db, sql: "SELECT name, kind FROM units WHERE id = ?", arguments: [anomaly.id])
                let name: String = row?["name"] ?? ""
                let kind: String = row?["kind"] ?? ""
                let others = try String.fetchAll(db, sql: "SELECT name FROM units WHERE kind = ? AND id <> ?",
                                                 arguments: [kind, anomaly.id])
                #expect(others.contains { bareKey($0) == bareKey(name) }, "\(name) duplicates another unit")
            }
            // Culture models that describe security work.
            for anomaly in made.summary.anomalies(.securityModelInCulture) {
                let row = try Row.fetchOne(db, sql: """
                    SELECT f.code, m.description FROM models m LEFT JOIN fields f ON f.id = m.field WHERE m.id = ?
                    """, arguments: [anomaly.id])
                #expect((row?["description"] as String?)?.contains("camera an ninh") == true)
            }
        }
    }

    /// The folded name without its type prefix: "UBND phường Tân Hoà", "Phường Tân Hòa" → "tan hoa".
    private func bareKey(_ name: String) -> String {
        var key = VietFold.fold(name)
        for prefix in ["ubnd ", "q. ", "p. ", "quan ", "phuong ", "xa ", "huyen ", "thi xa ", "thi tran "] where key.hasPrefix(prefix) {
            key = String(key.dropFirst(prefix.count))
        }
        return key
    }
}

extension String {
    /// True when the text has the old tone placement ("hoà", "thuỷ") in an open syllable.
    var hasOldTonePlacement: Bool {
        let words = split { !$0.isLetter }.map { $0.lowercased() }
        let oa = ["oà", "oá", "oả", "oã", "oạ", "oè", "oé", "oẻ", "oẽ", "oẹ"]
        let uy = ["uỳ", "uý", "uỷ", "uỹ", "uỵ"]
        return words.contains { word in
            oa.contains { word.hasSuffix($0) } || uy.contains { word.hasSuffix($0) && !word.hasSuffix("q" + $0) }
        }
    }
}
