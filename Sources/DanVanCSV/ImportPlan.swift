// How one file maps onto its table, worked out from the header row: which field fills which
// column, which fields are ignored (derived columns such as `search_key`), what an empty
// field means in each column, and the INSERT that the rows feed (or, for `--update`, how a
// record finds its row: by id, else by the table's code). It also converts a record into the
// row's values, the one conversion both the checking pass and the writing pass use, so the
// two passes cannot disagree about what a field means.
import DanVanOutput
import DanVanStore
import GRDB
import VietText

/// What an import does with a file's rows.
enum ImportMode: Sendable {
    /// New rows, written straight (not logged): a restore, or a table that is empty.
    case load
    /// New rows, through the change writer (logged, undoable).
    case append
    /// Changes to rows that are there, found by id or code, through the change writer.
    case update
}

/// One file of an import: the table it fills and where it is.
public struct ImportSource: Sendable {
    public let table: DanVanStore.Table
    public let path: String

    public init(table: DanVanStore.Table, path: String) {
        self.table = table
        self.path = path
    }
}

/// What one field of a record fills. A class: the row loop reads it for every field, and
/// copying a struct of sets and dictionaries each time showed in profiles.
final class Slot {
    let parser: CellParser
    /// The header cell as written, for messages.
    let header: String
    /// Position in the INSERT's values (0 is the id).
    let valueIndex: Int
    /// What an empty field stands for in a NOT NULL column: the schema's default, if any.
    let defaultValue: DatabaseValue?
    let notNull: Bool

    init(parser: CellParser, header: String, valueIndex: Int, defaultValue: DatabaseValue?, notNull: Bool) {
        self.parser = parser
        self.header = header
        self.valueIndex = valueIndex
        self.defaultValue = defaultValue
        self.notNull = notNull
    }
}

/// A record converted: its values and what still has to be looked up or checked.
struct ConvertedRow {
    var values: [DatabaseValue] = []
    /// The id field's value; nil for a new row.
    var id: Int64?
    /// The natural key (`code`), if the table has one.
    var code: String?
    var references: [(valueIndex: Int, fieldIndex: Int, header: String, table: String, key: ReferenceKey)] = []
    var problems: [(fieldIndex: Int, header: String, reason: CSVProblem.Reason)] = []
    var normalized = 0
}

struct ImportPlan {
    let source: ImportSource
    let fileIndex: Int
    /// One entry per field of a record; nil for an ignored (derived) column.
    let slots: [Slot?]
    let idField: Int?
    let codeField: Int?
    /// The INSERT's columns: `id` first.
    let insertColumns: [String]
    /// `--update` without an id column: rows are found by the table's code.
    let matchByCode: Bool

    var table: DanVanStore.Table { source.table }
    var fieldCount: Int { slots.count }

    var insertSQL: String {
        let columns = insertColumns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let marks = Array(repeating: "?", count: insertColumns.count).joined(separator: ", ")
        return "INSERT INTO \(table.name.quotedDatabaseIdentifier) (\(columns)) VALUES (\(marks))"
    }

