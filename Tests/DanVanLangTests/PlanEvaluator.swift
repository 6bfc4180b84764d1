// A small evaluator of `QueryPlan` steps and `PlanExpr`s over the test host's rows: what a
// real host does with SQL, for the selections and values of planned writes. It knows the
// steps a write selection has (filter, sort, take, skip) and the expressions the language
// plans for them; for anything else it answers nil, and the host then declines the plan.
import DanVanLang

struct PlanEvaluator {
    let host: TestHost
    let parameters: [Value]

    func rows(_ rows: [Row], _ steps: [PlanStage]) throws -> [Row]? {
        var current = rows
        for stage in steps {
            switch stage.step {
            case .filter(let condition):
                var kept: [Row] = []
                for row in current {
                    guard let value = try value(condition, row) else { return nil }
                    if value == .bool(true) { kept.append(row) }
                }
                current = kept
            case .sort(let keys):
                var keyed: [(keys: [Value], row: Row)] = []
                for row in current {
                    var values: [Value] = []
                    for key in keys {
                        guard let value = try value(key.value, row) else { return nil }
                        values.append(value)
                    }
                    keyed.append((values, row))
                }
                keyed.sort { a, b in
                    for (position, key) in keys.enumerated() {
                        let order = PlanEvaluator.order(a.keys[position], b.keys[position])
                        if order != 0 { return key.descending ? order > 0 : order < 0 }
                    }
                    return false
                }
                current = keyed.map(\.row)
            case .take(let count), .skip(let count):
                guard case .int(let n)? = try value(count, current.first), n >= 0 else { return nil }
                let k = Int(min(n, Int64(current.count)))
                if case .take = stage.step { current = Array(current.prefix(k)) } else { current = Array(current.dropFirst(k)) }
            default:
                return nil
            }
        }
        return current
    }

    /// The value of `expr` on `row`, or nil when this evaluator does not know it.
    func value(_ expr: PlanExpr, _ row: Row?) throws -> Value? {
        switch expr {
        case .literal(let value): return value
        case .parameter(let index): return index < parameters.count ? parameters[index] : nil
        case .column(let column):
            guard var current = row else { return nil }
            for hop in column.hops {
                guard let index = current.schema.columnIndex[hop.column], case .int(let id) = current.values[index] else { return .null }
                guard let next = try host.row(table: hop.table, id: id) else { return .null }
                current = next
            }
            guard let index = current.schema.columnIndex[column.column] else { return nil }
            return current.values[index]
        case .compare(let op, let left, let right):
            guard let a = try value(left, row), let b = try value(right, row) else { return nil }
            switch op {
            case .equal: return .bool(a == b)
            case .notEqual: return .bool(a != b)
            default:
                if case .null = a { return .bool(false) }
                if case .null = b { return .bool(false) }
                let order = PlanEvaluator.order(a, b)
                switch op {
                case .less: return .bool(order < 0)
                case .lessEqual: return .bool(order <= 0)
                case .greater: return .bool(order > 0)
                default: return .bool(order >= 0)
                }
            }
        case .and(let left, let right):
            guard let a = try value(left, row), let b = try value(right, row) else { return nil }
            return .bool(a == .bool(true) && b == .bool(true))
        case .or(let left, let right):
            guard let a = try value(left, row), let b = try value(right, row) else { return nil }
            return .bool(a == .bool(true) || b == .bool(true))
        case .not(let inner):
            guard let a = try value(inner, row) else { return nil }
            return .bool(a != .bool(true))
        case .isNull(let inner, let negated):
            guard let a = try value(inner, row) else { return nil }
            let isNull: Bool
            if case .null = a { isNull = true } else { isNull = false }
            return .bool(isNull != negated)
        case .arithmetic(let op, let left, let right):
            guard let a = try value(left, row), let b = try value(right, row) else { return nil }
            switch (op, a, b) {
            case (.add, .int(let x), .int(let y)): return .int(x + y)
            case (.subtract, .int(let x), .int(let y)): return .int(x - y)
            case (.multiply, .int(let x), .int(let y)): return .int(x * y)
            case (.add, .double(let x), .double(let y)): return .double(x + y)
            case (.subtract, .double(let x), .double(let y)): return .double(x - y)
            case (.multiply, .double(let x), .double(let y)): return .double(x * y)
            case (.add, .text(let x), .text(let y)): return .text(x + y)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Numbers, texts (by code point: tests sort by numbers and codes) and dates; null last.
    static func order(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return 1
        case (_, .null): return -1
        case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.double(let x), .double(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.int(let x), .double(let y)): return Double(x) < y ? -1 : (Double(x) > y ? 1 : 0)
        case (.double(let x), .int(let y)): return x < Double(y) ? -1 : (x > Double(y) ? 1 : 0)
        case (.text(let x), .text(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.date(let x), .date(let y)): return x.dayNumber < y.dayNumber ? -1 : (x.dayNumber > y.dayNumber ? 1 : 0)
        default: return 0
        }
    }
}
