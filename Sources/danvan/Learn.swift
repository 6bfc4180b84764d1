// `danvan learn`: the guided lessons (issue 10, DanVanLessons). With no argument it lists the
// lessons with the learner's progress and asks which to open; `learn N` or `learn TITLE`
// opens one; `--list` prints the list, `--progress [--csv] [--output FILE]` the summary a
// trainer collects,
// and `--check [DIR]` verifies lessons (exit 1 naming the file, line and step of each
// problem). Every lesson runs on a private copy of the demo data: `--db` is accepted like
// every command's, and never opened.
import ArgumentParser
import DanVanOutput
import DanVanLang
import DanVanLessons
import DanVanREPL
import DanVanStore
import Foundation
import LineEditor
import VietText

struct Learn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: HelpText.Learn.abstract.inHelpLang,
        discussion: HelpText.Learn.discussion.inHelpLang
    )

    @Argument(help: HelpText.Learn.lesson.argumentHelp())
    var lesson: [String] = []

    @Flag(name: .long, help: HelpText.Learn.list.argumentHelp())
    var list = false

    @Flag(name: .long, help: HelpText.Learn.progress.argumentHelp())
    var progress = false

    @Flag(name: .long, help: HelpText.Learn.csv.argumentHelp())
    var csv = false

    @Option(name: .long, help: HelpText.Learn.output.argumentHelp(valueName: HelpText.Output.fileValue))
    var output: String?

    @Flag(name: .long, help: HelpText.Learn.replace.argumentHelp())
    var replace = false

    @Flag(name: .long, help: HelpText.Learn.check.argumentHelp())
    var check = false

    @Option(name: .customLong("lessons"), help: HelpText.Learn.lessons.argumentHelp(valueName: HelpText.directory))
    var folders: [String] = []

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let lang = options.language
        let environment = CLIEnvironment.variables
        // Practice copies go with the process even when it is killed or its terminal closes.
        SandboxCleanup.install()
        if csv && !progress { throw CLIError(message: HelpText.Learn.csvNeedsProgress(lang), code: .usage) }
        if output != nil && !progress { throw CLIError(message: HelpText.Learn.outputNeedsProgress(lang), code: .usage) }
        if replace && output == nil { throw CLIError(message: HelpText.Learn.replaceNeedsOutput(lang), code: .usage) }
        if check {
            // `--check DIR`: that folder's lessons only; `--check`: the shipped ones and --lessons.
            let library = LessonLibrary.load(shipped: lesson.isEmpty, folders: lesson.isEmpty ? folders : lesson)
            let practice = try practiceData(environment, lang)
            // Solutions may write files (a lesson saves `bao-cao.html`): they land in a scratch
            // folder, not in the trainer's current one. The lessons were loaded above, so a
            // relative DIR has been read already.
            let scratch = FileManager.default.temporaryDirectory
                .appendingPathComponent("danvan-learn-check-" + UUID().uuidString)
            try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let previous = FileManager.default.currentDirectoryPath
            // Should the folder be unusable, the check still runs, in the current folder.
            _ = FileManager.default.changeCurrentDirectoryPath(scratch.path)
            defer {
                _ = FileManager.default.changeCurrentDirectoryPath(previous)
                try? FileManager.default.removeItem(at: scratch)
            }
            let (report, passed) = Learning.check(library.lessons, problems: library.problems, practice: practice, lang: lang)
            print(report, terminator: "")
            if !passed { throw ExitCode(ExitCode32.scriptError.rawValue) }
            return
        }
        let library = LessonLibrary.load(folders: folders)
        for problem in library.problems {
            FileHandle.standardError.write(Data(("danvan learn: " + problem.text(lang) + "\n").utf8))
        }
        let learning = Learning(library: library, progress: ProgressStore(environment: environment))
        if progress {
            let user = ChangeWriter.systemUser()
            let summary = csv ? learning.progressCSV(user: user) : learning.progressText(user: user, lang)
            guard let output else {
                print(summary, terminator: "")
                return
            }
            try writeProgress(summary, to: output, lang)
            return
        }
        if list {
            print(learning.listText(lang), terminator: "")
            return
        }
        var start: Int?
        if !lesson.isEmpty {
            let query = lesson.joined(separator: " ")
            guard let found = library.find(query) else {
                throw CLIError(message: HelpText.Learn.noSuchLesson(lang, query), code: .usage)
            }
            start = found
        }
        try session(learning, start: start, lang: lang, environment: environment)
    }

    private func practiceData(_ environment: [String: String], _ lang: Lang) throws -> PracticeData {
        do {
            return try PracticeData(version: DanVan.version, environment: environment)
        } catch let error as LessonError {
            throw CLIError(message: error.text(lang), code: .ioError)
        }
    }

    /// The lessons at the prompt, wired as Shell.swift wires the normal session: libedit on
    /// a terminal (plain lines from a pipe), Ctrl-C to the running entry, Tab to the engine.
    private func session(_ learning: Learning, start: Int?, lang: Lang, environment: [String: String]) throws {
        let practice = try practiceData(environment, lang)
        TerminalLocale.configure()
        let interrupt = InterruptFlag()
        InterruptSignal.install(hook: interrupt)
        let editorSource = TerminalSize.isTerminal(0)
            ? LineEditor(programName: "danvan", historyPath: HistoryLocation.path(environment: environment),
                         historySize: Shell.historySize).map(EditorSource.init)
            : nil
        let source: any LineSource = editorSource ?? PlainSource()
        let outputIsTerminal = TerminalSize.isTerminal(1)
        let replEnvironment = Shell.terminalEnvironment(
            source: source, inputPending: { editorSource != nil && TerminalInput.hasPendingInput() })
        let terminal = LessonTerminal(
            source: source, console: StandardConsole(isTerminal: outputIsTerminal), environment: replEnvironment,
            color: ColorPolicy.enabled(outputIsTerminal: outputIsTerminal, environment: environment),
            interrupt: interrupt, attach: { engine in editorSource?.completeWith(engine) })
        do {
            try learning.run(start: start, practice: practice, terminal: terminal, lang: lang)
        } catch let error as LessonError {
            throw CLIError(message: error.text(lang), code: .ioError)
        }
    }
}

