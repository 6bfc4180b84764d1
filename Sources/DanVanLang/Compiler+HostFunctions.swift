// Calls to the functions a host adds (`merge_units(from: 17, into: 12)`), with positional or
// labelled arguments. A host function is resolved when the code is compiled (after the
// built-ins, before the tables), so its labels are checked then against its parameters:
// an unknown label (with a did-you-mean), one given twice, a positional argument after a
// labelled one, a required one missing or too many are errors before anything runs. The
// arguments are put in parameter order, `null` for an optional one not given.
import VietText

extension Compiler {
    /// A call whose callee is the host function `hostFunction`; `leading` values come first
    /// (the items of a pipeline, for `xs | f(a)`).
    func compileHostCall(_ hostFunction: HostFunction, _ argumentExprs: [Expr], leading: Int, range: SourceRange) -> (inout Frame, [Value]) throws -> Value {
        if hostFunction.writes { noteWrite() }
        let ordered = hostArguments(hostFunction, argumentExprs, leading: leading, range: range)
        let arguments = ordered.map { $0.map { Code(eval: compile($0)) } }
        let at = span(range), site = writeSite(), writes = hostFunction.writes
        return { frame, leadingValues in
            var values = leadingValues
            values.reserveCapacity(arguments.count)
            for argument in arguments.dropFirst(leading) { values.append(try argument?.eval(&frame) ?? .null) }
            if writes { return try frame.vm.write(at) { try hostFunction.call(values, site) } }
            return try frame.vm.host(at) { try hostFunction.call(values, site) }
        }
    }

    /// The expression for each parameter of `hostFunction`, in order (nil: not given, so
    /// `null`); the first `leading` are given by the caller. Reports every problem.
    func hostArguments(_ hostFunction: HostFunction, _ argumentExprs: [Expr], leading: Int, range: SourceRange) -> [Expr?] {
        let parameters = hostFunction.parameters, name = hostFunction.name
        var slots = [Expr?](repeating: nil, count: max(parameters.count, leading))
        var given = Array(repeating: false, count: slots.count)
        for position in 0..<leading { given[position] = true }
        var positional = leading
        var labelled = false
        // After a wrong argument, a missing one is most likely the same mistake: one error.
        let errorsBefore = diagnostics.count
        if leading > parameters.count {
            error(range, WriteMessages.tooManyArguments,
                  [.plain(name), .plain(String(parameters.count)), .plain(String(leading + argumentExprs.count))])
            return slots
        }
        for argument in argumentExprs {
            guard case .labelled(let label, let labelRange, let value) = argument.kind else {
                if labelled {
                    error(argument.range, WriteMessages.positionalAfterLabelled)
                } else if positional >= parameters.count {
                    let count = leading + argumentExprs.count
                    error(argument.range, WriteMessages.tooManyArguments,
                          [.plain(name), .plain(String(parameters.count)), .plain(String(count))])
                    return slots
                } else {
                    slots[positional] = argument
                    given[positional] = true
                }
                positional += 1
                continue
            }
            labelled = true
            guard let position = parameters.firstIndex(of: label) else {
                error(labelRange, Suggest.message(WriteMessages.unknownLabel,
                                                  [.plain(name), .plain(label), .plain(parameters.joined(separator: ", "))],
                                                  name: label, candidates: parameters))
                continue
            }
            if given[position] {
                error(labelRange, WriteMessages.labelTwice, [.plain(label)])
                continue
            }
            slots[position] = value
            given[position] = true
        }
        guard diagnostics.count == errorsBefore else { return slots }
        for position in 0..<min(max(hostFunction.required, 0), parameters.count) where !given[position] {
            error(range, WriteMessages.missingArgument, [.plain(name), .plain(parameters[position])])
        }
        return slots
    }

    /// Labels given to a callee that is not a host function: one error, then the values as
    /// positional arguments so the rest of the call is still checked.
    func unlabelled(_ argumentExprs: [Expr], callee calleeExpr: Expr) -> [Expr] {
        guard let first = argumentExprs.first(where: \.isLabelled), case .labelled(_, let labelRange, _) = first.kind else {
            return argumentExprs
        }
        let calleeText = Parser.pathName(calleeExpr) ?? source.text(of: calleeExpr.range)
        error(labelRange, WriteMessages.labelsNotAllowed, [.plain(calleeText)])
        return argumentExprs.map { argument in
            if case .labelled(_, _, let value) = argument.kind { return value }
            return argument
        }
    }

    /// A host function as a value (`let f = merge_units`): a built-in that calls it, with its
    /// arguments positional. Its writes are logged at the statement that named it.
    func readHostFunction(_ hostFunction: HostFunction) -> Eval {
        if hostFunction.writes { noteWrite() }
        let box = HostFunctionBox(function: hostFunction, site: writeSite())
        let count = hostFunction.parameters.count
        let arity = min(max(hostFunction.required, 0), count)...count
        let builtin = Builtin(hostFunction.name, arity, writes: hostFunction.writes) { arguments in
            var values = arguments.all
            while values.count < count { values.append(.null) }
            let failure = box.function.writes ? WriteMessages.writeFailed : RuntimeMessages.hostError
            return try arguments.vm.host(arguments.span, failure: failure) { try box.function.call(values, box.site) }
        }
        let value = Value.function(Function(builtin: builtin))
        return { _ in value }
    }
}

/// A host function and where it was named, shared with the built-in that calls it. Confined,
/// like every value, to the thread that runs the program.
final class HostFunctionBox: @unchecked Sendable {
    let function: HostFunction
    let site: WriteSite

    init(function: HostFunction, site: WriteSite) {
        self.function = function
        self.site = site
    }
}
