// Turns a pipeline over a host table into a `QueryPlan` while it is compiled: each stage, in
// the same stage scope and with the same name resolution as its closures, becomes a plan step
// when every expression in it is one a host can compute (columns, references, relations'
// counts, literals, variables, comparisons, `and`/`or`/`not`, `~`, aggregates after
// `group by`). The first stage that is not ends the plan; it and every later stage run in
// memory, on what the host returned.
import VietText

/// A plan with the code that reads its parameters when the pipeline runs.
struct CompiledPlan {
    let plan: QueryPlan
    let parameters: [Eval]
}

/// The state of planning one pipeline.
final class PlanBuilder {
    var parameters: [Eval] = []
    var parameterNames: [String] = []
    /// The fields of the records the last planned `select` made, with their kinds.
    var fields: [String: ColumnKind] = [:]
    /// The kinds of the keys of the `group by` being planned.
    var keyKinds: [ColumnKind] = []
    /// For a planned `update`: checks of the values of parameters that its assignments read
    /// (Planner+Writes.swift); a value that fails one sends the write to memory.
    var guards: [(parameter: Int, check: (Value) -> Value?)] = []

    /// Records with these fields are what the next steps read.
    func made(_ records: [PlanField]) {
        fields = Dictionary(records.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
    }
}

extension Compiler {
    /// The plan of `source | stages`, where `source` names the host table `table`.
    func planPipeline(_ table: TableSource, _ sourceExpr: Expr, _ stages: [Stage], builder: PlanBuilder = PlanBuilder()) -> CompiledPlan {
        var steps: [PlanStage] = []
        var leftOver: [PlanLeftOver] = []
        var shape = ItemShape.rows(table.schema)
        var index = 0
        var stopped = false
        while index < stages.count {
            let stage = stages[index]
            let text = source.text(of: stage.range)
            if stopped {
                leftOver.append(PlanLeftOver(text: text, reason: PlanReasons.afterInMemory))
                index += 1
                continue
            }
            if case .group(let keys) = stage.kind {
                let next = index + 1 < stages.count ? stages[index + 1] : nil
                guard let next, case .select(let items) = next.kind else {
                    leftOver.append(PlanLeftOver(text: text, reason: PlanReasons.groupWithoutSelect))
                    stopped = true
                    index += 1
                    continue
                }
                let planned = withStage(shape) { keys.compactMap { planExpr($0.value, builder) } }
                let groupShape = ItemShape.groups(shape, key: groupKeyShape(keys, over: shape))
                builder.keyKinds = planned.map(\.kind)
                let fields = withStage(groupShape) { planFields(items, builder) }
                let both = text + " | " + source.text(of: next.range)
                if planned.count == keys.count, let fields {
                    steps.append(PlanStage(step: .group(keys: planned, fields: fields), stages: 2, text: both))
                    shape = .records(fields.map(\.name), origins: fields.map(\.origin))
                    builder.made(fields)
                    index += 2
                } else {
                    leftOver.append(PlanLeftOver(text: text, reason: PlanReasons.notTranslatable))
                    stopped = true
                    index += 1
                }
                continue
            }
            if let step = planStage(stage, shape, builder) {
                steps.append(PlanStage(step: step, stages: 1, text: text))
                switch step {
                case .select(let fields):
                    shape = .records(fields.map(\.name), origins: fields.map(\.origin))
                    builder.made(fields)
                case .count, .first, .aggregate:
                    stopped = true
                default:
                    break
                }
            } else {
                let reason: Localized
                switch stage.kind {
                case .distinct, .call, .expect, .update, .delete: reason = PlanReasons.stageKind
                default: reason = PlanReasons.notTranslatable
                }
                leftOver.append(PlanLeftOver(text: text, reason: reason))
                stopped = true
            }
            index += 1
        }
        let whole = source.text(of: sourceExpr.range.to(stages.last?.range ?? sourceExpr.range))
        let plan = QueryPlan(table: table.name, steps: steps, leftOver: leftOver,
                             parameters: builder.parameterNames, text: whole)
        return CompiledPlan(plan: plan, parameters: builder.parameters)
    }

    /// Runs `body` inside a stage scope whose items have `shape`.
    func withStage<T>(_ shape: ItemShape, _ body: () -> T) -> T {
        _ = pushStage(shape: shape)
        defer { popStage() }
        return body()
    }

