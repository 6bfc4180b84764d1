// The embedding API: the one object the REPL, `danvan run`, `danvan eval` and lessons use.
import VietText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs DanVan programs against a host.
///
/// ```swift
/// let interpreter = Interpreter(host: domain, lang: .vi, output: { print($0) }, interrupt: flag)
/// do {
///     try interpreter.run(SourceText(name: "so-ket.dv", text: script))      // a whole script
///     if let value = try interpreter.evaluate(SourceText(name: "<repl>", text: line)) {
///         print(value)                                                      // a REPL entry's value
///     }
/// } catch {
///     print(DiagnosticRenderer.render(error.diagnostics, sources: interpreter.sources, lang: .vi))
/// }
/// ```
/// - `output` receives each `print` line without its line break; `show` receives the values
///   of `show(v)` and, in `run(_:showingValues:)`, of top-level expression statements.
/// - Scripts: `param`s take their values from `parameterValues` (`parameters(of:)` lists
///   them), `args` is `arguments`, `import "path"` reads files through `moduleLoader`
///   (Interpreter+Scripts.swift).
/// - Globals (`let`, `fn` at the top level) persist across `run` and `evaluate` calls.
/// - Once a program has compiled, and before it runs, the host's `willRun(writes:)` is told
///   whether it may change data; an error it throws is the program's runtime error.
/// - `run`/`evaluate` clear `interrupt` when they start; setting it (from a SIGINT handler)
///   stops the program at the next loop iteration or call with the error "interrupted".
/// - Not thread-safe: use one interpreter from one thread at a time. Runs need no particular
///   stack size: deep nesting and recursion end in errors, measured against the thread's stack.
public final class Interpreter {
    let vm: VM

    /// The language of messages; may change between runs.
    public var lang: Lang {
        get { vm.lang }
        set { vm.lang = newValue }
    }

    /// The value of the last REPL entry that had one (an expression), for `_`-style reuse.
    public private(set) var lastValue: Value?

    /// Every source run so far, for `DiagnosticRenderer` to quote lines from.
    public var sources: [SourceText] { vm.sources }

    /// How large texts and lists may grow (`Limits`); may change between runs.
    public var limits: Limits {
        get { vm.limits }
        set { vm.limits = newValue }
    }

    /// The clock behind `today()`; replace it for reproducible tests.
    public var today: () -> CalendarDate {
        get { vm.today }
        set { vm.today = newValue }
    }

    public init(host: Host?, lang: Lang, output: @escaping (String) -> Void, interrupt: InterruptFlag = InterruptFlag()) {
        vm = VM(host: host, lang: lang, output: output, interrupt: interrupt, today: Interpreter.systemToday)
    }

    /// Runs a whole script. Returns the value of its last statement when that is an
    /// expression, else null. `showingValues`: every top-level expression statement's value
    /// that is not null goes to `show` as it is computed (`danvan run`, `eval`, piped input),
    /// the way a REPL shows an entry's value.
    @discardableResult
    public func run(_ source: SourceText, showingValues: Bool = false) throws(LangError) -> Value {
        try execute(source, isREPL: false, showsValues: showingValues) ?? .null
    }

    /// Runs one REPL entry: the value of a final expression statement, nil for statements.
    /// Top-level names may be declared again (`let x = 1` then `let x = 2`). A call such as
    /// `print(x)` is an expression whose value is null: a REPL should not echo a null result.
    /// A query's value is a list of rows or records: `Value.columns(of:)` and `Value.field(_:)`
    /// give its columns in order and its cells.
    public func evaluate(_ source: SourceText) throws(LangError) -> Value? {
        let value = try execute(source, isREPL: true)
        if let value { lastValue = value }
        return value
    }

    /// Binds the global `name` to `value`, as a top-level `let` would: how a REPL gives `_`
    /// the last value. False when the session has no global slot left.
    @discardableResult
    public func setGlobal(_ name: String, _ value: Value) -> Bool {
        guard let index = vm.globalSlot(name) else { return false }
        vm.slot(index).define(value)
        return true
    }

    /// The value of the global `name` (a top-level `let` or `fn` that has run), else nil:
    /// what completion looks at to offer `m.`'s columns when `m` holds a row.
    public func global(_ name: String) -> Value? {
        guard let index = vm.globalIndex[name], vm.globalDefined[index] else { return nil }
        return vm.globals[index]
    }

    /// Every name a completion may offer: globals, built-ins and host tables, sorted. (Host
    /// functions are the host's to list: `Host.functionNames`.)
    public func globalNames() -> [String] {
        var names = Set(vm.globalNames.enumerated().filter { vm.globalDefined[$0.offset] }.map(\.element))
        names.formUnion(vm.builtins.keys)
        names.formUnion(vm.host?.tableNames ?? [])
        return names.sorted()
    }

