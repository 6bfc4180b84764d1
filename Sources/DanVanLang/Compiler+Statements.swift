// Statements to closures that return how they ended (`Flow`), so `break`, `continue` and
// `return` need no exceptions. Loops poll the interrupt flag at each back-edge.
import VietText

extension Compiler {
    func compileBlock(_ statements: [Stmt]) -> Exec {
        beginScope()
        defer { endScope() }
        return Compiler.sequence(statements.map { Step(exec: compile($0)) })
    }

    func compile(_ statement: Stmt) -> Exec {
        let range = statement.range
        let outerStatement = statementRange
        statementRange = range
        defer { statementRange = outerStatement }
        switch statement.kind {
        case .expression(let expr):
            let value = compile(expr)
            return { frame in _ = try value(&frame); return .normal }

        case .let(let name, let nameRange, let valueExpr):
            let value = compile(valueExpr, name: name)
            if atGlobalScope, let index = vm.globalIndex[name] {
                let slot = vm.slot(index)
                return { frame in slot.define(try value(&frame)); return .normal }
            }
            return store(declareLocal(name, range: nameRange), value)

        case .function(let declaration):
            let name = declaration.name ?? ""
            if atGlobalScope, let index = vm.globalIndex[name] {
                let make = compileFunction(declaration)
                let slot = vm.slot(index)
                return { frame in slot.define(try make(&frame)); return .normal }
            }
            // Declared before its body is compiled, so it can call itself.
            let ref = declareLocal(name, range: declaration.range)
            let make = compileFunction(declaration)
            switch ref {
            case .slot: return store(ref, make)
            case .cell(let cell):
                // The cell exists before the closure is made, so the function sees itself.
                return { frame in
                    let holder = Cell(.null)
                    frame.setCell(cell, holder)
                    holder.value = try make(&frame)
                    return .normal
                }
            }

        case .assign(let target, let valueExpr):
            return compileAssignment(target, valueExpr, range: range)

        case .if(let conditionExpr, let thenBody, let elseBody):
            if let test = slotTest(conditionExpr) {
                let then = compileBlock(thenBody)
                guard let elseBody else {
                    return { frame in try test.holds(&frame) ? try then(&frame) : .normal }
                }
                let otherwise = compileBlock(elseBody)
                return { frame in try test.holds(&frame) ? try then(&frame) : try otherwise(&frame) }
            }
            let condition = compileCondition(conditionExpr)
            let then = compileBlock(thenBody)
            guard let elseBody else {
                return { frame in try condition(&frame) ? try then(&frame) : .normal }
            }
            let otherwise = compileBlock(elseBody)
            return { frame in try condition(&frame) ? try then(&frame) : try otherwise(&frame) }

        case .while(let conditionExpr, let bodyStatements):
            // Two closures, one per kind of test: a test behind a closure, an enum or an
            // optional, measured, cost the local loop 14% (bench/lang/loop-function.dv).
            let test = slotTest(conditionExpr)
            let condition = test == nil ? compileCondition(conditionExpr) : { _ in false }
            function.loopDepth += 1
            let body = compileBlock(bodyStatements)
            function.loopDepth -= 1
            let at = span(range)
            if let test {
                return { frame in
                    let interrupt = frame.vm.interrupt
                    while try test.holds(&frame) {
                        if let exit = try Compiler.runBody(body, &frame, interrupt, at) { return exit }
                    }
                    return .normal
                }
            }
            return { frame in
                let interrupt = frame.vm.interrupt
                while try condition(&frame) {
                    if let exit = try Compiler.runBody(body, &frame, interrupt, at) { return exit }
                }
                return .normal
            }

        case .for(let name, let nameRange, let sequenceExpr, let bodyStatements):
            return compileFor(name, nameRange, sequenceExpr, bodyStatements, range: range)

        case .transaction(let body):
            return compileTransaction(body, range: range)

        case .param(let declaration):
            return compileParam(declaration, range: range)

        case .import:
            return compileImportStatement(range)

        case .break:
            if function.loopDepth == 0 { error(range, CompileMessages.breakOutsideLoop) }
            return { _ in .breakLoop }

        case .continue:
            if function.loopDepth == 0 { error(range, CompileMessages.continueOutsideLoop) }
            return { _ in .continueLoop }

        case .return(let valueExpr):
            if function.isTopLevel { error(range, CompileMessages.returnOutsideFunction) }
            guard let valueExpr else { return { frame in frame.result = .null; return .returned } }
            let returned = operand(valueExpr)
            if case .slot(let slot) = returned {
                return { frame in frame.result = frame.base[slot]; return .returned }
            }
            let value = Compiler.eval(returned)
            return { frame in frame.result = try value(&frame); return .returned }
        }
    }

    /// Stores into a freshly declared local: a slot, or a new cell (each execution of a `let`
    /// makes a new variable, so closures made in a loop keep their own).
    func store(_ ref: LocalRef, _ value: @escaping Eval) -> Exec {
        switch ref {
        case .slot(let slot):
            return { frame in frame.base[slot] = try value(&frame); return .normal }
        case .cell(let cell):
            return { frame in frame.setCell(cell, Cell(try value(&frame))); return .normal }
        }
    }

