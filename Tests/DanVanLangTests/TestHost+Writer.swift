// The test host as a writer: every call is recorded (`TestHost.writes`) so that tests can
// check which method the language chose, with which plan steps, ids, values and sites, and
// the change is applied to the memory tables. A selection (`update(_:)`, `delete(_:)`) is
// answered by evaluating its plan here, unless `declineSelections` or the plan uses
// something this small evaluator does not know (then nil, as a real host may answer). Like a
// real host, it checks required columns, codes and references, and `transaction` undoes
// everything on an error. It also adds two functions: `merge_units(from, into, note)`, which
// writes, and `unit_code(id, fallback)`, which does not.
import DanVanLang
import VietText

/// One call the language made to the host's writer or functions.
enum WriteCall {
    case insert(table: String, records: [[(name: String, value: Value)]], site: WriteSite)
    case updateSelection(WriteSelection, assignments: [PlanAssignment], site: WriteSite)
    case updateRows(table: String, columns: [String], rows: [(id: Int64, values: [Value])], site: WriteSite)
    case deleteSelection(WriteSelection, cascade: Bool, site: WriteSite)
    case deleteIDs(table: String, ids: [Int64], cascade: Bool, site: WriteSite)
    case transaction
    case function(name: String, arguments: [Value], site: WriteSite)

    /// A short account for assertions: "update rows models [1, 3] year", "delete plan models filter".
    var summary: String {
        switch self {
        case .insert(let table, let records, _):
            return "insert \(table) " + records.map { record in record.map { "\($0.name)=\($0.value.nestedDescription)" }.joined(separator: " ") }
                .joined(separator: " | ")
        case .updateSelection(let selection, let assignments, _):
            return "update plan \(selection.plan.table) \(WriteCall.steps(selection))"
                + " set " + assignments.map(\.column).joined(separator: ",")
                + (selection.expected.map { " expect \($0)" } ?? "")
        case .updateRows(let table, let columns, let rows, _):
            return "update rows \(table) \(rows.map(\.id)) " + columns.joined(separator: ",")
                + " = " + rows.map { $0.values.map(\.nestedDescription).joined(separator: ",") }.joined(separator: " | ")
        case .deleteSelection(let selection, let cascade, _):
            return "delete plan \(selection.plan.table) \(WriteCall.steps(selection))" + (cascade ? " cascade" : "")
                + (selection.expected.map { " expect \($0)" } ?? "")
        case .deleteIDs(let table, let ids, let cascade, _):
            return "delete ids \(table) \(ids)" + (cascade ? " cascade" : "")
        case .transaction:
            return "transaction"
        case .function(let name, let arguments, _):
            return "\(name)(\(arguments.map(\.nestedDescription).joined(separator: ", ")))"
        }
    }

    var site: WriteSite? {
        switch self {
        case .insert(_, _, let site), .updateSelection(_, _, let site), .updateRows(_, _, _, let site),
             .deleteSelection(_, _, let site), .deleteIDs(_, _, _, let site), .function(_, _, let site):
            return site
        case .transaction:
            return nil
        }
    }

    static func steps(_ selection: WriteSelection) -> String {
        selection.plan.steps.map { stage -> String in
            switch stage.step {
            case .filter: return "filter"
            case .sort: return "sort"
            case .take: return "take"
            case .skip: return "skip"
            default: return "other"
            }
        }.joined(separator: ",")
    }
}

/// A refusal of the test host, shown with its text.
struct WriteRefused: Error, CustomStringConvertible {
    let description: String
}

/// A refusal that says itself what went wrong, in each language (`HostMessageError`).
struct HostRefusal: HostMessageError {
    static let expectedOne = Localized(vi: "cần đúng 1 dòng, nhưng đường ống cho {1} dòng", en: "expected 1 row, but the pipeline gives {1}")
    static let expectedMany = Localized(vi: "cần đúng {0} dòng, nhưng đường ống cho {1} dòng", en: "expected {0} rows, but the pipeline gives {1}")
    let message: Message

    func message(_ lang: Lang) -> String { message.text(lang) }
}

