// Plans an `update` or `delete` for a host to do whole: the rows are those the stages before
// it select (their plan steps must all be filter, sort, take or skip), and each `update` value
// must be one a host computes exactly as the language would, from the row alone:
//
// - a literal (checked, and a label replaced by its code, when compiled);
// - a variable (a parameter), whose value gets the language's checks when the write runs; a
//   value that fails them (another kind, a label of no code) sends the write to memory,
//   which then reports the error exactly as it would without a host;
// - a column of the row itself (no references), of the column's own kind;
// - `a + b`, `a - b`, `a * b` of columns that cannot be null, literals and variables: numbers
//   of one kind (an integer literal beside a decimal becomes a decimal), or `+` of two texts.
//   A column that may be null is not planned: `null + 1` is an error in the language, not
//   the null SQL would give.
//
// Queries never get these plans: only the values of `update` are planned here.
import VietText

/// A write a host may do whole.
struct WritePlan {
    /// The selection: steps that pick rows of `plan.table`.
    let plan: QueryPlan
    /// The code that reads every parameter (the selection's and the values') when it runs.
    let parameters: [Eval]
    let guards: [(parameter: Int, check: (Value) -> Value?)]
    let assignments: [PlanAssignment]

    /// The parameters' values, or nil when one fails its check (the write then runs in memory).
    func parameterValues(_ frame: inout Frame) throws -> [Value]? {
        var values: [Value] = []
        values.reserveCapacity(parameters.count)
        for parameter in parameters { values.append(try parameter(&frame)) }
        for (index, check) in guards where index < values.count {
            guard let checked = check(values[index]) else { return nil }
            values[index] = checked
        }
        return values
    }
}

extension Compiler {
    /// The plan of a write whose earlier stages were planned as `prefix` (with `builder`), or
    /// nil when a host cannot do it whole.
    func planWrite(_ prefix: CompiledPlan, columns: [StaticColumn], values: [Expr], builder: PlanBuilder) -> WritePlan? {
        guard prefix.plan.leftOver.isEmpty else { return nil }
        var steps: [PlanStage] = []
        for stage in prefix.plan.steps {
            switch stage.step {
            case .filter, .sort, .take, .skip: steps.append(stage)
            case .distinctRows: continue // the rows of a table are distinct already
            default: return nil
            }
        }
        var assignments: [PlanAssignment] = []
        for (column, value) in zip(columns, values) {
            guard let planned = withStage(.rows(column.schema), { planAssignedValue(value, column, builder) }) else { return nil }
            assignments.append(PlanAssignment(column: column.canonical, value: planned))
        }
        let plan = QueryPlan(table: prefix.plan.table, steps: steps, leftOver: [],
                             parameters: builder.parameterNames, text: prefix.plan.text)
        return WritePlan(plan: plan, parameters: builder.parameters, guards: builder.guards, assignments: assignments)
    }

    /// `column = expr` as a plan expression, or nil.
    private func planAssignedValue(_ expr: Expr, _ column: StaticColumn, _ builder: PlanBuilder) -> PlanExpr? {
        if case .null = expr.kind { return .literal(.null) }
        if let literal = Compiler.literalValue(expr) {
            guard case .value(let value) = Compiler.assigned(literal, to: column) else { return nil }
            return .literal(value)
        }
        let target = column.kind
        switch expr.kind {
        case .binary:
            guard column.codes == nil, let (value, kind) = planArithmetic(expr, builder) else { return nil }
            switch (target, kind) {
            case (.integer, .integer), (.decimal, .integer), (.decimal, .decimal), (.text, .text): return value
            default: return nil
            }
        case .name, .member:
            guard let value = planExpr(expr, builder) else { return nil }
            switch value {
            case .column(let source):
                guard source.hops.isEmpty, source.kind == target, column.codes == nil else { return nil }
                switch target {
                case .integer, .decimal, .text, .date, .bool: return value
                case .reference, .any: return nil
                }
            case .parameter(let index):
                builder.guards.append((index, { given in
                    if case .value(let stored) = Compiler.assigned(given, to: column) { return stored }
                    return nil
                }))
                return value
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// `a + b`, `a - b` or `a * b` and the kind of its value, or nil.
    private func planArithmetic(_ expr: Expr, _ builder: PlanBuilder) -> (PlanExpr, ColumnKind)? {
        guard case .binary(let op, let leftExpr, let rightExpr) = expr.kind, op == .add || op == .subtract || op == .multiply,
              let left = arithmeticOperand(leftExpr, builder), let right = arithmeticOperand(rightExpr, builder) else { return nil }
        var (l, r) = (left.value, right.value)
        let kind: ColumnKind
        var parameter: PlanExpr?
        switch (left.kind, right.kind) {
        case (let a?, let b?) where a == b: kind = a
        case (.integer?, .decimal?):
            guard let decimal = Compiler.decimalLiteral(l) else { return nil }
            (l, kind) = (decimal, .decimal)
        case (.decimal?, .integer?):
            guard let decimal = Compiler.decimalLiteral(r) else { return nil }
            (r, kind) = (decimal, .decimal)
        case (let a?, nil): (kind, parameter) = (a, r)
        case (nil, let b?): (kind, parameter) = (b, l)
        default: return nil
        }
        switch kind {
        case .integer, .decimal: break
        case .text where op == .add: break
        default: return nil
        }
        if case .parameter(let index)? = parameter {
            builder.guards.append((index, { value in
                switch (kind, value) {
                case (.integer, .int), (.decimal, .int), (.decimal, .double), (.text, .text): return value
                default: return nil
                }
            }))
        }
        return (.arithmetic(op, l, r), kind)
    }

    /// An operand of planned arithmetic and its kind (nil for a variable, whose kind the
    /// other operand decides), or nil.
    private func arithmeticOperand(_ expr: Expr, _ builder: PlanBuilder) -> (value: PlanExpr, kind: ColumnKind?)? {
        switch expr.kind {
        case .int(let number): return (.literal(.int(number)), .integer)
        case .decimal(let number): return number.isFinite ? (.literal(.double(number)), .decimal) : nil
        case .text:
            guard case .text(let text)? = Compiler.literalValue(expr) else { return nil }
            return (.literal(.text(text)), .text)
        case .binary:
            return planArithmetic(expr, builder).map { ($0.0, $0.1) }
        case .name, .member:
            guard let value = planExpr(expr, builder) else { return nil }
            switch value {
            case .column(let column):
                guard column.hops.isEmpty, let schema = function.stages.last?.shape.schema,
                      let index = schema.columnIndex[column.column], index < schema.nullable.count,
                      !schema.nullable[index] else { return nil }
                switch column.kind {
                case .integer, .decimal, .text: return (value, column.kind)
                default: return nil
                }
            case .parameter:
                return (value, nil)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// An integer literal as a decimal one (beside a decimal operand); nil for anything else.
    static func decimalLiteral(_ value: PlanExpr) -> PlanExpr? {
        if case .literal(.int(let number)) = value { return .literal(.double(Double(number))) }
        return nil
    }
}