    /// for → "for" NAME "in" expression block. `for i in range(a, b)` counts without making a list.
    func compileFor(_ name: String, _ nameRange: SourceRange, _ sequenceExpr: Expr, _ bodyStatements: [Stmt], range: SourceRange) -> Exec {
        let at = span(range)
        let sequenceSpan = span(sequenceExpr.range)
        var counted: (Eval, Eval?)?
        if case .call(let callee, let arguments) = sequenceExpr.kind, case .name("range") = callee.kind,
           (1...2).contains(arguments.count), !arguments.contains(where: \.isLabelled), case .builtin = resolve("range") {
            let first = compile(arguments[0])
            counted = (first, arguments.count == 2 ? compile(arguments[1]) : nil)
        }
        let sequence = counted == nil ? compile(sequenceExpr) : { _ in .null }
        beginScope()
        let ref = declareLocal(name, range: nameRange)
        function.loopDepth += 1
        let body = compileBlock(bodyStatements)
        function.loopDepth -= 1
        endScope()
        let bind = Compiler.binder(ref)
        if let (first, second) = counted {
            return { frame in
                var low: Int64 = 0
                var high: Int64
                let a = try first(&frame)
                guard case .int(let x) = a else {
                    throw RuntimeError(RuntimeMessages.badArgument, ["1", "range", .localized(TypeNames.int), .localized(a.typeName)], at: sequenceSpan)
                }
                if let second {
                    let b = try second(&frame)
                    guard case .int(let y) = b else {
                        throw RuntimeError(RuntimeMessages.badArgument, ["2", "range", .localized(TypeNames.int), .localized(b.typeName)], at: sequenceSpan)
                    }
                    low = x
                    high = y
                } else {
                    high = x
                }
                let interrupt = frame.vm.interrupt
                var index = low
                while index < high {
                    bind(&frame, .int(index))
                    if let exit = try Compiler.runBody(body, &frame, interrupt, at) { return exit }
                    index += 1
                }
                return .normal
            }
        }
        return { frame in
            let value = try sequence(&frame)
            if case .table = value {
                // A table is read a batch at a time, not held whole for the loop.
                var flow = Flow.normal
                let interrupt = frame.vm.interrupt
                var inner = frame
                defer { frame = inner }
                do {
                    _ = try frame.vm.forEachItem(value, at: sequenceSpan) { item in
                    bind(&inner, item)
                    if let exit = try Compiler.runBody(body, &inner, interrupt, at) {
                        flow = exit
                        throw StopBatches()
                    }
                    }
                } catch is StopBatches {
                    // `break` or `return` in the body.
                }
                return flow
            }
            let items: [Value]
            if case .text(let text) = value {
                items = text.map { .text(String($0)) }
            } else if let sequenceItems = try frame.vm.sequence(value, at: sequenceSpan) {
                items = sequenceItems
            } else {
                throw RuntimeError(RuntimeMessages.notIterable, [.localized(value.typeName)], at: sequenceSpan)
            }
            let interrupt = frame.vm.interrupt
            for item in items {
                bind(&frame, item)
                if let exit = try Compiler.runBody(body, &frame, interrupt, at) { return exit }
            }
            return .normal
        }
    }

