// What a session built on top of the engine needs to watch and steer it (the guided lessons,
// issue 10): each evaluated entry with its result and what it printed (`onEntry`), each
// meta-command that ran (`onCommand`), commands of its own (`extraCommands`), and a way to
// run text as if it had been typed (`submit`), used to replay a lesson's reference solutions.
// The engine itself knows nothing of lessons.
import Foundation
import VietText

/// One entry the engine evaluated.
public struct EntryOutcome: Sendable, Equatable {
    /// The entry as run (all its lines).
    public var text: String
    public var result: EvalResult
    /// What `print` and `show` wrote while it ran, value display excluded.
    public var printed: String

    public init(text: String, result: EvalResult, printed: String) {
        self.text = text
        self.result = result
        self.printed = printed
    }
}

/// A meta-command a session adds to the table's (MetaCommand.swift). Not `Sendable` like the
/// table's: its action belongs to the session object that made it.
public struct ExtraCommand {
    public let name: String
    public let usage: Localized
    public let help: Localized
    /// Runs the command with the text after its name, trimmed.
    public let action: (String) -> Void

    public init(name: String, usage: Localized = Localized(vi: "", en: ""), help: Localized,
                action: @escaping (String) -> Void) {
        self.name = name
        self.usage = usage
        self.help = help
        self.action = action
    }

    /// The line `:help` lists: ":hint".
    public func synopsis(_ lang: Lang) -> String {
        let arguments = usage(lang)
        return arguments.isEmpty ? ":" + name : ":" + name + " " + arguments
    }
}

/// The text an entry printed, filled by the entry's `print` route while it runs.
final class PrintedText {
    var text = ""
}

extension REPLEngine {
    /// Runs `text` as if it had been typed and completed at the prompt, without waiting for
    /// more input and without adding it to the history: lines that start with ":" are
    /// meta-commands, and the lines between them one entry each (a multi-line pipeline stays
    /// one entry). `onEntry` and `onCommand` are told as for typed input.
    public func submit(_ text: String) {
        guard !isFinished else { return }
        var code: [String] = []
        func flush() {
            let lines = code
            code = []
            guard lines.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return }
            run(lines, firstLine: 1, remember: false)
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(":") {
                flush()
                runMetaCommand(trimmed, line: 1)
            } else {
                code.append(line)
            }
        }
        flush()
    }
}
