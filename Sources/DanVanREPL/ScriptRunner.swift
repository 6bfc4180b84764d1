// Runs a whole program unattended: `danvan run FILE`, `danvan eval 'CODE'` and code piped on
// stdin. Output goes to `output` one line at a time (without its line break): `print` lines,
// and, when the runner shows values, each top-level expression statement's value that is not
// null and each `show(v)`, the way the REPL shows them (ShownValue). Diagnostics (already
// rendered as `file:line:col: error: …` with the source line, a caret and the call frames)
// go to `errorOutput`; the result is the process exit code.
import DanVanDomain
import DanVanLang
import DanVanOutput
import VietText

public enum ScriptOutcome: Sendable, Equatable {
    case success
    case scriptError
    case interrupted

    /// The documented exit code (README, "Exit codes").
    public var exitCode: Int32 {
        switch self {
        case .success: return 0
        case .scriptError: return 1
        case .interrupted: return 130
        }
    }
}

/// How a runner shows values.
public struct ScriptDisplay: Sendable {
    /// The mode tables are written in (`--mode`).
    public var mode: OutputMode
    /// Show every top-level expression statement's value (not null), as the REPL shows an
    /// entry's value; false: only `print` and `show(v)` write.
    public var showsValues: Bool
    /// The output is a new CSV file: the first thing written starts with the UTF-8 byte order mark.
    public var byteOrderMark: Bool

    public init(mode: OutputMode = .table, showsValues: Bool = false, byteOrderMark: Bool = false) {
        self.mode = mode
        self.showsValues = showsValues
        self.byteOrderMark = byteOrderMark
    }
}

public struct ScriptRunner {
    public let interpreter: Interpreter
    private let host: (any Host)?
    private let interrupt: InterruptFlag
    private let beforeRun: () -> Void
    private let display: ScriptDisplay

    /// - Parameter beforeRun: called before each run, e.g. to drop the host's row caches.
    public init(host: Host?, lang: Lang, interrupt: InterruptFlag, output: @escaping (String) -> Void,
                display: ScriptDisplay = ScriptDisplay(), beforeRun: @escaping () -> Void = {}) {
        self.interrupt = interrupt
        self.beforeRun = beforeRun
        self.host = host
        self.display = display
        let writer = LineWriter(output: output, byteOrderMark: display.byteOrderMark && display.mode == .csv)
        interpreter = Interpreter(host: host, lang: lang, output: { writer.line($0) }, interrupt: interrupt)
        let names = host as? DomainHost
        interpreter.show = { value in
            if case .null = value { return }
            let mark = writer.takeByteOrderMark()
            guard let text = try ShownValue.text(value, mode: display.mode, lang: lang, byteOrderMark: mark, names: names)
            else { return }
            writer.lines(of: text)
        }
        interpreter.moduleLoader = FileModules.load
        interpreter.arguments = []
    }

    public func run(_ source: SourceText, errorOutput: (String) -> Void) -> ScriptOutcome {
        beforeRun()
        // The whole script is one transaction: one snapshot for its reads, all of its
        // changes kept or none (the host rolls back a script that fails).
        guard let host else { return runNow(source, errorOutput: errorOutput) }
        do {
            return try host.evaluation {
                let outcome = runNow(source, errorOutput: errorOutput)
                return (outcome, outcome == .success)
            }
        } catch {
            errorOutput(LanguageEvaluator.hostFailure(error, interpreter.lang))
            return .scriptError
        }
    }

    private func runNow(_ source: SourceText, errorOutput: (String) -> Void) -> ScriptOutcome {
        do {
            try interpreter.run(source, showingValues: display.showsValues)
            return .success
        } catch {
            errorOutput(interpreter.render(error))
            return interrupt.reason == .user ? .interrupted : .scriptError
        }
    }
}

/// Cuts shown text into the runner's output lines, and puts the byte order mark, when one
/// is due, before the first thing written (a `print` line or a shown value).
private final class LineWriter {
    let output: (String) -> Void
    var byteOrderMark: Bool

    init(output: @escaping (String) -> Void, byteOrderMark: Bool) {
        self.output = output
        self.byteOrderMark = byteOrderMark
    }

    /// True once, when the byte order mark is due.
    func takeByteOrderMark() -> Bool {
        defer { byteOrderMark = false }
        return byteOrderMark
    }

    func line(_ text: String) {
        output(takeByteOrderMark() ? CSVFormat.byteOrderMark + text : text)
    }

    /// Each line of `text` (which ends with a line break). Split on scalars: a CSV record
    /// ends with CRLF, which is one Character, and its CR must stay.
    func lines(of text: String) {
        var scalars = text.unicodeScalars[...]
        if scalars.last == "\n" { scalars = scalars.dropLast() }
        for piece in scalars.split(separator: "\n", omittingEmptySubsequences: false) { output(String(piece)) }
    }
}
