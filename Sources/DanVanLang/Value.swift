// The language's values. One enum (STYLE.md §4): scalars inline, containers and functions as
// class references, text and tables boxed, so a `Value` is a tag byte and 8 bytes of payload
// (16 bytes in an array) and copying a number, a boolean or null retains nothing.
// Lists and records are shared by reference, like Lua tables: `append(xs, v)` changes the list
// that every variable holding it sees, and adds in place in O(1).
//
// The host binding builds `.null .bool .int .double .text .row` and dates (`Value.date(iso:)`).

public enum Value {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    /// Boxed (`indirect`): a `String` is 16 bytes and would make every value 24.
    indirect case text(String)
    /// A row of a host table.
    case row(Row)
    case date(CalendarDate)
    case list(ValueList)
    /// Named fields in insertion order; also the groups made by `group by` (`key`, `rows`).
    case record(Record)
    case function(Function)
    /// A host table as a whole (`models`): a pipeline or `for` reads its rows.
    /// Boxed: an existential of a class protocol is 16 bytes (object and witness table).
    indirect case table(TableSource)

    /// A date value, or nil when the date does not exist (`2024-02-30`).
    public static func date(year: Int, month: Int, day: Int) -> Value? {
        CalendarDate(year: year, month: month, day: day).map(Value.date)
    }

    /// A date value from ISO text "YYYY-MM-DD", or nil when the text is not a valid date.
    public static func date(iso: String) -> Value? {
        CalendarDate(iso: iso).map(Value.date)
    }

    /// A new list value.
    public static func list(_ items: [Value]) -> Value { .list(ValueList(items)) }

    /// The type's name for messages, in both languages.
    public var typeName: Localized { TypeNames.of(self) }

    /// The items of a list, the rows of a table, or nil: what a query result or a `for` reads.
    /// The REPL renders a list of records or rows as a table (see `Value.columns(of:)`).
    public var items: [Value]? {
        switch self {
        case .list(let list): return list.items
        default: return nil
        }
    }

    /// The column names of a list of records and rows, in order of first appearance, or nil
    /// when some item is neither (then the REPL prints the list as a value).
    public static func columns(of items: [Value]) -> [String]? {
        guard !items.isEmpty else { return nil }
        var names: [String] = []
        var seen: Set<String> = []
        var lastShape: AnyObject?
        for item in items {
            let itemNames: [String]
            switch item {
            case .record(let record):
                if let lastShape, lastShape === record.shape { continue }
                lastShape = record.shape
                itemNames = record.shape.names
            case .row(let row):
                if let lastShape, lastShape === row.schema { continue }
                lastShape = row.schema
                itemNames = row.schema.columns
            default: return nil
            }
            for name in itemNames where seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// The value of column `name` of a record or row (nil when it has none): a cell of the
    /// REPL's table.
    public func field(_ name: String) -> Value? {
        switch self {
        case .record(let record): return record[name]
        case .row(let row): return row.schema.columnIndex[name].flatMap { $0 < row.values.count ? row.values[$0] : nil }
        default: return nil
        }
    }
}

import VietText

/// The names of the types, as messages show them ("number expected, got text").
enum TypeNames {
    static let null = Localized(vi: "null", en: "null")
    static let bool = Localized(vi: "đúng/sai", en: "boolean")
    static let int = Localized(vi: "số nguyên", en: "integer")
    static let decimal = Localized(vi: "số thập phân", en: "decimal")
    static let number = Localized(vi: "số", en: "number")
    static let text = Localized(vi: "văn bản", en: "text")
    static let row = Localized(vi: "dòng", en: "row")
    static let date = Localized(vi: "ngày", en: "date")
    static let list = Localized(vi: "danh sách", en: "list")
    static let record = Localized(vi: "bản ghi", en: "record")
    static let group = Localized(vi: "nhóm", en: "group")
    static let function = Localized(vi: "hàm", en: "function")
    static let table = Localized(vi: "bảng", en: "table")

    static func of(_ value: Value) -> Localized {
        switch value {
        case .null: return null
        case .bool: return bool
        case .int: return int
        case .double: return decimal
        case .text: return text
        case .row: return row
        case .date: return date
        case .list: return list
        case .record(let record): return record.isGroup ? group : self.record
        case .function: return function
        case .table: return table
        }
    }
}