    /// Builds the plan from the header record, or returns the header's problems.
    static func make(source: ImportSource, fileIndex: Int, header: CSVRecord, mode: ImportMode = .load,
                     db: Database) throws -> Result<ImportPlan, ProblemBatch> {
        let table = source.table
        var problems = ProblemBatch()
        func report(_ field: Int, _ column: String?, _ reason: CSVProblem.Reason) {
            problems.items.append(CSVProblem(file: source.path, line: header.line, column: column, reason: reason,
                                             fileIndex: fileIndex, fieldIndex: field))
        }
        if let syntax = header.problem {
            report(0, nil, .syntax(syntax))
            return .failure(problems)
        }
        let schema = try db.columns(in: table.name)
        var slots: [Slot?] = []
        var insertColumns = ["id"]
        var seen: [String: Int] = [:]
        var idField: Int?
        var codeField: Int?
        for field in 0..<header.count {
            guard let cell = header.string(field) else {
                report(field, nil, .invalidUTF8)
                slots.append(nil)
                continue
            }
            guard let column = CSVNames.column(in: table, header: cell) else {
                report(field, cell, .unknownColumn(table: table.name))
                slots.append(nil)
                continue
            }
            if seen[column.name] != nil {
                report(field, cell, .duplicateColumn)
                slots.append(nil)
                continue
            }
            seen[column.name] = field
            if column.derived {
                slots.append(nil)
                continue
            }
            let info = schema.first { $0.name == column.name }
            var defaultValue: DatabaseValue?
            if let sql = info?.defaultValueSQL {
                defaultValue = try DatabaseValue.fetchOne(db, sql: "SELECT \(sql)")
            }
            let valueIndex: Int
            if column.name == "id" {
                valueIndex = 0
                idField = field
            } else {
                valueIndex = insertColumns.count
                insertColumns.append(column.name)
            }
            if column.name == table.naturalKey { codeField = field }
            slots.append(Slot(parser: CellParser(column: column), header: cell, valueIndex: valueIndex,
                              defaultValue: defaultValue,
                              notNull: !column.nullable || (info?.isNotNull ?? false)))
        }
        // An update changes only the columns the file has, and must find its rows.
        if mode == .update && idField == nil && codeField == nil {
            report(header.count, nil, .noKeyColumn(table: table.name, code: table.naturalKey))
        }
        // A new row's NOT NULL column with no default must be in the file; `id` may be left out.
        for column in table.columns where mode != .update && !column.derived && column.name != "id" && seen[column.name] == nil {
            let info = schema.first { $0.name == column.name }
            let notNull = !column.nullable || (info?.isNotNull ?? false)
            if notNull && info?.defaultValueSQL == nil {
                report(header.count, column.name, .missingColumn)
            }
        }
        if !problems.items.isEmpty { return .failure(problems) }
        return .success(ImportPlan(source: source, fileIndex: fileIndex, slots: slots, idField: idField,
                                   codeField: codeField, insertColumns: insertColumns,
                                   matchByCode: mode == .update && idField == nil))
    }

    /// Converts `record` (of the right field count, without syntax problems) into `row`;
    /// `unmark` takes off the `'` an export puts before a text that starts like a formula.
    func convert(_ record: CSVRecord, normalize: Bool, unmark: Bool = true, into row: inout ConvertedRow) {
        if row.values.count == insertColumns.count {
            for index in row.values.indices { row.values[index] = .null }
        } else {
            row.values = Array(repeating: .null, count: insertColumns.count)
        }
        row.id = nil
        row.code = nil
        row.references.removeAll(keepingCapacity: true)
        row.problems.removeAll(keepingCapacity: true)
        row.normalized = 0
        for field in slots.indices {
            guard let slot = slots[field] else { continue }
            let bytes = record.field(field)
            let ascii = bytes.allSatisfy { $0 < 0x80 }
            guard var text = ascii ? String(decoding: bytes, as: UTF8.self) : record.string(field) else {
                row.problems.append((field, slot.header, .invalidUTF8))
                continue
            }
            if unmark && bytes.first == UInt8(ascii: "'") { text = SpreadsheetText.unmarked(text) }
            if normalize && !ascii {
                let composed = text.nfc
                // Compare bytes: `==` on String treats NFC and NFD as equal.
                if !composed.utf8.elementsEqual(text.utf8) {
                    text = composed
                    row.normalized += 1
                }
            }
            switch slot.parser.parse(text, quoted: record.isQuoted(field)) {
            case .value(let value):
                row.values[slot.valueIndex] = value
                if slot.valueIndex == 0, case .int64(let id) = value.storage { row.id = id }
                if field == codeField, case .string(let code) = value.storage { row.code = code }
            case .reference(let key):
                if let target = slot.parser.column.referencedTable {
                    row.references.append((slot.valueIndex, field, slot.header, target, key))
                }
            case .empty:
                if slot.valueIndex == 0 {
                    continue  // a new row: the importer gives it an id
                } else if slot.notNull, let value = slot.defaultValue {
                    row.values[slot.valueIndex] = value
                } else if slot.notNull {
                    // The store's rule says what a missing value is (`required`).
                    let problem = ColumnRules.problem(.null, for: slot.parser.column) ?? .required
                    row.problems.append((field, slot.header, CSVProblem.Reason(problem, column: slot.parser.column, text: "")))
                } else {
                    row.values[slot.valueIndex] = .null
                }
            case .problem(let reason):
                row.problems.append((field, slot.header, reason))
            }
        }
    }
}

/// Problems found together (a header's), before they join the import's list.
struct ProblemBatch: Error {
    var items: [CSVProblem] = []
}
