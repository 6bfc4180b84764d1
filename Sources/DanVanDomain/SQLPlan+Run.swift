// Runs a statement built by SQLPlanBuilder and turns its rows into the values the in-memory
// stages would have made: rows of the source table, records in `select` order, groups' keys,
// a count, or the first item. References in a `select` become the rows they point at, fetched
// in batches (`WHERE id IN (...)`), never one statement per row.
import DanVanLang
import DanVanStore
import GRDB
import VietText

extension DomainTable {
    func run(_ statement: SQLStatement, db: Database) throws -> Value {
        switch statement.result {
        case .count:
            let count = try Int64.fetchOne(db, sql: statement.sql, arguments: StatementArguments(statement.arguments)) ?? 0
            return .int(count)
        case .aggregate(let name, let kind):
            let stored = try DatabaseValue.fetchOne(db, sql: statement.sql, arguments: StatementArguments(statement.arguments)) ?? .null
            // sum and avg as SQL computed them (an integer sum stays an integer); min and max
            // as values of the column's kind.
            return DomainTable.value(stored, kind: kind, computed: name == "sum" || name == "avg")
        case .rows:
            let rows = try fetchRows(db, sql: statement.sql, arguments: statement.arguments)
            remember(rows)
            if statement.single { return rows.first.map(Value.row) ?? .null }
            return .list(rows.map(Value.row))
        case .records(let fields), .groups(let fields):
            let records = try fetchRecords(db, statement, fields)
            if statement.single { return records.first ?? .null }
            return .list(records)
        }
    }

    private func fetchRecords(_ db: Database, _ statement: SQLStatement, _ fields: [PlanField]) throws -> [Value] {
        let shape = Shape(names: fields.map(\.name), origins: fields.map(\.origin))
        let interrupt = host?.interrupt
        var rows: [[Value]] = []
        // Reference fields: the ids met, per table, fetched in batches after the scan.
        var references: [Int: String] = [:]
        for (index, field) in fields.enumerated() {
            if case .reference(let table) = field.kind { references[index] = table }
        }
        let cursor = try GRDB.Row.fetchCursor(db, sql: statement.sql, arguments: StatementArguments(statement.arguments))
        while let dbRow = try cursor.next() {
            if rows.count & 4095 == 0, interrupt?.isSet == true { throw HostInterrupted() }
            var values: [Value] = []
            values.reserveCapacity(fields.count)
            for (index, field) in fields.enumerated() {
                var computed = false
                if case .aggregate = field.value { computed = true }
                values.append(DomainTable.value(dbRow[index], kind: field.kind, computed: computed))
            }
            rows.append(values)
        }
        for (index, table) in references {
            guard let target = host?.source(table) else { continue }
            var ids: [Int64] = []
            for row in rows { if case .int(let id) = row[index] { ids.append(id) } }
            try target.prefetch(ids: ids)
            for position in rows.indices {
                if case .int(let id) = rows[position][index] {
                    rows[position][index] = try target.row(id: id).map(Value.row) ?? .null
                }
            }
        }
        return rows.map { .record(Record.make(shape: shape, values: $0)) }
    }

    /// A selected value as the language would have it: computed ones (aggregates) by what SQL
    /// computed (an integer sum stays an integer), columns by their kind.
    static func value(_ stored: DatabaseValue, kind: ColumnKind, computed: Bool) -> Value {
        if computed {
            switch stored.storage {
            case .int64(let number): return .int(number)
            case .double(let number): return .double(number)
            case .null: return .null
            case .string(let text): return .text(text)
            case .blob(let data): return .text(String(decoding: data, as: UTF8.self))
            }
        }
        switch kind {
        case .integer: return value(stored, type: .integer)
        case .decimal: return value(stored, type: .real)
        case .text: return value(stored, type: .text)
        case .date: return value(stored, type: .date)
        case .bool: return value(stored, type: .bool)
        case .reference: return value(stored, type: .integer)
        case .any: return value(stored, type: .text)
        }
    }
}
