// Names, members and calls that depend on where they are: inside a pipeline stage a bare name
// is first a column of the current item; `unit.name` after `select unit.name` is that column;
// `count()`, `sum(score)` and friends after `group by` aggregate over the group's rows.
import VietText

extension Compiler {
    /// The hidden locals of every stage visible here, innermost first, as readers.
    func visibleStageReaders() -> [Eval] {
        var readers: [Eval] = []
        var state: FunctionState? = function
        while let current = state {
            for stage in current.stages.reversed() {
                let resolved = resolve(stage.hiddenName)
                switch resolved {
                case .local, .capture: readers.append(read(resolved, name: stage.hiddenName, range: SourceRange(start: 0, end: 0)))
                default: break
                }
            }
            state = current.parent
        }
        return readers
    }

    /// Is `resolved` a local declared inside the innermost stage (a lambda's parameter, say),
    /// which a column must not hide?
    func isInsideStage(_ resolved: Resolved) -> Bool {
        guard case .local(_, let serial) = resolved else { return false }
        guard let stage = function.stages.last else { return true }
        return serial > stage.serial
    }

    /// A bare name inside a stage: the item's column, else an outer stage's, else the variable.
    func stageLookup(_ name: String, resolved: Resolved, range: SourceRange) -> Eval? {
        if name == "it" || isInsideStage(resolved) { return nil }
        if !function.stages.isEmpty {
            switch stageName(name) {
            case .item(let index):
                return staticStageLookup(name, resolved: resolved, range: range, stage: index)
            case .none:
                if case .unknown = resolved {
                    unknownStageName(name, range: range)
                    return { _ in .null }
                }
                return nil
            case .dynamic:
                function.dynamicNames.append(DynamicStageName(depth: function.stages.count - 1, name: name,
                                                              span: span(range), isVariable: isUserVariable(resolved)))
            }
        }
        let readers = visibleStageReaders()
        if readers.isEmpty { return nil }
        let fallback: Eval?
        if case .unknown = resolved { fallback = nil } else { fallback = read(resolved, name: name, range: range) }
        let caches = readers.map { _ in MemberCache(name: name) }
        let at = span(range)
        let candidates = visibleNames()
        if readers.count == 1 {
            let reader = readers[0], cache = caches[0]
            return { frame in
                let item = try reader(&frame)
                if let value = try Compiler.column(item, cache, at, frame.vm) { return value }
                if let fallback { return try fallback(&frame) }
                throw Compiler.unknownInStage(name, item: item, candidates: candidates, at: at)
            }
        }
        return { frame in
            var innermost: Value = .null
            for (position, reader) in readers.enumerated() {
                let item = try reader(&frame)
                if position == 0 { innermost = item }
                if let value = try Compiler.column(item, caches[position], at, frame.vm) { return value }
            }
            if let fallback { return try fallback(&frame) }
            throw Compiler.unknownInStage(name, item: innermost, candidates: candidates, at: at)
        }
    }

    /// The column `cache.name` of a stage item that is a row or record, else nil.
    static func column(_ item: Value, _ cache: MemberCache, _ at: Span, _ vm: VM) throws -> Value? {
        switch item {
        case .row, .record: return try Access.member(item, cache, at: at, vm: vm)
        default: return nil
        }
    }

    static func unknownInStage(_ name: String, item: Value, candidates: [String], at: Span) -> RuntimeError {
        var names = candidates
        switch item {
        case .record(let record): names += record.shape.names
        case .row(let row): names += Array(row.schema.columnIndex.keys) + Array(row.schema.links.keys)
        default: break
        }
        if case .row(let row) = item {
            return RuntimeError(Suggest.message(RuntimeMessages.noColumn, [.plain(row.schema.table), .plain(name)], name: name, candidates: names), at: at)
        }
        return RuntimeError(Suggest.message(RuntimeMessages.unknownName, [.plain(name)], name: name, candidates: names), at: at)
    }