    /// assignment → NAME "=" expr | expr "." NAME "=" expr | expr "[" expr "]" "=" expr
    func compileAssignment(_ target: Expr, _ valueExpr: Expr, range: SourceRange) -> Exec {
        switch target.kind {
        case .name(let name):
            // `x = x + y` adds in the variable's own storage (`Value.add`): integers inline,
            // text appended in place, so building text in a loop stays linear.
            let resolved = resolve(name)
            var appendOperand: Operand?
            var canAppend = false
            switch resolved {
            case .local(.slot, _), .global: canAppend = true
            default: break
            }
            if canAppend, case .binary(.add, let left, let right) = valueExpr.kind, case .name(let leftName) = left.kind, leftName == name {
                appendOperand = operand(right)
            }
            let value = appendOperand == nil ? compile(valueExpr) : { _ in .null }
            let at = span(valueExpr.range)
            switch resolved {
            case .local(.slot(let slot), _):
                // One closure per kind of right side, as Lua has ADDK and ADD: the operand read
                // inline (a switch over `Operand` inside the loop cost 34% in a function's loop:
                // binding its closure payload retains it), the sum by the one `Value.add`.
                switch appendOperand {
                case .constant(.int(let constant))?:
                    return { frame in try frame.base[slot].add(int: constant, at: at); return .normal }
                case .slot(let other)?:
                    return { frame in
                        let right = frame.base[other]
                        try frame.base[slot].add(right, at: at)
                        return .normal
                    }
                case let operand?:
                    let right = Compiler.eval(operand)
                    return { frame in
                        let value = try right(&frame)
                        try frame.base[slot].add(value, at: at)
                        return .normal
                    }
                case nil: break
                }
                return { frame in frame.base[slot] = try value(&frame); return .normal }
            case .local(.cell(let cell), _):
                return { frame in frame.cell(cell).value = try value(&frame); return .normal }
            case .capture(let index):
                return { frame in frame.captures[index].value = try value(&frame); return .normal }
            case .global(let index):
                let nameSpan = span(target.range)
                let slot = vm.slot(index)
                if let appendOperand {
                    let right = Compiler.eval(appendOperand)
                    return { frame in
                        let value = try right(&frame)
                        if case .null = slot.value.pointee, !slot.defined.pointee {
                            throw Compiler.usedBeforeLet(name, nameSpan)
                        }
                        try slot.value.pointee.add(value, at: at)
                        return .normal
                    }
                }
                return { frame in slot.define(try value(&frame)); return .normal }
            case .builtin, .hostFunction, .table:
                error(target.range, CompileMessages.assignToBuiltin, [.plain(name)])
                return { _ in .normal }
            case .unknown:
                error(target.range, Suggest.message(CompileMessages.assignUndeclared, [.plain(name)], name: name, candidates: visibleNames()))
                return { _ in .normal }
            }

        case .member(let baseExpr, let name, let nameRange):
            let base = compile(baseExpr)
            let value = compile(valueExpr)
            let at = span(nameRange)
            return { frame in
                let object = try base(&frame)
                let newValue = try value(&frame)
                switch object {
                case .record(let record):
                    if record.isGroup {
                        throw RuntimeError(RuntimeMessages.cannotAssignField, [.plain(name), .localized(object.typeName)], at: at)
                    }
                    record.set(name, newValue)
                case .row(let row):
                    throw RuntimeError(RuntimeMessages.rowReadOnly, [.plain(row.schema.table)], at: at)
                default:
                    throw RuntimeError(RuntimeMessages.cannotAssignField, [.plain(name), .localized(object.typeName)], at: at)
                }
                return .normal
            }

        case .index(let baseExpr, let indexExpr):
            let base = compile(baseExpr)
            let index = compile(indexExpr)
            let value = compile(valueExpr)
            let at = span(indexExpr.range)
            return { frame in
                let object = try base(&frame)
                let key = try index(&frame)
                let newValue = try value(&frame)
                switch (object, key) {
                case (.list(let list), .int(let position)):
                    guard position >= 0, position < list.items.count else {
                        throw RuntimeError(RuntimeMessages.indexOutOfRange, [.plain(String(position)), .plain(String(list.items.count))], at: at)
                    }
                    list.items[Int(position)] = newValue
                case (.record(let record), .text(let name)) where !record.isGroup:
                    record.set(name, newValue)
                case (.row(let row), _):
                    throw RuntimeError(RuntimeMessages.rowReadOnly, [.plain(row.schema.table)], at: at)
                case (.list, _):
                    throw RuntimeError(RuntimeMessages.badIndex, [.localized(object.typeName), .localized(key.typeName)], at: at)
                default:
                    throw RuntimeError(RuntimeMessages.cannotAssignIndex, [.localized(object.typeName)], at: at)
                }
                return .normal
            }

        default:
            error(target.range, ParseMessages.invalidAssignTarget)
            return { _ in .normal }
        }
    }
}

extension Compiler {
    /// The one loop driver's step, shared by `while` and every `for`: runs the body once and
    /// polls the interrupt flag; nil to go on, or how the loop statement ends (`break` ends
    /// it normally, `return` passes on).
    @inline(__always)
    static func runBody(_ body: Exec, _ frame: inout Frame, _ interrupt: InterruptFlag, _ at: Span) throws -> Flow? {
        switch try body(&frame) {
        case .normal, .continueLoop: break
        case .breakLoop: return .normal
        case .returned: return .returned
        }
        if interrupt.isSet { throw VM.interruptedError(at) }
        return nil
    }
}

extension Value {
    /// `self = self + other` in the variable's own storage: integers inline (the loop
    /// counters and sums of every script), anything else through `addSlowly`.
    @inline(__always)
    mutating func add(_ other: Value, at span: Span) throws {
        if case .int(let y) = other { try add(int: y, at: span) } else { try addSlowly(other, at: span) }
    }

    /// `self = self + y` for an integer `y` (`i = i + 1`: the constant is kept as an `Int64`).
    @inline(__always)
    mutating func add(int y: Int64, at span: Span) throws {
        if case .int(let x) = self {
            let (sum, overflow) = x.addingReportingOverflow(y)
            if !overflow { self = .int(sum); return }
        }
        try addSlowly(.int(y), at: span)
    }

    /// Appends in place when both are text: the variable is the only owner of its string
    /// while it grows, so Swift appends without copying. Otherwise `Operators.add` (which
    /// reports an integer overflow, or adds decimals).
    mutating func addSlowly(_ other: Value, at span: Span) throws {
        if case .text(var text) = self, case .text(let suffix) = other {
            try Limits.checkText(bytes: text.utf8.count + suffix.utf8.count, at: span)
            self = .null
            text.append(suffix)
            self = .text(text)
            return
        }
        do {
            self = try Operators.add(self, other)
        } catch let error as RuntimeError {
            throw error.located(span)
        }
    }
}
