// How a language value becomes what people see: the REPL, `danvan run`/`eval`, piped input
// and report documents all call this. A list of rows or records (a query's result) and a whole
// table become a TableModel, so every output mode renders them; a single row or record
// becomes a one-row model shown as `label = value` lines; an empty result says "(0 dòng)";
// anything else is shown in the language's own print format.
//
// Headings and cells say what they mean in the session's language: a table's column carries
// its catalog label ("Tên đơn vị"), a path a `select` kept carries the labels along the path
// ("Đơn vị cha" for `parent.name`, "Đơn vị cha · Mã đơn vị" for `parent.code`), and no two
// headings are the same. A reference shows the name of
// the row it points at, and a code its label ("Đã công nhận"), while CSV and JSON still get
// the id and the code (`CellValue.named`). Years, ids and codes are never grouped ("2.024").
import DanVanLang
import DanVanOutput
import DanVanStore
import VietText

/// Looks up the names people know rows by (`units.name` for unit 549), many at a time.
public protocol DisplayNameSource: AnyObject {
    /// The display names of the rows of `table` with these ids; an id with no row is absent.
    func displayNames(table: String, ids: [Int64]) throws -> [Int64: String]
}

public enum ValueDisplay {
    /// The display of `value`, or nil for a value that shows nothing (null).
    /// A whole table (`models`) is read here, so this can throw the host's error.
    /// - Parameters:
    ///   - source: the table the entry's pipeline started from, which labels the columns a
    ///     `select` kept (`code`, `unit.name`) as that table's columns.
    ///   - names: where references find the names of the rows they point at (the host); nil
    ///     shows the ids.
    public static func display(_ value: Value, lang: Lang, source: String? = nil,
                               names: (any DisplayNameSource)? = nil) throws -> DisplayValue? {
        switch value {
        case .null:
            return nil
        case .table(let table):
            let rows = try table.rows().map(Value.row)
            guard !rows.isEmpty else { return .table(emptyModel(of: table.schema, lang: lang)) }
            return .table(try model(rows, lang: lang, names: names) ?? TableModel(labels: [], rows: []))
        case .list(let list):
            if list.items.isEmpty { return .text(TableRenderer.noRows(lang)) }
            guard let model = try model(list.items, lang: lang, source: source, names: names) else {
                return .text(value.description)
            }
            return .table(model)
        case .row, .record:
            guard let model = try model([value], lang: lang, source: source, names: names) else {
                return .text(value.description)
            }
            return .record(model)
        default:
            return .text(value.description)
        }
    }

    /// Rows and records as a table, or nil when some item is neither (or there are none).
    public static func model(_ items: [Value], lang: Lang, source: String? = nil,
                             names: (any DisplayNameSource)? = nil) throws -> TableModel? {
        guard let columnNames = Value.columns(of: items) else { return nil }
        let owners = tablesOwning(columnNames, in: items)
        let origins = recordOrigins(columnNames, in: items)
        let meanings = columnNames.map { name -> ColumnMeaning in
            if let owner = owners[name] { return meaning(ofColumn: name, table: Catalog.table(named: owner), lang: lang) }
            // A column that a `select` or a `group by` took from a table says where it came
            // from, whatever it was renamed to: `select y: key` after `group by year` is a year.
            if let origin = origins[name] {
                var meaning = meaning(ofSelected: origin.path.joined(separator: "."), source: origin.table, lang: lang)
                if origin.isHeading { meaning.label = name }
                return meaning
            }
            if name == totalColumn {
                return ColumnMeaning(label: totalLabel(lang), groupsDigits: true, catalogColumn: nil)
            }
            return meaning(ofSelected: name, source: source, lang: lang)
        }
        let labels = unique(meanings.map(\.label))
        let columns = meanings.indices.map { index in
            TableModel.Column(name: columnNames[index], label: labels[index], groupsDigits: meanings[index].groupsDigits)
        }
        let referenceNames = try lookUpReferences(items, columnNames, meanings, names: names)
        let rows: [[CellValue]] = items.map { item in
            columnNames.indices.map { index in
                guard let value = item.field(columnNames[index]) else { return .null }
                return cell(value, meaning: meanings[index], lang: lang, referenceNames: referenceNames)
            }
        }
        return TableModel(columns: columns, rows: rows)
    }

