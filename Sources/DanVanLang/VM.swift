// The runtime's state: the value stack that holds every call's slots, the global slots, the
// call depth, and the ways out (output, host, interrupt). Compiled closures reach it through
// `Frame.vm`. Both stacks are fixed blocks allocated once, so a slot address never changes
// while a program runs and reading one costs a pointer offset, not a lookup. The blocks are
// reserved, not filled: a slot is initialised when a call first reaches it (the stack) or its
// name is first bound (the globals), so the pages a short run never uses are never touched
// (filling all 265,536 slots up front wrote 6 MB, some 1,600 pages, at every start).
import VietText

final class VM {
    /// Slots for every active call. 200,000 slots (about 5 MB) hold 10,000 nested calls of a
    /// function with 20 locals.
    static let stackCapacity = 200_000
    /// Deepest call nesting before "stack overflow"; the native stack is also checked.
    static let maxCallDepth = 10_000
    /// Global names per session; each has a fixed slot for the whole session.
    static let globalCapacity = 65_536

    let stack: UnsafeMutablePointer<Value>
    @exclusivity(unchecked) var top = 0
    /// The highest `top` since the stack was last cleared. Slots above `top` keep the values
    /// of finished calls (never read: every slot is written before it is read) until
    /// `clearStack` runs at the end of each program, so returning from a call costs nothing.
    @exclusivity(unchecked) var highWater = 0
    /// Slots below this hold a value (`.null` at least); the rest of the block is raw memory,
    /// initialised by `initializeStack(upTo:)` when a call first needs it.
    @exclusivity(unchecked) var initialized = 0
    /// How many slots `initializeStack` readies at least at a time: a deep recursion pays
    /// for it once every 4,096 slots, not on every call.
    static let stackGrowth = 4096
    @exclusivity(unchecked) var depth = 0

    let globals: UnsafeMutablePointer<Value>
    var globalNames: [String] = []
    var globalIndex: [String: Int] = [:]
    /// False until the global's `let` or `fn` has run (reading it before is an error).
    let globalDefined: UnsafeMutablePointer<Bool>

    /// Unowned: the interpreter keeps the flag; reading it costs no reference count.
    unowned(unsafe) let interrupt: InterruptFlag
    let interruptOwner: InterruptFlag
    var stackGuard = StackGuard(limit: 0)
    let output: (String) -> Void
    let host: Host?
    var lang: Lang
    /// Every source compiled in this session, indexed by `Span.source`.
    var sources: [SourceText] = []
    let builtins: [String: Function]
    var today: () -> CalendarDate
    /// The size ceilings of this session's runs (made the thread's while one runs).
    var limits = Limits.standard {
        didSet { maxListItems = limits.maxListItems }
    }
    /// `limits.maxListItems`, read by every `append` without copying `limits`.
    var maxListItems = Limits.standard.maxListItems

    /// The cell a boxed local holds before its `let` runs.
    let placeholderCell = Cell(.null)

    // Scripts and modules (Interpreter+Scripts.swift, Compiler+Scripts.swift).
    /// Where `show(v)` and a script's top-level values go; nil: printed as `print` would.
    var show: ((Value) throws -> Void)?
    /// The values of `param`s given by the embedder (`--set name=value`).
    var parameterValues: [String: Value] = [:]
    /// Reads the file an `import` names: (path as written, importing file's name) → its text,
    /// named so that the same file always gets the same name.
    var moduleLoader: ((String, String) throws -> SourceText)?
    /// Every file imported so far, by name: each is compiled and run once per session.
    var modules: [String: Module] = [:]
    /// The files being compiled, outermost first: an import of one of them is a cycle.
    var importing: [String] = []
    /// The global names an imported file defines, and which file.
    var moduleOwner: [String: String] = [:]

    init(host: Host?, lang: Lang, output: @escaping (String) -> Void, interrupt: InterruptFlag, today: @escaping () -> CalendarDate) {
        // Large blocks come from `mmap`, whose pages cost nothing until written.
        stack = .allocate(capacity: VM.stackCapacity)
        globals = .allocate(capacity: VM.globalCapacity)
        globalDefined = .allocate(capacity: VM.globalCapacity)
        self.host = host
        self.lang = lang
        self.output = output
        self.interrupt = interrupt
        self.interruptOwner = interrupt
        self.today = today
        self.builtins = Library.all()
    }