    private func planStage(_ stage: Stage, _ shape: ItemShape, _ builder: PlanBuilder) -> PlanStep? {
        switch stage.kind {
        case .filter(let condition):
            return withStage(shape) { planExpr(condition, builder) }.map(PlanStep.filter)
        case .sort(let keys):
            var planned: [PlanSortKey] = []
            for key in keys {
                guard let valueExpr = key.value,
                      let value = withStage(shape, { planExpr(valueExpr, builder) }) else { return nil }
                let kind = kind(of: value, builder)
                if case .any = kind { return nil }
                planned.append(PlanSortKey(value: value, kind: kind, descending: key.descending))
            }
            return .sort(planned)
        case .take(let countExpr), .skip(let countExpr):
            let count: PlanExpr
            if case .int(let number) = countExpr.kind {
                guard number >= 0 else { return nil }
                count = .literal(.int(number))
            } else if case .name = countExpr.kind, let value = withStage(shape, { planExpr(countExpr, builder) }),
                      case .parameter = value {
                count = value
            } else {
                return nil
            }
            if case .take = stage.kind { return .take(count) }
            return .skip(count)
        case .select(let items):
            return withStage(shape) { planFields(items, builder) }.map(PlanStep.select)
        case .count: return .count
        case .first: return .first
        case .call(let functionExpr, let arguments):
            return planAggregateCall(functionExpr, arguments, shape, builder)
        case .distinct:
            if case .rows = shape { return .distinctRows }
            return nil
        case .group, .expect, .update, .delete: return nil
        }
    }

    /// `| sum(x => expr)` (and `avg`, `min`, `max`) over rows: the lambda's body with its
    /// parameter read as the stage's row.
    private func planAggregateCall(_ functionExpr: Expr, _ arguments: [Expr], _ shape: ItemShape, _ builder: PlanBuilder) -> PlanStep? {
        guard case .name(let name) = functionExpr.kind, ["sum", "avg", "min", "max"].contains(name),
              case .builtin = resolve(name), case .rows = shape, arguments.count == 1,
              case .lambda(let lambda) = arguments[0].kind, lambda.params.count == 1,
              lambda.body.count == 1, case .return(let body?) = lambda.body[0].kind,
              let rewritten = Compiler.renamed(body, from: lambda.params[0].name, to: "it"),
              let value = withStage(shape, { planExpr(rewritten, builder) }) else { return nil }
        let kind = kind(of: value, builder)
        switch (name, kind) {
        case (_, .integer), (_, .decimal), ("min", .text), ("max", .text), ("min", .date), ("max", .date): break
        default: return nil
        }
        return .aggregate(name, value, kind: kind)
    }

    /// `expr` with the name `from` read as `to`; nil when `to` is already used in it or when
    /// a nested function could rebind either (then it is left to memory).
    static func renamed(_ expr: Expr, from: String, to: String) -> Expr? {
        func walk(_ expr: Expr) -> Expr? {
            let kind: Expr.Kind
            switch expr.kind {
            case .name(let name):
                if name == to { return nil }
                kind = name == from ? .name(to) : expr.kind
            case .null, .bool, .int, .decimal: kind = expr.kind
            case .text(let parts):
                var out: [TextPart] = []
                for part in parts {
                    switch part {
                    case .text: out.append(part)
                    case .expr(let inner):
                        guard let renamed = walk(inner) else { return nil }
                        out.append(.expr(renamed))
                    }
                }
                kind = .text(out)
            case .unary(let op, let operand):
                guard let operand = walk(operand) else { return nil }
                kind = .unary(op, operand)
            case .binary(let op, let left, let right):
                guard let left = walk(left), let right = walk(right) else { return nil }
                kind = .binary(op, left, right)
            case .logical(let isAnd, let left, let right):
                guard let left = walk(left), let right = walk(right) else { return nil }
                kind = .logical(isAnd: isAnd, left, right)
            case .member(let base, let field, let range):
                guard let base = walk(base) else { return nil }
                kind = .member(base, field, range)
            case .call(let callee, let arguments):
                guard let callee = walk(callee) else { return nil }
                var out: [Expr] = []
                for argument in arguments {
                    guard let renamed = walk(argument) else { return nil }
                    out.append(renamed)
                }
                kind = .call(callee, out)
            default:
                return nil
            }
            return Expr(kind: kind, range: expr.range)
        }
        return walk(expr)
    }

    private func planFields(_ items: [SelectItem], _ builder: PlanBuilder) -> [PlanField]? {
        var fields: [PlanField] = []
        for item in items {
            guard let value = planExpr(item.value, builder, allowRows: true) else { return nil }
            let kind = kind(of: value, builder)
            if case .any = kind { return nil }
            fields.append(PlanField(name: item.name, value: value, kind: kind, origin: origin(of: item.value)?.heading(item.isHeading)))
        }
        return fields
    }

