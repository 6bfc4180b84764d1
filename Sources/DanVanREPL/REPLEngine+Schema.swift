// `:tables` and `:schema`, generated from DanVanStore's Catalog: the same source as the
// language binding, the CSV layer and the docs, so what `:schema` says is what scripts see.
// Both results are tables, shown in the current `:mode` like any other result.
import DanVanDomain
import DanVanOutput
import DanVanStore
import VietText

extension REPLEngine {
    static let tableHeading = Localized(vi: "Bảng", en: "Table")
    static let aliasHeading = Localized(vi: "Bí danh", en: "Alias")
    static let labelHeading = Localized(vi: "Tên gọi", en: "Label")
    static let rowsHeading = Localized(vi: "Số dòng", en: "Rows")
    static let columnsHeading = Localized(vi: "Các cột", en: "Columns")
    static let columnHeading = Localized(vi: "Cột", en: "Column")
    static let typeHeading = Localized(vi: "Kiểu", en: "Type")
    static let requiredHeading = Localized(vi: "Bắt buộc", en: "Required")
    static let valuesHeading = Localized(vi: "Giá trị", en: "Values")
    static let unknownTable = Localized(
        vi: "Không có bảng '{0}'. Gõ :tables để xem các bảng.",
        en: "No table '{0}'. Type :tables for the list.")
    static let relationsHeading = Localized(vi: "Quan hệ (x.tên → các dòng):", en: "Relations (x.name → rows):")
    static let relationHeading = Localized(vi: "Quan hệ", en: "Relation")
    static let throughHeading = Localized(vi: "Qua cột", en: "Through column")
    static let derivedNote = Localized(vi: "tự tính", en: "derived")

    func commandTables() {
        let counts = Catalog.tables.map { environment.rowCount($0.name) }
        let showCounts = counts.contains { $0 != nil }
        var columns = [
            TableModel.Column(name: "table", label: Self.tableHeading(lang)),
            TableModel.Column(name: "alias", label: Self.aliasHeading(lang)),
            TableModel.Column(name: "label", label: Self.labelHeading(lang)),
        ]
        if showCounts { columns.append(TableModel.Column(name: "rows", label: Self.rowsHeading(lang))) }
        let rows: [[CellValue]] = zip(Catalog.tables, counts).map { table, count in
            var row: [CellValue] = [.text(table.name), .text(table.alias), .text(table.label(lang))]
            if showCounts { row.append(count.map { .integer(Int64($0)) } ?? .null) }
            return row
        }
        show(.table(TableModel(columns: columns, rows: rows)))
    }

    func commandSchema(_ argument: String, line: Int) {
        guard !argument.isEmpty else {
            show(.table(allTablesModel()))
            return
        }
        guard let table = Catalog.table(named: argument) else {
            return fail(Self.unknownTable(lang, argument), line: line)
        }
        writeResult(table.name + " (" + table.alias + "): " + table.label(lang) + "\n")
        show(.table(columnsModel(of: table)))
        let relations = Catalog.relations(of: table.name)
        if !relations.isEmpty {
            writeResult(Self.relationsHeading(lang) + "\n")
            show(.table(relationsModel(relations)))
        }
    }

    /// One row per relation: `x.name` (or `x.alias`) gives the rows of `table` whose `column` is x.
    func relationsModel(_ relations: [Relation]) -> TableModel {
        let columns = [
            TableModel.Column(name: "relation", label: Self.relationHeading(lang)),
            TableModel.Column(name: "alias", label: Self.aliasHeading(lang)),
            TableModel.Column(name: "label", label: Self.labelHeading(lang)),
            TableModel.Column(name: "table", label: Self.tableHeading(lang)),
            TableModel.Column(name: "column", label: Self.throughHeading(lang)),
        ]
        let rows: [[CellValue]] = relations.map { relation in
            [.text(relation.name), .text(relation.alias), .text(relation.label(lang)),
             .text(relation.childTable), .text(relation.childColumn)]
        }
        return TableModel(columns: columns, rows: rows)
    }

    /// Every table with its columns' names.
    func allTablesModel() -> TableModel {
        let columns = [
            TableModel.Column(name: "table", label: Self.tableHeading(lang)),
            TableModel.Column(name: "alias", label: Self.aliasHeading(lang)),
            TableModel.Column(name: "label", label: Self.labelHeading(lang)),
            TableModel.Column(name: "columns", label: Self.columnsHeading(lang)),
        ]
        let rows: [[CellValue]] = Catalog.tables.map { table in
            [.text(table.name), .text(table.alias), .text(table.label(lang)),
             .text(table.columns.map(\.name).joined(separator: ", "))]
        }
        return TableModel(columns: columns, rows: rows)
    }

    /// One row per column of `table`: name, alias, label, type, whether required, codes.
    func columnsModel(of table: Table) -> TableModel {
        let columns = [
            TableModel.Column(name: "column", label: Self.columnHeading(lang)),
            TableModel.Column(name: "alias", label: Self.aliasHeading(lang)),
            TableModel.Column(name: "label", label: Self.labelHeading(lang)),
            TableModel.Column(name: "type", label: Self.typeHeading(lang)),
            TableModel.Column(name: "required", label: Self.requiredHeading(lang)),
            TableModel.Column(name: "values", label: Self.valuesHeading(lang)),
        ]
        var rows: [[CellValue]] = table.columns.map { column in
            var type = Self.typeName(column.type, lang)
            if column.derived { type += " (" + Self.derivedNote(lang) + ")" }
            return [
                .text(column.name), .text(column.alias), .text(column.label(lang)), .text(type),
                column.nullable ? .null : .bool(true),
                column.codes.isEmpty ? .null : .text(column.codes.map(\.code).joined(separator: ", ")),
            ]
        }
        // The columns the language adds to this table's rows (`models.score`, `units.cluster`).
        for column in DerivedColumns.columns(of: table.name) {
            let type = Self.typeName(column.type, lang) + " (" + Self.derivedNote(lang) + ")"
            rows.append([.text(column.name), .text(column.alias), .text(column.label(lang)), .text(type), .null, .null])
        }
        return TableModel(columns: columns, rows: rows)
    }

    static let typeNames: [String: Localized] = [
        "integer": Localized(vi: "số nguyên", en: "integer"),
        "real": Localized(vi: "số thực", en: "number"),
        "text": Localized(vi: "văn bản", en: "text"),
        "date": Localized(vi: "ngày", en: "date"),
        "bool": Localized(vi: "có/không", en: "yes/no"),
    ]

    static func typeName(_ type: ColumnType, _ lang: Lang) -> String {
        let key: String
        switch type {
        case .integer: key = "integer"
        case .real: key = "real"
        case .text: key = "text"
        case .date: key = "date"
        case .bool: key = "bool"
        case .reference(let table): return "→ " + table
        }
        return typeNames[key].map { $0(lang) } ?? key
    }
}
