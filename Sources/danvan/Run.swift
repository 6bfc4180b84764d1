// `danvan run FILE` and `danvan eval 'CODE'`: run a saved script or a snippet against the
// database, showing each top-level value as the REPL would (`--mode`, `--output`:
// ScriptOutput.swift), with its parameters (`--set`, `-- args`: ScriptParams.swift), with
// the documented exit codes (0 success, 1 script error, 2 a parameter wrong, 130 interrupted), as
// one transaction (`--no-transaction`: each write saved at once), or as a dry-run that
// prints what would change and keeps nothing; `--read-only`, `--sandbox`, `--user` as for
// the session (SessionOptions.swift).
import ArgumentParser
import DanVanDomain
import DanVanFiles
import DanVanLang
import DanVanREPL
import DanVanReport
import DanVanStore
import Foundation
import VietText

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: HelpText.Run.abstract.inHelpLang,
        discussion: HelpText.Run.discussion.inHelpLang
    )

    @Argument(help: HelpText.Run.file.argumentHelp())
    var file: String

    @Flag(name: .customLong("dry-run"), help: HelpText.Session.dryRun.argumentHelp())
    var dryRun = false

    @Flag(name: .customLong("no-transaction"), help: HelpText.Run.noTransaction.argumentHelp())
    var noTransaction = false

    @OptionGroup var options: DatabaseOptions

    @OptionGroup var session: SessionOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var script: ScriptOptions

    func run() throws {
        try Run.run(file: file, dryRun: dryRun, noTransaction: noTransaction, options: options, session: session,
                    output: output, script: script)
    }

    /// What `run` does, also reached without ArgumentParser (QuickCommand.swift).
    static func run(file: String, dryRun: Bool, noTransaction: Bool, options: DatabaseOptions,
                    session: SessionOptions, output: OutputOptions, script: ScriptOptions) throws {
        let lang = options.language
        let source = try Scripts.read(file, lang: lang)
        let values = try script.values(for: source, script: file, lang: lang)
        try Scripts.execute(source, options: options, session: session, origin: file, dryRun: dryRun,
                            autocommit: noTransaction, output: output, parameters: values, arguments: script.arguments)
    }
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: HelpText.Eval.abstract.inHelpLang)

    @Argument(help: HelpText.Eval.code.argumentHelp())
    var code: String

    @Flag(name: .customLong("dry-run"), help: HelpText.Session.dryRun.argumentHelp())
    var dryRun = false

    @OptionGroup var options: DatabaseOptions

    @OptionGroup var session: SessionOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var script: ScriptOptions

    func run() throws {
        try Eval.run(code: code, dryRun: dryRun, options: options, session: session, output: output, script: script)
    }

    /// What `eval` does, also reached without ArgumentParser (QuickCommand.swift).
    static func run(code: String, dryRun: Bool, options: DatabaseOptions, session: SessionOptions,
                    output: OutputOptions, script: ScriptOptions) throws {
        let lang = options.language
        let source = SourceText(name: "<eval>", text: code)
        let values = try script.values(for: source, script: "eval", lang: lang)
        try Scripts.execute(source, options: options, session: session, origin: "eval", dryRun: dryRun,
                            output: output, parameters: values, arguments: script.arguments)
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: HelpText.Explain.abstract.inHelpLang)

    @Argument(help: HelpText.Explain.code.argumentHelp())
    var code: String

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let store = try options.openStore(.query)
        let host = DomainHost(store: store, pushdown: DomainHost.pushdown(CLIEnvironment.variables))
        ReportFunctions.install(on: host, lang: { options.language })
        let evaluator = LanguageEvaluator(host: host, lang: options.language)
        switch evaluator.explain(code, lang: options.language) {
        case .value(.text(let text)):
            print(text)
        case .error(let message):
            FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
            throw ExitCode(ScriptOutcome.scriptError.exitCode)
        default:
            break
        }
    }
}