    deinit {
        // Slots at or above `highWater` hold `.null` (which owns nothing) or were never
        // initialised, and globals without a name were never initialised, so only the used
        // prefixes need releasing (walking all 265,536 slots cost about 2 ms at every exit).
        stack.deinitialize(count: highWater)
        stack.deallocate()
        globals.deinitialize(count: globalNames.count)
        globals.deallocate()
        globalDefined.deallocate()
    }

    /// The global slot of `name`, made if new; nil when the session has no slot left.
    func globalSlot(_ name: String) -> Int? {
        if let index = globalIndex[name] { return index }
        guard globalNames.count < VM.globalCapacity else { return nil }
        let index = globalNames.count
        (globals + index).initialize(to: .null)
        (globalDefined + index).initialize(to: false)
        globalNames.append(name)
        globalIndex[name] = index
        return index
    }

    /// Global `index`'s place, for compiled code to keep: the blocks never move.
    func slot(_ index: Int) -> GlobalSlot {
        GlobalSlot(value: globals + index, defined: globalDefined + index)
    }

    func checkInterrupt(_ span: Span) throws {
        if interrupt.isSet { throw RuntimeError(RuntimeMessages.interrupted, at: span) }
    }

    // MARK: calls

    /// Calls a function value with arguments already evaluated (built-ins calling back,
    /// pipelines). Compiled call sites use a faster path that evaluates straight into the slots.
    func call(_ callee: Value, _ arguments: [Value], at span: Span) throws -> Value {
        guard case .function(let function) = callee else {
            throw RuntimeError(RuntimeMessages.notCallable, [.localized(callee.typeName)], at: span)
        }
        return try call(function, arguments, at: span)
    }

    func call(_ function: Function, _ arguments: [Value], at span: Span) throws -> Value {
        let base = try enter(function, argumentCount: arguments.count, at: span)
        defer { leave(base, function) }
        for (position, argument) in arguments.enumerated() { base[position] = argument }
        return try run(function, base: base, at: span)
    }

    /// Reserves the callee's slots; throws on a wrong argument count or a too deep stack.
    @inline(__always)
    func enter(_ function: Function, argumentCount: Int, at span: Span) throws -> UnsafeMutablePointer<Value> {
        let size: Int
        if function.isScript {
            if argumentCount != function.arityCount { throw VM.arityError(function, argumentCount, span) }
            size = function.frameSize
        } else {
            size = argumentCount
        }
        let newTop = top &+ size
        if newTop > VM.stackCapacity || depth >= VM.maxCallDepth || !stackGuard.hasRoom() {
            throw VM.stackOverflowError(span)
        }
        if newTop > initialized { initializeStack(upTo: newTop) }
        let base = stack + top
        top = newTop
        if newTop > highWater { highWater = newTop }
        return base
    }

    /// Readies the slots up to `count` (and a few thousand beyond, up to the capacity) with `.null`.
    @inline(never)
    func initializeStack(upTo count: Int) {
        let end = min(VM.stackCapacity, max(count, initialized + VM.stackGrowth))
        (stack + initialized).initialize(repeating: .null, count: end - initialized)
        initialized = end
    }

    /// Releases what finished calls left in the stack slots.
    func clearStack() {
        stack.update(repeating: .null, count: highWater)
        highWater = 0
        top = 0
    }

    @inline(never)
    static func arityError(_ function: Function, _ count: Int, _ span: Span) -> RuntimeError {
        RuntimeError(RuntimeMessages.wrongArity,
                     [.plain(VM.displayName(function)), .plain(String(function.arityCount)), .plain(String(count))], at: span)
    }

    @inline(never)
    static func stackOverflowError(_ span: Span) -> RuntimeError {
        RuntimeError(RuntimeMessages.stackOverflow, at: span)
    }

    @inline(never)
    static func interruptedError(_ span: Span) -> RuntimeError {
        RuntimeError(RuntimeMessages.interrupted, at: span)
    }

    /// Gives back the slots reserved by `enter`.
    @inline(__always)
    func leave(_ base: UnsafeMutablePointer<Value>, _ function: Function) {
        top = base - stack
    }

    /// Runs a function whose arguments are in place at `base`.
    @inline(__always)
    func run(_ function: Function, base: UnsafeMutablePointer<Value>, at span: Span) throws -> Value {
        if function.isScript {
            if interrupt.isSet { throw VM.interruptedError(span) }
            depth &+= 1
            defer { depth &-= 1 }
            var frame = Frame(base: base, cells: nil, function: function, vm: self)
            if function.cellCount > 0 { makeCells(&frame, function) }
            do {
                _ = try function.body(&frame)
            } catch let error as RuntimeError {
                throw VM.passing(error, function, span)
            }
            return frame.result
        }
        return try runBuiltin(function, base: base, at: span)
    }