    /// The header of a table with no rows, from its schema.
    static func emptyModel(of schema: RowSchema, lang: Lang) -> TableModel {
        let table = Catalog.table(named: schema.table)
        let meanings = schema.columns.map { meaning(ofColumn: $0, table: table, lang: lang) }
        let labels = unique(meanings.map(\.label))
        return TableModel(columns: schema.columns.indices.map {
            TableModel.Column(name: schema.columns[$0], label: labels[$0], groupsDigits: meanings[$0].groupsDigits)
        }, rows: [])
    }

    // MARK: - Columns

    /// The column `pivot(rows, key, value, true)` adds (DanVanLang's TableLibrary.totalColumn):
    /// it has no origin, and reads as the totals row's "Tổng cộng" does, not as the machine name.
    /// The one computed name shown translated; any other computed column is shown as written.
    static let totalColumn = "total"
    static let totalLabel = Localized(vi: "Tổng cộng", en: "Total")

    /// What a column of the result is: its heading, whether its integers are quantities,
    /// and the catalog column its values come from (for codes and references).
    struct ColumnMeaning {
        var label: String
        var groupsDigits: Bool
        /// The table whose rows the column's ids are (a reference, stored or derived).
        var referencedTable: String?
        /// The codes of a coded column and their labels.
        var codes: [(code: String, label: Localized)] = []

        init(label: String, groupsDigits: Bool, catalogColumn: Column?, derived: DerivedColumn? = nil) {
            self.label = label
            self.groupsDigits = groupsDigits
            referencedTable = catalogColumn?.referencedTable ?? derived?.references
            codes = catalogColumn?.codes ?? []
        }
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

    /// For each column name, where the first record that has it took it from (its shape's
    /// origins), when it was taken from a table's column.
    static func recordOrigins(_ names: [String], in items: [Value]) -> [String: ColumnOrigin] {
        var origins: [String: ColumnOrigin] = [:]
        var seen: Set<String> = []
        var lastShape: Shape?
        for item in items {
            guard case .record(let record) = item else { continue }
            if let lastShape, lastShape === record.shape { continue }
            lastShape = record.shape
            for name in record.shape.names where seen.insert(name).inserted {
                if let origin = record.shape.origin(of: name) { origins[name] = origin }
            }
        }
        return origins
    }

    /// A column of `table` (when the rows came from one) with its catalog label, else the
    /// name as written.
    static func meaning(ofColumn name: String, table: Table?, lang: Lang) -> ColumnMeaning {
        let catalogColumn = table?.column(named: name)
        let derived = table.flatMap { derivedColumn(name, table: $0.name) }
        let label = catalogColumn?.label(lang) ?? derived?.label(lang) ?? name
        return ColumnMeaning(label: label, groupsDigits: groupsDigits(name, catalogColumn: catalogColumn)
                                 && derived?.references == nil,
                             catalogColumn: catalogColumn, derived: derived)
    }

    /// A column the domain binding adds to `table`'s rows (`unit.cluster`, `model.score`).
    static func derivedColumn(_ name: String, table: String) -> DerivedColumn? {
        DerivedColumns.columns(of: table).first { $0.name == name || $0.alias == name }
    }

