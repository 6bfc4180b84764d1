// The `danvan` command: a thin layer of argument parsing over the library targets.
// Each subcommand lives in its own file; the shared options are in DatabaseOptions.swift.
// `danvan FILE …` runs a script (`#!/usr/bin/env danvan`), as `danvan run FILE …`.
import ArgumentParser
import DanVanFiles
import DanVanStore
import Foundation
import VietText

@main
struct DanVan: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "danvan",
        abstract: HelpText.Root.abstract.inHelpLang,
        discussion: HelpText.Root.discussion.inHelpLang,
        version: version,
        subcommands: [Run.self, Eval.self, Explain.self, Changes.self, Undo.self, Init.self, Demo.self, Export.self,
                      Import.self, Learn.self]
    )

    @OptionGroup var options: DatabaseOptions

    @OptionGroup var session: SessionOptions


    /// No subcommand: the interactive session (Shell.swift), or a script piped on stdin.
    func run() throws {
        try Shell.run(options: options, session: session, output: try OutputOptions.parse(DanVan.rootOutput))
    }

    /// The names `danvan FILE` must not take for a script's file.
    static var subcommandNames: Set<String> {
        Set(configuration.subcommands.map { $0._commandName } + ["help"])
    }

    /// The command line as ArgumentParser should read it: `danvan FILE …`, which is how a
    /// script starting with `#!/usr/bin/env danvan` is started, becomes `danvan run FILE …`
    /// when FILE is a file and not a subcommand's name.
    static func arguments(_ arguments: [String]) -> [String] {
        guard arguments.count > 1 else { return arguments }
        let first = arguments[1]
        var isDirectory: ObjCBool = false
        // The file test first: `subcommandNames` builds every command's configuration, help
        // texts and all, which `danvan eval …` (no file called `eval` here) never needs.
        guard !first.hasPrefix("-"),
              FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory), !isDirectory.boolValue,
              !subcommandNames.contains(first), !isDatabase(first) else {
            return arguments
        }
        return [arguments[0], "run"] + arguments[1...]
    }

    /// Runs the command line. A `CLIError` becomes its message on stderr and its exit code;
    /// an argument error exits with the documented usage code 2 (ArgumentParser's own is 64).
    /// Help screens and usage errors are shown in `helpLang`, ArgumentParser's own words too.
    /// `--mode`, `--output`, `--replace`, `--append` given to `danvan` itself (for piped input),
    /// taken off the command line before ArgumentParser reads it. The root command cannot
    /// declare them: ArgumentParser gives a parent's option to the parent even after a
    /// subcommand, and `export -o/--output` and `import --append` have their own.
    nonisolated(unsafe) static var rootOutput: [String] = []

    /// The command line without the root's output options (`rootOutput`), when no subcommand is named.
    static func takingRootOutput(_ arguments: [String]) -> [String] {
        var rest = Array(arguments.prefix(1))
        var taken: [String] = []
        var index = 1
        let valueOptions: Set<String> = ["--db", "--lang", "--user"]
        while index < arguments.count {
            let argument = arguments[index]
            let next = index + 1 < arguments.count ? [arguments[index + 1]] : []
            if argument == "--" || !argument.hasPrefix("-") {
                // A subcommand (or a stray argument): ArgumentParser reads all of it as written.
                return arguments
            } else if argument == "--mode" || argument == "--output" {
                taken += [argument] + next
                index += 2
                continue
            } else if argument.hasPrefix("--mode=") || argument.hasPrefix("--output=") || argument == "--replace"
                        || argument == "--append" {
                taken.append(argument)
            } else if valueOptions.contains(argument) {
                rest += [argument] + next
                index += 2
                continue
            } else {
                rest.append(argument)
            }
            index += 1
        }
        rootOutput = taken
        return rest
    }

    /// Whether `path` is an SQLite file (`danvan demo.db` means a session on it, not a script:
    /// ArgumentParser then says the argument is unexpected, and `--help` shows `--db`).
    static func isDatabase(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\u{0}".utf8)
    }

    static func main() {
        let arguments = takingRootOutput(arguments(CommandLine.arguments))
        do {
            // `run FILE --help` lists the script's parameters; ArgumentParser would answer
            // with the help of `run` alone.
            if let script = ScriptHelp.scriptAskingForHelp(in: arguments) {
                print(try ScriptHelp.screen(for: script, lang: helpLang))
                Foundation.exit(ExitCode32.success.rawValue)
            }
            // `eval CODE` and `run FILE` with plain options: no ArgumentParser (QuickCommand.swift).
            let quick = CLIEnvironment.quickCommandLines
            if quick != "off", try QuickCommand.run(arguments) {
                try StandardOutputFailure.checkPrinted(helpLang)
                return
            }
            if quick == "only" {
                StandardStream.writeError("DANVAN_QUICK=only: not a quick command line\n")
                Foundation.exit(70)
            }
            var command = try parseAsRoot(Array(arguments.dropFirst()))
            if !(command is DanVan) {
                try SessionOptions.refuseUnused(Array(arguments.dropFirst()), command: type(of: command)._commandName,
                                                lang: helpLang)
            }
            try command.run()
            try StandardOutputFailure.checkPrinted(helpLang)
        } catch let error as CLIError {
            // An empty message is a closed pipe on stdout: nothing to say (StandardOutputFailure).
            if !error.message.isEmpty { StandardStream.writeError(error.message + "\n") }
            Foundation.exit(error.code.rawValue)
        } catch {
            switch exitCode(for: error) {
            case .success:
                // --help, `danvan help …`, --version.
                let text = fullMessage(for: error)
                if !text.isEmpty { print(ParserText.helpScreen(text, helpLang)) }
                Foundation.exit(ExitCode32.success.rawValue)
            case .validationFailure:
                let text = ParserText.usageError(fullMessage(for: error), helpLang)
                FileHandle.standardError.write(Data((text + "\n").utf8))
                Foundation.exit(ExitCode32.usage.rawValue)
            default:
                exit(withError: error)
            }
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
