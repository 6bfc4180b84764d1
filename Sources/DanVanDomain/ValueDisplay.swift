// How a language value becomes what the REPL shows. A list of rows or records (a query's
// result) and a whole table become a TableModel, so every `:mode` renders them; a single row
// or record becomes a one-row model shown as `label = value` lines; anything else is shown in
// the language's own print format. Columns of a table's rows carry their catalog labels in the
// session's language ("Tên đơn vị" / "Unit name"); names a `select` made stay as written.
import DanVanLang
import DanVanOutput
import DanVanStore
import VietText

public enum ValueDisplay {
    /// The display of `value`, or nil for a value that shows nothing (null).
    /// A whole table (`models`) is read here, so this can throw the host's error.
    /// `source`: the table the entry's pipeline started from, which labels the columns a
    /// `select` kept (`code`, `unit.name`) as that table's columns.
    public static func display(_ value: Value, lang: Lang, source: String? = nil) throws -> DisplayValue? {
        switch value {
        case .null:
            return nil
        case .table(let source):
            let rows = try source.rows().map(Value.row)
            guard !rows.isEmpty else { return .table(emptyModel(of: source.schema, lang: lang)) }
            return .table(model(rows, lang: lang) ?? TableModel(labels: [], rows: []))
        case .list(let list):
            guard let model = model(list.items, lang: lang, source: source) else { return .text(value.description) }
            return .table(model)
        case .row, .record:
            guard let model = model([value], lang: lang, source: source) else { return .text(value.description) }
            return .record(model)
        default:
            return .text(value.description)
        }
    }

    /// Rows and records as a table, or nil when some item is neither (or there are none).
    public static func model(_ items: [Value], lang: Lang, source: String? = nil) -> TableModel? {
        guard let names = Value.columns(of: items) else { return nil }
        let owners = tablesOwning(names, in: items)
        let columns = names.map { name -> TableModel.Column in
            if let owner = owners[name] { return column(name, table: Catalog.table(named: owner), lang: lang) }
            return selectedColumn(name, source: source, lang: lang)
        }
        let rows: [[CellValue]] = items.map { item in
            names.map { name in item.field(name).map(cell) ?? .null }
        }
        return TableModel(columns: columns, rows: rows)
    }

    /// The header of a table with no rows, from its schema.
    static func emptyModel(of schema: RowSchema, lang: Lang) -> TableModel {
        let table = Catalog.table(named: schema.table)
        return TableModel(columns: schema.columns.map { column($0, table: table, lang: lang) }, rows: [])
    }

    /// For each column name, the table of the first row that has it. Rows of one table share
    /// one schema object, so this looks at each distinct schema once.
    static func tablesOwning(_ names: [String], in items: [Value]) -> [String: String] {
        var owners: [String: String] = [:]
        var lastSchema: RowSchema?
        for item in items {
            guard case .row(let row) = item else { continue }
            if let lastSchema, lastSchema === row.schema { continue }
            lastSchema = row.schema
            for name in row.schema.columns where owners[name] == nil { owners[name] = row.schema.table }
        }
        return owners
    }

    /// The label of a column the domain binding adds to `table`'s rows (DanVanDomain's
    /// DerivedColumns), which the catalog does not hold because it is not stored.
    static func derivedLabel(_ name: String, table: String?) -> Localized? {
        guard let table else { return nil }
        return DerivedColumns.columns(of: table).first { $0.name == name || $0.alias == name }?.label
    }

    /// A column of `table` (when the rows came from one) with its catalog label, else the
    /// name as written.
    static func column(_ name: String, table: Table?, lang: Lang) -> TableModel.Column {
        let catalogColumn = table?.column(named: name)
        let derived = derivedLabel(name, table: table?.name)
        let label = catalogColumn?.label(lang) ?? derived?(lang) ?? name
        return TableModel.Column(name: name, label: label,
                                 groupsDigits: groupsDigits(name, catalogColumn: catalogColumn))
    }

    /// A column a `select` made: when its name is a path of the source table's columns
    /// (`code`, `unit.name`, `field.code`), it takes the label of the column the path ends on
    /// ("Tên đơn vị"); a name the user chose (`n: count()`) stays as written.
    static func selectedColumn(_ name: String, source: String?, lang: Lang) -> TableModel.Column {
        guard var table = source.flatMap({ Catalog.table(named: $0) }) else {
            return column(name, table: nil, lang: lang)
        }
        let parts = name.split(separator: ".").map(String.init)
        for part in parts.dropLast() {
            guard let target = table.column(named: part)?.referencedTable,
                  let next = Catalog.table(named: target) else { return column(name, table: nil, lang: lang) }
            table = next
        }
        guard let last = parts.last, let found = table.column(named: last) else {
            let derived = parts.last.flatMap { derivedLabel($0, table: table.name) }
            return TableModel.Column(name: name, label: derived?(lang) ?? name,
                                     groupsDigits: groupsDigits(name, catalogColumn: nil))
        }
        return TableModel.Column(name: name, label: found.label(lang),
                                 groupsDigits: groupsDigits(name, catalogColumn: found))
    }

    /// Ids, references, years and numbers that name something are not quantities: "2.024"
    /// would not read as a year, nor "1.808" as unit number 1808.
    static func groupsDigits(_ name: String, catalogColumn: Column?) -> Bool {
        if catalogColumn?.referencedTable != nil { return false }
        let last = name.split(separator: ".").last.map(String.init) ?? name
        let identifying: Set<String> = ["id", "year", "nam", "number", "so", "key", "code", "ma"]
        if identifying.contains(last) { return false }
        return !(last.hasSuffix("_id") || last.hasSuffix("_year") || last.hasSuffix("_nam"))
    }

    /// One cell. A row inside a cell shows its display column (a unit by its name), a date
    /// its ISO form, and lists or records their print form.
    public static func cell(_ value: Value) -> CellValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .integer(number)
        case .double(let number): return .decimal(number)
        case .text(let text): return .text(text)
        case .date(let date): return .text(date.description)
        case .row(let row):
            if let column = row.schema.displayColumn, column < row.values.count {
                switch row.values[column] {
                case .text(let text): return .text(text)
                case .null: return .null
                default: break
                }
            }
            return .text(value.nestedDescription)
        case .list, .record, .function, .table:
            return .text(value.nestedDescription)
        }
    }
}
