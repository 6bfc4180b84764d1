// An in-memory host for the language tests: a few small tables shaped like the domain
// (fields, units, models, contests, teams) with Vietnamese names, references (`models.unit`),
// relations (`units.models`, `contests.teams`) and Vietnamese aliases (`mo_hinh`, `ten`).
// It can change its data too (TestHost+Writer.swift), and adds two functions of its own.
import DanVanLang

final class MemoryTable: TableSource {
    let name: String
    let schema: RowSchema
    var storedRows: [Row] = []

    init(name: String, schema: RowSchema) {
        self.name = name
        self.schema = schema
    }

    func rows() throws -> [Row] { storedRows }
}

struct HostFailure: Error, CustomStringConvertible {
    var description: String { "disk on fire" }
}

final class TestHost: Host, RowResolver {
    var tables: [String: MemoryTable] = [:]
    private var aliases: [String: String] = [:]
    /// False: the session cannot change data (`writer` is nil).
    var writable = true
    /// True: `update(_:)` and `delete(_:)` with a selection answer nil (the language's own path).
    var declineSelections = false
    /// Every change asked of the writer and every host function called, in order.
    var writes: [WriteCall] = []
    /// What `willRun(writes:)` was told, run after run.
    var willRunCalls: [Bool] = []
    /// Set: `willRun` throws it (the database is busy).
    var willRunError: Error?

    var writer: HostWriter? { writable ? self : nil }

    var tableNames: [String] { Array(tables.keys) + Array(aliases.keys) }

    func table(named name: String) -> TableSource? {
        if name == "broken" { return BrokenTable(schema: tables["fields"]!.schema) }
        return tables[aliases[name] ?? name]
    }

    func row(table: String, id: Int64) throws -> Row? {
        tables[table]?.storedRows.first { row in
            if case .int(let rowID) = row.values[0] { return rowID == id }
            return false
        }
    }

    func children(childTable: String, childColumn: String, parentID: Int64) throws -> [Row] {
        guard let table = tables[childTable], let column = table.schema.columnIndex[childColumn] else { return [] }
        return table.storedRows.filter { row in
            if case .int(let value) = row.values[column] { return value == parentID }
            return false
        }
    }

    /// Declares a table: columns in order; `references` maps a column to the table it points
    /// at; `relations` maps a relation name to (child table, child column).
    private func define(_ name: String, alias: String, columns: [String], columnAliases: [String: String] = [:],
                        references: [String: String] = [:], relations: [String: (String, String)] = [:],
                        required: Set<String> = [], display: String?, rows: [[Value]]) {
        var index: [String: Int] = [:]
        for (position, column) in columns.enumerated() { index[column] = position }
        for (alias, column) in columnAliases { index[alias] = index[column] }
        var links: [String: Link] = [:]
        for (column, target) in references { links[column] = .reference(column: index[column]!, table: target) }
        for (relation, (child, childColumn)) in relations { links[relation] = .relation(childTable: child, childColumn: childColumn) }
        // Kinds from the first value that is not null; `status` columns are coded.
        let kinds: [ColumnKind] = columns.indices.map { position in
            if let target = references[columns[position]] { return .reference(target) }
            for row in rows {
                switch row[position] {
                case .int: return .integer
                case .double: return .decimal
                case .text: return .text
                case .bool: return .bool
                case .date: return .date
                default: continue
                }
            }
            return .any
        }
        var codes: [Int: CodeList] = [:]
        if let status = index["status"] {
            let values = Array(Set(rows.compactMap { row -> String? in
                if case .text(let text) = row[status] { return text }
                return nil
            })).sorted()
            codes[status] = CodeList(codes: values, labels: values.map { [TestHost.statusLabels[$0] ?? $0] })
        }
        let nullable = columns.map { $0 != "id" && !required.contains($0) }
        let schema = RowSchema(table: name, columns: columns, columnIndex: index, links: links,
                               displayColumn: display.flatMap { index[$0] }, resolver: self, kinds: kinds, codes: codes,
                               nullable: nullable)
        let table = MemoryTable(name: name, schema: schema)
        table.storedRows = rows.map { Row(schema: schema, values: $0) }
        tables[name] = table
        aliases[alias] = name
    }

    static let statusLabels = ["recognised": "Đã công nhận", "active": "Đang hoạt động", "registered": "Đã đăng ký"]

