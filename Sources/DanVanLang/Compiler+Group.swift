// The `group by` stage in memory: one group per distinct key, in order of first appearance,
// each a `{key, rows}` record. With one key, `key` is its value; with several
// (`group by cluster: unit.cluster.name, year`), `key` is a record with a field per key.
// Text keys group by their NFC form, as the database does (`dv_nfc`), so that both paths
// make the same groups.
//
// Several keys are hashed together from a scratch array reused for every row, and looked up
// in `GroupTable`: no record, array or dictionary key is made per row, only per group.
import VietText

extension Compiler {
    func compileGroup(_ keys: [GroupKey], _ shape: ItemShape) -> StageRunner {
        let at = span(keys.first?.range ?? SourceRange(start: 0, end: 0))
        if keys.count > 1 {
            var seen: Set<String> = []
            for key in keys where !seen.insert(key.name ?? "").inserted {
                error(key.range, StageNameMessages.duplicateKey, [.plain(key.name ?? "")])
            }
        }
        let (ref, _) = pushStage(shape: shape)
        let evals = keys.map { compile($0.value) }
        let origins = keys.map { origin(of: $0.value) }
        popStage()
        let bind = Compiler.binder(ref)
        func items(_ value: Value, _ vm: VM) throws -> [Value] {
            if let items = try vm.sequence(value, at: at) { return items }
            throw RuntimeError(RuntimeMessages.pipelineSource, [.localized(value.typeName)], at: at)
        }
        guard keys.count > 1, evals.count == keys.count else {
            let key = evals.first ?? { _ in .null }
            let groupShape = Shape.group(keyOrigin: origins.first ?? nil)
            // One hash lookup per item: the key gives the group's position in `rows`.
            return { frame, input in
                let vm = frame.vm
                var keys: [Value] = []
                var rows: [[Value]] = []
                var position: [HashKey: Int] = [:]
                for item in try items(input, vm) {
                    if vm.interrupt.isSet { throw RuntimeError(RuntimeMessages.interrupted, at: at) }
                    bind(&frame, item)
                    let groupKey = HashKey(value: try Compiler.groupable(try key(&frame), at: at))
                    let next = rows.count
                    let group = position[groupKey, default: next]
                    if group == next {
                        position[groupKey] = next
                        keys.append(groupKey.value)
                        rows.append([item])
                    } else {
                        rows[group].append(item)
                    }
                }
                bind(&frame, .null)
                var out: [Value] = []
                out.reserveCapacity(rows.count)
                for (groupKey, members) in zip(keys, rows) {
                    out.append(.record(Record.make(matching: groupShape, values: [groupKey, .list(members)])))
                }
                return .list(out)
            }
        }
        let keyShape = Shape(names: keys.map { $0.name ?? "" }, origins: origins)
        let width = keys.count
        return { frame, input in
            let vm = frame.vm
            var table = GroupTable(width: width)
            var scratch = [Value](repeating: .null, count: width)
            for item in try items(input, vm) {
                bind(&frame, item)
                for position in 0..<width { scratch[position] = try Compiler.groupable(try evals[position](&frame), at: at) }
                table.add(item, keys: scratch)
                if vm.interrupt.isSet { throw RuntimeError(RuntimeMessages.interrupted, at: at) }
            }
            bind(&frame, .null)
            var out: [Value] = []
            out.reserveCapacity(table.count)
            for group in 0..<table.count {
                let key = Record.make(matching: keyShape, values: Array(table.keys[group * width..<(group + 1) * width]))
                out.append(.record(Record.make(matching: Shape.group, values: [.record(key), .list(table.rows[group])])))
            }
            return .list(out)
        }
    }

