// The REPL as a state machine, separate from the terminal (STYLE §9): lines come in, events
// go out. It gathers the lines of an unfinished statement (the parser says when one is
// complete), evaluates complete statements, shows their values in the current output mode,
// dispatches meta-commands from one table (MetaCommand.swift), and keeps the session's
// settings. Interactive and batch sessions differ on purpose: batch input has no prompts, no
// colour and no screenful limit, a blank line does not abandon a statement, errors name
// their line, and the exit status says whether anything failed.
import DanVanOutput
import Foundation
import VietText

public final class REPLEngine {
    public struct Settings: Sendable {
        public var lang: Lang
        /// A person at a terminal (prompts, screenfuls, blank line abandons); false for pipes.
        public var interactive: Bool
        /// Colour in tables: only on a terminal and without NO_COLOR (ColorPolicy).
        public var color: Bool
        public var border: TableRenderer.Border
        public var mode: OutputMode
        public var timer: Bool
        /// The name of piped input in diagnostics.
        public var scriptName: String

        public init(lang: Lang, interactive: Bool, color: Bool = false, border: TableRenderer.Border = .box,
                    mode: OutputMode = .table, timer: Bool = false, scriptName: String = "<stdin>") {
            self.lang = lang
            self.interactive = interactive
            self.color = color
            self.border = border
            self.mode = mode
            self.timer = timer
            self.scriptName = scriptName
        }
    }

    public static let primaryPrompt = "danvan> "
    /// As wide as the primary prompt, so continued lines line up under the first.
    public static let continuationPrompt = "   ...> "

    /// Rows of a screen that a table page leaves free: its three rules and header, the
    /// two footers (rows and columns left out), the prompt and the line just typed.
    static let screenChrome = 8
    /// A page shows at least this many rows even on a tiny terminal.
    static let minimumPageRows = 5

    public internal(set) var settings: Settings
    /// Where events go; the driver writes them out, tests collect them.
    public var onEvent: (REPLEvent) -> Void = { _ in }
    /// True after `:quit` or the end of input.
    public private(set) var isFinished = false

    let evaluator: any Evaluator
    let environment: REPLEnvironment
    /// The database session, for the commands that change data and the prompt's tags; nil
    /// when there is no database.
    public let data: (any DataSession)?
    /// Reads the answer to `Apply? [y/N]` with the given prompt: the line editor on a
    /// terminal (REPLRunner sets it), a fake in tests. Nil: nothing can be asked, the answer is no.
    public var readAnswer: ((String) -> LineInput)?

    /// Lines of the statement being typed, before it is complete.
    private(set) var pending: [String] = []
    /// The input line number of `pending`'s first line, for diagnostics of piped scripts.
    private var pendingFirstLine = 1
    /// A complete statement that arrived with more input right behind it (a paste): it waits
    /// for the next line, which continues it when it starts with `|` (the docs' multi-line
    /// pipelines) and is otherwise a statement of its own.
    private var held: (lines: [String], firstLine: Int)?
    private var linesRead = 0
    private var statementsRun = 0
    /// Statements and commands that failed; in batch mode any failure makes the exit status 1.
    public private(set) var failures = 0
    /// The `:output` file; `atStart` while nothing has been written to an empty file, when a
    /// CSV result begins with the byte-order mark.
    var outputFile: (path: String, sink: any TextSink, atStart: Bool)?
    /// The table whose remaining rows `:more` shows, and the first of them.
    var more: (model: TableModel, nextRow: Int)?
    /// Told about every entry the engine evaluated (not `:load`ed files): the lessons check
    /// each of the learner's entries (REPLEngine+Observer.swift).
    public var onEntry: ((EntryOutcome) -> Void)?
    /// Told about every meta-command of the table that ran: its name (not an alias) and argument.
    public var onCommand: ((String, String) -> Void)?
    /// Commands a session built on the engine adds (the lessons' `:hint`, `:skip`…), found
    /// before the table's and listed by `:help` after them.
    public var extraCommands: [ExtraCommand] = []