    @inline(never)
    func makeCells(_ frame: inout Frame, _ function: Function) {
        frame.cells = ContiguousArray(repeating: placeholderCell, count: function.cellCount)
        for (slot, cell) in function.proto?.boxedParameters ?? [] { frame.setCell(cell, Cell(frame.base[slot])) }
    }

    /// Adds a function's frame to an error unwinding through it.
    @inline(never)
    static func passing(_ error: RuntimeError, _ function: Function, _ span: Span) -> RuntimeError {
        error.frames.append((function.name, error.current ?? span))
        error.current = span
        return error
    }

    @inline(never)
    func runBuiltin(_ function: Function, base: UnsafeMutablePointer<Value>, at span: Span) throws -> Value {
        guard let builtin = function.builtin else { return .null }
        let count = top - (base - stack)
        guard builtin.arity.contains(count) else {
            throw RuntimeError(RuntimeMessages.builtinArity, [.plain(builtin.name), .plain(Builtin.describe(builtin.arity)), .plain(String(count))], at: span)
        }
        do {
            return try builtin.body(Arguments(base: base, count: count, name: builtin.name, vm: self, span: span))
        } catch let error as RuntimeError {
            throw error.located(span)
        }
    }

    static func displayName(_ function: Function) -> String {
        function.name.isEmpty ? "fn" : function.name
    }

    // MARK: host access

    /// Runs a host call, turning its errors into runtime errors: a `HostMessageError` is shown
    /// as it says itself, any other error with its text after `failure` ("the data could not
    /// be read: ...").
    func host<T>(_ span: Span, failure: Localized = RuntimeMessages.hostError, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RuntimeError {
            throw error.located(span)
        } catch is HostInterrupted {
            throw VM.interruptedError(span)
        } catch let error as HostMessageError {
            throw RuntimeError(RuntimeMessages.hostMessage, [.plain(error.message(lang))], at: span)
        } catch {
            throw RuntimeError(failure, [.plain(String(describing: error))], at: span)
        }
    }

    /// The items a pipeline or `for` reads from a list or a table; nil for other values.
    /// Calls `body` with each item of a list or row of a table (a batch of rows at a time:
    /// see `TableSource.forEachBatch`); false when the value is neither. Errors from `body`
    /// keep their own position.
    func forEachItem(_ value: Value, at span: Span, _ body: (Value) throws -> Void) throws -> Bool {
        switch value {
        case .list(let list):
            for item in list.items { try body(item) }
            return true
        case .table(let table):
            var failure: Error?
            do {
                try host(span) {
                    try table.forEachBatch { rows in
                        do {
                            for row in rows { try body(.row(row)) }
                        } catch {
                            failure = error
                            throw StopBatches()
                        }
                    }
                }
            } catch {
                // The host's own failure, unless the body stopped the reading.
                if failure == nil { throw error }
            }
            if let failure { throw failure }
            return true
        default:
            return false
        }
    }

    func sequence(_ value: Value, at span: Span) throws -> [Value]? {
        switch value {
        case .list(let list): return list.items
        case .table(let table):
            return try host(span) { try table.rows().map(Value.row) }
        default: return nil
        }
    }
}

/// Thrown out of `forEachBatch` to stop reading a table early (an error or `break` in the body).
struct StopBatches: Error {}

/// Where a global lives: its value and whether its `let` or `fn` has run, at addresses fixed
/// for the session. Compiled code keeps these pointers, so reading or writing a global costs
/// no reference count (reaching it through `frame.vm` retained and released the VM on every
/// access: 4 pairs a round of a loop on top-level variables).
struct GlobalSlot {
    let value: UnsafeMutablePointer<Value>
    let defined: UnsafeMutablePointer<Bool>

    /// Its value, or "used before its let" when it has none yet.
    @inline(__always)
    func read(_ name: String, _ at: Span) throws(RuntimeError) -> Value {
        let current = value.pointee
        if case .null = current, !defined.pointee { throw Compiler.usedBeforeLet(name, at) }
        return current
    }

    @inline(__always)
    func define(_ newValue: Value) {
        value.pointee = newValue
        defined.pointee = true
    }
}
