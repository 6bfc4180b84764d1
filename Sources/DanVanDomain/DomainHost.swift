// Binds the movement's SQLite database into the language: each catalog table becomes a
// `TableSource`, references (`m.unit`) and relations (`u.models`) resolve through this host,
// and the Vietnamese aliases (`mo_hinh`, `don_vi`) name the same tables and columns.
//
// A pipeline over a table is answered by SQL as far as it can be (`answer`, SQLPlan.swift);
// `DANVAN_PUSHDOWN=off` (the `pushdown` flag) runs every pipeline in memory instead, on whole
// tables. Whole tables and rows met through references are cached per table for the length of
// one evaluation (a REPL entry or a script run), which reads one snapshot of the database
// (`snapshot`). Call `invalidate()` before each evaluation so that a later entry sees changes
// made by another session.
import DanVanLang
import DanVanStore
import GRDB
import VietText

public typealias Row = DanVanLang.Row
typealias Table = DanVanStore.Table

public final class DomainHost: Host, RowResolver {
    public let store: Store
    /// The catalog's tables by name, and by name or alias (a later table's alias wins over an
    /// earlier one's, as the language has always resolved them).
    private let catalogTables: [String: Table]
    private let namedTables: [String: Table]
    /// Each table's schema, links and cached rows, made the first time something reaches the
    /// table (`source(_:)`): making all of them up front was a sixth of a one-shot command's
    /// start-up, for a script that reads one table or none.
    private var sources: [String: DomainTable] = [:]
    public let tableNames: [String]
    /// Polled while a table loads, so Ctrl-C stops a long read too (nil: never interrupted).
    public let interrupt: InterruptFlag?
    /// False: every pipeline runs in memory (`DANVAN_PUSHDOWN=off`), for comparing the two paths.
    public let pushdown: Bool
    /// The transaction state: the connection of the evaluation under way, the change set
    /// being written, the session's options (DomainHost+Session.swift).
    public let session: WriteSession
    /// How many statements the host has run: what tests check to see batches, not loops.
    public internal(set) var statements = 0
    /// Functions another target adds (reports: `document`, `table`, `save`…), by name; see
    /// `register(_:)` in DomainFunctions.swift.
    var registered: [String: HostFunction] = [:]
    var registeredNames: [String] = []

    public init(store: Store, interrupt: InterruptFlag? = nil, pushdown: Bool = true,
                options: WriteSession.Options = WriteSession.Options()) {
        self.store = store
        session = WriteSession(options: options)
        self.interrupt = interrupt
        self.pushdown = pushdown
        var names: [String] = []
        for table in Catalog.tables + Catalog.logTables {
            names.append(table.name)
            if table.alias != table.name { names.append(table.alias) }
        }
        tableNames = names
        var catalog: [String: Table] = [:]
        var named: [String: Table] = [:]
        for table in Catalog.tables + Catalog.logTables {
            catalog[table.name] = table
            named[table.name] = table
            named[table.alias] = table
        }
        catalogTables = catalog
        namedTables = named
    }

    public func table(named name: String) -> TableSource? { namedTables[name].map(made) }

    /// The table named `table` (not an alias), made on first use.
    func source(_ table: String) -> DomainTable? { catalogTables[table].map(made) }

    private func made(_ table: Table) -> DomainTable {
        if let source = sources[table.name] { return source }
        let source = DomainTable(table: table, host: self)
        sources[table.name] = source
        return source
    }

    /// Whether `environment` asks for every pipeline to run in memory (`DANVAN_PUSHDOWN=off`).
    public static func pushdown(_ environment: [String: String]) -> Bool {
        guard let value = environment["DANVAN_PUSHDOWN"]?.lowercased() else { return true }
        return !["off", "0", "false", "no"].contains(value)
    }

    public func answer(_ plan: QueryPlan, parameters: [Value]) throws -> QueryAnswer? {
        guard pushdown, let source = self.source(plan.table) else { return nil }
        guard let statement = try SQLPlanBuilder.build(plan, parameters: parameters) else { return nil }
        let value = try read { db in try source.run(statement, db: db) }
        return QueryAnswer(value: value, consumed: statement.consumed)
    }
    /// Forgets every cached row, so the next read sees the database as it is now (a table
    /// not made yet has none).
    public func invalidate() {
        for source in sources.values { source.invalidate() }
    }

    public func row(table: String, id: Int64) throws -> Row? {
        guard let source = self.source(table) else { return nil }
        return try source.row(id: id)
    }


    public func children(childTable: String, childColumn: String, parentID: Int64) throws -> [Row] {
        guard let source = self.source(childTable) else { return [] }
        return try source.children(column: childColumn, parentID: parentID, batch: { [] })
    }

    public func row(table: String, id: Int64, from source: Row, column: Int) throws -> Row? {
        guard let target = self.source(table) else { return nil }
        return try target.row(id: id) { [weak self] in
            self?.neighbours(of: source).compactMap { row -> Int64? in
                guard column < row.values.count, case .int(let other) = row.values[column] else { return nil }
                return other
            } ?? []
        }
    }