    /// A key as groups compare it: text in NFC form; a list or record copied, so that code
    /// run for a later item (`group by append(k, it)`) cannot change a key already stored
    /// (its hash would no longer be where the table put it). A decimal that is not a number
    /// (NaN, from data: the language makes none) equals nothing, not even itself, so it
    /// cannot be a key: an error rather than rows quietly lost.
    static func groupable(_ value: Value, at span: Span? = nil) throws -> Value {
        switch value {
        case .text(let text): return .text(text.nfc)
        case .double(let number) where number.isNaN: throw RuntimeError(RuntimeMessages.notANumberKey, at: span)
        case .list, .record:
            do { return try KeySnapshot.copy(value) } catch let error as RuntimeError { throw span.map(error.located) ?? error }
        default: return value
        }
    }
}

/// Deep copies of list and record keys, made without recursion (a key may be nested
/// thousands deep) and keeping sharing and cycles as they are (each object copied once).
enum KeySnapshot {
    static func copy(_ root: Value) throws -> Value {
        var lists: [ObjectIdentifier: ValueList] = [:]
        var records: [ObjectIdentifier: Record] = [:]
        var originals: [Value] = []
        // First every container reachable, each given an empty copy, then the copies filled.
        var pending: [Value] = [root]
        while let value = pending.popLast() {
            switch value {
            case .list(let list):
                guard lists[ObjectIdentifier(list)] == nil else { continue }
                lists[ObjectIdentifier(list)] = ValueList()
                originals.append(value)
                pending.append(contentsOf: list.items)
            case .record(let record):
                guard records[ObjectIdentifier(record)] == nil else { continue }
                records[ObjectIdentifier(record)] = Record.filled(record.shape)
                originals.append(value)
                pending.append(contentsOf: record.values)
            case .double(let number) where number.isNaN:
                throw RuntimeError(RuntimeMessages.notANumberKey)
            default: break
            }
        }
        func copied(_ value: Value) -> Value {
            switch value {
            case .list(let list): return lists[ObjectIdentifier(list)].map(Value.list) ?? value
            case .record(let record): return records[ObjectIdentifier(record)].map(Value.record) ?? value
            default: return value
            }
        }
        for original in originals {
            switch original {
            case .list(let list): lists[ObjectIdentifier(list)]?.items = list.items.map(copied)
            case .record(let record):
                guard let copy = records[ObjectIdentifier(record)] else { continue }
                for position in 0..<min(record.count, copy.count) { copy.setValue(copied(record.value(at: position)), at: position) }
            default: break
            }
        }
        return copied(root)
    }
}

/// Groups by several keys: the keys of every group side by side in one array, and a hash
/// chain per combined hash of the keys.
struct GroupTable {
    let width: Int
    /// `width` values per group, in order of first appearance.
    private(set) var keys: [Value] = []
    /// The items of each group, when added with `add`.
    private(set) var rows: [[Value]] = []
    /// Combined hash → the newest group with it; `next[g]` is the previous group with the same
    /// hash, or -1.
    private var heads: [Int: Int] = [:]
    private var next: [Int] = []

    init(width: Int) { self.width = width }

    /// How many groups there are.
    private(set) var count = 0

    /// Puts `item` into the group of `candidate` (made when new).
    mutating func add(_ item: Value, keys candidate: [Value]) {
        let group = index(of: candidate)
        if group == rows.count { rows.append([item]) } else { rows[group].append(item) }
    }

    /// The group of `candidate`, made when new: its index, in order of first appearance.
    mutating func index(of candidate: [Value]) -> Int {
        var hasher = Hasher()
        for value in candidate { HashKey.hash(value, into: &hasher, depth: 0) }
        let hash = hasher.finalize()
        var probe = heads[hash] ?? -1
        while probe >= 0 {
            if matches(probe, candidate) { return probe }
            probe = next[probe]
        }
        let group = count
        next.append(heads[hash] ?? -1)
        heads[hash] = group
        keys.append(contentsOf: candidate)
        count += 1
        return group
    }

    private func matches(_ group: Int, _ candidate: [Value]) -> Bool {
        let base = group * width
        for position in 0..<width where keys[base + position] != candidate[position] { return false }
        return true
    }
}
