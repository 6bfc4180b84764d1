// One sort for the `sort` stage and the built-in `sort()`: stable (equal keys keep the items'
// order), `null` last whichever the direction, and the order of `Value.sortOrder` (numbers by
// exact value, text the Vietnamese way, dates by day, false before true, rows by id, lists item
// by item). Keys of different kinds in one column (`sort([2, "a", 1])`) are an error naming
// both kinds, as `2 < "a"` is.
//
// Speed: each key is computed once per item, into one column per key (a flat array, never an
// array per item), and a column is stored typed when it can be: all whole numbers as [Int64],
// all decimals as [Double], all text as a `CollationTable` (VietText: every collation key in
// one buffer, one key per distinct text). A sort by one typed key sorts (key, position) pairs
// with no enum or closure call per comparison; a sort by several keys turns each column into
// ranks (one typed sort per key) and sorts on the ranks, kept in one flat array.
import VietText

/// One key of a sort: its value for every item, and its direction.
struct SortColumn {
    enum Storage {
        case ints([Int64])
        case doubles([Double])
        case texts(CollationTable)
        /// Anything else, or whole numbers mixed with decimals: compared by `Value.sortOrder`.
        case values([Value])
    }

    let storage: Storage
    /// True where the key is null (nil when none is): those items go last.
    let nulls: [Bool]?
    let descending: Bool

    /// Classifies `keys` (one per item); keys of two kinds (leaving out null) are an error.
    init(_ keys: [Value], descending: Bool) throws {
        self.descending = descending
        var allInts = true, allDoubles = true, allTexts = true
        var nullCount = 0
        var first: Value?
        var poll = InterruptPoll()
        for key in keys {
            try poll.tick()
            switch key {
            case .null: nullCount += 1; continue
            case .int: allDoubles = false; allTexts = false
            case .double(let number):
                if number.isNaN { throw RuntimeError(RuntimeMessages.notANumberKey) }
                allInts = false; allTexts = false
            case .text: allInts = false; allDoubles = false
            default: allInts = false; allDoubles = false; allTexts = false
            }
            if let first {
                if first.typeRank != key.typeRank { throw Value.cannotCompare(first, key) }
            } else {
                first = key
            }
        }
        nulls = nullCount == 0 ? nil : keys.map { if case .null = $0 { return true } else { return false } }
        if first == nil || allInts {
            storage = .ints(keys.map { if case .int(let x) = $0 { return x } else { return 0 } })
        } else if allDoubles {
            storage = .doubles(keys.map { if case .double(let x) = $0 { return x } else { return 0 } })
        } else if allTexts {
            // Making collation keys is most of a text sort's time: Ctrl-C is polled here too.
            var poll = InterruptPoll()
            storage = .texts(try CollationTable(count: keys.count) { position in
                try poll.tick()
                if case .text(let t) = keys[position] { return t } else { return "" }
            })
        } else {
            storage = .values(keys)
        }
    }

    /// -1, 0 or 1 as item `i` sorts before, with or after item `j` on this key, the
    /// direction applied; nulls last either way.
    func compare(_ i: Int, _ j: Int) throws -> Int {
        if let nulls {
            switch (nulls[i], nulls[j]) {
            case (true, true): return 0
            case (true, false): return 1
            case (false, true): return -1
            default: break
            }
        }
        let order: Int
        switch storage {
        case .ints(let keys): order = keys[i] < keys[j] ? -1 : (keys[i] == keys[j] ? 0 : 1)
        case .doubles(let keys): order = keys[i] < keys[j] ? -1 : (keys[i] == keys[j] ? 0 : 1)
        case .texts(let table): order = table.compare(i, j)
        case .values(let keys): order = try Value.sortOrder(keys[i], keys[j])
        }
        return descending ? -order : order
    }
}

