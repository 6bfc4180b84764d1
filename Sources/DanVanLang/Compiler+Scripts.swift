// Compiling what makes a file a script: its parameters (bound like a top-level `let`, from
// the values the embedder gives or the default), its imports (each file compiled once per
// session, before the importing program's own names are declared, and run the first time an
// `import` of it runs), and the top-level values a script shows (`danvan run`, `eval`).
//
// An imported file is meant to hold `fn` and `let` definitions. Its other top-level
// statements run once, when it is first imported, and their values are not shown: a library
// that prints or shows something on import would surprise every script that uses it.
import VietText

/// A file brought in by `import`: compiled once; its top level runs the first time.
final class Module {
    let name: String
    let function: Function
    var hasRun = false

    init(name: String, proto: Proto) {
        self.name = name
        self.function = Function(proto: proto, captures: [])
    }
}

extension Compiler {
    /// Checks the parameters and compiles the imported files of a program about to be compiled.
    func prepareScript(_ statements: [Stmt]) {
        let (parameters, problems) = ScriptParameters.declarations(in: statements, source: source)
        if isModule {
            for parameter in parameters {
                diagnostics.append(Diagnostic(kind: .compile, location: parameter.location,
                                              message: Message(ScriptMessages.paramInImport, [.plain(parameter.name)])))
            }
        } else {
            diagnostics += problems
            for parameter in parameters { parameterTable[parameter.name] = parameter }
        }
        for statement in statements {
            guard case .import(let path, let pathRange) = statement.kind else { continue }
            if let module = importModule(path, at: pathRange) {
                importedModules[statement.range.start] = module
                // What the imported file may write counts as the importer's (`VM.mayWrite`).
                function.nested.append(module.function.proto ?? Proto(name: "", arity: 0, span: span(pathRange)))
            }
        }
    }

    /// The compiled file `path` names, loading and compiling it when this session has not
    /// yet; nil after reporting why it cannot be had.
    func importModule(_ path: String, at range: SourceRange) -> Module? {
        guard let loader = vm.moduleLoader else {
            error(range, ScriptMessages.importUnavailable, [.plain(path)])
            return nil
        }
        let loaded: SourceText
        do {
            loaded = try loader(path, source.name)
        } catch let failure as ModuleLoadError {
            error(range, ScriptMessages.importFailed, [.plain(path), .localized(failure.message)])
            return nil
        } catch {
            self.error(range, ScriptMessages.importFailed, [.plain(path), .plain(String(describing: error))])
            return nil
        }
        let chain = vm.importing.isEmpty ? [source.name] : vm.importing
        if chain.contains(loaded.name) {
            // The whole chain from the main script, so the person sees how it was reached.
            let cycle = chain + [loaded.name]
            error(range, ScriptMessages.importCycle, [.plain(cycle.joined(separator: " -> "))])
            return nil
        }
        if let module = vm.modules[loaded.name] { return module }
        let (statements, parseDiagnostics) = Parser.parse(loaded)
        let index = Int32(vm.sources.count)
        vm.sources.append(loaded)
        guard parseDiagnostics.isEmpty else {
            diagnostics += parseDiagnostics
            return nil
        }
        let outermost = vm.importing.isEmpty
        if outermost { vm.importing = [source.name] }
        vm.importing.append(loaded.name)
        defer {
            vm.importing.removeLast()
            if outermost { vm.importing = [] }
        }
        let compiler = Compiler(vm: vm, source: loaded, sourceIndex: index, allowRedeclare: false)
        compiler.isModule = true
        let (proto, _) = compiler.compileProgram(statements, keepLastValue: false, name: loaded.name)
        diagnostics += compiler.diagnostics
        guard compiler.diagnostics.isEmpty else { return nil }
        let module = Module(name: loaded.name, proto: proto)
        vm.modules[loaded.name] = module
        for name in compiler.declaredInThisProgram { vm.moduleOwner[name] = loaded.name }
        return module
    }

    /// An `import` statement: runs the file's top level the first time.
    func compileImportStatement(_ range: SourceRange) -> Exec {
        guard atGlobalScope else {
            error(range, ScriptMessages.importNotAtTop)
            return { _ in .normal }
        }
        guard let module = importedModules[range.start] else { return { _ in .normal } }
        let at = span(range)
        return { frame in
            guard !module.hasRun else { return .normal }
            _ = try frame.vm.call(module.function, [], at: at)
            module.hasRun = true
            return .normal
        }
    }

    /// A `param`: the given value (of the declared type) or the default, in its global.
    func compileParam(_ declaration: ParamDecl, range: SourceRange) -> Exec {
        guard atGlobalScope else {
            error(range, ScriptMessages.paramNotAtTop)
            return { _ in .normal }
        }
        guard let parameter = parameterTable[declaration.name], let index = vm.globalIndex[declaration.name] else {
            return { _ in .normal }  // reported by prepareScript
        }
        let at = span(declaration.nameRange)
        return { frame in
            let vm = frame.vm
            let value: Value
            if let given = vm.parameterValues[parameter.name] {
                guard parameter.type.accepts(given) else {
                    throw RuntimeError(ScriptMessages.badParamValue,
                                       [.plain(parameter.name), .localized(parameter.type.label), .localized(given.typeName)], at: at)
                }
                value = given
            } else if let fallback = parameter.defaultValue {
                value = fallback
            } else {
                throw RuntimeError(ScriptMessages.missingParam,
                                   [.plain(parameter.name), .localized(parameter.type.label)], at: at)
            }
            vm.slot(index).define(value)
            return .normal
        }
    }

    /// A top-level expression statement whose value is kept as the program's result (`keep`)
    /// and, in a script that shows its values, handed to the `show` hook unless it is null.
    /// A statement that changes data (`insert`, `| update`, `| delete`, a host function that
    /// writes) shows nothing: the runner names each change set saved (or, in a dry run, what
    /// would change), and a fix script of twenty updates should not print twenty bare counts.
    func compileTopLevelValue(_ expr: Expr, keep: Bool) -> Exec {
        let wroteBefore = function.writes
        function.writes = false
        let value = compile(expr)
        let writes = function.writes
        function.writes = wroteBefore || writes
        let shows = showsValues && !isModule && !writes
        let at = span(expr.range)
        return { frame in
            let result = try value(&frame)
            if keep { frame.result = result }
            if shows, !result.isNull { try frame.vm.show(result, at: at) }
            return .normal
        }
    }
}

extension VM {
    /// Hands `value` to the embedder's `show` hook; without one, prints it as `print` does.
    func show(_ value: Value, at span: Span) throws {
        guard let show else {
            output(value.description)
            return
        }
        try host(span, failure: ScriptMessages.showFailed) { try show(value) }
    }
}

extension Value {
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
