// The field parsers on their own: dates (ISO and dd/mm/yyyy, real calendar days only),
// booleans, numbers, NULL versus empty text, codes by code or label, header names.
@testable import DanVanCSV
import DanVanStore
import GRDB
import Testing

@Suite struct CSVCellTests {
    @Test func dates() {
        #expect(CellParser.isoDate("2025-07-01") == "2025-07-01")
        #expect(CellParser.isoDate("1/7/2025") == "2025-07-01")
        #expect(CellParser.isoDate("31/12/2024") == "2024-12-31")
        #expect(CellParser.isoDate("29/02/2024") == "2024-02-29")
        #expect(CellParser.isoDate("29/02/2025") == nil)
        #expect(CellParser.isoDate("2100-02-29") == nil)
        #expect(CellParser.isoDate("2000-02-29") == "2000-02-29")
        #expect(CellParser.isoDate("2025-13-01") == nil)
        #expect(CellParser.isoDate("2025-7-1") == nil)
        #expect(CellParser.isoDate("07/01/25") == nil)
        #expect(CellParser.isoDate("") == nil)
    }

    @Test func booleans() {
        #expect(["1", "true", "TRUE", "có", "Có", "co", "yes"].map(CellParser.bool) == Array(repeating: true, count: 7))
        #expect(["0", "false", "không", "Không", "no"].map(CellParser.bool) == Array(repeating: false, count: 5))
        #expect(CellParser.bool("2") == nil)
        #expect(CellParser.bool("maybe") == nil)
    }

    static func column(_ table: String, _ name: String) throws -> DanVanStore.Column {
        let table = try #require(Catalog.table(named: table))
        return try #require(table.column(named: name))
    }

    @Test func textKeepsNullApartFromEmpty() throws {
        let parser = CellParser(column: try Self.column("units", "short_name"))
        guard case .empty = parser.parse("", quoted: false) else { Issue.record("unquoted empty is NULL"); return }
        guard case .value(let value) = parser.parse("", quoted: true) else { Issue.record("\"\" is text"); return }
        #expect(value == "".databaseValue)
        guard case .value(let spaced) = parser.parse(" a ", quoted: false) else { Issue.record("text"); return }
        #expect(spaced == " a ".databaseValue)
    }

    @Test func numbersAndReferences() throws {
        let year = CellParser(column: try Self.column("models", "year"))
        guard case .value(let value) = year.parse(" 2024 ", quoted: false) else { Issue.record("2024"); return }
        #expect(value == Int64(2024).databaseValue)
        guard case .problem(.wrongType) = year.parse("99999999999999999999", quoted: false) else {
            Issue.record("overflow must be a wrong type, not a trap"); return
        }
        let points = CellParser(column: try Self.column("scores", "points"))
        guard case .problem = points.parse("nan", quoted: false) else { Issue.record("NaN is refused"); return }
        guard case .value(let real) = points.parse("1e-07", quoted: false) else { Issue.record("1e-07"); return }
        #expect(real == (1e-7).databaseValue)

        let unit = CellParser(column: try Self.column("models", "unit"))
        guard case .reference(.code("P-TH-01")) = unit.parse("P-TH-01", quoted: false) else { Issue.record("code"); return }
        guard case .reference(.id(12)) = unit.parse("12", quoted: false) else { Issue.record("id"); return }
        // Rounds have no code: only an id will do.
        let round = CellParser(column: try Self.column("scores", "round"))
        guard case .problem(.wrongType) = round.parse("R1", quoted: false) else { Issue.record("no code"); return }
    }

    @Test func codesByCodeOrUniqueLabel() throws {
        let kind = CellParser(column: try Self.column("units", "kind"))
        for (text, code) in [("ward", "ward"), ("Ward", "ward"), ("Phường", "ward"), ("phuong", "ward"), ("Xã", "commune")] {
            guard case .value(let value) = kind.parse(text, quoted: false) else { Issue.record("\(text)"); continue }
            #expect(value == code.databaseValue, "\(text)")
        }
        guard case .problem(.codeNotAllowed) = kind.parse("village", quoted: false) else { Issue.record("village"); return }
        // A label names its code within its own column: "Cơ sở" is `commune` among unit levels.
        let level = CellParser(column: try Self.column("units", "level"))
        guard case .value(let commune) = level.parse("Cơ sở", quoted: false) else { Issue.record("Cơ sở"); return }
        #expect(commune == "commune".databaseValue)
    }

    @Test func headerNames() throws {
        let units = try #require(CSVNames.table(named: "Đơn vị"))
        #expect(units.name == "units")
        #expect(CSVNames.column(in: units, header: "Tên")?.name == "name")
        #expect(CSVNames.column(in: units, header: " TEN ")?.name == "name")
        #expect(CSVNames.column(in: units, header: "Tên đơn vị")?.name == "name")
        #expect(CSVNames.column(in: units, header: "Đơn vị cha")?.name == "parent")
        #expect(CSVNames.column(in: units, header: "Parent")?.name == "parent")
        #expect(CSVNames.column(in: units, header: "nme") == nil)
        #expect(CSVNames.column(in: units, header: "") == nil)
        #expect(CSVNames.table(named: "nope") == nil)
    }
}