    public func children(childTable: String, childColumn: String, parentID: Int64, from source: Row) throws -> [Row] {
        guard let child = self.source(childTable) else { return [] }
        return try child.children(column: childColumn, parentID: parentID) { [weak self] in
            self?.neighbours(of: source).compactMap { row -> Int64? in
                guard case .int(let id) = row.values.first ?? .null else { return nil }
                return id
            } ?? []
        }
    }

    public func childCount(childTable: String, childColumn: String, parentID: Int64, from source: Row) throws -> Int {
        guard let child = self.source(childTable) else { return 0 }
        return try child.childCount(column: childColumn, parentID: parentID) { [weak self] in
            self?.neighbours(of: source).compactMap { row -> Int64? in
                guard case .int(let id) = row.values.first ?? .null else { return nil }
                return id
            } ?? []
        }
    }

    /// The rows that came with `row`: its table's last result, or the whole table when loaded.
    private func neighbours(of row: Row) -> [Row] {
        sources[row.schema.table]?.neighbours ?? []
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
        var kinds = table.columns.map { DomainTable.kind($0.type) }
        kinds += DerivedColumns.columns(of: table.name).map { DomainTable.kind($0.type) }
        var codes: [Int: CodeList] = [:]
        for (index, column) in table.columns.enumerated() where !column.codes.isEmpty {
            codes[index] = CodeList(codes: column.codes.map(\.code),
                                    labels: column.codes.map { [$0.label.vi, $0.label.en] })
        }
        schema = RowSchema(table: table.name, columns: names,
                           columnIndex: columnIndex, links: links, displayColumn: display,
                           resolver: host, kinds: kinds, codes: codes,
                           nullable: table.columns.map(\.nullable) + DerivedColumns.columns(of: table.name).map { _ in true })
        selectSQL = "SELECT \(DerivedSQL.rowColumns(table, alias: "t0")) FROM \(table.name.quotedDatabaseIdentifier) AS t0"
        self.types = table.columns.map(\.type) + DerivedColumns.columns(of: table.name).map(\.type)
        self.store = host.store
    }

    private let store: Store
    private(set) weak var host: DomainHost?
    /// The type of each value of a row, stored columns then derived ones.
    private let types: [ColumnType]

    static func kind(_ type: ColumnType) -> ColumnKind {
        switch type {
        case .integer: return .integer
        case .real: return .decimal
        case .text: return .text
        case .date: return .date
        case .bool: return .bool
        case .reference(let table): return .reference(table)
        }
    }

    func invalidate() {
        cached = nil
        byID = [:]
        groups = [:]
        absent = []
        recent = []
        completeGroups = []
        counts = [:]
    }

    func rows() throws -> [Row] {
        if let cached { return cached }
        guard let host else { return [] }
        let loaded = try host.read { db in try fetchRows(db, sql: selectSQL + " ORDER BY t0.id", arguments: []) }
        cached = loaded
        var index: [Int64: Row] = [:]
        index.reserveCapacity(loaded.count)
        for row in loaded {
            if case .int(let id) = row.values.first ?? .null { index[id] = row }
        }
        byID = index
        return loaded
    }

    /// Rows read a page at a time when the table is not cached: a loop over 300,000 models
    /// holds 2,000 rows, not 300,000. Each page is its own statement (keyset paging on id), so
    /// whatever the loop's body reads meanwhile never meets an open cursor.
    static let pageRows = 2_000

    func forEachBatch(_ body: ([Row]) throws -> Void) throws {
        if let cached { return try body(cached) }
        guard let host else { return }
        var after = Int64.min
        while true {
            let page = try host.read { db in
                try fetchRows(db, sql: selectSQL + " WHERE t0.id > ? ORDER BY t0.id LIMIT \(DomainTable.pageRows)",
                              arguments: [after.databaseValue])
            }
            guard let last = page.last, case .int(let id) = last.values.first ?? .null else { return }
            recent = page
            try body(page)
            if page.count < DomainTable.pageRows { return }
            after = id
        }
    }

    /// Rows of this table from a statement whose columns are a row's (stored, then derived).
    func fetchRows(_ db: Database, sql: String, arguments: [DatabaseValue]) throws -> [Row] {
        // Per-value work must not copy `Column` (it holds strings and code lists): keep the
        // types as a plain array.
        let types = self.types
        let schema = self.schema
        let interrupt = host?.interrupt
        var result: [Row] = []
        let cursor = try GRDB.Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
        while let dbRow = try cursor.next() {
            // One relaxed atomic load every 4,096 rows: negligible, and Ctrl-C answers
            // within a few milliseconds even on the largest tables.
            if result.count & 4095 == 0, interrupt?.isSet == true { throw HostInterrupted() }
            var values: [Value] = []
            values.reserveCapacity(types.count)
            for index in types.indices {
                values.append(DomainTable.value(dbRow[index], type: types[index]))
            }
            result.append(Row(schema: schema, values: values))
        }
        return result
    }

