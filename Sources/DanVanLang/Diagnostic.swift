// Diagnostics as data: what went wrong, where, in both languages. The parser, the compiler
// and the runtime all produce `Diagnostic`s; `DiagnosticRenderer` is the one place that turns
// them into text. Messages are `Localized` constants kept beside the code that emits them.
import VietText

/// One argument of a message: plain text (a name, a number) or a word that is itself
/// translated (a type name such as "text" / "văn bản").
public enum MessageArg: Sendable, Hashable, ExpressibleByStringLiteral {
    case plain(String)
    case localized(Localized)
    /// A translated phrase with its own placeholders filled: "'{0}' is not a number".
    case phrase(Localized, [String])

    public init(stringLiteral value: String) { self = .plain(value) }

    func text(_ lang: Lang) -> String {
        switch self {
        case .plain(let text): return text
        case .localized(let text): return lang == .vi ? text.vi : text.en
        case .phrase(let text, let args): return text.format(lang, args)
        }
    }
}

/// A message with its arguments, rendered in either language on demand.
public struct Message: Sendable, Hashable {
    public let template: Localized
    public let args: [MessageArg]
    /// An optional tail such as "did you mean 'year'?".
    public let hint: Localized?
    public let hintArgs: [MessageArg]

    public init(_ template: Localized, _ args: [MessageArg] = [], hint: Localized? = nil, hintArgs: [MessageArg] = []) {
        self.template = template
        self.args = args
        self.hint = hint
        self.hintArgs = hintArgs
    }

    public func text(_ lang: Lang) -> String {
        var out = template.format(lang, args.map { $0.text(lang) })
        if let hint {
            out += " (" + hint.format(lang, hintArgs.map { $0.text(lang) }) + ")"
        }
        return out
    }
}

/// One entry of a runtime error's call trace: the function and where it was when the error
/// passed through it.
public struct CallFrame: Sendable, Hashable {
    /// The function's name; nil for the top level of a script or REPL entry, "" for an
    /// anonymous function.
    public let function: String?
    public let location: SourceLocation
}

public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable { case error, warning, note }

    /// What kind of problem, where a tool must tell them apart without reading text.
    public enum Kind: Sendable, Hashable {
        /// The input stopped in the middle of a construct: an open bracket or string, a
        /// trailing `|` or operator. The REPL reads another line when only these occur.
        case unexpectedEnd
        case syntax
        case compile
        case runtime
    }

    public let severity: Severity
    public let kind: Kind
    public let location: SourceLocation
    public let message: Message
    /// For runtime errors: the functions the error passed through, innermost first.
    public let frames: [CallFrame]

    public init(severity: Severity = .error, kind: Kind, location: SourceLocation, message: Message, frames: [CallFrame] = []) {
        self.severity = severity
        self.kind = kind
        self.location = location
        self.message = message
        self.frames = frames
    }

    /// The message in `lang`, without the position.
    public func text(_ lang: Lang) -> String { message.text(lang) }
}

/// What `Interpreter.run` and `evaluate` throw: every diagnostic of a failed parse or compile,
/// or the one runtime error with its call frames.
public struct LangError: Error, Sendable {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// True when the error happened while running (not while reading the program).
    public var isRuntime: Bool { diagnostics.contains { $0.kind == .runtime } }
}
