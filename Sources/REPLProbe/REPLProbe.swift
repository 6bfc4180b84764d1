// `repl-probe`: a test fixture, not a product. It runs the real REPL engine, line editor and
// runner with a toy evaluator (ProbeEvaluator.swift) so that the end-to-end tests can drive
// the terminal side under tmux before the interpreter is wired into `danvan`.
// Environment: PROBE_LANG (vi|en, default en); history in $XDG_STATE_HOME/danvan/history.
import DanVanREPL
import Foundation
import LineEditor
import VietText

@main
struct REPLProbe {
    static func main() {
        TerminalLocale.configure()
        let environment = ProcessInfo.processInfo.environment
        let lang = Lang(rawValue: environment["PROBE_LANG"] ?? "en") ?? .en
        let interactive = TerminalSize.isTerminal(0)
        let outputIsTerminal = TerminalSize.isTerminal(1)
        let flag = ProbeInterruptFlag()
        let evaluator = ProbeEvaluator(flag: flag)

        let source: any LineSource
        var editorSource: EditorSource?
        if interactive {
            InterruptSignal.install(hook: flag)
            let path = HistoryLocation.path(environment: environment)
            if let editor = LineEditor(programName: "danvan", historyPath: path, historySize: 1000) {
                editorSource = EditorSource(editor: editor)
            }
        }
        source = editorSource ?? PlainSource()

        let replEnvironment = REPLEnvironment(
            files: LocalFiles(),
            history: { [unowned source] in source.historyEntries() },
            terminalSize: {
                let size = TerminalSize.current()
                return (size.rows, size.columns)
            })
        let settings = REPLEngine.Settings(
            lang: lang, interactive: editorSource != nil,
            color: ColorPolicy.enabled(outputIsTerminal: outputIsTerminal, environment: environment))
        let engine = REPLEngine(evaluator: evaluator, environment: replEnvironment, settings: settings)
        editorSource?.completeWith(engine)
        let runner = REPLRunner(engine: engine, source: source,
                                console: StandardConsole(isTerminal: outputIsTerminal))
        exit(runner.run())
    }
}
