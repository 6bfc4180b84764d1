// The keys an import checks against: for each table, the ids and codes already in the
// database and those the import's files bring, with the line that brought each. They are
// what makes "duplicate key" and "missing reference" answerable while streaming, without
// holding the rows themselves: an id is 8 bytes, a row is hundreds.
import DanVanStore
import GRDB

/// A row a reference or code leads to: one with a known id, or the k-th new row (no id in
/// the file) of its table, whose id is only fixed once every file has been read.
enum RowRef: Sendable, Equatable {
    case id(Int64)
    case new(Int)
}

final class TableKeys {
    let table: DanVanStore.Table
    private(set) var databaseIDs: Set<Int64> = []
    private(set) var databaseCodes: [String: Int64] = [:]
    /// Id → the line that brought it.
    var fileIDs: [Int64: Int] = [:]
    /// Code → its row and the line that brought it.
    var fileCodes: [String: (row: RowRef, line: Int)] = [:]
    /// The largest id in the database or the files.
    var maxID: Int64 = 0
    /// Rows without an id, numbered in file order.
    var newRows = 0
    /// The id the first new row gets; set after validation.
    var firstNewID: Int64 = 1
    /// The table's file had an unreadable header: its rows are unknown, so references into
    /// it are not reported (they would all be false alarms).
    var unchecked = false

    init(table: DanVanStore.Table, db: Database) throws {
        self.table = table
        let name = table.name.quotedDatabaseIdentifier
        let ids = try Int64.fetchCursor(db, sql: "SELECT id FROM \(name)")
        while let id = try ids.next() {
            databaseIDs.insert(id)
            if id > maxID { maxID = id }
        }
        if let key = table.naturalKey {
            let rows = try Row.fetchCursor(db, sql: "SELECT \(key.quotedDatabaseIdentifier), id FROM \(name)")
            while let row = try rows.next() {
                if let code = row[0] as String?, let id = row[1] as Int64? { databaseCodes[code] = id }
            }
        }
    }

    /// The table had rows before the import.
    var hasRows: Bool { !databaseIDs.isEmpty }

    /// The row `key` names, if it is in the database or a file read so far.
    func resolve(_ key: ReferenceKey) -> RowRef? {
        switch key {
        case .id(let id):
            return databaseIDs.contains(id) || fileIDs[id] != nil ? .id(id) : nil
        case .code(let code):
            if let id = databaseCodes[code] { return .id(id) }
            return fileCodes[code]?.row
        }
    }

    /// Where `id` is already used: the database (nil line), a file line, or nowhere.
    func existingID(_ id: Int64) -> (inDatabase: Bool, line: Int?)? {
        if databaseIDs.contains(id) { return (true, nil) }
        if let line = fileIDs[id] { return (false, line) }
        return nil
    }

    func existingCode(_ code: String) -> (inDatabase: Bool, line: Int?)? {
        if databaseCodes[code] != nil { return (true, nil) }
        if let entry = fileCodes[code] { return (false, entry.line) }
        return nil
    }

    /// The id a reference stands for, once new rows have their ids.
    func id(of row: RowRef) -> Int64? {
        switch row {
        case .id(let id):
            return id
        case .new(let index):
            let (id, overflow) = firstNewID.addingReportingOverflow(Int64(index))
            return overflow ? nil : id
        }
    }
}

/// Every table's keys, loaded from the database the first time a table is needed.
final class KeyIndex {
    private let db: Database
    private var tables: [String: TableKeys] = [:]

    init(db: Database) {
        self.db = db
    }

    func keys(_ table: DanVanStore.Table) throws -> TableKeys {
        if let loaded = tables[table.name] { return loaded }
        let keys = try TableKeys(table: table, db: db)
        tables[table.name] = keys
        return keys
    }

    func keys(named name: String) throws -> TableKeys? {
        guard let table = Catalog.table(named: name) else { return nil }
        return try keys(table)
    }
}
