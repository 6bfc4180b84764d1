// The compiler: resolves every name to a slot before anything runs, and turns the syntax tree
// into Swift closures (a closure-compiled tree: one indirect call per node, no lookups by
// string, no allocation per operation). Locals live in the call's slots on the VM stack by
// index; a local that a nested function uses lives in a `Cell` instead (found by a syntactic
// pre-scan of the nested functions' names); globals live in fixed global slots.
//
// Inside a pipeline stage the current item is a hidden local (also called `it`); a bare name
// there looks first at the item's columns (through a per-site cache keyed by the row schema
// or record shape), then at outer stages' items, then at the variable in scope.
import VietText

final class Compiler {
    let vm: VM
    let source: SourceText
    let sourceIndex: Int32
    /// REPL entries may `let` a global again; scripts may not.
    let allowRedeclare: Bool
    var diagnostics: [Diagnostic] = []
    var function: FunctionState
    var serial = 0
    let stackGuard: StackGuard
    /// The plans of the pipelines compiled so far, in source order, for `:explain`.
    var plans: [CompiledPlan] = []
    /// Compiling a file that another imports: its top-level values are not shown and it
    /// may not declare parameters (Compiler+Scripts.swift).
    var isModule = false
    /// Hand each top-level expression statement's value to the `show` hook (`danvan run`).
    var showsValues = false
    /// The program's parameters by name, once checked.
    var parameterTable: [String: ScriptParameter] = [:]
    /// The file each top-level `import` brings in, by the statement's first byte; absent
    /// when the import failed (and was reported).
    var importedModules: [Int: Module] = [:]

    init(vm: VM, source: SourceText, sourceIndex: Int32, allowRedeclare: Bool,
         stackGuard: StackGuard = StackGuard.forCurrentThread()) {
        self.vm = vm
        self.source = source
        self.sourceIndex = sourceIndex
        self.allowRedeclare = allowRedeclare
        self.function = FunctionState(parent: nil, isTopLevel: true, name: nil)
        self.stackGuard = stackGuard
    }

    func span(_ range: SourceRange) -> Span { Span(source: sourceIndex, offset: Int32(clamping: range.start)) }

    func error(_ range: SourceRange, _ message: Message) {
        diagnostics.append(Diagnostic(kind: .compile, location: source.location(of: range.start), message: message))
    }

    func error(_ range: SourceRange, _ template: Localized, _ args: [MessageArg] = []) {
        error(range, Message(template, args))
    }

    // MARK: the program

    /// Compiles a whole program (script or REPL entry) into the main function. When
    /// `keepLastValue`, a final expression statement leaves its value as the result.
    func compileProgram(_ statements: [Stmt], keepLastValue: Bool, name: String = "") -> (proto: Proto, hasValue: Bool) {
        // Imported files first: their names are globals the program's own code may use.
        prepareScript(statements)
        // Top-level names are known before any body is compiled, so functions can call
        // functions declared further down and use globals set later.
        for statement in statements {
            switch statement.kind {
            case .let(let name, let range, _):
                declare(global: name, range: range)
            case .param(let declaration):
                declare(global: declaration.name, range: declaration.nameRange)
            case .function(let declaration):
                if let name = declaration.name { declare(global: name, range: declaration.range) }
            default: break
            }
        }
        let scan = CaptureScan.scan(statements)
        function.captured = scan.names
        function.stageItemsCaptured = scan.lambdaInStage
        var execs: [Step] = []
        var hasValue = false
        for (position, statement) in statements.enumerated() {
            statementStart = statement.range.start
            statementRange = statement.range
            let keeps = keepLastValue && position == statements.count - 1
            if keeps || showsValues, case .expression(let expr) = statement.kind {
                execs.append(Step(exec: compileTopLevelValue(expr, keep: keeps)))
                hasValue = hasValue || keeps
            } else {
                execs.append(Step(exec: compile(statement)))
            }
        }
        let proto = Proto(name: name, arity: 0, span: span(statements.first?.range ?? SourceRange(start: 0, end: 0)))
        proto.body = Compiler.sequence(execs)
        proto.frameSize = function.maxSlot
        proto.cellCount = function.maxCell
        function.record(in: proto)
        return (proto, hasValue)
    }