    /// `base.field`: a record field, a row's column, reference or relation; null stays null.
    func compileMember(_ baseExpr: Expr, _ field: String, _ fieldRange: SourceRange) -> Eval {
        let at = span(fieldRange)
        let cache = MemberCache(name: field)
        if let schema = staticSchema(of: baseExpr), schema.columnIndex[field] == nil, schema.links[field] == nil {
            error(fieldRange, Suggest.message(RuntimeMessages.noColumn, [.plain(schema.table), .plain(field)],
                                              name: field, candidates: schema.names))
            return { _ in .null }
        }
        // `key.x` after `group by a, b`: the key record has the fields the keys named.
        if case .name("key") = baseExpr.kind, case .item(let index) = stageName("key"), !isUserVariable(resolve("key")),
           case .groups(_, let key) = function.stages[index].shape, let names = key.names, !names.contains(field) {
            error(fieldRange, Suggest.message(StageNameMessages.noKeyField, [.plain(field), .plain(names.joined(separator: ", "))],
                                              name: field, candidates: names))
            return { _ in .null }
        }
        // After `select unit.name`, the record has a column called "unit.name".
        var pathCheck: (reader: Eval, cache: MemberCache)?
        let memberExpr = Expr(kind: .member(baseExpr, field, fieldRange), range: baseExpr.range.to(fieldRange))
        if let path = Parser.pathName(memberExpr), let root = path.split(separator: ".").first,
           !isInsideStage(resolve(String(root))), let reader = visibleStageReaders().first {
            pathCheck = (reader, MemberCache(name: path))
        }
        let baseOperand = operand(baseExpr)
        let base = Compiler.eval(baseOperand)
        // `r.score` on a local: the record's field is read in place, with no closure call
        // for `r` and no copy of it; other values go the general way.
        if pathCheck == nil, case .slot(let slot) = baseOperand {
            return { frame in
                if case .record(let record) = frame.base[slot] {
                    let index = cache.index(in: record.shape)
                    if index >= 0 { return record.value(at: index) }
                }
                let object = frame.base[slot]
                if let value = try Access.member(object, cache, at: at, vm: frame.vm) { return value }
                throw Access.missing(object, field, at: at)
            }
        }
        if let pathCheck {
            return { frame in
                if case .record(let record) = try pathCheck.reader(&frame) {
                    let index = pathCheck.cache.index(in: record.shape)
                    if index >= 0 { return record.value(at: index) }
                }
                let object = try base(&frame)
                if let value = try Access.member(object, cache, at: at, vm: frame.vm) { return value }
                throw Access.missing(object, field, at: at)
            }
        }
        return { frame in
            let object = try base(&frame)
            if let value = try Access.member(object, cache, at: at, vm: frame.vm) { return value }
            throw Access.missing(object, field, at: at)
        }
    }

    // MARK: calls

    static let aggregates: Set<String> = ["count", "sum", "avg", "min", "max", "list"]

