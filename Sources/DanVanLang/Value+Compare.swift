// Equality, hashing (`distinct`, `group by`) and the order of `sort`, `min` and `max`.
// Equality is by value for scalars, lists and records (1 == 1.0; "Hòa" in NFC equals NFD),
// by table and id for rows, and by identity for functions and tables. A whole number equals a
// decimal only when they are exactly the same number (NumberOrder): 9007199254740993 is not
// 9007199254740992.0, although converting it to a decimal would round it to that.

extension Value: Equatable {
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.list, .list), (.record, .record): return containersEqual(lhs, rhs)
        default: return scalarEqual(lhs, rhs)
        }
    }

    /// Equality of two values of which at most one is a list or record (else false).
    private static func scalarEqual(_ lhs: Value, _ rhs: Value) -> Bool {
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
            return scalarEqual(a.values[id], b.values[otherID])
        case (.function(let a), .function(let b)): return a === b
        case (.table(let a), .table(let b)): return a === b
        default: return false
        }
    }

    /// Two lists or records, item by item with a stack of its own (any depth, no native
    /// recursion). A pair of containers is compared once: met again, inside itself or shared,
    /// it is taken as equal so far, so values that contain themselves compare in bounded work.
    private static func containersEqual(_ lhs: Value, _ rhs: Value) -> Bool {
        var pending: [(Value, Value)] = [(lhs, rhs)]
        var seen: Set<ObjectPair> = []
        // Pairs are remembered only after the first few: small values, the usual case, need no
        // set, and a value that loops is still caught on its next turn.
        var visits = 0
        func firstVisit(_ a: AnyObject, _ b: AnyObject) -> Bool {
            visits += 1
            return visits <= Value.visitsBeforeRemembering || seen.insert(ObjectPair(a, b)).inserted
        }
        while let (x, y) = pending.popLast() {
            switch (x, y) {
            case (.list(let a), .list(let b)):
                if a === b { continue }
                guard a.items.count == b.items.count else { return false }
                guard firstVisit(a, b) else { continue }
                for (u, v) in zip(a.items, b.items) {
                    if !enqueue(u, v, &pending) { return false }
                }
            case (.record(let a), .record(let b)):
                if a === b { continue }
                guard a.shape.names == b.shape.names else { return false }
                guard firstVisit(a, b) else { continue }
                for position in 0..<a.count {
                    if !enqueue(a.value(at: position), b.value(at: position), &pending) { return false }
                }
            default:
                if !scalarEqual(x, y) { return false }
            }
        }
        return true
    }

    /// Compares two items now when they are scalars, or puts a pair of containers on the stack.
    @inline(__always)
    private static func enqueue(_ x: Value, _ y: Value, _ pending: inout [(Value, Value)]) -> Bool {
        switch (x, y) {
        case (.list, .list), (.record, .record): pending.append((x, y)); return true
        default: return scalarEqual(x, y)
        }
    }

    /// Pairs of lists or records compared before `==` and `sort` start remembering the pairs
    /// they have seen (which bounds their work on values that contain themselves).
    static let visitsBeforeRemembering = 64

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
    static func sortOrder(_ lhs: Value, _ rhs: Value) throws -> Int {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.text(let a), .text(let b)): return textOrder(a, b)
        case (.double, .double), (.int, .double), (.double, .int):
            // NaN cannot come from the language (Operators refuses to make it); one from data
            // has no place in an order: an error, not a sort quietly broken.
            guard let order = NumberOrder.compare(lhs, rhs) else { throw RuntimeError(RuntimeMessages.notANumberKey) }
            return order
        case (.null, .null): return 0
        case (.null, _): return 1
        case (_, .null): return -1
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.date(let a), .date(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.row(let a), .row(let b)):
            let x = a.schema.columnIndex["id"].flatMap { $0 < a.values.count ? a.values[$0] : nil } ?? .null
            let y = b.schema.columnIndex["id"].flatMap { $0 < b.values.count ? b.values[$0] : nil } ?? .null
            return try sortOrder(x, y)
        case (.list(let a), .list(let b)): return try listOrder(a, b)
        default:
            if lhs.typeRank == rhs.typeRank { return 0 }
            throw cannotCompare(lhs, rhs)
        }
    }

    /// Two lists item by item, with a stack of its own (any depth, no native recursion). A
    /// pair of lists met again (a list inside itself, or shared and already found equal) counts
    /// as equal, so lists that contain themselves order in bounded work.
    private static func listOrder(_ lhs: ValueList, _ rhs: ValueList) throws -> Int {
        var stack: [(a: ValueList, b: ValueList, next: Int)] = [(lhs, rhs, 0)]
        var seen: Set<ObjectPair> = []
        var visits = 0
        while let top = stack.last {
            let (a, b, position) = top
            guard position < min(a.items.count, b.items.count) else {
                let order = a.items.count < b.items.count ? -1 : (a.items.count == b.items.count ? 0 : 1)
                if order != 0 { return order }
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next = position + 1
            let x = a.items[position], y = b.items[position]
            if case .list(let u) = x, case .list(let v) = y {
                visits += 1
                if u !== v && (visits <= Value.visitsBeforeRemembering || seen.insert(ObjectPair(u, v)).inserted) {
                    stack.append((u, v, 0))
                }
                continue
            }
            let order = try sortOrder(x, y)
            if order != 0 { return order }
        }
        return 0
    }

    /// "cannot compare integer with text": the error of ordering two kinds of values.
    static func cannotCompare(_ lhs: Value, _ rhs: Value) -> RuntimeError {
        RuntimeError(RuntimeMessages.cannotCompare, [.localized(lhs.typeName), .localized(rhs.typeName)])
    }
}

/// Two objects compared with each other, as a set element.
struct ObjectPair: Hashable {
    let first: ObjectIdentifier, second: ObjectIdentifier
    init(_ first: AnyObject, _ second: AnyObject) {
        self.first = ObjectIdentifier(first)
        self.second = ObjectIdentifier(second)
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