    /// Runs `body` on sorted, distinct `ids` 500 at a time, with the `?,?,...` of an `IN` list:
    /// SQLite binds at most 32,766 values, and 500 keeps each statement small and fast.
    static func inChunks(_ ids: [Int64], _ body: ([Int64], String) throws -> Void) rethrows {
        let sorted = Array(Set(ids)).sorted()
        var start = 0
        while start < sorted.count {
            let chunk = Array(sorted[start..<min(start + 500, sorted.count)])
            try body(chunk, Array(repeating: "?", count: chunk.count).joined(separator: ","))
            start += 500
        }
    }

    /// The rows of these ids that are not cached yet, fetched in batches with `IN (...)`.
    func prefetch(ids: [Int64]) throws {
        guard cached == nil, let host else { return }
        let missing = ids.filter { byID[$0] == nil && !absent.contains($0) }
        var fetched: [Row] = []
        defer { if !fetched.isEmpty { recent = fetched } }
        try DomainTable.inChunks(missing) { chunk, marks in
            let rows = try host.read { db in
                try fetchRows(db, sql: selectSQL + " WHERE t0.id IN (\(marks)) ORDER BY t0.id",
                              arguments: chunk.map(\.databaseValue))
            }
            for row in rows {
                if case .int(let id) = row.values.first ?? .null { byID[id] = row }
            }
            fetched += rows
        }
        for id in missing where byID[id] == nil { absent.insert(id) }
    }

    func row(id: Int64, batch: () -> [Int64] = { [] }) throws -> Row? {
        if let row = byID[id] { return row }
        if cached != nil || absent.contains(id) { return nil }
        // The rows that this row's neighbours point at too, in one go: never one statement
        // per row, and never the whole table for a few rows.
        try prefetch(ids: [id] + batch())
        return byID[id]
    }

    /// Ids asked for that have no row, so that a batch does not ask for them again.
    private var absent: Set<Int64> = []
    /// The rows of the last statement on this table, whose references and relations are
    /// fetched together when one of them needs its own.
    private(set) var recent: [Row] = []
    /// Relations grouped from the whole table: every parent's children are known.
    private var completeGroups: Set<String> = []

    /// The rows that a row of this table came with.
    var neighbours: [Row] { cached ?? recent }

    func remember(_ rows: [Row]) { recent = rows }

    func children(column: String, parentID: Int64, batch: () -> [Int64]) throws -> [Row] {
        if completeGroups.contains(column) { return groups[column]?[parentID] ?? [] }
        if let known = groups[column]?[parentID] { return known }
        guard let index = schema.columnIndex[column], let host else { return [] }
        if let cached {
            var group: [Int64: [Row]] = [:]
            for row in cached {
                if case .int(let parent) = row.values[index] { group[parent, default: []].append(row) }
            }
            groups[column] = group
            completeGroups.insert(column)
            return group[parentID] ?? []
        }
        // The children of this parent and of its neighbours, in batches.
        let parents = ([parentID] + batch()).filter { groups[column]?[$0] == nil }
        var group = groups[column] ?? [:]
        try DomainTable.inChunks(parents) { chunk, marks in
            let rows = try host.read { db in
                try fetchRows(db, sql: selectSQL + " WHERE t0.\(column.quotedDatabaseIdentifier) IN (\(marks)) ORDER BY t0.id",
                              arguments: chunk.map(\.databaseValue))
            }
            for parent in chunk { group[parent] = [] }
            for row in rows {
                if case .int(let parent) = row.values[index] { group[parent, default: []].append(row) }
            }
        }
        groups[column] = group
        return group[parentID] ?? []
    }

    /// Children counted per parent, for the parents met so far (`len(u.models)`).
    private var counts: [String: [Int64: Int]] = [:]

    func childCount(column: String, parentID: Int64, batch: () -> [Int64]) throws -> Int {
        if completeGroups.contains(column) || groups[column]?[parentID] != nil {
            return try children(column: column, parentID: parentID, batch: batch).count
        }
        if let known = counts[column]?[parentID] { return known }
        guard let host, schema.columnIndex[column] != nil else { return 0 }
        if cached != nil { return try children(column: column, parentID: parentID, batch: batch).count }
        let parents = ([parentID] + batch()).filter { counts[column]?[$0] == nil }
        var known = counts[column] ?? [:]
        let quoted = column.quotedDatabaseIdentifier
        try DomainTable.inChunks(parents) { chunk, marks in
            let rows = try host.read { db in
                try GRDB.Row.fetchAll(db, sql: """
                    SELECT \(quoted), count(*) FROM \(table.name.quotedDatabaseIdentifier) WHERE \(quoted) IN (\(marks)) GROUP BY \(quoted)
                    """, arguments: StatementArguments(chunk.map(\.databaseValue)))
            }
            for parent in chunk { known[parent] = 0 }
            for row in rows {
                // Optional reads: a stray value in the column is skipped, never a trap.
                guard let parent = row[0] as Int64?, let count = row[1] as Int? else { continue }
                known[parent] = count
            }
        }
        counts[column] = known
        return known[parentID] ?? 0
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