    private func kind(of value: PlanExpr, _ builder: PlanBuilder) -> ColumnKind {
        switch value {
        case .field(let name): return builder.fields[name] ?? .any
        case .groupKey: return builder.keyKinds.first ?? .any
        case .groupKeyField(let index): return index < builder.keyKinds.count ? builder.keyKinds[index] : .any
        case .aggregate(let name, let argument?) where name == "min" || name == "max" || name == "sum":
            return kind(of: argument, builder)
        default: return value.kind
        }
    }

    /// `expr` as a plan expression, or nil when a host cannot compute it. `allowRows` lets a
    /// bare reference stand for its row (in `select`).
    func planExpr(_ expr: Expr, _ builder: PlanBuilder, allowRows: Bool = false) -> PlanExpr? {
        switch expr.kind {
        case .null: return .literal(.null)
        case .bool(let flag): return .literal(.bool(flag))
        case .int(let number): return .literal(.int(number))
        case .decimal(let number): return number.isFinite ? .literal(.double(number)) : nil
        case .text(let parts):
            if parts.isEmpty { return .literal(.text("")) }
            guard parts.count == 1, case .text(let text) = parts[0] else { return nil }
            return .literal(.text(text))
        case .name, .member:
            return planPath(expr, builder, allowRows: allowRows)
        case .unary(.not, let operand):
            return planExpr(operand, builder).map(PlanExpr.not)
        case .logical(let isAnd, let left, let right):
            guard let l = planExpr(left, builder), let r = planExpr(right, builder) else { return nil }
            return isAnd ? .and(l, r) : .or(l, r)
        case .binary(.matches, let left, let right):
            guard let l = planExpr(left, builder), let r = planExpr(right, builder) else { return nil }
            return .matches(l, r)
        case .binary(let op, let leftExpr, let rightExpr) where op.isComparison:
            let (checkedLeft, checkedRight) = checkedComparison(op, leftExpr, rightExpr, report: false)
            // `field == null`: a reference is null exactly when its column is.
            if op == .equal || op == .notEqual {
                if case .null = checkedRight.kind, let l = planExpr(checkedLeft, builder, allowRows: true) {
                    return .isNull(l, negated: op == .notEqual)
                }
                if case .null = checkedLeft.kind, let r = planExpr(checkedRight, builder, allowRows: true) {
                    return .isNull(r, negated: op == .notEqual)
                }
            }
            guard let l = planExpr(checkedLeft, builder), let r = planExpr(checkedRight, builder) else { return nil }
            // A variable compared with a column gets the same check as in memory, when read.
            if let (columnOnLeft, check) = runtimeOperandCheck(op, checkedLeft, checkedRight),
               case .parameter(let index) = columnOnLeft ? r : l {
                let read = builder.parameters[index]
                builder.parameters[index] = { frame in try check(try read(&frame)) }
            }
            if op == .equal || op == .notEqual {
                if case .literal(.null) = r { return .isNull(l, negated: op == .notEqual) }
                if case .literal(.null) = l { return .isNull(r, negated: op == .notEqual) }
            }
            return .compare(op, l, r)
        case .call(let calleeExpr, let arguments):
            return planCall(calleeExpr, arguments, builder)
        default:
            return nil
        }
    }

    private func planCall(_ calleeExpr: Expr, _ arguments: [Expr], _ builder: PlanBuilder) -> PlanExpr? {
        guard case .name(let name) = calleeExpr.kind, case .builtin = resolve(name) else { return nil }
        let shape = function.stages.last?.shape ?? .unknown
        if Compiler.aggregates.contains(name), name != "list", case .groups(let rows, _) = shape {
            if name == "count" {
                return arguments.isEmpty ? .aggregate("count", nil) : nil
            }
            guard arguments.count == 1, let argument = withStage(rows, { planExpr(arguments[0], builder) }) else { return nil }
            switch argument.kind {
            case .integer, .decimal: break
            case .text where name == "min" || name == "max", .date where name == "min" || name == "max": break
            default: return nil
            }
            return .aggregate(name, argument)
        }
        if name == "len", arguments.count == 1, let relation = planRelation(arguments[0]) { return relation }
        // `contains(["KT", "VHXH"], field.code)`: the value is one of a list (SQL `IN`).
        let checked = name == "contains" ? checkedContains(arguments, report: false) : arguments
        if name == "contains", checked.count == 2, let value = planExpr(checked[1], builder),
           case .column = value, let list = planList(checked[0], builder) {
            return .oneOf(value, list: list)
        }
        return nil
    }