    init() {
        define("fields", alias: "linh_vuc", columns: ["id", "code", "name"], columnAliases: ["ten": "name", "ma": "code"],
               relations: ["models": ("models", "field")], required: ["code", "name"], display: "name", rows: [
                [.int(1), .text("KT"), .text("Kinh tế")],
                [.int(2), .text("VHXH"), .text("Văn hóa - xã hội")],
                [.int(3), .text("QPAN"), .text("Quốc phòng - an ninh")],
                [.int(4), .text("XDHTCT"), .text("Xây dựng hệ thống chính trị")],
               ])
        define("units", alias: "don_vi", columns: ["id", "code", "name", "kind", "parent", "status", "founded_on"],
               columnAliases: ["ten": "name", "loai": "kind"],
               references: ["parent": "units"],
               relations: ["models": ("models", "unit"), "teams": ("teams", "unit"), "units": ("units", "parent")],
               required: ["code", "name", "kind", "status"], display: "name", rows: [
                [.int(1), .text("HN"), .text("Thành phố Hà Nội"), .text("city"), .null, .text("active"), Value.date(iso: "1945-09-02")!],
                [.int(2), .text("TH"), .text("Phường Tân Hòa"), .text("ward"), .int(1), .text("active"), Value.date(iso: "2025-07-01")!],
                [.int(3), .text("CN"), .text("Phường Cửa Nam"), .text("ward"), .int(1), .text("active"), Value.date(iso: "2025-07-01")!],
                [.int(4), .text("BV"), .text("Xã Ba Vì"), .text("commune"), .int(1), .text("active"), Value.date(iso: "2025-07-01")!],
                [.int(5), .text("DA"), .text("Huyện Đông Anh"), .text("district"), .int(1), .text("merged"), Value.date(iso: "1961-04-01")!],
                [.int(6), .text("AN"), .text("Phường Ân Thi"), .text("ward"), .int(1), .text("active"), .null],
               ])
        define("models", alias: "mo_hinh", columns: ["id", "code", "title", "field", "unit", "year", "score", "status", "hotspot"],
               columnAliases: ["ten": "title", "nam": "year", "diem": "score"],
               references: ["field": "fields", "unit": "units"],
               relations: ["evaluations": ("evaluations", "model")],
               required: ["code", "title", "unit", "year", "status", "hotspot"], display: "title", rows: [
                [.int(1), .text("M1"), .text("Dân vận khéo trong cải cách hành chính"), .int(4), .int(2), .int(2024), .double(9.5), .text("recognised"), .bool(false)],
                [.int(2), .text("M2"), .text("Vận động hiến đất làm đường"), .int(1), .int(4), .int(2024), .double(8.0), .text("active"), .bool(true)],
                [.int(3), .text("M3"), .text("Tổ dân phố văn minh"), .int(2), .int(3), .int(2023), .double(7.5), .text("recognised"), .bool(false)],
                [.int(4), .text("M4"), .text("Phát triển kinh tế VACR"), .int(1), .int(4), .int(2024), .double(9.0), .text("recognised"), .bool(false)],
                [.int(5), .text("M5"), .text("An ninh trật tự khu dân cư"), .int(3), .int(2), .int(2023), .null, .text("registered"), .bool(true)],
                [.int(6), .text("M6"), .text("Đảng viên gương mẫu"), .null, .int(3), .int(2024), .double(8.5), .text("active"), .bool(false)],
               ])
        define("evaluations", alias: "danh_gia", columns: ["id", "model", "score", "on"],
               references: ["model": "models"], display: nil, rows: [
                [.int(1), .int(1), .double(9.5), Value.date(iso: "2024-06-30")!],
                [.int(2), .int(1), .double(9.0), Value.date(iso: "2024-12-15")!],
                [.int(3), .int(2), .double(8.0), Value.date(iso: "2024-12-15")!],
               ])
        define("contests", alias: "hoi_thi", columns: ["id", "name", "year"],
               relations: ["teams": ("teams", "contest")], display: "name", rows: [
                [.int(1), .text("Hội thi Dân vận khéo 2024"), .int(2024)],
                [.int(2), .text("Hội thi Dân vận khéo 2023"), .int(2023)],
               ])
        define("teams", alias: "doi_thi", columns: ["id", "name", "unit", "contest", "prize"],
               references: ["unit": "units", "contest": "contests"], display: "name", rows: [
                [.int(1), .text("Đội Tân Hòa"), .int(2), .int(1), .text("Giải Nhất")],
                [.int(2), .text("Đội Cửa Nam"), .int(3), .int(1), .null],
                [.int(3), .text("Đội Ba Vì"), .int(4), .int(1), .text("Giải Ba")],
                [.int(4), .text("Đội Đông Anh"), .int(5), .int(2), .text("Giải Nhì")],
               ])
    }
}

/// A table whose rows cannot be read, for the host-error message.
final class BrokenTable: TableSource {
    let name = "broken"
    let schema: RowSchema
    init(schema: RowSchema) { self.schema = schema }
    func rows() throws -> [Row] { throw HostFailure() }
}