    /// Names declared by `let` at the top of the program being compiled (for redeclaration).
    var declaredInThisProgram: Set<String> = []
    /// Where each of them is declared, and where the top-level statement being compiled
    /// starts: a stage in top-level code sees a global declared further down as not yet a
    /// variable (Query/StageNames.swift).
    var globalDeclaredAt: [String: Int] = [:]
    var statementStart = Int.max
    /// The innermost statement being compiled: where a write comes from (`WriteSite`).
    var statementRange = SourceRange(start: 0, end: 0)

    func declare(global name: String, range: SourceRange) {
        if !allowRedeclare && declaredInThisProgram.contains(name) {
            error(range, CompileMessages.alreadyDeclared, [.plain(name)])
        }
        if !allowRedeclare, let owner = vm.moduleOwner[name], owner != source.name {
            error(range, ScriptMessages.importedTwice, [.plain(name), .plain(owner)])
        }
        declaredInThisProgram.insert(name)
        globalDeclaredAt[name] = min(globalDeclaredAt[name] ?? Int.max, range.start)
        if vm.globalSlot(name) == nil {
            error(range, CompileMessages.tooManyGlobals, [.plain(String(VM.globalCapacity))])
        }
    }

    static func sequence(_ execs: [Step]) -> Exec {
        switch execs.count {
        case 0: return { _ in .normal }
        case 1: return execs[0].exec
        case 2:
            let first = execs[0].exec, second = execs[1].exec
            return { frame in
                let flow = try first(&frame)
                if case .normal = flow { return try second(&frame) }
                return flow
            }
        case 3:
            let first = execs[0].exec, second = execs[1].exec, third = execs[2].exec
            return { frame in
                var flow = try first(&frame)
                guard case .normal = flow else { return flow }
                flow = try second(&frame)
                guard case .normal = flow else { return flow }
                return try third(&frame)
            }
        default:
            return { frame in
                for step in execs {
                    let flow = try step.exec(&frame)
                    if case .normal = flow { continue }
                    return flow
                }
                return .normal
            }
        }
    }

    // MARK: scopes

    func beginScope() { function.scopes.append([:]); function.scopeMarks.append((function.nextSlot, function.nextCell)) }

    func endScope() {
        function.scopes.removeLast()
        if let (slot, cell) = function.scopeMarks.popLast() {
            function.nextSlot = slot
            function.nextCell = cell
        }
    }

    /// Declares a local in the innermost scope: a cell when a nested function may use it.
    func declareLocal(_ name: String, range: SourceRange?, forceCell: Bool = false) -> LocalRef {
        if let range, function.scopes[function.scopes.count - 1][name] != nil {
            error(range, CompileMessages.alreadyDeclared, [.plain(name)])
        }
        let ref: LocalRef
        if forceCell || function.captured.contains(name) {
            ref = .cell(function.nextCell)
            function.nextCell += 1
            function.maxCell = max(function.maxCell, function.nextCell)
        } else {
            ref = .slot(function.nextSlot)
            function.nextSlot += 1
            function.maxSlot = max(function.maxSlot, function.nextSlot)
        }
        serial += 1
        function.scopes[function.scopes.count - 1][name] = Local(ref: ref, serial: serial)
        return ref
    }

    /// Is this the top-level scope of the program, where `let` makes a global?
    var atGlobalScope: Bool { function.isTopLevel && function.scopes.count == 1 }

    // MARK: resolution

    enum Resolved {
        case local(LocalRef, serial: Int)
        case capture(Int)
        case global(Int)
        case builtin(Function)
        /// A function the host adds (`merge_units`), called with positional or labelled arguments.
        case hostFunction(HostFunction)
        case table(TableSource)
        case unknown
    }

