// Built-in functions are registered from tables (Lua's `luaL_Reg`): each library file lists
// its functions with their arity and body, and `Library.all` joins the lists. A built-in
// never traps: a wrong argument throws `bad argument #1 to 'round' (number expected, got text)`.
import VietText

struct Builtin: Sendable {
    let name: String
    let arity: ClosedRange<Int>
    let body: @Sendable (Arguments) throws -> Value
    /// True for a host function that changes data, held as a value (`VM.mayWrite`).
    let writes: Bool

    init(_ name: String, _ arity: ClosedRange<Int>, writes: Bool = false,
         _ body: @escaping @Sendable (Arguments) throws -> Value) {
        self.name = name
        self.arity = arity
        self.writes = writes
        self.body = body
    }

    static func describe(_ arity: ClosedRange<Int>) -> String {
        if arity.lowerBound == arity.upperBound { return String(arity.lowerBound) }
        if arity.upperBound >= Int.max / 2 { return "\(arity.lowerBound)+" }
        return "\(arity.lowerBound)–\(arity.upperBound)"
    }
}

/// The arguments of one built-in call, read in place on the value stack, with the projections
/// that throw Lua-style argument errors.
struct Arguments {
    let base: UnsafeMutablePointer<Value>
    let count: Int
    let name: String
    unowned(unsafe) let vm: VM
    let span: Span

    subscript(_ position: Int) -> Value {
        position < count ? base[position] : .null
    }

    var all: [Value] { (0..<count).map { base[$0] } }

    func bad(_ position: Int, expected: Localized) -> RuntimeError {
        RuntimeError(RuntimeMessages.badArgument,
                     [.plain(String(position + 1)), .plain(name), .localized(expected), .localized(self[position].typeName)])
    }

    func bad(_ position: Int, because reason: Localized, _ args: [String] = []) -> RuntimeError {
        RuntimeError(RuntimeMessages.badArgumentWhy,
                     [.plain(String(position + 1)), .plain(name), .phrase(reason, args)])
    }

    func text(_ position: Int) throws -> String {
        if case .text(let text) = self[position] { return text }
        throw bad(position, expected: TypeNames.text)
    }

    func int(_ position: Int) throws -> Int64 {
        switch self[position] {
        case .int(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 9.2e18: return Int64(value)
        default: throw bad(position, expected: TypeNames.int)
        }
    }

    func number(_ position: Int) throws -> Value {
        switch self[position] {
        case .int, .double: return self[position]
        default: throw bad(position, expected: TypeNames.number)
        }
    }

    func double(_ position: Int) throws -> Double {
        switch self[position] {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: throw bad(position, expected: TypeNames.number)
        }
    }

    func list(_ position: Int) throws -> ValueList {
        if case .list(let list) = self[position] { return list }
        throw bad(position, expected: TypeNames.list)
    }

    /// The items of a list or the rows of a table.
    /// How many rows the table or items at `position` has: a host table is counted by the
    /// host (one `count(*)`), without reading its rows.
    func count(_ position: Int) throws -> Int64 {
        if case .table(let table) = self[position], let host = vm.host {
            let plan = QueryPlan(table: table.name, steps: [PlanStage(step: .count, stages: 1, text: "count")],
                                 leftOver: [], parameters: [], text: table.name + " | count")
            if let answer = try vm.host(span, { try host.answer(plan, parameters: []) }), case .int(let count) = answer.value {
                return count
            }
        }
        return Int64(try items(position).count)
    }

    func items(_ position: Int) throws -> [Value] {
        if let items = try vm.sequence(self[position], at: span) { return items }
        throw bad(position, expected: TypeNames.list)
    }

    func date(_ position: Int) throws -> CalendarDate {
        if case .date(let date) = self[position] { return date }
        throw bad(position, expected: TypeNames.date)
    }

    func function(_ position: Int) throws -> Function {
        if case .function(let function) = self[position] { return function }
        throw bad(position, expected: TypeNames.function)
    }

    /// Calls a function argument with one or more values.
    func call(_ function: Function, _ values: Value...) throws -> Value {
        try vm.call(function, values, at: span)
    }
}

enum Library {
    /// Every library, in the order their names are listed for completion.
    static let libraries: [[Builtin]] = [
        CoreLibrary.functions, TextLibrary.functions, NumberLibrary.functions,
        DateLibrary.functions, ListLibrary.functions, QueryLibrary.functions, FormatLibrary.functions,
        TableLibrary.functions, ScriptLibrary.functions,
    ]

    static func all() -> [String: Function] {
        var table: [String: Function] = [:]
        for library in libraries {
            for builtin in library { table[builtin.name] = Function(builtin: builtin) }
        }
        return table
    }

    /// Every built-in name, for completion and documentation checks.
    static var names: [String] { libraries.flatMap { $0.map(\.name) } }
}
