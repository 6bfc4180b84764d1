// The table library: cross-tabs for reports. `pivot(rows, "field", "n")` turns one column's
// values into columns (models per cluster × field), `totals(rows)` adds a row of sums. Both
// take a list of records (or rows) as pipelines give them and return new lists; the input is
// never changed. Columns copied from the data keep their origin (`Shape.origins`), so a
// display still knows what they are.
//
// Rows are grouped with `GroupTable` (Compiler+Group.swift) on a reused scratch array: one
// allocation per output row and per column, none per input row.
import VietText

enum TableLibrary {
    static let functions: [Builtin] = [
        /// pivot(rows, column_key, value_column [, total]): one record per combination of the
        /// other columns, one column per value of `column_key`.
        Builtin("pivot", 3...4) { args in try TableLibrary.pivot(args) },
        /// totals(rows [, columns]): the rows and one more, the sum of each computed number column
        /// (or of the columns named), "Total" in the first column not added up.
        Builtin("totals", 1...2) { args in try TableLibrary.totals(args) },
    ]

    static let totalLabel = Localized(vi: "Tổng cộng", en: "Total")
    /// The name of the column `pivot(..., true)` adds.
    static let totalColumn = "total"

    // MARK: pivot

    static func pivot(_ args: Arguments) throws -> Value {
        let items = try args.items(0)
        guard let columns = try records(args, items) else { return .list([]) }
        let keyColumn = try column(args, 1, in: columns)
        let valueColumn = try column(args, 2, in: columns)
        guard keyColumn != valueColumn else { throw args.bad(2, because: TableMessages.sameColumn, [valueColumn]) }
        var withTotal = false
        if args.count == 4 {
            guard case .bool(let flag) = args[3] else { throw args.bad(3, expected: TypeNames.bool) }
            withTotal = flag
        }
        let others = columns.filter { $0 != keyColumn && $0 != valueColumn }
        // The values of `keyColumn`, each a column, in order of first appearance.
        var pivotIndex: [HashKey: Int] = [:]
        var pivotNames: [String] = []
        var table = GroupTable(width: others.count)
        var scratch = [Value](repeating: .null, count: others.count)
        var cells: [[Value]] = []
        for item in items {
            for (position, name) in others.enumerated() { scratch[position] = try Compiler.groupable(item.field(name) ?? .null) }
            let rowIndex = table.index(of: scratch)
            if rowIndex == cells.count { cells.append([Value](repeating: .null, count: pivotNames.count)) }
            let key = HashKey(value: try Compiler.groupable(item.field(keyColumn) ?? .null))
            let columnIndex: Int
            if let known = pivotIndex[key] {
                columnIndex = known
            } else {
                columnIndex = pivotNames.count
                pivotIndex[key] = columnIndex
                pivotNames.append(columnName(key.value))
            }
            while cells[rowIndex].count <= columnIndex { cells[rowIndex].append(.null) }
            let value = item.field(valueColumn) ?? .null
            cells[rowIndex][columnIndex] = try combine(cells[rowIndex][columnIndex], value, args, column: pivotNames[columnIndex])
        }
        var names = others + pivotNames
        if withTotal { names.append(totalColumn) }
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            throw args.bad(1, because: TableMessages.columnTwice, [name])
        }
        let shape = Shape(names: names, origins: others.map { origin(of: $0, in: items) })
        var out: [Value] = []
        out.reserveCapacity(table.count + 1)
        var columnTotals = [Value](repeating: .null, count: pivotNames.count + 1)
        for rowIndex in 0..<table.count {
            var values = Array(table.keys[rowIndex * others.count..<(rowIndex + 1) * others.count])
            values.reserveCapacity(names.count)
            var row = rowIndex < cells.count ? cells[rowIndex] : []
            while row.count < pivotNames.count { row.append(.null) }
            values.append(contentsOf: row)
            if withTotal {
                var rowTotal = Value.null
                for (position, cell) in row.enumerated() {
                    rowTotal = try sum(rowTotal, cell, args, column: pivotNames[position])
                    columnTotals[position] = try sum(columnTotals[position], cell, args, column: pivotNames[position])
                }
                columnTotals[pivotNames.count] = try sum(columnTotals[pivotNames.count], rowTotal, args, column: totalColumn)
                values.append(rowTotal)
            }
            out.append(.record(Record.make(matching: shape, values: values)))
        }
        if withTotal {
            var values = [Value](repeating: .null, count: others.count)
            if !values.isEmpty { values[0] = .text(totalLabel(args.vm.lang)) }
            values.append(contentsOf: columnTotals)
            out.append(.record(Record.make(matching: shape, values: values)))
        }
        return .list(out)
    }

    /// A pivot column's name: a text value as it is, anything else as `text(v)` shows it.
    static func columnName(_ value: Value) -> String {
        if case .text(let text) = value { return text }
        return value.description
    }

    /// Two values for one cell: numbers add up (a pivot of ungrouped rows counts them
    /// together); anything else is ambiguous and an error.
    static func combine(_ current: Value, _ value: Value, _ args: Arguments, column: String) throws -> Value {
        if case .null = current { return value }
        if case .null = value { return current }
        guard current.isNumber, value.isNumber else { throw args.bad(2, because: TableMessages.twoValues, [column]) }
        return try sum(current, value, args, column: column)
    }

    /// `a + b` for a total: null adds nothing; integers stay exact (overflow is an error).
    static func sum(_ a: Value, _ b: Value, _ args: Arguments, column: String) throws -> Value {
        switch (a, b) {
        case (_, .null): return a
        case (.null, .int), (.null, .double): return b
        case (.int(let x), .int(let y)):
            let (total, overflow) = x.addingReportingOverflow(y)
            if overflow { throw Operators.overflow() }
            return .int(total)
        case (.int(let x), .double(let y)): return try Operators.finite(Double(x) + y)
        case (.double(let x), .int(let y)): return try Operators.finite(x + Double(y))
        case (.double(let x), .double(let y)): return try Operators.finite(x + y)
        default: throw args.bad(2, because: TableMessages.notNumber, [column])
        }
    }

    // MARK: totals

    static func totals(_ args: Arguments) throws -> Value {
        let items = try args.items(0)
        guard let columns = try records(args, items) else { return .list([]) }
        let summed: Set<String>
        if args.count == 2 {
            var chosen: Set<String> = []
            let list = try args.list(1)
            for value in list.items {
                guard case .text(let name) = value else { throw args.bad(1, because: TableMessages.columnNames) }
                guard columns.contains(name) else { throw noColumn(args, 1, name, columns) }
                chosen.insert(name)
            }
            summed = chosen
        } else {
            // Numbers computed by the pipeline (counts, sums): a year or an id copied from the
            // data has an origin and is not added up unless named.
            summed = Set(columns.filter { name in
                origin(of: name, in: items) == nil && items.contains { $0.field(name)?.isNumber == true }
                    && items.allSatisfy { item in
                        let value = item.field(name) ?? .null
                        if case .null = value { return true }
                        return value.isNumber
                    }
            })
        }
        // The label goes in the first column that is not added up, as in a printed table.
        let labelColumn = columns.first { !summed.contains($0) }
        var values: [Value] = []
        values.reserveCapacity(columns.count)
        for name in columns {
            if summed.contains(name) {
                var total = Value.null
                for item in items { total = try sum(total, item.field(name) ?? .null, args, column: name) }
                values.append(total)
            } else {
                values.append(name == labelColumn ? .text(totalLabel(args.vm.lang)) : .null)
            }
        }
        // The rows' own shape when they share one, so the total row reads as one of them.
        let shape: Shape
        if case .record(let first)? = items.first, first.shape.names == columns {
            shape = first.shape
        } else {
            shape = Shape(names: columns, origins: columns.map { origin(of: $0, in: items) })
        }
        var out = items
        out.append(.record(Record.make(matching: shape, values: values)))
        return .list(out)
    }

    // MARK: helpers

    /// The column names of a list of records or rows (nil for an empty list).
    static func records(_ args: Arguments, _ items: [Value]) throws -> [String]? {
        if items.isEmpty { return nil }
        guard let columns = Value.columns(of: items) else { throw args.bad(0, because: TableMessages.recordsExpected) }
        return columns
    }

    /// A column-name argument, which must name one of `columns`.
    static func column(_ args: Arguments, _ position: Int, in columns: [String]) throws -> String {
        let name = try args.text(position)
        guard columns.contains(name) else { throw noColumn(args, position, name, columns) }
        return name
    }

    static func noColumn(_ args: Arguments, _ position: Int, _ name: String, _ columns: [String]) -> RuntimeError {
        let reason = MessageArg.phrase(TableMessages.noColumn, [name, columns.joined(separator: ", ")])
        return RuntimeError(Suggest.message(RuntimeMessages.badArgumentWhy, [.plain(String(position + 1)), .plain(args.name), reason],
                                            name: name, candidates: columns))
    }

    /// Where the column `name` of the items comes from, as the first record says.
    static func origin(of name: String, in items: [Value]) -> ColumnOrigin? {
        switch items.first {
        case .record(let record)?: return record.shape.origin(of: name)
        case .row(let row)?:
            guard let index = row.schema.columnIndex[name], index < row.schema.columns.count else { return nil }
            return ColumnOrigin(table: row.schema.table, path: [row.schema.columns[index]])
        default: return nil
        }
    }
}

enum TableMessages {
    static let recordsExpected = Localized(vi: "cần một danh sách bản ghi hoặc dòng", en: "a list of records or rows expected")
    static let noColumn = Localized(vi: "không có cột '{0}'; các cột: {1}", en: "no column '{0}'; the columns: {1}")
    static let sameColumn = Localized(
        vi: "cột giá trị '{0}' trùng với cột làm tiêu đề", en: "the value column '{0}' is also the column of headings")
    static let columnTwice = Localized(
        vi: "cột '{0}' sẽ xuất hiện hai lần trong kết quả", en: "the column '{0}' would appear twice in the result")
    static let twoValues = Localized(
        vi: "hai dòng cho cùng một ô ở cột '{0}' mà giá trị không phải số", en: "two rows give the same cell of column '{0}' values that are not numbers")
    static let notNumber = Localized(vi: "cột '{0}' có giá trị không phải số", en: "the column '{0}' holds a value that is not a number")
    static let columnNames = Localized(vi: "cần một danh sách tên cột", en: "a list of column names expected")
}

extension Value {
    /// An integer or a decimal.
    var isNumber: Bool {
        switch self {
        case .int, .double: return true
        default: return false
        }
    }
}
