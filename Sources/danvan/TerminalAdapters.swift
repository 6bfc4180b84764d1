// The executable's side of the REPL: LineEditor and PlainLineReader seen as the engine's
// `LineSource`, LineEditor's completion callback fed by the engine, and the interpreter's
// interrupt flag as the hook the SIGINT handler calls. Only the executable imports both
// LineEditor and the language (STYLE §1), so the joins live here.
import DanVanLang
import DanVanREPL
import LineEditor

/// Ctrl-C during an evaluation raises the flag the running program polls. `set()` is one
/// relaxed atomic store, safe inside a signal handler.
extension InterruptFlag: InterruptHook {
    public func interruptRaised() { set() }
}

/// libedit on a terminal.
final class EditorSource: LineSource {
    let editor: LineEditor

    init(editor: LineEditor) { self.editor = editor }

    func read(prompt: String) -> LineInput {
        switch editor.readLine(prompt: prompt) {
        case .line(let text): return .line(text)
        case .interrupted: return .interrupted
        case .eof: return .endOfInput
        }
    }

    func remember(_ entry: String) { editor.addHistory(entry) }

    func historyEntries() -> [String] { editor.historyEntries() }

    /// Tab asks the engine (meta-commands, paths) which asks the language.
    func completeWith(_ engine: REPLEngine) {
        editor.completer = { [weak engine] line, cursor in
            guard let list = engine?.complete(line: line, cursor: cursor) else { return .none }
            return Completion(range: list.range,
                              candidates: list.items.map { CompletionCandidate($0.text, display: $0.display) },
                              listLimit: list.listLimit)
        }
        editor.listOverflowNote = { [weak engine] count in engine?.moreCandidatesNote(count) ?? "… \(count)" }
    }
}

/// Piped input: no prompt, no history.
final class PlainSource: LineSource {
    let reader = PlainLineReader()

    func read(prompt: String) -> LineInput {
        switch reader.readLine(prompt: prompt) {
        case .line(let text): return .line(text)
        case .interrupted: return .interrupted
        case .eof: return .endOfInput
        }
    }

    func remember(_ entry: String) {}

    func historyEntries() -> [String] { [] }
}
