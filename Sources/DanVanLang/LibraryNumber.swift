// The number library. `min`, `max`, `sum` and `avg` take several numbers or one list (of
// numbers, or of anything with a function that picks the number: `sum(models, m => m.score)`);
// nulls in a list are skipped, as SQL's aggregates do.
import VietText

enum NumberLibrary {
    static let functions: [Builtin] = [
        /// round(x) to an integer; round(x, digits) to a decimal with that many digits. Halves
        /// go away from zero, on the decimal as written (DecimalRounding): round(2.5) is 3,
        /// round(1.005, 2) is 1.01.
        Builtin("round", 1...2) { args in
            let value = try args.number(0)
            if args.count == 1 {
                if case .int = value { return value }
                let rounded = (try args.double(0)).rounded(.toNearestOrAwayFromZero)
                guard rounded.magnitude < 9.2e18 else { throw Operators.overflow() }
                return .int(Int64(rounded))
            }
            let digits = try args.int(1)
            guard (0...15).contains(digits) else { throw args.bad(1, because: NumberMessages.digitsRange) }
            if case .int = value { return value }
            return .double(DecimalRounding.round(try args.double(0), digits: Int(digits)))
        },
        Builtin("abs", 1...1) { args in
            switch try args.number(0) {
            case .int(let x):
                guard x != Int64.min else { throw Operators.overflow() }
                return .int(x < 0 ? -x : x)
            case .double(let x): return .double(x.magnitude)
            default: return .null
            }
        },
        Builtin("floor", 1...1) { args in try NumberLibrary.integral(args, (try args.double(0)).rounded(.down)) },
        Builtin("ceil", 1...1) { args in try NumberLibrary.integral(args, (try args.double(0)).rounded(.up)) },
        Builtin("min", 1...Int.max) { args in try NumberLibrary.extreme(args, wantMax: false) },
        Builtin("max", 1...Int.max) { args in try NumberLibrary.extreme(args, wantMax: true) },
        Builtin("sum", 1...2) { args in
            var aggregate = Aggregate(name: "sum")
            for value in try NumberLibrary.values(args) { try aggregate.add(value, at: args.span) }
            return aggregate.result
        },
        Builtin("avg", 1...2) { args in
            var aggregate = Aggregate(name: "avg")
            for value in try NumberLibrary.values(args) { try aggregate.add(value, at: args.span) }
            return aggregate.result
        },
    ]

    static func integral(_ args: Arguments, _ value: Double) throws -> Value {
        if case .int = args[0] { return args[0] }
        guard value.magnitude < 9.2e18 else { throw Operators.overflow() }
        return .int(Int64(value))
    }

    /// The values of a list argument, mapped through the optional function argument.
    static func values(_ args: Arguments) throws -> [Value] {
        guard args.count == 2 else { return try args.items(0) }
        let function = try args.function(1)
        // A table is read a batch at a time: only the mapped values are kept.
        var mapped: [Value] = []
        guard try args.vm.forEachItem(args[0], at: args.span, { mapped.append(try args.call(function, $0)) }) else {
            return try args.items(0).map { try args.call(function, $0) }
        }
        return mapped
    }

    /// min/max of several arguments, or of one list (with an optional function).
    static func extreme(_ args: Arguments, wantMax: Bool) throws -> Value {
        var candidates: [Value]
        if case .list = args[0], args.count <= 2 {
            candidates = try values(args)
        } else if case .table = args[0], args.count <= 2 {
            candidates = try values(args)
        } else {
            candidates = args.all
            for (position, value) in candidates.enumerated() {
                switch value {
                case .int, .double, .text, .date: break
                default: throw args.bad(position, expected: TypeNames.number)
                }
            }
        }
        var best: Value = .null
        for value in candidates {
            if case .null = value { continue }
            if case .null = best { best = value; continue }
            guard let order = try Operators.order(value, best, wantMax ? ">" : "<") else { continue }
            if (wantMax && order > 0) || (!wantMax && order < 0) { best = value }
        }
        return best
    }
}

enum NumberMessages {
    static let digitsRange = Localized(vi: "số chữ số phải từ 0 đến 15", en: "digits must be 0 to 15")
}
