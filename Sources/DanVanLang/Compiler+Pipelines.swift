// Pipelines: `SOURCE | STAGE | STAGE`. The source is a list or a host table; each stage takes
// the previous stage's value and returns the next. Stage expressions run inline in the
// enclosing call with the current item in a hidden local: no function call per row.
// `sort` is stable and puts nulls last in either direction; `group by` keeps groups in order
// of first appearance; `distinct` keeps first occurrences.
//
// The whole pipeline is kept as syntax too (`Expr.Kind.pipeline`), so a later query layer can
// turn a pipeline over a host table into one SQL query instead.
import VietText

typealias StageRunner = (inout Frame, Value) throws -> Value

extension Compiler {
    func compilePipeline(_ sourceExpr: Expr, _ stages: [Stage]) -> Eval {
        if let last = stages.last, last.kind.isWrite {
            return compileWritePipeline(sourceExpr, Array(stages.dropLast()), last)
        }
        let source = compile(sourceExpr)
        let run = compileStages(sourceExpr, stages).run
        return { frame in try run(&frame, try source(&frame)) }
    }

    /// The stages of `source | stages` (the source itself not included): the code that runs
    /// them on the source's value, and the shape of the items they give. A source that names
    /// a host table gives every stage a known shape, and a plan the host may answer
    /// (Query/Planner.swift).
    func compileStages(_ sourceExpr: Expr, _ stages: [Stage], builder: PlanBuilder = PlanBuilder())
        -> (run: StageRunner, shape: ItemShape, plan: CompiledPlan?) {
        var table: TableSource?
        if case .name(let name) = sourceExpr.kind, case .table(let found) = resolve(name) { table = found }
        var shape: ItemShape = table.map { .rows($0.schema) } ?? .unknown
        var runners: [StageRunner] = []
        for stage in stages {
            let (runner, next) = compileStage(stage, shape)
            runners.append(runner)
            shape = next
        }
        guard let table, diagnostics.isEmpty else {
            return ({ frame, input in
                var value = input
                for runner in runners { value = try runner(&frame, value) }
                return value
            }, shape, nil)
        }
        let compiled = planPipeline(table, sourceExpr, stages, builder: builder)
        plans.append(compiled)
        let plan = compiled.plan, parameters = compiled.parameters
        let at = span(sourceExpr.range)
        return ({ frame, input in
            var value = input
            var next = 0
            if !plan.steps.isEmpty, case .table(let current) = value, current.name == plan.table, let host = frame.vm.host {
                var values: [Value] = []
                values.reserveCapacity(parameters.count)
                for parameter in parameters { values.append(try parameter(&frame)) }
                if let answer = try frame.vm.host(at, { try host.answer(plan, parameters: values) }) {
                    value = answer.value
                    next = min(max(answer.consumed, 0), runners.count)
                }
            }
            while next < runners.count {
                value = try runners[next](&frame, value)
                next += 1
            }
            return value
        }, shape, compiled)
    }

    /// A stage's closure, and the shape of the items it gives.
    func compileStage(_ stage: Stage, _ shape: ItemShape) -> (StageRunner, ItemShape) {
        let depth = function.stages.count, mark = function.dynamicNames.count
        var runner = compileStageRunner(stage, shape)
        let names = function.dynamicNames[mark...].filter { $0.depth == depth }
        function.dynamicNames.removeSubrange(mark...)
        if case .unknown = shape, !names.isEmpty {
            // The table is known only now: its names are checked once, not row by row.
            let inner = runner
            runner = { frame, input in
                try Compiler.checkStageNames(input, names)
                return try inner(&frame, input)
            }
        }
        switch stage.kind {
        case .filter, .sort, .take, .skip, .distinct, .expect: return (runner, shape)
        case .select(let items): return (runner, .records(items.map(\.name), origins: selectOrigins(items, over: shape)))
        case .group(let keys): return (runner, .groups(shape, key: groupKeyShape(keys, over: shape)))
        case .first, .count, .call, .update, .delete: return (runner, .unknown)
        }
    }