enum Scripts {
    /// The script file `path` as a source named by its plain path (`./a.dv` → `a.dv`), the
    /// name its imports resolve against and its diagnostics show.
    static func read(_ path: String, lang: Lang) throws -> SourceText {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError(message: CLIMessages.cannotRead(lang, path), code: .ioError)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError(message: CLIMessages.notUTF8(lang, path), code: .scriptError)
        }
        return SourceText(name: FileModules.plain(path), text: text)
    }

    /// Runs `source` on the options' database as one transaction (or, `autocommit`, saving
    /// each write at once), showing each top-level value as the REPL would, in `--mode`, on
    /// stdout or into `--output`; exits with the outcome's code when it is not success. Each
    /// change set saved is named on stderr; a dry-run's summary goes to stdout after the
    /// script's output.
    static func execute(_ source: SourceText, options: DatabaseOptions, session sessionOptions: SessionOptions,
                        origin: String, dryRun: Bool = false, autocommit: Bool = false, output outputOptions: OutputOptions,
                        parameters: [String: Value] = [:], arguments: [String] = []) throws {
        let lang = options.language
        let mode = try outputOptions.outputMode(lang)
        let (limits, timeout) = try sessionOptions.limits(lang)
        let out = try outputOptions.open(lang)
        let opened: OpenedSession
        do {
            opened = try sessionOptions.open(options, origin: origin)
        } catch {
            out.file?.discard()
            throw error
        }
        defer { opened.close() }
        var writeOptions = opened.options
        writeOptions.dryRun = dryRun
        writeOptions.autocommit = autocommit
        let interrupt = Signals.interruptOnSIGINT()
        let host = DomainHost(store: opened.store, interrupt: interrupt,
                              pushdown: DomainHost.pushdown(CLIEnvironment.variables), options: writeOptions)
        ReportFunctions.install(on: host, lang: { lang })
        let data = HostDataSession(host: host, sandbox: opened.sandbox != nil)
        let display = ScriptDisplay(mode: mode, showsValues: true, byteOrderMark: outputOptions.byteOrderMark(out, lang))
        let runner = ScriptRunner(host: host, lang: lang, interrupt: interrupt, output: { out.writeLine($0) },
                                  display: display, beforeRun: { host.invalidate() })
        runner.interpreter.parameterValues = parameters
        runner.interpreter.arguments = arguments
        runner.interpreter.limits = limits
        let watchdog = Watchdog(flag: interrupt, memoryMegabytes: limits.memoryMegabytes, timeout: timeout)
        let outcome = runner.run(source) { message in
            out.flush()
            standardError(message)
        }
        watchdog.stop()
        try out.finish(success: outcome == .success, lang)
        // With --no-transaction a script that fails has still saved what it did before.
        for (id, summary) in data.committed(since: 0) {
            standardError(ChangeText.committed(id, summary, sandbox: data.isSandbox, lang))
        }
        if dryRun, outcome == .success {
            var summary: ChangeSummary?
            if case .dryRun(let changes)? = data.lastOutcome { summary = changes }
            try StandardOutputFailure.write(ChangeText.dryRun(summary, lang), lang)
        }
        // The run's values, cached rows and compiled code are not freed one by one on the way
        // out: the process ends now, and the kernel takes the memory back at once (freeing
        // them cost up to a tenth of a short run). The connection is still closed first, so
        // SQLite finishes with the file as it always does.
        ProcessEnd.keepUntilExit(opened.store, [host, runner.interpreter, data])
        if outcome != .success { throw ExitCode(outcome.exitCode) }
    }
}

/// Writes `message` on stderr, ending with a line break.
func standardError(_ message: String) {
    StandardStream.writeError(message.hasSuffix("\n") ? message : message + "\n")
}

enum CLIMessages {
    static let cannotRead = Localized(vi: "không đọc được tệp {0}", en: "cannot read the file {0}")
    static let notUTF8 = Localized(vi: "{0}: tệp không phải văn bản UTF-8 (hãy lưu lại với bảng mã UTF-8)",
                                   en: "{0}: the file is not UTF-8 text (save it again as UTF-8)")
}