    /// A list written with literals, or a variable (whose value must be a list when it runs).
    private func planList(_ expr: Expr, _ builder: PlanBuilder) -> PlanExpr? {
        if case .list(let items) = expr.kind {
            var values: [Value] = []
            for item in items {
                guard case .literal(let value)? = planExpr(item, builder) else { return nil }
                values.append(value)
            }
            return .literal(.list(values))
        }
        guard case .name = expr.kind, let value = planPath(expr, builder, allowRows: false),
              case .parameter = value else { return nil }
        return value
    }

    /// `models` or `unit.models` inside `len(...)`: a relation reached from the row.
    private func planRelation(_ expr: Expr) -> PlanExpr? {
        guard let (hops, schema, last) = pathHops(expr), let link = schema.links[last],
              case .relation(let childTable, let childColumn) = link else { return nil }
        return .relationCount(hops: hops, table: schema.table, childTable: childTable, childColumn: childColumn)
    }

    /// The references followed from the innermost stage's row to the last name of a dotted
    /// path, the schema holding that name, and the name; nil when the path does not start at
    /// a column of the innermost stage's rows.
    private func pathHops(_ expr: Expr) -> ([PlanHop], RowSchema, String)? {
        var names: [String] = []
        var current = expr
        while case .member(let base, let field, _) = current.kind {
            names.insert(field, at: 0)
            current = base
        }
        guard case .name(let root) = current.kind, let stage = function.stages.last,
              var schema = stage.shape.schema else { return nil }
        if root == "it" {
            guard case .local = resolve("it") else { return nil }
        } else {
            guard case .item(let index) = stageName(root), index == function.stages.count - 1,
                  !isUserVariable(resolve(root)) else { return nil }
            names.insert(root, at: 0)
        }
        guard let last = names.popLast() else { return nil }
        var hops: [PlanHop] = []
        for name in names {
            guard case .reference(let column, let table)? = schema.links[name],
                  let target = vm.host?.table(named: table)?.schema else { return nil }
            hops.append(PlanHop(column: schema.columns[column], table: table))
            schema = target
        }
        return (hops, schema, last)
    }

    /// A bare name or dotted path: a column of the row (through references), a field of the
    /// records an earlier `select` made, the group's key, or a variable (a parameter).
    func planPath(_ expr: Expr, _ builder: PlanBuilder, allowRows: Bool) -> PlanExpr? {
        let shape = function.stages.last?.shape ?? .unknown
        switch shape {
        case .records(let names, _):
            // A field the select made (a name that is also a variable was a compile error).
            if let path = Parser.pathName(expr), names.contains(path) { return .field(path) }
        case .groups(_, let key):
            if !isUserVariable(resolve("key")) {
                // With several keys, `key` is a record: its fields are planned, not the record.
                if case .name("key") = expr.kind { return key.names == nil ? .groupKey : nil }
                if case .member(let base, let field, _) = expr.kind, case .name("key") = base.kind,
                   let index = key.names?.firstIndex(of: field) {
                    return .groupKeyField(index)
                }
            }
        default:
            break
        }
        if let (hops, schema, last) = pathHops(expr) {
            if let column = schema.columnIndex[last] {
                let kind = column < schema.kinds.count ? schema.kinds[column] : .any
                if case .reference = kind, !allowRows, schema.links[last] != nil { return nil }
                return .column(PlanColumn(hops: hops, table: schema.table, column: schema.columns[column],
                                          kind: kind, coded: schema.codes[column] != nil))
            }
            return nil
        }
        // A variable: read once when the pipeline runs.
        var root = expr
        while case .member(let base, _, _) = root.kind { root = base }
        guard case .name(let name) = root.kind, name != "it" else { return nil }
        if !function.stages.isEmpty, case .item = stageName(name) { return nil }
        if case .dynamic = stageName(name) { return nil }
        switch resolve(name) {
        case .local, .capture, .global: break
        default: return nil
        }
        let text = Parser.pathName(expr) ?? name
        builder.parameters.append(compile(expr))
        builder.parameterNames.append(text)
        return .parameter(builder.parameters.count - 1)
    }
}

extension SourceText {
    /// The text of `range` as written.
    func text(of range: SourceRange) -> String {
        let start = max(0, min(range.start, bytes.count)), end = max(start, min(range.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
