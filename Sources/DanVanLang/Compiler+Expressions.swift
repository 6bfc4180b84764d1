// Expressions to closures. Integer arithmetic and comparisons get inline fast paths (and
// special closures when one side is a constant or a local slot), everything else goes
// through `Operators`. A condition compiles to a closure returning `Bool` directly.
import VietText

extension Compiler {
    /// Compiles `expr`; `name` names an anonymous function bound by `let` (for call traces).
    func compile(_ expr: Expr, name: String? = nil) -> Eval {
        guard stackGuard.hasRoom() else {
            error(expr.range, ParseMessages.tooDeep, [.plain(String(Parser.maxDepth))])
            return { _ in .null }
        }
        let at = span(expr.range)
        switch expr.kind {
        case .null: return { _ in .null }
        case .bool(let value): return { _ in .bool(value) }
        case .int(let value): return { _ in .int(value) }
        case .decimal(let value): return { _ in .double(value) }
        case .text(let parts): return compileText(parts, at: at)
        case .name(let name): return compileName(name, range: expr.range)

        case .list(let itemExprs):
            let items = itemExprs.map { Code(eval: compile($0)) }
            return { frame in
                var values: [Value] = []
                values.reserveCapacity(items.count)
                for item in items { values.append(try item.eval(&frame)) }
                return .list(ValueList(values))
            }

        case .record(let fields):
            var seen: Set<String> = []
            for field in fields where !seen.insert(field.name).inserted {
                error(field.value.range, CompileMessages.duplicateField, [.plain(field.name)])
            }
            let shape = Shape(names: fields.map(\.name))
            let values = fields.map { Code(eval: compile($0.value)) }
            // Each field is evaluated into the record's own storage: no array per record.
            return { frame in
                let record = Record.filled(shape)
                for (position, value) in values.enumerated() { record.setValue(try value.eval(&frame), at: position) }
                return .record(record)
            }

        case .unary(.negate, let operandExpr):
            let operand = compile(operandExpr)
            return { frame in
                let value = try operand(&frame)
                if case .int(let x) = value, x != Int64.min { return .int(-x) }
                do { return try Operators.negate(value) } catch let error as RuntimeError { throw error.located(at) }
            }

        case .unary(.not, _), .logical, .binary(.equal, _, _), .binary(.notEqual, _, _), .binary(.less, _, _),
             .binary(.lessEqual, _, _), .binary(.greater, _, _), .binary(.greaterEqual, _, _), .binary(.matches, _, _):
            let condition = compileCondition(expr)
            return { frame in .bool(try condition(&frame)) }

        case .binary(let op, let leftExpr, let rightExpr):
            return compileArithmetic(op, leftExpr, rightExpr, at: at)

        case .call(let calleeExpr, let argumentExprs):
            return compileCall(calleeExpr, argumentExprs, range: expr.range)

        case .index(let baseExpr, let indexExpr):
            let base = compile(baseExpr)
            let index = compile(indexExpr)
            let indexSpan = span(indexExpr.range)
            return { frame in try Access.index(try base(&frame), try index(&frame), at: indexSpan) }

        case .member(let baseExpr, let field, let fieldRange):
            return compileMember(baseExpr, field, fieldRange)

        case .lambda(let declaration):
            let named = FunctionDecl(name: declaration.name ?? name, params: declaration.params,
                                     body: declaration.body, range: declaration.range)
            return compileFunction(named)

        case .pipeline(let sourceExpr, let stages):
            return compilePipeline(sourceExpr, stages)

        case .insert(let tableName, let tableRange, let valueExpr):
            return compileInsert(tableName, tableRange, valueExpr, range: expr.range)

        case .labelled(_, let labelRange, let valueExpr):
            // Calls take their labels apart (Compiler+HostFunctions.swift); one met here is
            // in no call that could take it.
            error(labelRange, WriteMessages.labelOutsideHostCall)
            return compile(valueExpr)
        }
    }

    /// A string literal: literal pieces and interpolated values (printed as `print` would).
    func compileText(_ parts: [TextPart], at: Span) -> Eval {
        if parts.isEmpty { return { _ in .text("") } }
        if parts.count == 1, case .text(let text) = parts[0] { return { _ in .text(text) } }
        // One value between two literal pieces (either may be empty): built in one allocation.
        var values: [Expr] = []
        for case .expr(let expr) in parts { values.append(expr) }
        if values.count == 1, let single = values.first {
            var prefix = "", suffix = "", seen = false
            for part in parts {
                switch part {
                case .text(let text): if seen { suffix += text } else { prefix += text }
                case .expr: seen = true
                }
            }
            let value = compile(single)
            let before = Array(prefix.utf8), after = Array(suffix.utf8)
            return { frame in
                let result = try value(&frame)
                switch result {
                // A list or record may be too long to print: an error, not text cut short.
                case .list, .record, .row:
                    let printed = try result.printed()
                    try Limits.checkText(bytes: before.count + printed.utf8.count + after.count, at: at)
                    return .text(prefix + printed + suffix)
                default:
                    do { return .text(try TextBuilding.interpolate(before, result, after)) } catch let error as RuntimeError { throw error.located(at) }
                }
            }
        }
        enum Piece { case text(String), value(Eval) }
        let pieces: [Piece] = parts.map {
            switch $0 {
            case .text(let text): return .text(text)
            case .expr(let expr): return .value(compile(expr))
            }
        }
        return { frame in
            var out = ""
            for piece in pieces {
                switch piece {
                case .text(let text): out += text
                case .value(let value):
                    let result = try value(&frame)
                    if case .text(let text) = result { out += text } else { try result.write(checked: &out) }
                }
                try Limits.checkText(bytes: out.utf8.count, at: at)
            }
            return .text(out)
        }
    }