extension Learn {
    /// `--progress --output FILE`: the summary into a new file (or, with `--replace`, in place
    /// of the one there), whole or not at all; a CSV file starts with the byte order mark, so
    /// that Excel reads its Vietnamese.
    func writeProgress(_ summary: String, to path: String, _ lang: Lang) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw CLIError(message: HelpText.Output.isFolder(lang, path), code: .ioError) }
            if !replace { throw CLIError(message: HelpText.Learn.exists(lang, path), code: .usage) }
        }
        let file = OutputFile(path: path, append: false)
        try file.create(lang)
        do {
            try file.write(Array(((csv ? CSVFormat.byteOrderMark : "") + summary).utf8))
        } catch {
            file.discard()
            throw CLIError(message: error.message(lang), code: .ioError)
        }
        try file.commit(lang)
    }

    static let learnHelp = Localized(
        vi: "Mở các bài học có hướng dẫn (trên bản sao dữ liệu mẫu); :quit trong bài để trở lại đây",
        en: "Open the guided lessons (on a copy of the demo data); :quit in a lesson comes back here")
    static let backInSession = Localized(vi: "Đã trở lại phiên làm việc của bạn.", en: "Back in your own session.")

    /// `:learn [N|TITLE]` in the normal session: the same lessons as `danvan learn`, read
    /// from the session's own line editor; `backTo` joins Tab to the session again after.
    static func replCommand(terminal: LessonTerminal, lang: @escaping () -> Lang,
                            backTo: @escaping () -> Void) -> ExtraCommand {
        ExtraCommand(name: "learn", usage: Localized(vi: "[SỐ|TÊN]", en: "[N|TITLE]"), help: learnHelp) { argument in
            let lang = lang()
            let environment = CLIEnvironment.variables
            let library = LessonLibrary.load(folders: [])
            let learning = Learning(library: library, progress: ProgressStore(environment: environment))
            var start: Int?
            if !argument.isEmpty {
                guard let found = library.find(argument) else {
                    return terminal.console.writeError(HelpText.Learn.noSuchLesson(lang, argument) + "\n")
                }
                start = found
            }
            defer { backTo() }
            SandboxCleanup.install()
            do {
                let practice = try PracticeData(version: DanVan.version, environment: environment)
                try learning.run(start: start, practice: practice, terminal: terminal, lang: lang)
                terminal.console.writeOutput(backInSession(lang) + "\n")
            } catch let error as LessonError {
                terminal.console.writeError(error.text(lang) + "\n")
            } catch {
                terminal.console.writeError(String(describing: error) + "\n")
            }
        }
    }
}
