// The `danvan` command: a thin layer of argument parsing over the library targets.
// Each subcommand lives in its own file; shared options (database, language) are here.
import ArgumentParser
import DanVanStore
import Foundation
import VietText

@main
struct DanVan: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "danvan",
        abstract: "DanVan: query, fix and report on the \"Dân vận khéo\" movement's data.",
        discussion: """
            With no subcommand, danvan opens the interactive session on the database (type :help there); \
            when standard input is not a terminal, it runs that input as a script. \
            Exit codes: 0 success, 1 script error, 2 usage error, 3 data error, 4 I/O error, 130 interrupted.
            """,
        version: version,
        subcommands: [Run.self, Eval.self, Demo.self, Export.self, Import.self]
    )

    @OptionGroup var options: DatabaseOptions

    /// No subcommand: the interactive session (Shell.swift), or a script piped on stdin.
    func run() throws {
        try Shell.run(options: options)
    }

    /// Runs the command line. A `CLIError` becomes its message on stderr and its exit code;
    /// an argument error exits with the documented usage code 2 (ArgumentParser's own is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CLIError {
            FileHandle.standardError.write(Data((error.message + "\n").utf8))
            Foundation.exit(error.code.rawValue)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitCode32.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}

/// Options every command that touches the database takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $DANVAN_DB, else ~/.local/share/danvan/danvan.db).")
    var db: String?

    @Option(name: .long, help: "The language of messages: vi or en (default: from LANG).")
    var lang: String?

    var language: Lang { Lang.resolve(flag: lang, environment: ProcessInfo.processInfo.environment) }

    var path: String { StoreLocation.resolve(flag: db, environment: ProcessInfo.processInfo.environment) }

    func openStore() throws -> Store {
        do {
            return try Store(path: path)
        } catch let error as StoreError {
            throw CLIError(message: error.message(language), code: .ioError)
        }
    }
}

/// The documented exit codes (README, "Exit codes").
enum ExitCode32: Int32 {
    case success = 0
    case scriptError = 1
    case usage = 2
    case dataError = 3
    case ioError = 4
    case interrupted = 130
}

/// An error the CLI reports as one line on stderr with a chosen exit code.
struct CLIError: Error {
    let message: String
    let code: ExitCode32
}