    public init(evaluator: any Evaluator, environment: REPLEnvironment, settings: Settings,
                data: (any DataSession)? = nil) {
        self.evaluator = evaluator
        self.environment = environment
        self.settings = settings
        self.data = data
        // A person at a terminal is asked before a big change; scripts and pipes never block.
        if settings.interactive, let data {
            data.confirm = { [weak self] preview in self?.askToApply(preview) ?? false }
        }
    }

    /// The prompt to show before the next line: primary, continuation, or none in batch
    /// mode. It names the session's state: `danvan[sandbox]> `, `danvan[transaction]> `.
    public var prompt: String {
        guard settings.interactive else { return "" }
        return pending.isEmpty && held == nil ? primaryPromptNow : continuationPromptNow
    }

    /// True while a statement is unfinished.
    public var isContinuing: Bool { !pending.isEmpty || held != nil }

    public var lang: Lang { settings.lang }

    // MARK: - Input

    public func handle(_ input: LineInput) {
        guard !isFinished else { return }
        switch input {
        case .line(let text):
            let firstLine = linesRead + 1
            linesRead += text.split(separator: "\n", omittingEmptySubsequences: false).count
            accept(text, firstLine: firstLine)
        case .interrupted:
            // Ctrl-C at the prompt drops the unfinished statement; the session goes on.
            pending = []
            held = nil
        case .endOfInput:
            runHeld()
            if !pending.isEmpty && !settings.interactive {
                // A script that ends inside a statement: let the parser report where.
                let text = pending.joined(separator: "\n")
                pending = []
                evaluate(text, origin: .script(name: settings.scriptName, firstLine: pendingFirstLine))
            }
            pending = []
            finish(atEndOfInput: true)
        }
    }