    func resolve(_ name: String) -> Resolved {
        if let local = function.lookup(name) { return .local(local.ref, serial: local.serial) }
        if let index = captureIndex(name, in: function) { return .capture(index) }
        if let index = vm.globalIndex[name] { return .global(index) }
        if let builtin = vm.builtins[name] { return .builtin(builtin) }
        if let hostFunction = vm.host?.function(named: name) { return .hostFunction(hostFunction) }
        if let table = vm.host?.table(named: name) { return .table(table) }
        return .unknown
    }

    /// The capture index of `name` in `state`, adding captures through every enclosing
    /// function between the declaration and the use; nil when no enclosing function has it.
    func captureIndex(_ name: String, in state: FunctionState) -> Int? {
        if let index = state.captureIndex[name] { return index }
        guard let parent = state.parent else { return nil }
        let origin: CaptureOrigin
        if let local = parent.lookup(name) {
            guard case .cell(let cell) = local.ref else { return nil }
            origin = .cell(cell)
        } else if let index = captureIndex(name, in: parent) {
            origin = .capture(index)
        } else {
            return nil
        }
        let index = state.captureOrigins.count
        state.captureOrigins.append(origin)
        state.captureIndex[name] = index
        return index
    }

    /// Every name visible here, for "did you mean".
    func visibleNames() -> [String] {
        var names: [String] = []
        var state: FunctionState? = function
        while let current = state {
            for scope in current.scopes { names.append(contentsOf: scope.keys) }
            state = current.parent
        }
        names.append(contentsOf: vm.globalNames)
        names.append(contentsOf: vm.builtins.keys)
        names.append(contentsOf: vm.host?.functionNames ?? [])
        names.append(contentsOf: vm.host?.tableNames ?? [])
        return names
    }
}

/// Where a local lives in its call.
enum LocalRef {
    case slot(Int)
    case cell(Int)
}

/// Where a closure's captured variable comes from when the closure is made.
enum CaptureOrigin {
    case cell(Int)
    case capture(Int)
}

struct Local {
    let ref: LocalRef
    /// Order of declaration, to tell locals declared inside a stage from those outside it.
    let serial: Int
}

/// A pipeline stage being compiled: the hidden local that holds the current item.
struct StageContext {
    let hiddenName: String
    /// Locals declared after this serial are inside the stage.
    let serial: Int
    /// What the stage's items are, when the compiler knows (Query/StageNames.swift).
    let shape: ItemShape
}

/// The compiler's state for one function being compiled.
final class FunctionState {
    let parent: FunctionState?
    let isTopLevel: Bool
    let name: String?
    var scopes: [[String: Local]] = [[:]]
    var scopeMarks: [(Int, Int)] = []
    var nextSlot = 0, maxSlot = 0
    var nextCell = 0, maxCell = 0
    /// Names that nested functions use: locals with these names live in cells.
    var captured: Set<String> = []
    /// True when a function is written inside a stage: stage items then live in cells too.
    var stageItemsCaptured = false
    var captureOrigins: [CaptureOrigin] = []
    var captureIndex: [String: Int] = [:]
    var loopDepth = 0
    var stages: [StageContext] = []
    /// Bare names met in stages whose items' shape is unknown at compile time, checked once
    /// per stage when it runs (Query/StageNames.swift).
    var dynamicNames: [DynamicStageName] = []
    /// What may make a run of this function write (`Proto.writes`, `VM.mayWrite`): its own
    /// writes, the globals it reads (whose values may be functions that write), the
    /// functions written inside it.
    var writes = false
    var globalsRead: Set<Int> = []
    var nested: [Proto] = []

    init(parent: FunctionState?, isTopLevel: Bool, name: String?) {
        self.parent = parent
        self.isTopLevel = isTopLevel
        self.name = name
    }

    func lookup(_ name: String) -> Local? {
        for scope in scopes.reversed() {
            if let local = scope[name] { return local }
        }
        return nil
    }

    /// Keeps on `proto` what `VM.mayWrite` needs to know of this function's body.
    func record(in proto: Proto) {
        proto.writes = writes
        proto.globalsRead = globalsRead.sorted()
        proto.nested = nested
    }
}
