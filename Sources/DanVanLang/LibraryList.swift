// The list library. `append` changes its list in place (O(1)); `sort`, `reverse`, `map`,
// `filter` and `slice` make new lists. `sort` is the `sort` stage's sort (Sorting.swift):
// stable, Vietnamese order for text, nulls last, and an error for keys of two kinds.
import VietText

enum ListLibrary {
    /// The longest list `range` makes (a `for i in range(n)` loop makes none).
    static let maxRange: Int64 = 10_000_000

    static let functions: [Builtin] = [
        /// sort(xs) or sort(xs, key): a new list in order.
        Builtin("sort", 1...2) { args in
            let items = try args.items(0)
            guard args.count == 2 else { return .list(try Sorting.sorted(items)) }
            let key = try args.function(1)
            var keys: [Value] = []
            keys.reserveCapacity(items.count)
            for item in items { keys.append(try args.call(key, item)) }
            return .list(try Sorting.sorted(items, keys: keys))
        },
        Builtin("reverse", 1...1) { args in
            if case .text(let text) = args[0] { return .text(String(text.reversed())) }
            return .list(Array(try args.items(0).reversed()))
        },
        /// map(xs, f): f applied to every item.
        Builtin("map", 2...2) { args in
            let function = try args.function(1)
            var poll = InterruptPoll(args.vm.interruptOwner)
            return .list(try args.items(0).map { item in
                try poll.tick()
                return try args.call(function, item)
            })
        },
        /// filter(xs, f): the items for which f is true.
        Builtin("filter", 2...2) { args in
            let function = try args.function(1)
            var out: [Value] = []
            var poll = InterruptPoll(args.vm.interruptOwner)
            for item in try args.items(0) {
                try poll.tick()
                switch try args.call(function, item) {
                case .bool(true): out.append(item)
                case .bool(false), .null: break
                case let other:
                    throw RuntimeError(RuntimeMessages.conditionNotBool, [.localized(other.typeName)])
                }
            }
            return .list(out)
        },
        Builtin("first", 1...1) { args in try args.items(0).first ?? .null },
        Builtin("last", 1...1) { args in try args.items(0).last ?? .null },
        /// append(xs, v): adds v at the end of xs, in place; returns xs.
        Builtin("append", 2...2) { args in
            let list = try args.list(0)
            // The session's limits straight from the VM: no thread-local look-up per append.
            if list.items.count >= args.vm.maxListItems { throw Limits.listTooLong(list.items.count + 1, args.vm.limits) }
            list.items.append(args[1])
            return args[0]
        },
        /// join(xs, sep): the items as text with sep between ("" without sep).
        Builtin("join", 1...2) { args in
            let separator = args.count == 2 ? try args.text(1) : ""
            let items = try args.items(0)
            if let joined = try TextBuilding.join(items, separator: separator) { return .text(joined) }
            var out = ""
            var poll = InterruptPoll(args.vm.interruptOwner)
            for (position, item) in items.enumerated() {
                try poll.tick()
                if position > 0 { out += separator }
                try item.write(checked: &out)
                try Limits.checkText(bytes: out.utf8.count)
            }
            return .text(out)
        },
        /// range(n): 0, 1, ..., n-1; range(a, b): a, ..., b-1.
        Builtin("range", 1...2) { args in
            let low = args.count == 2 ? try args.int(0) : 0
            let high = args.count == 2 ? try args.int(1) : try args.int(0)
            guard high > low else { return .list([]) }
            let (size, overflow) = high.subtractingReportingOverflow(low)
            guard !overflow, size <= maxRange else { throw args.bad(args.count - 1, because: ListMessages.rangeTooLong, [String(maxRange)]) }
            try Limits.checkList(count: Int(size))
            var poll = InterruptPoll(args.vm.interruptOwner)
            var items: [Value] = []
            items.reserveCapacity(Int(size))
            for number in low..<high {
                try poll.tick()
                items.append(.int(number))
            }
            return .list(items)
        },
        /// slice(xs, start, end): items start..<end (end defaults to the length); also for text.
        Builtin("slice", 2...3) { args in
            let start = try args.int(1)
            if case .text(let text) = args[0] {
                let characters = Array(text)
                let (low, high) = try ListLibrary.bounds(args, start, characters.count)
                return .text(String(characters[low..<high]))
            }
            let items = try args.items(0)
            let (low, high) = try ListLibrary.bounds(args, start, items.count)
            return .list(Array(items[low..<high]))
        },
    ]

    /// `slice`'s start and end as positions in 0...count. A negative position, or an end
    /// given before the start, is an error (DanVan has no counting from the end, and a quiet
    /// empty or whole result would hide the mistake); a position past the end means the end,
    /// as `take` and `skip` do with a count larger than the list.
    static func bounds(_ args: Arguments, _ start: Int64, _ count: Int) throws -> (Int, Int) {
        guard start >= 0 else { throw args.bad(1, because: ListMessages.negativePosition, [String(start)]) }
        let low = Int(min(start, Int64(count)))
        guard args.count == 3 else { return (low, count) }
        let end = try args.int(2)
        guard end >= 0 else { throw args.bad(2, because: ListMessages.negativePosition, [String(end)]) }
        guard end >= start else { throw args.bad(2, because: ListMessages.endBeforeStart, [String(end), String(start)]) }
        return (low, Int(min(end, Int64(count))))
    }
}

enum ListMessages {
    static let rangeTooLong = Localized(vi: "tối đa {0} phần tử", en: "at most {0} items")
    static let negativePosition = Localized(
        vi: "vị trí bắt đầu từ 0, nhận được {0}", en: "positions start at 0, got {0}")
    static let endBeforeStart = Localized(
        vi: "vị trí kết thúc {0} đứng trước vị trí bắt đầu {1}", en: "the end {0} is before the start {1}")
}
