// A runtime error while it travels up the native stack: the message, where it happened, and
// the functions it has passed through. Built-ins throw it without a position; the call site
// that invoked them adds its own. A class, so that every closure that can throw carries one
// pointer rather than reserving stack room for the whole error (which made each native frame
// of a call several hundred bytes larger). Confined to the thread that runs the program.
import VietText

final class RuntimeError: Error, @unchecked Sendable {
    var message: Message
    /// Where in the innermost code the error happened.
    var span: Span?
    /// Functions passed through, innermost first: the function's name and where it was.
    var frames: [(name: String?, span: Span)] = []
    /// The position in the function currently being unwound (starts as `span`).
    var current: Span?

    init(_ message: Message, at span: Span? = nil) {
        self.message = message
        self.span = span
        self.current = span
    }

    convenience init(_ template: Localized, _ args: [MessageArg] = [], at span: Span? = nil) {
        self.init(Message(template, args), at: span)
    }

    /// Gives a position to an error that has none yet (thrown by a built-in).
    func located(_ span: Span) -> RuntimeError {
        if self.span == nil {
            self.span = span
            current = span
        }
        return self
    }
}

/// How a statement ended: on to the next one, or leaving a loop or function.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned
}

/// The state of one running call, passed `inout` to every compiled closure.
struct Frame {
    /// The call's slots on the VM's value stack: parameters first, then locals.
    let base: UnsafeMutablePointer<Value>
    /// The call's locals that closures capture; nil (no reference to count) when it has none.
    var cells: ContiguousArray<Cell>?
    /// The running function, whose `captures` hold the variables it captured when made.
    /// Unowned: the call that made this frame keeps the function alive.
    unowned(unsafe) let function: Function
    unowned(unsafe) let vm: VM
    /// Set by `return`.
    var result: Value = .null
}

typealias Eval = (inout Frame) throws -> Value
typealias EvalBool = (inout Frame) throws -> Bool
typealias Exec = (inout Frame) throws -> Flow

/// A compiled expression kept in an array. Swift stores a bare closure in an array at its
/// most general representation and wraps it in a conversion thunk on every call; inside a
/// struct field it keeps its own representation.
struct Code {
    let eval: Eval
}

/// A compiled statement kept in an array (see `Code`).
struct Step {
    let exec: Exec
}

extension Frame {
    var captures: ContiguousArray<Cell> { function.captures }

    /// The cell of a captured local. The compiler only emits cell indexes below the
    /// function's cell count, so the fallback is never used.
    @inline(__always)
    func cell(_ index: Int) -> Cell { cells?[index] ?? vm.placeholderCell }

    @inline(__always)
    mutating func setCell(_ index: Int, _ cell: Cell) { cells?[index] = cell }
}
