// The loop that joins a line source (libedit on a terminal, plain lines from a pipe) to the
// engine and writes the engine's events out. The executable supplies the two ends through
// the protocols below; this target never imports the line editor (STYLE §1).
import Foundation

/// Where lines come from. The executable conforms LineEditor and PlainLineReader to it.
public protocol LineSource: AnyObject {
    func read(prompt: String) -> LineInput
    /// Keeps a finished statement as one history entry (the line editor saves it).
    func remember(_ entry: String)
    /// The history, oldest first, for `:history`.
    func historyEntries() -> [String]
}

/// Where events are written.
public protocol Console: AnyObject {
    func writeOutput(_ text: String)
    func writeError(_ text: String)
    func clearScreen()
    /// Ctrl-C at the prompt: end the abandoned line on screen.
    func interruptedAtPrompt()
}

public final class REPLRunner {
    private let engine: REPLEngine
    private let source: any LineSource
    private let console: any Console
    private var exitStatus: Int32 = 0

    public init(engine: REPLEngine, source: any LineSource, console: any Console) {
        self.engine = engine
        self.source = source
        self.console = console
    }

    /// Reads and runs lines until `:quit` or the end of input; returns the exit status.
    public func run() -> Int32 {
        engine.onEvent = { [weak self] event in self?.deliver(event) }
        // `Apply? [y/N]` is read from the same source as the entries.
        engine.readAnswer = { [source] prompt in source.read(prompt: prompt) }
        while !engine.isFinished {
            let input = source.read(prompt: engine.prompt)
            if input == .interrupted { console.interruptedAtPrompt() }
            engine.handle(input)
        }
        return exitStatus
    }

    private func deliver(_ event: REPLEvent) {
        switch event {
        case .output(let text): console.writeOutput(text)
        case .error(let text): console.writeError(text)
        case .clearScreen: console.clearScreen()
        case .history(let entry): source.remember(entry)
        case .exit(let status): exitStatus = status
        }
    }
}

/// Standard output and error. Output goes through stdio's buffer (which libedit also
/// writes through) and is flushed before anything is written to stderr, so the two
/// streams stay in order on a terminal.
public final class StandardConsole: Console {
    private let isTerminal: Bool

    public init(isTerminal: Bool) { self.isTerminal = isTerminal }

    public func writeOutput(_ text: String) {
        print(text, terminator: "")
        fflush(nil)
    }

    public func writeError(_ text: String) {
        fflush(nil)
        FileHandle.standardError.write(Data(text.utf8))
    }

    public func clearScreen() {
        guard isTerminal else { return }
        writeOutput("\u{1B}[H\u{1B}[2J")
    }

    public func interruptedAtPrompt() {
        guard isTerminal else { return }
        writeOutput("\n")
    }
}

/// Colour only on a terminal, and never when NO_COLOR is set to anything but the empty
/// string (https://no-color.org).
public enum ColorPolicy {
    public static func enabled(outputIsTerminal: Bool, environment: [String: String]) -> Bool {
        guard outputIsTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }
}
