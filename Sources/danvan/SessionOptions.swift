// The options of a session that may change data (`danvan`, `eval`, `run`, `undo`): `--read-only`
// refuses every write, `--sandbox` works on a private copy that is discarded at exit, and
// `--user` is the name the change log records. `open` turns them into the store to use and
// the host's write options; `OpenedSession.close()` discards a sandbox.
import ArgumentParser
import DanVanDomain
import DanVanLang
import DanVanStore
import Foundation
import VietText

struct SessionOptions: ParsableArguments {
    @Flag(name: .customLong("read-only"), help: HelpText.Session.readOnly.argumentHelp())
    var readOnly = false

    @Flag(name: .long, help: HelpText.Session.sandbox.argumentHelp())
    var sandbox = false

    @Option(name: .long, help: HelpText.Session.user.argumentHelp(valueName: HelpText.Session.userValue))
    var user: String?

    /// The memory budget in MB (nil: `Limits.defaultMemoryMegabytes`): the ceilings on texts
    /// and lists come from it, and a watchdog stops the program when the process passes it.
    @Option(name: .customLong("max-memory"), help: HelpText.Session.maxMemory.argumentHelp(valueName: HelpText.Session.megabytes))
    var maxMemory: Int?

    /// Seconds a script may run (`run`, `eval`, piped input); nil or 0: no limit.
    @Option(name: .long, help: HelpText.Session.timeout.argumentHelp(valueName: HelpText.Session.seconds))
    var timeout: Int?

    /// The commands each session option applies to. ArgumentParser hands an option of the
    /// root command to the root even after a subcommand, so `danvan export units --timeout 5`
    /// or `danvan demo --sandbox` parsed and then did nothing: `refuseUnused` makes that a
    /// usage error.
    static let takenBy: [(option: String, commands: [String])] = [
        // The commands that only read take it too: it asks for nothing they would not do.
        ("--read-only", ["run", "eval", "undo", "import", "export", "changes", "explain"]),
        ("--sandbox", ["run", "eval", "undo", "import"]),
        ("--user", ["run", "eval", "undo", "import"]),
        ("--max-memory", ["run", "eval"]),
        ("--timeout", ["run", "eval"]),
    ]

    /// A usage error when `arguments` (the command line after the program's name, up to a
    /// `--`) give a session option to `command` (a subcommand's name), which does not take it.
    /// The session itself (`danvan` with no subcommand) takes them all.
    static func refuseUnused(_ arguments: [String], command: String, lang: Lang) throws {
        for argument in arguments.prefix(while: { $0 != "--" }) {
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            guard let entry = takenBy.first(where: { $0.option == name }), !entry.commands.contains(command) else { continue }
            let commands = entry.commands.map { "danvan " + $0 }.joined(separator: ", ")
            throw CLIError(message: HelpText.Session.notForCommand(lang, name, command, commands), code: .usage)
        }
    }

    /// The limits these options give, or a usage error for a budget or timeout out of range.
    func limits(_ lang: Lang) throws -> (limits: Limits, timeout: Int?) {
        if let maxMemory, !(16...(1 << 30)).contains(maxMemory) {
            throw CLIError(message: HelpText.Session.badMaxMemory(lang), code: .usage)
        }
        if let timeout, !(0...(1 << 30)).contains(timeout) {
            throw CLIError(message: HelpText.Session.badTimeout(lang), code: .usage)
        }
        let timeout = self.timeout.flatMap { $0 > 0 ? $0 : nil }
        return (Limits(memoryMegabytes: maxMemory ?? Limits.defaultMemoryMegabytes), timeout)
    }

    /// Opens the database `database` names as these options say; `origin` is where the
    /// change log will say changes come from (`repl`, a script's path, `eval`).
    func open(_ database: DatabaseOptions, origin: String) throws -> OpenedSession {
        // Checked here rather than in `validate()`: ArgumentParser would print the root
        // command's usage under the message, whichever command was run.
        let lang = database.language
        if readOnly && sandbox { throw CLIError(message: HelpText.Session.readOnlyAndSandbox(lang), code: .usage) }
        if let user, user.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CLIError(message: HelpText.Session.emptyUser(lang), code: .usage)
        }
        return try OpenedSession.open(database, readOnly: readOnly, sandbox: sandbox, user: user, origin: origin)
    }
}

/// The database a session works on and the host's write options for it.
final class OpenedSession {
    let store: Store
    /// The copy `--sandbox` made; nil otherwise.
    let sandbox: Sandbox?
    let options: WriteSession.Options

    /// Opens the database `database` names: a private copy (`sandbox`), read-only
    /// (`readOnly`), or as a query that may write. `user` (nil: the OS user) and `origin` are
    /// what the change log records.
    static func open(_ database: DatabaseOptions, readOnly: Bool, sandbox: Bool, user: String?,
                     origin: String) throws -> OpenedSession {
        var options = WriteSession.Options()
        options.origin = origin
        if let user { options.user = user.trimmingCharacters(in: .whitespaces).nfc }
        if sandbox {
            let copy = try database.openSandbox()
            SandboxCleanup.install()
            return OpenedSession(store: copy.store, sandbox: copy, options: options)
        }
        let store = try database.openStore(readOnly ? .readOnly : .query)
        if readOnly {
            options.readOnly = .requested
        } else if store.isReadOnly {
            // A file (or folder) the user may not write: refused up front, with the reason.
            options.readOnly = .file(store.path)
        }
        return OpenedSession(store: store, sandbox: nil, options: options)
    }

    init(store: Store, sandbox: Sandbox?, options: WriteSession.Options) {
        self.store = store
        self.sandbox = sandbox
        self.options = options
    }

    /// Ends the session: a sandbox's copy and folder are deleted. Safe to call twice.
    func close() {
        guard let sandbox else { return }
        sandbox.discard()
    }

    deinit { close() }
}
