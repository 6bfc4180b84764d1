// The change log's tables (Migrations v4, ChangeLog.swift) as the catalog shows them: the
// language can query them (`changes | where user == "lan"`), nothing can write them but the
// store itself, and CSV export and import leave them out (they are not the movement's data).
import VietText

private func L(_ vi: String, _ en: String) -> Localized { Localized(vi: vi, en: en) }

extension Catalog {
    public static let changeActions = [
        ("insert", L("Thêm", "insert")), ("update", L("Sửa", "update")), ("delete", L("Xóa", "delete")),
    ]

    /// The log's tables, after `tables` in every list that shows both.
    public static let logTables: [Table] = [
        Table(name: "changes", alias: "thay_doi", label: L("Lần thay đổi dữ liệu", "Change sets"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("at", "luc", vi: "Lúc (UTC)", en: "At (UTC)", .text, nullable: false),
            Column("user", "nguoi", vi: "Người thay đổi", en: "User", .text, nullable: false),
            Column("origin", "nguon", vi: "Từ đâu", en: "Origin", .text, nullable: false),
            Column("statement", "lenh", vi: "Câu lệnh", en: "Statement", .text, nullable: false),
            Column("undoes", "hoan_tac", vi: "Hoàn tác lần", en: "Undoes", .reference(table: "changes")),
            Column("inserted", "so_them", vi: "Số dòng thêm", en: "Rows inserted", .integer, nullable: false),
            Column("updated", "so_sua", vi: "Số dòng sửa", en: "Rows updated", .integer, nullable: false),
            Column("deleted", "so_xoa", vi: "Số dòng xóa", en: "Rows deleted", .integer, nullable: false),
        ], displayColumn: "statement", naturalKey: nil),
        Table(name: "change_steps", alias: "buoc_thay_doi", label: L("Bước thay đổi", "Change steps"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("change", "lan", vi: "Lần thay đổi", en: "Change set", .reference(table: "changes"), nullable: false),
            Column("step", "buoc", vi: "Bước", en: "Step", .integer, nullable: false),
            Column("table_name", "bang", vi: "Bảng", en: "Table", .text, nullable: false),
            Column("action", "thao_tac", vi: "Thao tác", en: "Action", .text, nullable: false, codes: changeActions),
            Column("columns", "cot", vi: "Các cột", en: "Columns", .text, nullable: false),
            Column("source", "tep", vi: "Nguồn", en: "Source", .text, nullable: false),
            Column("line", "dong_lenh", vi: "Dòng", en: "Line", .integer, nullable: false),
            Column("statement", "lenh", vi: "Câu lệnh", en: "Statement", .text, nullable: false),
            Column("rows", "so_dong", vi: "Số dòng", en: "Rows", .integer, nullable: false),
        ], displayColumn: "statement", naturalKey: nil),
        Table(name: "change_rows", alias: "dong_thay_doi", label: L("Dòng thay đổi", "Changed rows"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("change", "lan", vi: "Lần thay đổi", en: "Change set", .reference(table: "changes"), nullable: false),
            Column("step", "buoc", vi: "Bước", en: "Step", .integer, nullable: false),
            Column("table_name", "bang", vi: "Bảng", en: "Table", .text, nullable: false),
            Column("row_id", "ma_dong", vi: "Mã dòng", en: "Row id", .integer, nullable: false),
            Column("action", "thao_tac", vi: "Thao tác", en: "Action", .text, nullable: false, codes: changeActions),
            Column("before", "truoc", vi: "Trước", en: "Before", .text),
            Column("after", "sau", vi: "Sau", en: "After", .text),
        ], displayColumn: "action", naturalKey: nil),
    ]

    /// A log table by name or alias.
    public static func logTable(named name: String) -> Table? {
        logTables.first { $0.name == name || $0.alias == name }
    }
}
