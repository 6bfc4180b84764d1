// Equality, hashing (`distinct`, `group by`) and the order of `sort`, `min` and `max`.
// Equality is by value for scalars, lists and records (1 == 1.0; "Hòa" in NFC equals NFD),
// by table and id for rows, and by identity for functions and tables. A whole number equals a
// decimal only when they are exactly the same number (NumberOrder): 9007199254740993 is not
// 9007199254740992.0, although converting it to a decimal would round it to that.

extension Value: Equatable {
    public static func == (lhs: Value, rhs: Value) -> Bool { equal(lhs, rhs, depth: 0) }

    static func equal(_ lhs: Value, _ rhs: Value, depth: Int) -> Bool {
        if depth > maxPrintDepth { return false }
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return NumberOrder.compare(a, b) == 0
        case (.text(let a), .text(let b)): return a == b
        case (.date(let a), .date(let b)): return a == b
        case (.row(let a), .row(let b)):
            if a === b { return true }
            guard a.schema.table == b.schema.table, let id = a.schema.columnIndex["id"],
                  let otherID = b.schema.columnIndex["id"], id < a.values.count, otherID < b.values.count else { return false }
            return a.values[id] == b.values[otherID]
        case (.list(let a), .list(let b)):
            if a === b { return true }
            guard a.items.count == b.items.count else { return false }
            for (x, y) in zip(a.items, b.items) where !equal(x, y, depth: depth + 1) { return false }
            return true
        case (.record(let a), .record(let b)):
            if a === b { return true }
            guard a.shape.names == b.shape.names else { return false }
            for position in 0..<a.count where !equal(a.value(at: position), b.value(at: position), depth: depth + 1) { return false }
            return true
        case (.function(let a), .function(let b)): return a === b
        case (.table(let a), .table(let b)): return a === b
        default: return false
        }
    }

    /// The kind of a value for ordering: values of two ranks do not order (integers and
    /// decimals are one rank); null sorts last.
    var typeRank: Int {
        switch self {
        case .bool: return 0
        case .int, .double: return 1
        case .text: return 2
        case .date: return 3
        case .row: return 4
        case .list: return 5
        case .record: return 6
        case .function, .table: return 7
        case .null: return 8
        }
    }

    /// The order of `sort`, `min` and `max`: numbers by exact value (NumberOrder), text the
    /// Vietnamese way, dates by day, false before true, rows by id, lists item by item;
    /// records, functions and tables are all equal (sorting keeps their order). Null sorts
    /// after everything. Two values of different kinds (`2` and `"a"`) are an error, as `2 < "a"`
    /// is.
    static func sortOrder(_ lhs: Value, _ rhs: Value, depth: Int = 0) throws -> Int {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.text(let a), .text(let b)): return textOrder(a, b)
        case (.double, .double), (.int, .double), (.double, .int):
            // NaN cannot come from the language (Operators refuses to make it); were one to
            // come from data it would tie with everything rather than break the sort.
            return NumberOrder.compare(lhs, rhs) ?? 0
        case (.null, .null): return 0
        case (.null, _): return 1
        case (_, .null): return -1
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.date(let a), .date(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.row(let a), .row(let b)):
            let x = a.schema.columnIndex["id"].flatMap { $0 < a.values.count ? a.values[$0] : nil } ?? .null
            let y = b.schema.columnIndex["id"].flatMap { $0 < b.values.count ? b.values[$0] : nil } ?? .null
            return try sortOrder(x, y)
        case (.list(let a), .list(let b)):
            // A list that contains itself compares equal past this depth instead of recursing forever.
            if a === b || depth > maxPrintDepth { return 0 }
            for (x, y) in zip(a.items, b.items) {
                let order = try sortOrder(x, y, depth: depth + 1)
                if order != 0 { return order }
            }
            return a.items.count < b.items.count ? -1 : (a.items.count == b.items.count ? 0 : 1)
        default:
            if lhs.typeRank == rhs.typeRank { return 0 }
            throw cannotCompare(lhs, rhs)
        }
    }

    /// "cannot compare integer with text": the error of ordering two kinds of values.
    static func cannotCompare(_ lhs: Value, _ rhs: Value) -> RuntimeError {
        RuntimeError(RuntimeMessages.cannotCompare, [.localized(lhs.typeName), .localized(rhs.typeName)])
    }
}

/// A value as a dictionary key, with the same equality as `==` (so 1 and 1.0 are one key).
struct HashKey: Hashable {
    let value: Value

    static func == (lhs: HashKey, rhs: HashKey) -> Bool { lhs.value == rhs.value }

    func hash(into hasher: inout Hasher) { HashKey.hash(value, into: &hasher, depth: 0) }

    static func hash(_ value: Value, into hasher: inout Hasher, depth: Int) {
        guard depth < 4 else { return }
        switch value {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .int(let i): hasher.combine(Double(i))
        case .double(let d): hasher.combine(d)
        case .text(let t): hasher.combine(t)
        case .date(let d): hasher.combine(d.dayNumber)
        case .row(let row):
            hasher.combine(row.schema.table)
            if let id = row.schema.columnIndex["id"], id < row.values.count { hash(row.values[id], into: &hasher, depth: depth + 1) }
        case .list(let list):
            hasher.combine(list.items.count)
            for item in list.items.prefix(4) { hash(item, into: &hasher, depth: depth + 1) }
        case .record(let record):
            hasher.combine(record.shape.names)
            for position in 0..<min(4, record.count) { hash(record.value(at: position), into: &hasher, depth: depth + 1) }
        case .function(let function): hasher.combine(ObjectIdentifier(function))
        case .table(let table): hasher.combine(ObjectIdentifier(table))
        }
    }
}