extension TestHost: HostWriter {
    func insert(table: String, records: [[(name: String, value: Value)]], site: WriteSite) throws -> [Row] {
        writes.append(.insert(table: table, records: records, site: site))
        guard let memory = tables[table] else { throw WriteRefused(description: "no table \(table)") }
        let schema = memory.schema
        var next = (memory.storedRows.compactMap { row -> Int64? in
            if case .int(let id) = row.values[0] { return id }
            return nil
        }.max() ?? 0) + 1
        var made: [Row] = []
        for record in records {
            var values = Array(repeating: Value.null, count: schema.columns.count)
            values[0] = .int(next)
            next += 1
            for (name, value) in record {
                guard let index = schema.columnIndex[name] else { throw WriteRefused(description: "\(table) has no column \(name)") }
                values[index] = value
            }
            for index in schema.columns.indices { try check(schema, index, values[index]) }
            made.append(Row(schema: schema, values: values))
        }
        memory.storedRows.append(contentsOf: made)
        return made
    }

    func update(_ selection: WriteSelection, assignments: [PlanAssignment], site: WriteSite) throws -> Int? {
        if declineSelections { return nil }
        guard let memory = tables[selection.plan.table], let selected = try select(selection) else { return nil }
        let evaluator = PlanEvaluator(host: self, parameters: selection.parameters)
        var changes: [(id: Int64, values: [Value])] = []
        for row in selected {
            var values: [Value] = []
            for assignment in assignments {
                guard let value = try evaluator.value(assignment.value, row) else { return nil }
                values.append(value)
            }
            guard case .int(let id) = row.values[0] else { return nil }
            changes.append((id, values))
        }
        writes.append(.updateSelection(selection, assignments: assignments, site: site))
        return try apply(memory, columns: assignments.map(\.column), changes)
    }

    func update(table: String, columns: [String], rows: [(id: Int64, values: [Value])], site: WriteSite) throws -> Int {
        writes.append(.updateRows(table: table, columns: columns, rows: rows, site: site))
        guard let memory = tables[table] else { throw WriteRefused(description: "no table \(table)") }
        return try apply(memory, columns: columns, rows)
    }

    func delete(_ selection: WriteSelection, cascade: Bool, site: WriteSite) throws -> Int? {
        if declineSelections { return nil }
        guard let selected = try select(selection) else { return nil }
        writes.append(.deleteSelection(selection, cascade: cascade, site: site))
        let ids = selected.compactMap { row -> Int64? in
            if case .int(let id) = row.values[0] { return id }
            return nil
        }
        return try remove(selection.plan.table, ids, cascade: cascade)
    }

    func delete(table: String, ids: [Int64], cascade: Bool, site: WriteSite) throws -> Int {
        writes.append(.deleteIDs(table: table, ids: ids, cascade: cascade, site: site))
        return try remove(table, ids, cascade: cascade)
    }

    func transaction<T>(_ body: () throws -> T) throws -> T {
        writes.append(.transaction)
        let saved = tables.mapValues(\.storedRows)
        do {
            return try body()
        } catch {
            for (name, rows) in saved { tables[name]?.storedRows = rows }
            throw error
        }
    }

    // MARK: the host's own checks and changes

    /// Required columns, codes and references, as a database would check them.
    func check(_ schema: RowSchema, _ index: Int, _ value: Value) throws {
        let column = schema.columns[index]
        if case .null = value {
            if !schema.nullable[index] { throw WriteRefused(description: "\(schema.table).\(column) is required") }
            return
        }
        if let codes = schema.codes[index], case .text(let text) = value, !codes.codes.contains(text) {
            throw WriteRefused(description: "\(schema.table).\(column) cannot be \(text)")
        }
        if case .reference(_, let target)? = schema.links[column] {
            guard case .int(let id) = value, try row(table: target, id: id) != nil else {
                throw WriteRefused(description: "\(schema.table).\(column): no row \(value) in \(target)")
            }
        }
    }

    /// Sets `columns` of each row (a new `Row`, so a transaction's saved arrays keep the old one).
    func apply(_ memory: MemoryTable, columns: [String], _ changes: [(id: Int64, values: [Value])]) throws -> Int {
        let schema = memory.schema
        var rows = memory.storedRows
        var changed = 0
        for (id, values) in changes {
            guard let position = rows.firstIndex(where: { $0.values[0] == .int(id) }) else { continue }
            var newValues = rows[position].values
            for (column, value) in zip(columns, values) {
                guard let index = schema.columnIndex[column] else { throw WriteRefused(description: "no column \(column)") }
                try check(schema, index, value)
                newValues[index] = value
            }
            rows[position] = Row(schema: schema, values: newValues)
            changed += 1
        }
        memory.storedRows = rows
        return changed
    }