    func compileStageRunner(_ stage: Stage, _ shape: ItemShape) -> StageRunner {
        let at = span(stage.range)
        func items(_ value: Value, _ vm: VM) throws -> [Value] {
            if let items = try vm.sequence(value, at: at) { return items }
            throw RuntimeError(RuntimeMessages.pipelineSource, [.localized(value.typeName)], at: at)
        }
        switch stage.kind {
        case .filter(let conditionExpr):
            let (ref, _) = pushStage(shape: shape)
            let condition = compileCondition(conditionExpr)
            popStage()
            let bind = Compiler.binder(ref)
            return { frame, input in
                let vm = frame.vm
                var out: [Value] = []
                for item in try items(input, vm) {
                    bind(&frame, item)
                    if try condition(&frame) { out.append(item) }
                    if vm.interrupt.isSet { throw RuntimeError(RuntimeMessages.interrupted, at: at) }
                }
                bind(&frame, .null)
                return .list(out)
            }

        case .select(let selectItems):
            var seen: Set<String> = []
            for item in selectItems where !seen.insert(item.name).inserted {
                error(item.value.range, CompileMessages.duplicateField, [.plain(item.name)])
            }
            let (ref, _) = pushStage(shape: shape)
            let recordShape = Shape(names: selectItems.map(\.name), origins: selectItems.map { origin(of: $0.value)?.heading($0.isHeading) })
            let values = selectItems.map { Code(eval: compile($0.value)) }
            popStage()
            let bind = Compiler.binder(ref)
            return { frame, input in
                let vm = frame.vm
                var out: [Value] = []
                let source = try items(input, vm)
                out.reserveCapacity(source.count)
                for item in source {
                    bind(&frame, item)
                    let record = Record.filled(recordShape)
                    for (position, value) in values.enumerated() { record.setValue(try value.eval(&frame), at: position) }
                    out.append(.record(record))
                    if vm.interrupt.isSet { throw RuntimeError(RuntimeMessages.interrupted, at: at) }
                }
                bind(&frame, .null)
                return .list(out)
            }

        case .sort(let keys):
            let (ref, _) = pushStage(shape: shape)
            let keyValues: [(Eval?, Bool)] = keys.map { key in (key.value.map { compile($0) }, key.descending) }
            popStage()
            let bind = Compiler.binder(ref)
            let directions = keyValues.map(\.1)
            return { frame, input in
                let source = try items(input, frame.vm)
                // One column of keys per sort key, each computed once per item (Sorting.swift).
                var columns: [[Value]] = Array(repeating: [], count: keyValues.count)
                for position in columns.indices { columns[position].reserveCapacity(source.count) }
                let vm = frame.vm
                for item in source {
                    bind(&frame, item)
                    for (position, (key, _)) in keyValues.enumerated() {
                        columns[position].append(try key?(&frame) ?? item)
                    }
                    if vm.interrupt.isSet { throw RuntimeError(RuntimeMessages.interrupted, at: at) }
                }
                bind(&frame, .null)
                do {
                    var sortColumns: [SortColumn] = []
                    sortColumns.reserveCapacity(columns.count)
                    for (position, column) in columns.enumerated() {
                        sortColumns.append(try SortColumn(column, descending: directions[position]))
                    }
                    columns = []
                    return .list(try Sorting.order(sortColumns, count: source.count).map { source[$0] })
                } catch let error as RuntimeError {
                    throw error.located(at)
                }
            }

        case .group(let keys):
            return compileGroup(keys, shape)

        case .take(let countExpr), .skip(let countExpr):
            let count = compile(countExpr)
            let isTake: Bool
            if case .take = stage.kind { isTake = true } else { isTake = false }
            let countSpan = span(countExpr.range)
            return { frame, input in
                let source = try items(input, frame.vm)
                let value = try count(&frame)
                guard case .int(let n) = value, n >= 0 else {
                    throw RuntimeError(RuntimeMessages.badArgument, ["1", .plain(isTake ? "take" : "skip"),
                                                                     .localized(StageMessages.nonNegative), .localized(value.typeName)], at: countSpan)
                }
                let k = Int(min(n, Int64(source.count)))
                return .list(Array(isTake ? source.prefix(k) : source.dropFirst(k)))
            }

        case .distinct:
            return { frame, input in
                var seen: Set<HashKey> = []
                var out: [Value] = []
                let vm = frame.vm
                for item in try items(input, vm) {
                    if seen.insert(HashKey(value: item)).inserted { out.append(item) }
                    if vm.interrupt.isSet { throw RuntimeError(RuntimeMessages.interrupted, at: at) }
                }
                return .list(out)
            }

        case .first:
            return { frame, input in try items(input, frame.vm).first ?? .null }

        case .count:
            return { frame, input in .int(Int64(try items(input, frame.vm).count)) }

        case .expect(let countExpr):
            let count = compile(countExpr)
            let countSpan = span(countExpr.range)
            return { frame, input in
                let source = try items(input, frame.vm)
                try Compiler.checkExpected(try Compiler.expectedCount(try count(&frame), at: countSpan), source.count, at: at)
                if case .list = input { return input }
                return .list(source)
            }

        case .update, .delete:
            // Only the last stage writes (compileWritePipeline); one anywhere else is an error.
            error(stage.range, WriteMessages.writeMustBeLast, [.plain(stage.kind.word)])
            return { _, input in input }

        case .call(let functionExpr, let labelledArguments):
            if case .name(let name) = functionExpr.kind, case .hostFunction(let hostFunction) = resolve(name) {
                let call = compileHostCall(hostFunction, labelledArguments, leading: 1, range: stage.range)
                return { frame, input in try call(&frame, [input]) }
            }
            let argumentExprs = unlabelled(labelledArguments, callee: functionExpr)
            let callee = compile(functionExpr)
            let arguments = argumentExprs.map { Code(eval: compile($0)) }
            let calleeSpan = span(functionExpr.range)
            return { frame, input in
                let value = try callee(&frame)
                guard case .function(let function) = value else {
                    throw RuntimeError(RuntimeMessages.notCallable, [.localized(value.typeName)], at: calleeSpan)
                }
                var values = [input]
                for argument in arguments { values.append(try argument.eval(&frame)) }
                return try frame.vm.call(function, values, at: at)
            }
        }
    }
}

enum StageMessages {
    static let nonNegative = Localized(vi: "số nguyên không âm", en: "non-negative integer")
}