    /// Reads a name: a local slot or cell, a captured variable, a global, a built-in or a
    /// table; inside a stage, the current item's column of that name comes first.
    func compileName(_ name: String, range: SourceRange) -> Eval {
        let resolved = resolve(name)
        if let dynamic = stageLookup(name, resolved: resolved, range: range) { return dynamic }
        return read(resolved, name: name, range: range)
    }

    func read(_ resolved: Resolved, name: String, range: SourceRange) -> Eval {
        switch resolved {
        case .local(.slot(let slot), _): return { frame in frame.base[slot] }
        case .local(.cell(let cell), _): return { frame in frame.cell(cell).value }
        case .capture(let index): return { frame in frame.captures[index].value }
        case .global(let index):
            function.globalsRead.insert(index)
            let at = span(range)
            let slot = vm.slot(index)
            return { _ in try slot.read(name, at) }
        case .builtin(let function):
            let value = Value.function(function)
            return { _ in value }
        case .hostFunction(let hostFunction):
            return readHostFunction(hostFunction)
        case .table(let table):
            let value = Value.table(table)
            return { _ in value }
        case .unknown:
            // The language's own words count too: `selct` means `select`, `retrun` `return`.
            let words = Keyword.allCases.map(\.rawValue) + Token.stageWords + Token.statementWords
            error(range, Suggest.message(CompileMessages.unknownName, [.plain(name)], name: name,
                                         candidates: visibleNames() + words))
            return { _ in .null }
        }
    }

    /// A condition: comparisons and logic return `Bool` without making a value; anything else
    /// must be true, false or null (null counts as false).
    func compileCondition(_ expr: Expr) -> EvalBool {
        let at = span(expr.range)
        switch expr.kind {
        case .unary(.not, let operandExpr):
            let operand = compileCondition(operandExpr)
            return { frame in !(try operand(&frame)) }
        case .logical(let isAnd, let leftExpr, let rightExpr):
            let left = compileCondition(leftExpr)
            let right = compileCondition(rightExpr)
            if isAnd { return { frame in try left(&frame) && right(&frame) } }
            return { frame in try left(&frame) || right(&frame) }
        case .binary(let op, let leftExpr, let rightExpr) where op.isComparison:
            let (left, right) = checkedComparison(op, leftExpr, rightExpr, report: true)
            if let (columnOnLeft, check) = runtimeOperandCheck(op, left, right) {
                let l = compile(left), r = compile(right)
                return { frame in
                    var a = try l(&frame), b = try r(&frame)
                    if columnOnLeft { b = try check(b) } else { a = try check(a) }
                    do { return try Operators.compare(op, a, b) } catch let error as RuntimeError { throw error.located(at) }
                }
            }
            return compileComparison(op, left, right, at: at)
        case .bool(let value):
            return { _ in value }
        default:
            let value = compile(expr)
            return { frame in
                switch try value(&frame) {
                case .bool(let flag): return flag
                case .null: return false
                case let other:
                    throw RuntimeError(RuntimeMessages.conditionNotBool, [.localized(other.typeName)], at: at)
                }
            }
        }
    }

    @inline(never)
    static func usedBeforeLet(_ name: String, _ at: Span) -> RuntimeError {
        RuntimeError(RuntimeMessages.usedBeforeLet, [.plain(name)], at: at)
    }

    /// fn / lambda: compiles the body once into a `Proto`; each evaluation makes a closure
    /// with the current cells of the variables it captures.
    func compileFunction(_ declaration: FunctionDecl) -> Eval {
        let outer = function
        let state = FunctionState(parent: outer, isTopLevel: false, name: declaration.name)
        function = state
        defer { function = outer }
        let proto = Proto(name: declaration.name ?? "", arity: declaration.params.count, span: span(declaration.range))
        let scan = CaptureScan.scan(declaration.body)
        state.captured = scan.names
        state.stageItemsCaptured = scan.lambdaInStage
        // Parameters take the first slots; captured ones are moved into cells at entry.
        var seen: Set<String> = []
        var boxed: [(slot: Int, cell: Int)] = []
        for (position, param) in declaration.params.enumerated() {
            if !seen.insert(param.name).inserted {
                error(param.range, CompileMessages.duplicateParameter, [.plain(param.name)])
            }
            state.nextSlot = position + 1
            state.maxSlot = max(state.maxSlot, position + 1)
            if state.captured.contains(param.name) {
                let cell = state.nextCell
                state.nextCell += 1
                state.maxCell = state.nextCell
                boxed.append((position, cell))
                serial += 1
                state.scopes[0][param.name] = Local(ref: .cell(cell), serial: serial)
            } else {
                serial += 1
                state.scopes[0][param.name] = Local(ref: .slot(position), serial: serial)
            }
        }
        proto.body = Compiler.sequence(declaration.body.map { Step(exec: compile($0)) })
        proto.frameSize = max(state.maxSlot, declaration.params.count)
        proto.cellCount = state.maxCell
        proto.boxedParameters = boxed
        state.record(in: proto)
        outer.nested.append(proto)
        let origins = state.captureOrigins
        if origins.isEmpty {
            let constant = Value.function(Function(proto: proto, captures: []))
            return { _ in constant }
        }
        return { frame in
            var cells = ContiguousArray<Cell>()
            cells.reserveCapacity(origins.count)
            for origin in origins {
                switch origin {
                case .cell(let index): cells.append(frame.cell(index))
                case .capture(let index): cells.append(frame.captures[index])
                }
            }
            return .function(Function(proto: proto, captures: cells))
        }
    }
}

extension BinaryOperator {
    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .matches: return true
        default: return false
        }
    }
}
