// Runs a whole program unattended: `danvan run FILE`, `danvan eval 'CODE'` and code piped on
// stdin. Output goes to `output`, diagnostics (already rendered as
// `file:line:col: error: …` with the source line and a caret) to `errorOutput`; the result is
// the process exit code. A script's value is not printed: `print` prints.
import DanVanLang
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

public struct ScriptRunner {
    private func runNow(_ source: SourceText, errorOutput: (String) -> Void) -> ScriptOutcome {
        do {
            try interpreter.run(source)
            return .success
        } catch {
            errorOutput(interpreter.render(error))
            return interrupt.isSet ? .interrupted : .scriptError
        }
    }

    public let interpreter: Interpreter
    private let host: (any Host)?
    private let interrupt: InterruptFlag
    private let beforeRun: () -> Void

    /// - Parameter beforeRun: called before each run, e.g. to drop the host's row caches.
    public init(host: Host?, lang: Lang, interrupt: InterruptFlag,
                output: @escaping (String) -> Void, beforeRun: @escaping () -> Void = {}) {
        self.interrupt = interrupt
        self.beforeRun = beforeRun
        self.host = host
        interpreter = Interpreter(host: host, lang: lang, output: output, interrupt: interrupt)
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
}