    private func accept(_ text: String, firstLine: Int) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let waiting = held {
            held = nil
            if trimmed.hasPrefix("|") {
                pending = waiting.lines
                pendingFirstLine = waiting.firstLine
            } else {
                run(waiting.lines, firstLine: waiting.firstLine)
            }
        }
        if pending.isEmpty {
            if trimmed.isEmpty { return }
            if trimmed.hasPrefix(":") {
                if settings.interactive { emit(.history(text)) }
                runMetaCommand(trimmed, line: firstLine)
                return
            }
            if let hint = habitHint(trimmed) {
                fail(hint, line: firstLine)
                return
            }
            pendingFirstLine = firstLine
        } else if trimmed.isEmpty && settings.interactive {
            // An empty line abandons the unfinished statement (Ctrl-C does too).
            pending = []
            return
        }
        pending.append(text)
        let source = pending.joined(separator: "\n")
        if evaluator.completeness(of: source) == .incomplete { return }
        let lines = pending
        pending = []
        if settings.interactive && environment.inputPending() {
            held = (lines, pendingFirstLine)
            return
        }
        run(lines, firstLine: pendingFirstLine)
    }

    /// Runs a statement that was held back to see whether a pasted `|` line continues it.
    private func runHeld() {
        guard let waiting = held else { return }
        held = nil
        run(waiting.lines, firstLine: waiting.firstLine)
    }

    func run(_ lines: [String], firstLine: Int, remember: Bool = true) {
        let source = lines.joined(separator: "\n")
        pendingFirstLine = firstLine
        if settings.interactive && remember { emit(.history(source)) }
        statementsRun += 1
        let origin: SourceOrigin = settings.interactive
            ? .prompt(statement: statementsRun)
            : .script(name: settings.scriptName, firstLine: pendingFirstLine)
        let outcome = evaluate(source, origin: origin)
        onEntry?(outcome)
    }

    // MARK: - Evaluation

    static let interrupted = Localized(vi: "Đã dừng (Ctrl-C).", en: "Interrupted (Ctrl-C).")
    static let elapsedTime = Localized(vi: "Thời gian: {0}", en: "Time: {0}")

    /// Evaluates `text` and shows its value; `showValue` false for `:load`ed files, whose
    /// last expression is not a result anybody asked to see. Gives what the entry did.
    @discardableResult
    func evaluate(_ text: String, origin: SourceOrigin, showValue: Bool = true) -> EntryOutcome {
        // What `print`/`show` wrote, kept for an observer (a lesson's `output` check).
        let printed = PrintedText()
        let request = EvalRequest(text: text, origin: origin, lang: settings.lang, mode: settings.mode) { [weak self] text in
            printed.text += text
            self?.writeResult(text)
        }
        let started = environment.now()
        let result = evaluator.evaluate(request)
        let elapsed = environment.now() - started
        switch result {
        case .value(let value):
            if showValue { show(value) }
            reportOutcome()
        case .nothing:
            reportOutcome()
        case .error(let diagnostics):
            failures += 1
            emit(.error(Self.line(diagnostics)))
        case .interrupted:
            failures += 1
            // On a terminal the tty has just echoed "^C"; start the message on its own line.
            emit(.error((settings.interactive ? "\n" : "") + Self.interrupted(lang) + "\n"))
        }
        if settings.timer {
            emit(.output(Self.elapsedTime(lang, Self.format(elapsed, lang)) + "\n"))
        }
        return EntryOutcome(text: text, result: result, printed: printed.text)
    }

    /// Shows a value in the current mode: a table page on the screen, everything elsewhere.
    func show(_ value: DisplayValue) {
        switch value {
        case .text(let text):
            writeResult(Self.line(text))
        case .table(let model):
            more = nil
            if settings.mode == .table {
                showTablePage(model, from: 0)
            } else {
                writeResult(ModelWriter.write(model, mode: settings.mode, lang: lang, bom: outputFile?.atStart == true))
            }
        case .record(let model):
            more = nil
            let mode = settings.mode == .table ? .line : settings.mode
            writeResult(ModelWriter.write(model, mode: mode, lang: lang, bom: outputFile?.atStart == true))
        }
    }

    /// Draws rows from `firstRow`: one screenful on an interactive screen, all of them in a
    /// file or a pipe. Remembers what is left for `:more`.
    func showTablePage(_ model: TableModel, from firstRow: Int) {
        let toScreen = settings.interactive && outputFile == nil
        var renderer = TableRenderer(lang: lang, border: settings.border, color: settings.color && toScreen)
        if toScreen {
            let size = environment.terminalSize()
            renderer.width = size.columns
            renderer.maxRows = max(size.rows - Self.screenChrome, Self.minimumPageRows)
        }
        let page = renderer.render(model, from: firstRow)
        writeResult(page.text)
        more = page.nextRow.map { (model, $0) }
    }

    /// Results (values, `print`, listings of data) go to the `:output` file when one is open.
    func writeResult(_ text: String) {
        if outputFile != nil {
            outputFile?.sink.write(text)
            outputFile?.atStart = false
        } else {
            emit(.output(text))
        }
    }

    func emit(_ event: REPLEvent) { onEvent(event) }

    /// Reports a failed command: in batch mode prefixed with the script name and line.
    func fail(_ message: String, line: Int) {
        failures += 1
        let prefix = settings.interactive ? "" : "\(settings.scriptName):\(line): "
        emit(.error(prefix + Self.line(message)))
    }

    /// Ends the session. `atEndOfInput`: Ctrl-D, whose line the terminal has not ended.
    func finish(atEndOfInput: Bool = false) {
        guard !isFinished else { return }
        rollBackAtExit(newLine: atEndOfInput && settings.interactive)
        closeOutputFile(line: linesRead)
        isFinished = true
        emit(.exit(!settings.interactive && failures > 0 ? 1 : 0))
    }

    /// `text` with a final "\n" added when it has none (an empty text becomes an empty line).
    static func line(_ text: String) -> String {
        text.hasSuffix("\n") ? text : text + "\n"
    }

    /// "12.3 ms", "1.25 s" ("12,3 ms" in Vietnamese).
    static func format(_ duration: Duration, _ lang: Lang) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        if milliseconds < 1000 {
            return NumberText.fixed(milliseconds, digits: 1, lang) + " ms"
        }
        return NumberText.fixed(milliseconds / 1000, digits: 2, lang) + " s"
    }
}