enum Sorting {
    /// The positions 0..<count in sorted order by `columns` (the first key first).
    static func order(_ columns: [SortColumn], count: Int) throws -> [Int] {
        guard columns.count == 1, let column = columns.first else { return try order(byRanksOf: columns, count: count) }
        // One key: the items with a null key go last, in their order; the rest by a typed sort.
        var positions: [Int] = []
        var nullPositions: [Int] = []
        if let nulls = column.nulls {
            positions.reserveCapacity(count)
            for position in 0..<count {
                if nulls[position] { nullPositions.append(position) } else { positions.append(position) }
            }
        } else {
            positions = Array(0..<count)
        }
        let descending = column.descending
        switch column.storage {
        case .ints(let keys):
            positions = try sortedByKey(positions.map { (keys[$0], $0) }, descending: descending)
        case .doubles(let keys):
            positions = try sortedByKey(positions.map { (keys[$0], $0) }, descending: descending)
        case .texts(let table):
            var poll = InterruptPoll()
            var stopped = false
            positions.sort { i, j in
                if poll.stopRequested() { stopped = true }
                if stopped { return false }
                let order = table.compare(i, j)
                return order != 0 ? (descending ? order > 0 : order < 0) : i < j
            }
            if stopped { throw RuntimeError(RuntimeMessages.interrupted) }
        case .values(let keys):
            var poll = InterruptPoll()
            try positions.sort { i, j in
                try poll.tick()
                let order = try Value.sortOrder(keys[i], keys[j])
                return order != 0 ? (descending ? order > 0 : order < 0) : i < j
            }
        }
        return nullPositions.isEmpty ? positions : positions + nullPositions
    }

    /// Several keys: each column is sorted on its own (typed, its direction applied, nulls
    /// last) and turned into a rank per item, equal keys sharing a rank; the ranks are kept
    /// item by item in one flat array, so comparing two items compares a few integers, with
    /// no enum, array or closure per key.
    private static func order(byRanksOf columns: [SortColumn], count: Int) throws -> [Int] {
        let width = columns.count
        var ranks = [Int32](repeating: 0, count: count * width)
        for (offset, column) in columns.enumerated() {
            let sorted = try order([column], count: count)
            var rank: Int32 = 0
            for index in sorted.indices {
                if index > 0, try column.compare(sorted[index - 1], sorted[index]) != 0 { rank &+= 1 }
                ranks[sorted[index] * width + offset] = rank
            }
        }
        var positions = Array(0..<count)
        var poll = InterruptPoll()
        var stopped = false
        ranks.withUnsafeBufferPointer { ranks in
            positions.sort { i, j in
                if poll.stopRequested() { stopped = true }
                if stopped { return false }
                var a = i * width, b = j * width
                for _ in 0..<width {
                    if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
                    a += 1
                    b += 1
                }
                return i < j
            }
        }
        if stopped { throw RuntimeError(RuntimeMessages.interrupted) }
        return positions
    }

    /// The positions of (key, position) pairs sorted by key, ties by position. Ctrl-C is
    /// looked at once per 4,096 comparisons (a sort of ten million numbers takes about a
    /// second). As in every sort here whose comparison cannot fail, the comparison does not
    /// throw, which keeps the standard library's sort at full speed (a throwing one cost a
    /// fifth of its time): once stopped, every pair compares equal, the sort ends in a few
    /// passes, and the error is thrown after it.
    @inline(__always)
    private static func sortedByKey<Key: Comparable>(_ pairs: [(Key, Int)], descending: Bool) throws -> [Int] {
        var pairs = pairs
        var poll = InterruptPoll()
        var stopped = false
        if descending {
            pairs.sort {
                if poll.stopRequested() { stopped = true }
                return !stopped && ($0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1)
            }
        } else {
            pairs.sort {
                if poll.stopRequested() { stopped = true }
                return !stopped && ($0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1)
            }
        }
        if stopped { throw RuntimeError(RuntimeMessages.interrupted) }
        return pairs.map(\.1)
    }

    /// `items` sorted by `keys` (one per item, or the items themselves when nil).
    static func sorted(_ items: [Value], keys: [Value]? = nil, descending: Bool = false) throws -> [Value] {
        let order = try Sorting.order([SortColumn(keys ?? items, descending: descending)], count: items.count)
        return order.map { items[$0] }
    }
}
