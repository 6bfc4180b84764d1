// Binds the movement's SQLite database into the language: each catalog table becomes a
// `TableSource`, references (`m.unit`) and relations (`u.models`) resolve through this host,
// and the Vietnamese aliases (`mo_hinh`, `don_vi`) name the same tables and columns.
//
// Reads are cached per table for the length of one evaluation (a REPL entry or a script run):
// a pipeline that follows `m.unit.name` for 3,000 models then costs one query per table, not
// one per row. Call `invalidate()` before each evaluation so that a later entry sees changes
// made by another session.
import DanVanLang
import DanVanStore
import GRDB
import VietText

public typealias Row = DanVanLang.Row
typealias Table = DanVanStore.Table

public final class DomainHost: Host, RowResolver {
    public let store: Store
    private var sources: [String: DomainTable] = [:]
    private var byName: [String: DomainTable] = [:]
    public let tableNames: [String]
    /// Polled while a table loads, so Ctrl-C stops a long read too (nil: never interrupted).
    public let interrupt: InterruptFlag?

    public init(store: Store, interrupt: InterruptFlag? = nil) {
        self.store = store
        self.interrupt = interrupt
        var names: [String] = []
        for table in Catalog.tables {
            names.append(table.name)
            if table.alias != table.name { names.append(table.alias) }
        }
        tableNames = names
        for table in Catalog.tables {
            let source = DomainTable(table: table, host: self)
            sources[table.name] = source
            byName[table.name] = source
            byName[table.alias] = source
        }
    }

    public func table(named name: String) -> TableSource? { byName[name] }

    /// Forgets every cached row, so the next read sees the database as it is now.
    public func invalidate() {
        for source in sources.values { source.invalidate() }
    }

    public func row(table: String, id: Int64) throws -> Row? {
        guard let source = sources[table] else { return nil }
        return try source.row(id: id)
    }

    public func children(childTable: String, childColumn: String, parentID: Int64) throws -> [Row] {
        guard let source = sources[childTable] else { return [] }
        return try source.children(column: childColumn, parentID: parentID)
    }
}

/// One catalog table as the language sees it, with its cached rows.
final class DomainTable: TableSource {
    let table: Table
    let schema: RowSchema
    private let selectSQL: String
    private var cached: [Row]?
    private var byID: [Int64: Row] = [:]
    private var groups: [String: [Int64: [Row]]] = [:]

    var name: String { table.name }

    init(table: Table, host: DomainHost) {
        self.table = table
        self.host = host
        var columnIndex: [String: Int] = [:]
        var links: [String: Link] = [:]
        for (index, column) in table.columns.enumerated() {
            columnIndex[column.name] = index
            columnIndex[column.alias] = columnIndex[column.alias] ?? index
            if let target = column.referencedTable {
                links[column.name] = .reference(column: index, table: target)
                links[column.alias] = links[column.alias] ?? .reference(column: index, table: target)
            }
        }
        var names = table.columns.map(\.name)
        for derived in DerivedColumns.columns(of: table.name) {
            let index = names.count
            names.append(derived.name)
            columnIndex[derived.name] = index
            columnIndex[derived.alias] = columnIndex[derived.alias] ?? index
            if let target = derived.references {
                links[derived.name] = .reference(column: index, table: target)
                links[derived.alias] = links[derived.alias] ?? .reference(column: index, table: target)
            }
        }
        for relation in Catalog.relations(of: table.name) {
            let link = Link.relation(childTable: relation.childTable, childColumn: relation.childColumn)
            links[relation.name] = links[relation.name] ?? link
            links[relation.alias] = links[relation.alias] ?? link
        }
        let display = table.columns.firstIndex { $0.name == table.displayColumn }
        schema = RowSchema(table: table.name, columns: names,
                           columnIndex: columnIndex, links: links, displayColumn: display,
                           resolver: host)
        let list = table.columns.map { $0.name.quotedDatabaseIdentifier }.joined(separator: ", ")
        selectSQL = "SELECT \(list) FROM \(table.name.quotedDatabaseIdentifier) ORDER BY id"
        self.store = host.store
    }

    private let store: Store
    private weak var host: DomainHost?

    func invalidate() {
        cached = nil
        byID = [:]
        groups = [:]
    }

    func rows() throws -> [Row] {
        if let cached { return cached }
        let columns = table.columns
        // Per-value work must not copy `Column` (it holds strings and code lists): keep the
        // types and the derived columns' inputs as plain arrays and indexes.
        let types = columns.map(\.type)
        let inputs = DerivedColumns.Inputs(columns: columns)
        let schema = self.schema
        let name = table.name
        let interrupt = host?.interrupt
        let needsMembership = name == "units" || name == "models"
        let loaded: [Row] = try store.pool.read { db in
            let membership = needsMembership ? try DerivedColumns.Membership(db) : nil
            let scores = name == "models" ? try DerivedColumns.latestScores(db) : [:]
            var result: [Row] = []
            let cursor = try GRDB.Row.fetchCursor(db, sql: selectSQL)
            while let dbRow = try cursor.next() {
                // One relaxed atomic load every 4,096 rows: negligible, and Ctrl-C answers
                // within a few milliseconds even on the largest tables.
                if result.count & 4095 == 0, interrupt?.isSet == true { throw HostInterrupted() }
                var values: [Value] = []
                values.reserveCapacity(schema.columns.count)
                for index in types.indices {
                    values.append(DomainTable.value(dbRow[index], type: types[index]))
                }
                DerivedColumns.append(to: &values, table: name, inputs: inputs,
                                      membership: membership, scores: scores)
                result.append(Row(schema: schema, values: values))
            }
            return result
        }
        cached = loaded
        var index: [Int64: Row] = [:]
        index.reserveCapacity(loaded.count)
        for row in loaded {
            if case .int(let id) = row.values.first ?? .null { index[id] = row }
        }
        byID = index
        return loaded
    }

    func row(id: Int64) throws -> Row? {
        if cached == nil { _ = try rows() }
        return byID[id]
    }

    func children(column: String, parentID: Int64) throws -> [Row] {
        if let group = groups[column] { return group[parentID] ?? [] }
        guard let index = schema.columnIndex[column] else { return [] }
        var group: [Int64: [Row]] = [:]
        for row in try rows() {
            if case .int(let parent) = row.values[index] { group[parent, default: []].append(row) }
        }
        groups[column] = group
        return group[parentID] ?? []
    }

    /// Converts a stored value to the language's value for a column of `type`.
    static func value(_ stored: DatabaseValue, type: ColumnType) -> Value {
        switch stored.storage {
        case .null:
            return .null
        case .int64(let number):
            if case .bool = type { return .bool(number != 0) }
            if case .real = type { return .double(Double(number)) }
            return .int(number)
        case .double(let number):
            return .double(number)
        case .string(let text):
            // A date column holds ISO text; anything else there stays text, so nothing is lost.
            if case .date = type, let date = Value.date(iso: text) { return date }
            return .text(text)
        case .blob(let data):
            return .text(String(decoding: data, as: UTF8.self))
        }
    }
}
