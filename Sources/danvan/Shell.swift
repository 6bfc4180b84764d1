// `danvan` with no subcommand: the interactive session on the database (issue #4). On a
// terminal it joins libedit (LineEditor), the REPL engine and the language (LanguageEvaluator
// over DomainHost) and opens with the welcome line. When stdin is not a terminal there is no
// session at all: the input is a script, run like `danvan run` (no prompts, no colour, each
// top-level value shown as the session would in `--mode`, on stdout or into `--output`,
// errors as `<stdin>:LINE:COL`, exit code 1 when anything failed). On a terminal, `--mode`
// is the session's first `:mode`.
// `--read-only`, `--sandbox` and `--user` (SessionOptions.swift) apply to both. `:learn`
// opens the guided lessons (Learn.swift) inside the session.
import ArgumentParser
import DanVanDomain
import DanVanLang
import DanVanLessons
import DanVanREPL
import DanVanReport
import DanVanStore
import Foundation
import LineEditor
import VietText

enum Shell {
    /// How many entries the history file keeps: months of a working day's statements,
    /// small enough to load at once.
    static let historySize = 2000

    static func run(options: DatabaseOptions, session sessionOptions: SessionOptions, output: OutputOptions) throws {
        guard TerminalSize.isTerminal(0) else {
            let input = FileHandle.standardInput.readDataToEndOfFile()
            try Scripts.execute(SourceText(name: "<stdin>", text: String(decoding: input, as: UTF8.self)),
                                options: options, session: sessionOptions, origin: "stdin", output: output)
            return
        }
        // The session writes a file with `:output FILE`, where it can ask before replacing one.
        if output.output != nil || output.replace || output.append {
            throw CLIError(message: HelpText.Output.sessionOutput(options.language), code: .usage)
        }
        // A timeout given to the session would be ignored: refused, as other commands refuse
        // the session options they do not use.
        if sessionOptions.timeout != nil {
            throw CLIError(message: HelpText.Session.timeoutInSession(options.language), code: .usage)
        }
        let mode = try output.outputMode(options.language)
        TerminalLocale.configure()
        let environment = CLIEnvironment.variables
        let lang = options.language
        let opened = try sessionOptions.open(options, origin: "repl")
        // The sandbox's copy goes at every exit: :quit, Ctrl-D, an error.
        defer { opened.close() }
        let store = opened.store
        let interrupt = InterruptFlag()
        let host = DomainHost(store: store, interrupt: interrupt,
                              pushdown: DomainHost.pushdown(CLIEnvironment.variables), options: opened.options)
        let data = HostDataSession(host: host, sandbox: opened.sandbox != nil)
        InterruptSignal.install(hook: interrupt)
        let evaluator = LanguageEvaluator(host: host, lang: lang, interrupt: interrupt,
                                          beforeEvaluate: { host.invalidate() })
        // The REPL watches memory for the whole session; Ctrl-C, not a timeout, stops an entry.
        let limits = try sessionOptions.limits(lang).limits
        evaluator.interpreter.limits = limits
        let watchdog = Watchdog(flag: interrupt, memoryMegabytes: limits.memoryMegabytes, timeout: nil)
        defer { watchdog.stop() }
        // Charts drawn without a document follow `:lang`, not the language the session began in.
        ReportFunctions.install(on: host, lang: { [unowned evaluator] in evaluator.interpreter.lang })

        let historyPath = HistoryLocation.path(environment: environment)
        let editorSource = LineEditor(programName: "danvan", historyPath: historyPath, historySize: historySize)
            .map(EditorSource.init)
        let source: any LineSource = editorSource ?? PlainSource()
        let outputIsTerminal = TerminalSize.isTerminal(1)
        let replEnvironment = terminalEnvironment(source: source, rowCount: { try? store.count($0) },
                                                  inputPending: { TerminalInput.hasPendingInput() })
        let settings = REPLEngine.Settings(
            lang: lang, interactive: editorSource != nil,
            color: ColorPolicy.enabled(outputIsTerminal: outputIsTerminal, environment: environment), mode: mode)
        let engine = REPLEngine(evaluator: evaluator, environment: replEnvironment, settings: settings, data: data)
        editorSource?.completeWith(engine)
        let console = StandardConsole(isTerminal: outputIsTerminal)
        // `:learn` opens the lessons at this prompt, with the same line editor; `:quit` in a
        // lesson comes back here.
        let lessons = LessonTerminal(source: source, console: console, environment: replEnvironment,
                                     color: settings.color, interrupt: interrupt, attach: { editorSource?.completeWith($0) })
        engine.extraCommands = [Learn.replCommand(terminal: lessons, lang: { [unowned engine] in engine.lang },
                                                  backTo: { [unowned engine] in editorSource?.completeWith(engine) })]
        if editorSource != nil {
            let access: Welcome.Access = data.isSandbox ? .sandbox : (data.isReadOnly ? .readOnly : .normal)
            console.writeOutput(Welcome.line(version: DanVan.version, database: options.path,
                                             units: try? store.count("units"), models: try? store.count("models"),
                                             lang: lang, access: access) + "\n")
        }
        let status = REPLRunner(engine: engine, source: source, console: console).run()
        if status != 0 { throw ExitCode(status) }
    }
}

extension Shell {
    /// What a session at the terminal gives its engine: the real files, the line editor's
    /// history, the terminal's size now; `danvan learn` uses it too.
    static func terminalEnvironment(source: any LineSource, rowCount: @escaping (String) -> Int? = { _ in nil },
                                    inputPending: @escaping () -> Bool) -> REPLEnvironment {
        REPLEnvironment(
            files: LocalFiles(),
            history: { [unowned source] in source.historyEntries() },
            terminalSize: {
                let size = TerminalSize.current()
                return (size.rows, size.columns)
            },
            rowCount: rowCount,
            inputPending: inputPending)
    }
}

/// Whether more typed or pasted input is waiting on stdin. libedit reads the terminal a byte
/// at a time, so the rest of a paste is still in the terminal's queue when a line comes back;
/// 25 ms covers a paste that the terminal delivers in pieces and is far below a person's
/// typing speed, so an entry typed by hand is never held.
enum TerminalInput {
    static func hasPendingInput(waitMilliseconds: Int32 = 25) -> Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, waitMilliseconds) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }
}