    func compileCall(_ calleeExpr: Expr, _ labelledArguments: [Expr], range: SourceRange) -> Eval {
        let at = span(range)
        if case .name(let name) = calleeExpr.kind, case .hostFunction(let hostFunction) = resolve(name) {
            let call = compileHostCall(hostFunction, labelledArguments, leading: 0, range: range)
            return { frame in try call(&frame, []) }
        }
        let givenArguments = unlabelled(labelledArguments, callee: calleeExpr)
        var argumentExprs = givenArguments
        if case .name("contains") = calleeExpr.kind, case .builtin = resolve("contains") {
            argumentExprs = checkedContains(givenArguments, report: true)
        }
        if case .name("label") = calleeExpr.kind, case .builtin = resolve("label") {
            return compileLabel(givenArguments, range: range)
        }
        var callee: Eval
        var constant: Function?
        var globalCallee: (index: Int, name: String)?
        if case .name(let name) = calleeExpr.kind {
            let resolved = resolve(name)
            // `max(models, m => m.year)` is `models | max(m => m.year)`, which the host may answer.
            if case .builtin = resolved, ["sum", "avg", "min", "max"].contains(name), argumentExprs.count == 2,
               case .name(let tableName) = argumentExprs[0].kind, case .table = resolve(tableName),
               case .lambda = argumentExprs[1].kind {
                let stage = Stage(kind: .call(calleeExpr, [argumentExprs[1]]), range: calleeExpr.range.to(range))
                return compilePipeline(argumentExprs[0], [stage])
            }
            if case .builtin(let builtin) = resolved, name == "len", argumentExprs.count == 1,
               case .member(let baseExpr, let field, let fieldRange) = argumentExprs[0].kind {
                return compileRelationLength(baseExpr, field, fieldRange, builtin: builtin, at: at)
            }
            if case .builtin(let builtin) = resolved {
                if Compiler.aggregates.contains(name), !function.stages.isEmpty,
                   argumentExprs.count == (name == "count" ? 0 : 1) {
                    return compileAggregate(name, argumentExprs.first, builtin: builtin, at: at)
                }
                constant = builtin
            }
            if case .global(let index) = resolved { globalCallee = (index, name) }
            // A called name is never a column: calling resolves it statically.
            if case .unknown = resolved, !visibleStageReaders().isEmpty {
                callee = compileName(name, range: calleeExpr.range)
            } else {
                callee = read(resolved, name: name, range: calleeExpr.range)
            }
        } else {
            callee = compile(calleeExpr)
        }
        let target: Callee
        if let constant {
            target = .known(constant)
        } else if let (index, name) = globalCallee {
            target = .global(vm.slot(index), name, span(calleeExpr.range))
        } else {
            target = .computed(callee, span(calleeExpr.range))
        }
        return Compiler.call(target, argumentExprs.map(argument), at: at)
    }

    /// The one call path: finds the function, reserves its slots, evaluates the arguments
    /// straight into them and runs it (`VM.run`: interrupt poll, depth, call frames in errors).
    /// Nothing is allocated; the callee and each argument are a `switch`, not a closure call,
    /// when they are a name, a constant or `local ± constant` (`fib(n - 1)`).
    static func call(_ callee: Callee, _ arguments: [Operand], at: Span) -> Eval {
        let operands = Operands(arguments)
        let count = arguments.count
        return { frame in
            let vm = frame.vm
            let function = try callee.function(&frame)
            let base = try vm.enter(function, argumentCount: count, at: at)
            defer { vm.leave(base, function) }
            let arguments = operands.start
            for position in 0..<count { base[position] = try arguments[position].value(&frame) }
            return try vm.run(function, base: base, at: at)
        }
    }

    /// `len(u.models)`: when `u` is a row and `models` one of its relations, the host counts
    /// the related rows instead of reading them; anything else is `len` of the member's value.
    func compileRelationLength(_ baseExpr: Expr, _ field: String, _ fieldRange: SourceRange, builtin: Function, at: Span) -> Eval {
        let base = compile(baseExpr)
        let member = compileMember(baseExpr, field, fieldRange)
        let fieldSpan = span(fieldRange)
        return { frame in
            if case .row(let row) = try base(&frame), case .relation(let childTable, let childColumn)? = row.schema.links[field],
               let idColumn = row.schema.columnIndex["id"], idColumn < row.values.count,
               case .int(let id) = row.values[idColumn], let resolver = row.schema.resolver {
                let count = try frame.vm.host(fieldSpan) {
                    try resolver.childCount(childTable: childTable, childColumn: childColumn, parentID: id, from: row)
                }
                return .int(Int64(count))
            }
            return try frame.vm.call(builtin, [try member(&frame)], at: at)
        }
    }

    @inline(never)
    static func notCallableGlobal(_ slot: GlobalSlot, _ name: String, _ at: Span) -> RuntimeError {
        do {
            return notCallable(try slot.read(name, at), at)
        } catch {
            return error
        }
    }

    @inline(never)
    static func notCallable(_ value: Value, _ at: Span) -> RuntimeError {
        RuntimeError(RuntimeMessages.notCallable, [.localized(value.typeName)], at: at)
    }

