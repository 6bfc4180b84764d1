// The REPL's Evaluator over the real language: the parser says whether input is complete,
// the Interpreter runs each entry against the host (the database, through DanVanDomain), the
// value is turned into something the engine can show (ValueDisplay), and `_` holds the last
// value. Completion is in LanguageEvaluator+Completion.swift, help on built-ins in
// BuiltinHelp.swift.
//
// Ctrl-C: the executable routes SIGINT to `interrupt` (the flag this interpreter polls), so a
// `while true {}` stops at its next loop iteration and the session goes on.
import DanVanDomain
import DanVanLang
import DanVanOutput
import VietText

public final class LanguageEvaluator: Evaluator {
    public let interpreter: Interpreter
    let host: (any Host)?
    let interrupt: InterruptFlag
    /// Run before each entry: the domain host drops its row caches here, so an entry sees
    /// the database as it is now.
    private let beforeEvaluate: () -> Void
    /// Where the entry being run prints; replaced for each request (`print` goes straight
    /// to the screen or the `:output` file while a long loop runs).
    private let route: OutputRoute
    /// Names of the built-in functions, for completing them with "(".
    let builtinNames: Set<String>
    /// The diagnostics of the last entry that failed in the language (empty after one that
    /// did not): what a lesson's `--check` compares with a solution's `# expect error` lines.
    public private(set) var lastDiagnostics: [Diagnostic] = []

    /// The name of the last value, as in Python and the Julia REPL.
    public static let lastValueName = "_"

    public init(host: (any Host)?, lang: Lang, interrupt: InterruptFlag = InterruptFlag(),
                beforeEvaluate: @escaping () -> Void = {}) {
        let route = OutputRoute()
        self.route = route
        self.host = host
        self.interrupt = interrupt
        self.beforeEvaluate = beforeEvaluate
        interpreter = Interpreter(host: host, lang: lang, output: { route.write($0 + "\n") }, interrupt: interrupt)
        // `show(v)` writes where `print` does, the way the session shows a value (whole: a
        // value shown from inside a loop is not paged).
        let names = host as? DomainHost
        interpreter.show = { [route] value in
            if let text = try ShownValue.text(value, mode: route.mode, lang: route.lang, names: names) { route.write(text) }
        }
        interpreter.moduleLoader = FileModules.load
        // Nothing is defined yet: every name but the tables is a built-in.
        builtinNames = Set(interpreter.globalNames()).subtracting(host?.tableNames ?? [])
    }

    // MARK: - Evaluator

    public func completeness(of text: String) -> InputCompleteness {
        switch Parser.completeness(of: text) {
        case .complete: return .complete
        case .incomplete: return .incomplete
        case .invalid: return .invalid
        }
    }

    static let cannotRead = Localized(vi: "lỗi: không đọc được bảng {0}: {1}", en: "error: cannot read the table {0}: {1}")
    /// The database could not give an evaluation its snapshot (locked, unreadable).
    public static let cannotReadDatabase = Localized(
        vi: "lỗi: không đọc được cơ sở dữ liệu: {0}", en: "error: cannot read the database: {0}")

    public func evaluate(_ request: EvalRequest) -> EvalResult {
        // The entry and the display of its value read one snapshot of the database; what
        // the entry changes is kept when it succeeds and undone when it fails.
        guard let host else { return evaluateNow(request) }
        do {
            return try host.evaluation {
                let result = evaluateNow(request)
                switch result {
                case .error, .interrupted: return (result, false)
                default: return (result, true)
                }
            }
        } catch {
            return .error(Self.hostFailure(error, request.lang))
        }
    }

    /// An evaluation the host could not begin or end (the database locked, a commit refused).
    static func hostFailure(_ error: any Error, _ lang: Lang) -> String {
        if let error = error as? HostMessageError {
            return Localized(vi: "lỗi: {0}", en: "error: {0}")(lang, error.message(lang))
        }
        return cannotReadDatabase(lang, String(describing: error))
    }