    /// A column a `select` made. When its name is a path of the source table's columns
    /// (`code`, `unit.name`, `parent.code`) it is labelled along the path: the column's own
    /// label for one step, the references' labels then the last column's for more
    /// ("Đơn vị cha · Mã đơn vị"; the column that names a row adds nothing: "Đơn vị cha"), so
    /// that `select name, parent.name` has two different headings. A name the user chose (`n: count()`, `"Số mô hình": count()`) stays as written.
    static func meaning(ofSelected name: String, source: String?, lang: Lang) -> ColumnMeaning {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard var table = source.flatMap({ Catalog.table(named: $0) }), !parts.contains(where: \.isEmpty) else {
            return ColumnMeaning(label: name, groupsDigits: groupsDigits(name, catalogColumn: nil), catalogColumn: nil)
        }
        var labels: [String] = []
        for part in parts.dropLast() {
            // A step is a stored reference (`unit`, `parent`) or a derived one (`cluster`).
            let reference = table.column(named: part)
            let derived = reference == nil ? derivedColumn(part, table: table.name) : nil
            guard let target = reference?.referencedTable ?? derived?.references,
                  let next = Catalog.table(named: target) else {
                return ColumnMeaning(label: name, groupsDigits: groupsDigits(name, catalogColumn: nil), catalogColumn: nil)
            }
            labels.append(reference?.label(lang) ?? derived?.label(lang) ?? part)
            table = next
        }
        let last = parts.last ?? name
        guard let found = table.column(named: last) else {
            guard let derived = derivedColumn(last, table: table.name) else {
                return ColumnMeaning(label: name, groupsDigits: groupsDigits(name, catalogColumn: nil), catalogColumn: nil)
            }
            return ColumnMeaning(label: (labels + [derived.label(lang)]).joined(separator: " · "),
                                 groupsDigits: groupsDigits(name, catalogColumn: nil) && derived.references == nil,
                                 catalogColumn: nil, derived: derived)
        }
        // The column that names a row reads as the reference itself: `unit.name` is
        // "Đơn vị chủ trì", `parent.name` "Đơn vị cha"; any other column is added after it
        // ("Đơn vị chủ trì · Điện thoại").
        let namesTheRow = !labels.isEmpty && found.name == table.displayColumn
        return ColumnMeaning(label: (labels + (namesTheRow ? [] : [found.label(lang)])).joined(separator: " · "),
                             groupsDigits: groupsDigits(name, catalogColumn: found), catalogColumn: found)
    }

    /// Headings made unique: a second "Tên" becomes "Tên (2)". A table whose two columns read
    /// the same would leave the reader guessing which is which.
    static func unique(_ labels: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return labels.map { label in
            let count = (seen[label] ?? 0) + 1
            seen[label] = count
            return count == 1 ? label : label + " (\(count))"
        }
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

    // MARK: - Cells

    /// The names of the rows the result's reference columns point at, by table and id:
    /// one lookup per referenced table for the whole result, never one per cell.
    static func lookUpReferences(_ items: [Value], _ columnNames: [String], _ meanings: [ColumnMeaning],
                                 names: (any DisplayNameSource)?) throws -> [String: [Int64: String]] {
        guard let names else { return [:] }
        var wanted: [String: Set<Int64>] = [:]
        for (index, meaning) in meanings.enumerated() {
            guard let table = meaning.referencedTable else { continue }
            for item in items {
                if case .int(let id)? = item.field(columnNames[index]) { wanted[table, default: []].insert(id) }
            }
        }
        var found: [String: [Int64: String]] = [:]
        for (table, ids) in wanted { found[table] = try names.displayNames(table: table, ids: Array(ids)) }
        return found
    }

    /// One cell, as the column's meaning says: a reference's id with the name of its row, a
    /// code with its label.
    static func cell(_ value: Value, meaning: ColumnMeaning, lang: Lang,
                     referenceNames: [String: [Int64: String]]) -> CellValue {
        switch value {
        case .int(let id):
            if let table = meaning.referencedTable, let name = referenceNames[table]?[id] {
                return .named(raw: .integer(id), text: name)
            }
        case .text(let code):
            if let entry = meaning.codes.first(where: { $0.code == code }) {
                return .named(raw: .text(code), text: entry.label(lang))
            }
        default:
            break
        }
        return cell(value)
    }

    /// One cell. A row inside a cell shows its display column (a unit by its name; CSV and
    /// JSON get its id), a date its ISO form, and lists or records their print form.
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
                let id: CellValue
                if case .int(let number) = row.values.first ?? .null { id = .integer(number) } else { id = .null }
                switch row.values[column] {
                case .text(let text): return id == .null ? .text(text) : .named(raw: id, text: text)
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

extension DomainHost: DisplayNameSource {
    public func displayNames(table: String, ids: [Int64]) throws -> [Int64: String] {
        guard let source = source(table), let display = source.schema.displayColumn else { return [:] }
        try source.prefetch(ids: ids)
        var names: [Int64: String] = [:]
        for id in ids {
            guard let row = try source.row(id: id), display < row.values.count else { continue }
            if case .text(let name) = row.values[display] { names[id] = name }
        }
        return names
    }
}