    /// What each pipeline over a table in `source` would do, without running anything: the
    /// host's account of its plan (`:explain`). Variables the plans read are shown with their
    /// current value when they are globals, else as unknown.
    public func explain(_ source: SourceText) throws(LangError) -> [String] {
        let (statements, parseDiagnostics) = Parser.parse(source)
        vm.sources.append(source)
        if !parseDiagnostics.isEmpty { throw LangError(parseDiagnostics) }
        let compiler = Compiler(vm: vm, source: source, sourceIndex: Int32(vm.sources.count - 1), allowRedeclare: true)
        _ = compiler.compileProgram(statements, keepLastValue: true)
        if !compiler.diagnostics.isEmpty { throw LangError(compiler.diagnostics) }
        guard let host = vm.host else { return [] }
        return compiler.plans.map { compiled in
            let values: [Value?] = compiled.plan.parameters.map { name in
                guard let index = vm.globalIndex[name], vm.globalDefined[index] else { return nil }
                return vm.globals[index]
            }
            return host.explain(compiled.plan, parameters: values, lang: vm.lang)
        }
    }

    /// Renders an error of this interpreter in its language.
    public func render(_ error: LangError) -> String {
        DiagnosticRenderer.render(error.diagnostics, sources: vm.sources, lang: vm.lang)
    }

    func execute(_ source: SourceText, isREPL: Bool, showsValues: Bool = false) throws(LangError) -> Value? {
        // One look at the thread's stack for the parser, the compiler and the run.
        let stackGuard = StackGuard.forCurrentThread()
        let (statements, parseDiagnostics) = Parser.parse(source, stackGuard: stackGuard)
        let sourceIndex = Int32(vm.sources.count)
        vm.sources.append(source)
        if !parseDiagnostics.isEmpty { throw LangError(parseDiagnostics) }
        let compiler = Compiler(vm: vm, source: source, sourceIndex: sourceIndex, allowRedeclare: isREPL,
                                stackGuard: stackGuard)
        compiler.showsValues = showsValues
        let (proto, hasValue) = compiler.compileProgram(statements, keepLastValue: true)
        if !compiler.diagnostics.isEmpty { throw LangError(compiler.diagnostics) }
        vm.interrupt.clear()
        vm.stackGuard = stackGuard
        let limitsToken = Limits.enter(vm.limits, interrupt: vm.interruptOwner)
        defer { Limits.leave(limitsToken) }
        let main = Function(proto: proto, captures: [])
        let start = Span(source: sourceIndex, offset: 0)
        defer { vm.clearStack() }
        do {
            // The host learns whether the program may write before it reads anything.
            if let host = vm.host {
                let writes = vm.mayWrite(proto)
                try vm.host(start, failure: WriteMessages.cannotStart) { try host.willRun(writes: writes) }
            }
            let base = try vm.enter(main, argumentCount: 0, at: start)
            defer { vm.leave(base, main) }
            var frame = Frame(base: base,
                              cells: proto.cellCount == 0 ? nil : ContiguousArray(repeating: vm.placeholderCell, count: proto.cellCount),
                              function: main, vm: vm)
            _ = try proto.body(&frame)
            return hasValue ? frame.result : nil
        } catch let error as RuntimeError {
            vm.depth = 0
            // Every place that stops on the flag says "interrupted"; a watchdog's limit says which.
            if error.message.template == RuntimeMessages.interrupted {
                switch vm.interrupt.reason {
                case .timeout(let seconds): error.message = Message(RuntimeMessages.timedOut, [.plain(String(seconds))])
                case .memory(let megabytes): error.message = Message(RuntimeMessages.memoryLimit, [.plain(String(megabytes))])
                case .none, .user: break
                }
            }
            throw LangError([diagnostic(for: error)])
        } catch {
            vm.depth = 0
            throw LangError([Diagnostic(kind: .runtime, location: SourceLocation(file: source.name, line: 1, column: 1),
                                        message: Message(RuntimeMessages.hostError, [.plain(String(describing: error))]))])
        }
    }

    func location(_ span: Span?) -> SourceLocation {
        guard let span, Int(span.source) < vm.sources.count else { return SourceLocation(file: "?", line: 1, column: 1) }
        return vm.sources[Int(span.source)].location(of: Int(span.offset))
    }

    func diagnostic(for error: RuntimeError) -> Diagnostic {
        var frames: [CallFrame] = []
        if !error.frames.isEmpty {
            frames = error.frames.map { CallFrame(function: $0.name, location: location($0.span)) }
            frames.append(CallFrame(function: nil, location: location(error.current)))
        }
        return Diagnostic(kind: .runtime, location: location(error.span), message: error.message, frames: frames)
    }

    static func systemToday() -> CalendarDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? CalendarDate(dayNumber: Int64(now) / 86_400)
    }
}
