// What the REPL needs from the language, as a protocol: the engine is built and tested
// before the interpreter exists, and the executable wires the real one in with a thin
// adapter (Parser.completeness, Interpreter.evaluate, the lexer-based completer, the
// interpreter's InterruptFlag reset at the start of each evaluation).
import DanVanOutput
import VietText

/// Whether typed input forms a statement yet. The parser decides, from a typed
/// "unexpected end of input", never from an error's text (STYLE §9).
public enum InputCompleteness: Sendable, Equatable {
    case complete
    /// Unfinished: an open brace, bracket, parenthesis or string, or a trailing `|`.
    /// The REPL shows the continuation prompt and waits for more.
    case incomplete
    /// Wrong before its end: evaluate it anyway, to report the error.
    case invalid
}

/// Where evaluated text came from, for the file and line in diagnostics.
public enum SourceOrigin: Sendable, Equatable {
    /// The Nth statement typed at the prompt.
    case prompt(statement: Int)
    /// Lines of a script: piped stdin ("<stdin>") or a `:load`ed file, starting at `firstLine`.
    case script(name: String, firstLine: Int)
}

public enum EvalResult: Sendable, Equatable {
    /// An expression's value (the adapter also binds it to `_`).
    case value(DisplayValue)
    /// A statement without a value (`let`, `fn`, `print(…)`).
    case nothing
    /// Diagnostics, already rendered (`file:line:col: error: …`, source line, caret), in the
    /// request's language.
    case error(String)
    /// Stopped by Ctrl-C (the interpreter's flag, raised by the SIGINT hook).
    case interrupted
}

/// One evaluation.
public struct EvalRequest {
    public var text: String
    public var origin: SourceOrigin
    public var lang: Lang
    /// Where `print` writes, immediately (a long loop's output appears as it runs). The
    /// engine routes it to the screen or to the `:output` file.
    public var write: (String) -> Void
    /// The session's `:mode`, for what `show(v)` writes.
    public var mode: OutputMode

    public init(text: String, origin: SourceOrigin, lang: Lang, mode: OutputMode = .table,
                write: @escaping (String) -> Void) {
        self.text = text
        self.origin = origin
        self.lang = lang
        self.mode = mode
        self.write = write
    }
}

/// Tab's answer: the range of the line (in `Character`s) the items replace, and the items.
/// The executable converts it to LineEditor's `Completion`.
public struct CompletionList: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        /// What replaces the range ("models ", "data/units.csv").
        public var text: String
        /// How it is listed ("models", "units.csv").
        public var display: String

        public init(_ text: String, display: String? = nil) {
            self.text = text
            self.display = display ?? text
        }
    }

    public var range: Range<Int>
    public var items: [Item]
    /// List at most this many (the rest are counted in a note); nil: the line editor's own
    /// limit. All items still count for the common prefix Tab inserts.
    public var listLimit: Int?

    public init(range: Range<Int>, items: [Item], listLimit: Int? = nil) {
        self.range = range
        self.items = items
        self.listLimit = listLimit
    }

    public static let empty = CompletionList(range: 0..<0, items: [])
}

public protocol Evaluator: AnyObject {
    func completeness(of text: String) -> InputCompleteness
    func evaluate(_ request: EvalRequest) -> EvalResult
    /// Completions from the language (keywords, names in scope, tables, columns, values)
    /// for `line` with the cursor after `cursor` characters.
    func completions(line: String, cursor: Int) -> CompletionList
    /// Names defined at the top level (variables, functions), for `:help` and completion.
    var globalNames: [String] { get }
    /// Help on a built-in or a language topic, or nil when the topic is not the language's.
    func help(topic: String, lang: Lang) -> String?
    /// The topics `help(topic:lang:)` knows, for completing `:help`.
    var helpTopics: [String] { get }
    /// What the pipelines in `text` would do (`:explain`), without running them: the plan
    /// text, or an error already rendered.
    func explain(_ text: String, lang: Lang) -> EvalResult
}

extension Evaluator {
    public func explain(_ text: String, lang: Lang) -> EvalResult { .nothing }
}