    private func evaluateNow(_ request: EvalRequest) -> EvalResult {
        interpreter.lang = request.lang
        route.write = request.write
        route.mode = request.mode
        route.lang = request.lang
        defer { route.write = { _ in } }
        beforeEvaluate()
        lastDiagnostics = []
        let source = Self.source(request.text, origin: request.origin)
        let value: Value?
        do {
            value = try interpreter.evaluate(source)
        } catch {
            if interrupt.reason == .user { return .interrupted }
            lastDiagnostics = error.diagnostics
            return .error(interpreter.render(error))
        }
        guard let value else { return .nothing }
        if case .null = value { return .nothing }
        // A loaded file's last value is not a result anybody asked for; `_` keeps the last one shown.
        if case .prompt = request.origin { interpreter.setGlobal(Self.lastValueName, value) }
        do {
            let table = Self.pipelineSource(of: request.text, host: host)
            guard let shown = try ValueDisplay.display(value, lang: request.lang, source: table,
                                                       names: host as? DomainHost) else { return .nothing }
            return .value(shown)
        } catch {
            let table: String
            if case .table(let source) = value { table = source.name } else { table = "?" }
            return .error(Self.cannotRead(request.lang, table, String(describing: error)))
        }
    }

    static let nothingToExplain = Localized(
        vi: "Không có đường ống nào bắt đầu từ một bảng: mọi thứ chạy trong bộ nhớ.",
        en: "No pipeline here starts from a table: everything runs in memory.")

    public func explain(_ text: String, lang: Lang) -> EvalResult {
        interpreter.lang = lang
        beforeEvaluate()
        let source = SourceText(name: "<explain>", text: text)
        let outcome: Result<[String], LangError>
        do {
            let run = { () -> Result<[String], LangError> in
                do throws(LangError) { return .success(try self.interpreter.explain(source)) } catch { return .failure(error) }
            }
            outcome = try host?.snapshot(run) ?? run()
        } catch {
            return .error(Self.cannotReadDatabase(lang, String(describing: error)))
        }
        let explained: [String]
        switch outcome {
        case .success(let texts): explained = texts
        case .failure(let error): return .error(interpreter.render(error))
        }
        if explained.isEmpty { return .value(.text(Self.nothingToExplain(lang))) }
        return .value(.text(explained.joined(separator: "\n\n")))
    }

    /// The table an entry's pipeline starts from (`models | where … | select code, title`),
    /// so that the columns a `select` keeps under their own names get the table's labels.
    static func pipelineSource(of text: String, host: (any Host)?) -> String? {
        let tokens = Lexer.tokens(of: SourceText(name: "<label>", text: text), keepComments: false)
        guard tokens.count >= 2, case .name = tokens[0].kind, case .symbol(.pipe) = tokens[1].kind else { return nil }
        return host?.table(named: tokens[0].text)?.name
    }

    /// The entry as a named source: `<repl N>` for the Nth statement at the prompt (errors
    /// read `<repl 3>:1:7`), the file's name for `:load`. Each entry needs its own name: a
    /// function defined in entry 2 that fails when entry 5 calls it must quote entry 2's line,
    /// and the diagnostic renderer finds the line by the name. Lines before `firstLine` are
    /// blank so that a script fed in pieces reports its own line numbers.
    static func source(_ text: String, origin: SourceOrigin) -> SourceText {
        switch origin {
        case .prompt(let statement):
            return SourceText(name: "<repl \(statement)>", text: text)
        case .script(let name, let firstLine):
            let padding = String(repeating: "\n", count: min(max(firstLine - 1, 0), 10_000_000))
            return SourceText(name: name, text: padding + text)
        }
    }

    public var globalNames: [String] { interpreter.globalNames() }

    public func help(topic: String, lang: Lang) -> String? {
        if topic == "functions" { return BuiltinHelp.overview(lang: lang) }
        // A built-in first: `count` and `first` are both, and `:help count` then says how to call it
        // with the stage's line after it.
        let builtin = BuiltinHelp.text(for: topic, lang: lang)
        let syntax = SyntaxHelp.text(for: topic, lang: lang)
        if builtin == nil && syntax == nil { return nil }
        return [builtin, syntax].compactMap { $0 }.joined(separator: "\n")
    }

    public var helpTopics: [String] { ["functions"] + BuiltinHelp.entries.map(\.name) + SyntaxHelp.topics }
}

/// The `print` destination of the entry being run.
private final class OutputRoute {
    var write: (String) -> Void = { _ in }
    var mode = OutputMode.table
    var lang = Lang.en
}
