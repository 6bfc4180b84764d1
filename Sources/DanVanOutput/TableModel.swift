// A result as rows and columns, independent of how it is shown. The language's values are
// turned into this once (by the evaluator adapter), and every output mode (table, csv, json,
// markdown, line) renders the same model, so the modes cannot disagree about the data.

/// One cell's value, kept typed so that each mode can write it its own way: "1.808" in a
/// Vietnamese table, `1808` in JSON and CSV.
public enum CellValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case decimal(Double)
    case text(String)
    /// A value stored as a machine value but read by people as a name: a reference (`549`,
    /// shown as "Phường Tân Hòa") or a code (`recognised`, shown as "Đã công nhận"). The
    /// human modes (table, markdown, line, documents) show `text`; CSV and JSON write `raw`,
    /// so an export still reads back into `danvan import`.
    indirect case named(raw: CellValue, text: String)

    /// Numbers are right-aligned in tables.
    public var isNumber: Bool {
        switch self {
        case .integer, .decimal: return true
        default: return false
        }
    }
}

public struct TableModel: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        /// The machine name (`full_name`): the CSV header and the JSON key, so exported data
        /// reads back into `danvan import`.
        public var name: String
        /// The label people read (`Họ và tên` or `Full name`), already in the session's
        /// language: the header of the table, markdown and line modes.
        public var label: String
        /// Whether integers get thousands separators (counts, amounts). Ids, years and
        /// codes turn this off: "2.024" is not a year.
        public var groupsDigits: Bool

        public init(name: String, label: String? = nil, groupsDigits: Bool = true) {
            self.name = name
            self.label = label ?? name
            self.groupsDigits = groupsDigits
        }
    }

    public var columns: [Column]
    /// Rows of cells in column order. A row shorter than `columns` reads as nulls at the end;
    /// extra cells are ignored.
    public var rows: [[CellValue]]

    public init(columns: [Column], rows: [[CellValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// A model whose column names are also its labels.
    public init(labels: [String], rows: [[CellValue]]) {
        self.init(columns: labels.map { Column(name: $0) }, rows: rows)
    }

    /// The cell at `row`, `column`, or null when the row is short.
    public func cell(_ row: [CellValue], _ column: Int) -> CellValue {
        column < row.count ? row[column] : .null
    }

    /// True when the column holds at least one number and nothing but numbers and nulls:
    /// such a column and its header are right-aligned.
    public func isNumeric(column: Int) -> Bool {
        var sawNumber = false
        for row in rows {
            let value = cell(row, column)
            if value.isNumber { sawNumber = true } else if value != .null { return false }
        }
        return sawNumber
    }
}
