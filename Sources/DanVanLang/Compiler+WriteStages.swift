// `| update name = value, ...` and `| delete` (`| delete cascade`): the last stage of a
// pipeline over the rows of a table, giving the number of rows changed. `| expect N` right
// before them (or anywhere in a pipeline) checks how many rows there are.
//
// The stages before the write are compiled and planned as for a query. When they all become
// plan steps that pick rows (filter, sort, take, skip) and every `update` value is one a host
// can compute per row (Query/Planner+Writes.swift), the host is asked to do the whole write
// at once (`HostWriter.update(_:assignments:site:)`, `delete(_:cascade:site:)`). When it
// cannot (nil), or the pipeline is not plannable, the language finds the rows itself (the
// host may still answer the stages before the write, as for a query), computes each row's
// values in the stage's scope, and hands the host every row in one call.
import VietText

extension Stage.Kind {
    /// True for `update` and `delete`, which change the rows they get.
    var isWrite: Bool {
        switch self {
        case .update, .delete: return true
        default: return false
        }
    }

    /// The stage's word, for messages.
    var word: String {
        switch self {
        case .update: return "update"
        case .delete: return "delete"
        default: return "expect"
        }
    }
}

extension Compiler {
    /// `source | before... | (expect N |)? update ...` or `... | delete (cascade)?`.
    func compileWritePipeline(_ sourceExpr: Expr, _ stagesBefore: [Stage], _ writeStage: Stage) -> Eval {
        noteWrite()
        let site = writeSite(), at = span(writeStage.range), word = writeStage.kind.word
        var before = stagesBefore
        var expectExpr: Expr?
        var expectSpan = at
        if let last = before.last, case .expect(let countExpr) = last.kind {
            expectExpr = countExpr
            expectSpan = span(last.range)
            before.removeLast()
        }
        let source = compile(sourceExpr)
        let builder = PlanBuilder()
        let (run, shape, prefixPlan) = compileStages(sourceExpr, before, builder: builder)
        let expected = expectExpr.map { (count: compile($0), span: span($0.range)) }
        guard case .rows(let schema) = shape else {
            error(writeStage.range, WriteMessages.writeNeedsRows, [.plain(word)])
            return { _ in .null }
        }
        // update: each column checked now, each value compiled in the stage's scope.
        var columns: [StaticColumn] = []
        var valueExprs: [Expr] = []
        var cascade = false
        switch writeStage.kind {
        case .update(let assignments):
            var seen: Set<String> = []
            for assignment in assignments {
                guard let column = settableColumn(assignment.name, schema, range: assignment.nameRange) else { continue }
                if !seen.insert(column.canonical).inserted {
                    error(assignment.nameRange, WriteMessages.columnTwice, [.plain(column.canonical)])
                }
                columns.append(column)
                valueExprs.append(checkedAssignedLiteral(assignment.value, column))
            }
        case .delete(let withCascade):
            cascade = withCascade
        default:
            break
        }
        var isUpdate = false
        if case .update = writeStage.kind { isUpdate = true }
        let (ref, _) = pushStage(shape: shape)
        let values = valueExprs.map { Code(eval: compile($0)) }
        popStage()
        let bind = Compiler.binder(ref)
        let valueSpans = valueExprs.map { span($0.range) }
        let names = columns.map(\.canonical), table = schema.table
        var writePlan: WritePlan?
        if let prefixPlan, diagnostics.isEmpty {
            writePlan = planWrite(prefixPlan, columns: columns, values: valueExprs, builder: builder)
        }
        return { frame in
            let vm = frame.vm
            let writer = try vm.writer(at: at)
            let input = try source(&frame)
            var expectedCount: Int64?
            if let writePlan, case .table(let current) = input, current.name == writePlan.plan.table,
               let parameters = try writePlan.parameterValues(&frame) {
                if let expected { expectedCount = try Compiler.expectedCount(try expected.count(&frame), at: expected.span) }
                let selection = WriteSelection(plan: writePlan.plan, parameters: parameters, expected: expectedCount)
                let changed = try vm.write(at) {
                    isUpdate ? try writer.update(selection, assignments: writePlan.assignments, site: site)
                        : try writer.delete(selection, cascade: cascade, site: site)
                }
                if let changed { return .int(Int64(changed)) }
            }
            // In memory: the rows, then (for update) their new values, then one call.
            let rows = try Compiler.rowsToChange(try run(&frame, input), table: table, word: word, at: at, vm: vm)
            if let expected {
                let count = try expectedCount ?? Compiler.expectedCount(try expected.count(&frame), at: expected.span)
                try Compiler.checkExpected(count, rows.count, at: expectSpan)
            }
            if rows.isEmpty { return .int(0) }
            guard isUpdate else {
                let ids = rows.map(\.id)
                return .int(Int64(try vm.write(at) { try writer.delete(table: table, ids: ids, cascade: cascade, site: site) }))
            }
            var changes: [(id: Int64, values: [Value])] = []
            changes.reserveCapacity(rows.count)
            for (row, id) in rows {
                bind(&frame, .row(row))
                var out: [Value] = []
                out.reserveCapacity(values.count)
                for position in values.indices {
                    let value = try values[position].eval(&frame)
                    out.append(try Compiler.stored(value, in: columns[position], at: valueSpans[position]))
                }
                changes.append((id, out))
                if vm.interrupt.isSet { throw RuntimeError(RuntimeMessages.interrupted, at: at) }
            }
            bind(&frame, .null)
            return .int(Int64(try vm.write(at) { try writer.update(table: table, columns: names, rows: changes, site: site) }))
        }
    }

    /// The rows a write stage got, each with its id.
    static func rowsToChange(_ value: Value, table: String, word: String, at span: Span, vm: VM) throws -> [(row: Row, id: Int64)] {
        guard let items = try vm.sequence(value, at: span) else {
            throw RuntimeError(WriteMessages.notARowOf, [.plain(word), .plain(table), .localized(value.typeName)], at: span)
        }
        var rows: [(row: Row, id: Int64)] = []
        rows.reserveCapacity(items.count)
        for item in items {
            guard case .row(let row) = item, row.schema.table == table else {
                throw RuntimeError(WriteMessages.notARowOf, [.plain(word), .plain(table), .localized(item.typeName)], at: span)
            }
            let idColumn = row.schema.columnIndex["id"] ?? 0
            guard idColumn < row.values.count, case .int(let id) = row.values[idColumn] else {
                throw RuntimeError(WriteMessages.notARowOf, [.plain(word), .plain(table), .localized(item.typeName)], at: span)
            }
            rows.append((row, id))
        }
        return rows
    }

    /// The N of `expect N`: a non-negative integer.
    static func expectedCount(_ value: Value, at span: Span) throws -> Int64 {
        guard case .int(let count) = value, count >= 0 else {
            throw RuntimeError(RuntimeMessages.badArgument, ["1", "expect", .localized(StageMessages.nonNegative),
                                                             .localized(value.typeName)], at: span)
        }
        return count
    }

    /// `expect N` on `count` items.
    static func checkExpected(_ expected: Int64, _ count: Int, at span: Span) throws {
        if Int64(count) == expected { return }
        throw RuntimeError(expected == 1 ? WriteMessages.expectedOne : WriteMessages.expectedMany,
                           [.plain(String(expected)), .plain(String(count))], at: span)
    }
}
