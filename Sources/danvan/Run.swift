// `danvan run FILE` and `danvan eval 'CODE'`: run a saved script or a snippet against the
// database, with the documented exit codes (0 success, 1 script error, 130 interrupted), as
// one transaction (`--no-transaction`: each write saved at once), or as a dry-run that
// prints what would change and keeps nothing; `--read-only`, `--sandbox`, `--user` as for
// the session (SessionOptions.swift).
import ArgumentParser
import DanVanDomain
import DanVanLang
import DanVanREPL
import DanVanReport
import DanVanStore
import Foundation
import VietText

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    func run() throws {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw CLIError(message: CLIMessages.notUTF8(options.language, file), code: .scriptError)
            }
            text = decoded
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError(message: CLIMessages.cannotRead(options.language, file), code: .ioError)
        }
        try Scripts.execute(SourceText(name: file, text: text), options: options, session: session, origin: file,
                            dryRun: dryRun, autocommit: noTransaction)
    }
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpText.Eval.abstract.inHelpLang)

    @Argument(help: HelpText.Eval.code.argumentHelp())
    var code: String

    @Flag(name: .customLong("dry-run"), help: HelpText.Session.dryRun.argumentHelp())
    var dryRun = false

    @OptionGroup var options: DatabaseOptions

    @OptionGroup var session: SessionOptions

    func run() throws {
        try Scripts.execute(SourceText(name: "<eval>", text: code), options: options, session: session, origin: "eval",
                            dryRun: dryRun)
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpText.Explain.abstract.inHelpLang)

    @Argument(help: HelpText.Explain.code.argumentHelp())
    var code: String

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let store = try options.openStore(.query)
        let host = DomainHost(store: store, pushdown: DomainHost.pushdown(ProcessInfo.processInfo.environment))
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
    /// Runs `source` on the options' database as one transaction (or, `autocommit`, saving
    /// each write at once); exits with the outcome's code when it is not success. Each change
    /// set saved is named on stderr; a dry-run's summary goes to stdout after the script's output.
    static func execute(_ source: SourceText, options: DatabaseOptions, session sessionOptions: SessionOptions,
                        origin: String, dryRun: Bool = false, autocommit: Bool = false) throws {
        let lang = options.language
        let opened = try sessionOptions.open(options, origin: origin)
        defer { opened.close() }
        var writeOptions = opened.options
        writeOptions.dryRun = dryRun
        writeOptions.autocommit = autocommit
        let interrupt = Signals.interruptOnSIGINT()
        let host = DomainHost(store: opened.store, interrupt: interrupt,
                              pushdown: DomainHost.pushdown(ProcessInfo.processInfo.environment), options: writeOptions)
        ReportFunctions.install(on: host, lang: { lang })
        let data = HostDataSession(host: host, sandbox: opened.sandbox != nil)
        let out = StandardOutput()
        let runner = ScriptRunner(host: host, lang: lang, interrupt: interrupt,
                                  output: { out.writeLine($0) }, beforeRun: { host.invalidate() })
        let outcome = runner.run(source) { message in
            out.flush()
            standardError(message)
        }
        out.flush()
        // With --no-transaction a script that fails has still saved what it did before.
        for (id, summary) in data.committed(since: 0) {
            standardError(ChangeText.committed(id, summary, sandbox: data.isSandbox, lang))
        }
        if dryRun, outcome == .success {
            var summary: ChangeSummary?
            if case .dryRun(let changes)? = data.lastOutcome { summary = changes }
            out.writeLine(String(ChangeText.dryRun(summary, lang).dropLast()))
            out.flush()
        }
        if outcome != .success { throw ExitCode(outcome.exitCode) }
    }
}

/// Writes `message` on stderr, ending with a line break.
func standardError(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}

/// Buffered stdout: a script that prints 100,000 lines should not make 100,000 writes.
final class StandardOutput {
    private var buffer: [UInt8] = []

    func writeLine(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(10)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

enum CLIMessages {
    static let cannotRead = Localized(vi: "không đọc được tệp {0}", en: "cannot read the file {0}")
    static let notUTF8 = Localized(vi: "{0}: tệp không phải văn bản UTF-8 (hãy lưu lại với bảng mã UTF-8)",
                                   en: "{0}: the file is not UTF-8 text (save it again as UTF-8)")
}