    /// Deletes rows by id; rows that refer to them are refused, or deleted too with `cascade`.
    func remove(_ table: String, _ ids: [Int64], cascade: Bool) throws -> Int {
        var doomed: [String: Set<Int64>] = [table: Set(ids)]
        var pending = ids.map { (table, $0) }
        while let (parentTable, parentID) = pending.popLast() {
            for (childName, child) in tables.sorted(by: { $0.key < $1.key }) {
                for (linkName, link) in child.schema.links.sorted(by: { $0.key < $1.key }) {
                    guard case .reference(let column, let target) = link, target == parentTable,
                          child.schema.columns[column] == linkName else { continue }
                    for row in child.storedRows where row.values[column] == .int(parentID) {
                        guard case .int(let childID) = row.values[0], doomed[childName]?.contains(childID) != true else { continue }
                        if !cascade {
                            throw WriteRefused(description: "\(parentTable) \(parentID) is used by \(childName) \(childID)")
                        }
                        doomed[childName, default: []].insert(childID)
                        pending.append((childName, childID))
                    }
                }
            }
        }
        var removed = 0
        for (name, doomedIDs) in doomed {
            guard let memory = tables[name] else { continue }
            let before = memory.storedRows.count
            memory.storedRows.removeAll { row in
                if case .int(let id) = row.values[0] { return doomedIDs.contains(id) }
                return false
            }
            if name == table { removed = before - memory.storedRows.count }
        }
        return removed
    }

    /// The rows a selection gives, or nil when its plan uses something not evaluated here.
    func select(_ selection: WriteSelection) throws -> [Row]? {
        guard let memory = tables[selection.plan.table] else { return nil }
        let evaluator = PlanEvaluator(host: self, parameters: selection.parameters)
        guard let rows = try evaluator.rows(memory.storedRows, selection.plan.steps) else { return nil }
        if let expected = selection.expected, Int64(rows.count) != expected {
            // A host may say it in the language's own words, in both languages.
            throw HostRefusal(message: Message(expected == 1 ? HostRefusal.expectedOne : HostRefusal.expectedMany,
                                               [.plain(String(expected)), .plain(String(rows.count))]))
        }
        return rows
    }

    // MARK: functions

    var functionNames: [String] { ["merge_units", "unit_code"] }

    func function(named name: String) -> HostFunction? {
        switch name {
        case "merge_units":
            return HostFunction(name: name, parameters: ["from", "into", "note"], required: 2, writes: true,
                                summary: Localized(vi: "gộp đơn vị", en: "merges two units")) { [unowned self] arguments, site in
                self.writes.append(.function(name: name, arguments: arguments, site: site))
                guard case .int(let from) = arguments[0], case .int(let into) = arguments[1],
                      let models = self.tables["models"], let units = self.tables["units"] else {
                    throw WriteRefused(description: "merge_units needs two unit ids")
                }
                let moved = models.storedRows.filter { $0.values[4] == .int(from) }.compactMap { row -> (id: Int64, values: [Value])? in
                    if case .int(let id) = row.values[0] { return (id, [.int(into)]) }
                    return nil
                }
                _ = try self.apply(models, columns: ["unit"], moved)
                _ = try self.apply(units, columns: ["status"], [(from, [.text("merged")])])
                return .int(Int64(moved.count))
            }
        case "unit_code":
            return HostFunction(name: name, parameters: ["id", "fallback"], required: 1, writes: false,
                                summary: Localized(vi: "mã đơn vị", en: "a unit's code")) { [unowned self] arguments, site in
                self.writes.append(.function(name: name, arguments: arguments, site: site))
                guard case .int(let id) = arguments[0], let unit = try self.row(table: "units", id: id) else { return arguments[1] }
                return unit.values[1]
            }
        default:
            return nil
        }
    }

    func willRun(writes: Bool) throws {
        willRunCalls.append(writes)
        if let willRunError { throw willRunError }
    }
}