    /// `count()`, `sum(expr)`, `avg(expr)`, `min(expr)`, `max(expr)`, `list(expr)` in a stage:
    /// over the rows of the current group (each row becomes the item while `expr` runs);
    /// on an item that is not a group, the ordinary built-in applied to `expr`.
    func compileAggregate(_ name: String, _ argumentExpr: Expr?, builtin: Function, at: Span) -> Eval {
        guard let groupReader = visibleStageReaders().first else { return { _ in .null } }
        var rowsShape = function.stages.last?.shape ?? .unknown
        if case .groups(let inner, _) = rowsShape { rowsShape = inner }
        let (ref, _) = pushStage(shape: rowsShape)
        let argument = argumentExpr.map { compile($0) }
        popStage()
        let bind = Compiler.binder(ref)
        return { frame in
            let item = try groupReader(&frame)
            if case .record(let group) = item, group.isGroup, case .list(let rows) = group.value(at: 1) {
                var aggregate = Aggregate(name: name)
                for row in rows.items {
                    bind(&frame, row)
                    try aggregate.add(try argument?(&frame) ?? row, at: at)
                }
                bind(&frame, .null)
                return aggregate.result
            }
            guard let argument else {
                throw RuntimeError(RuntimeMessages.aggregateNeedsGroup, [.plain(name)], at: at)
            }
            bind(&frame, item)
            let value = try argument(&frame)
            bind(&frame, .null)
            return try frame.vm.call(builtin, [value], at: at)
        }
    }

    /// Opens a stage scope: a hidden local for the item, also reachable as `it`.
    func pushStage(shape: ItemShape = .unknown) -> (LocalRef, String) {
        beginScope()
        let hidden = "#stage\(serial + 1)"
        let ref = declareLocal(hidden, range: nil, forceCell: function.stageItemsCaptured)
        if let local = function.lookup(hidden) { function.scopes[function.scopes.count - 1]["it"] = local }
        function.stages.append(StageContext(hiddenName: hidden, serial: serial, shape: shape))
        return (ref, hidden)
    }

    func popStage() {
        function.stages.removeLast()
        endScope()
    }

    static func binder(_ ref: LocalRef) -> (inout Frame, Value) -> Void {
        switch ref {
        case .slot(let slot): return { frame, value in frame.base[slot] = value }
        case .cell(let cell): return { frame, value in frame.setCell(cell, Cell(value)) }
        }
    }
}

/// Running state of one aggregate over a group's rows.
struct Aggregate {
    let name: String
    var count = 0
    var intSum: Int64 = 0
    var doubleSum = 0.0
    var isDecimal = false
    var best: Value = .null
    var collected: [Value] = []

    init(name: String) { self.name = name }

    mutating func add(_ value: Value, at span: Span) throws {
        switch name {
        case "count": count += 1
        case "list": collected.append(value)
        case "min", "max":
            if case .null = value { return }
            if case .null = best { best = value; return }
            let order: Int
            do { order = try Value.sortOrder(value, best) } catch let error as RuntimeError { throw error.located(span) }
            if (name == "min" && order < 0) || (name == "max" && order > 0) { best = value }
        default: // sum, avg
            switch value {
            case .null: return
            case .int(let x):
                count += 1
                if isDecimal {
                    doubleSum += Double(x)
                    if !doubleSum.isFinite { throw Operators.notFinite(doubleSum).located(span) }
                    return
                }
                let (sum, overflow) = intSum.addingReportingOverflow(x)
                if overflow { throw RuntimeError(RuntimeMessages.integerOverflow, at: span) }
                intSum = sum
            case .double(let x):
                count += 1
                if !isDecimal { isDecimal = true; doubleSum = Double(intSum) }
                doubleSum += x
                if !doubleSum.isFinite { throw Operators.notFinite(doubleSum).located(span) }
            default:
                throw RuntimeError(RuntimeMessages.badArgument, ["1", .plain(name), .localized(TypeNames.number), .localized(value.typeName)], at: span)
            }
        }
    }

    var result: Value {
        switch name {
        case "count": return .int(Int64(count))
        case "list": return .list(collected)
        case "min", "max": return best
        case "sum": return isDecimal ? .double(doubleSum) : .int(intSum)
        default:
            guard count > 0 else { return .null }
            return .double((isDecimal ? doubleSum : Double(intSum)) / Double(count))
        }
    }
}
