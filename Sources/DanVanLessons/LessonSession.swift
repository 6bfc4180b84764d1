// One lesson at the normal REPL prompt: the step's text is shown, the learner types as in
// any session (editing, completion, `:help`), and after each entry the step's checks judge
// what it did. Right: a short confirmation and the next step. Wrong: what differs and the
// next hint. The lesson's own commands (`:hint`, `:skip`, `:back`, `:restart`, `:lessons`)
// are added to the engine's table; `:quit` and Ctrl-D leave with the progress kept.
//
// The learner works in a PracticeWorld (a fresh copy of the practice data). Going back,
// starting over, resuming in a new session, and undoing a wrong change to the data all build
// a new world and replay the earlier steps' setups and reference solutions in it: the data and
// the names defined are then those the lesson expects at that step. (What a learner defined
// beyond the lesson is not kept; the copy on disk is never kept between sessions either.)
// Anything that replaces the world waits until the engine has returned (`pending`).
import DanVanGolden
import DanVanLang
import DanVanREPL
import Foundation
import VietText

/// What a lesson session reads from and writes to, supplied by the executable (the line
/// editor, the console), with what every new engine needs.
public struct LessonTerminal {
    public var source: any LineSource
    public var console: any Console
    public var environment: REPLEnvironment
    public var color: Bool
    /// The flag Ctrl-C raises (the executable routes SIGINT to it).
    public var interrupt: InterruptFlag
    /// Called with each new engine: Tab completion follows it.
    public var attach: (REPLEngine) -> Void

    public init(source: any LineSource, console: any Console, environment: REPLEnvironment, color: Bool,
                interrupt: InterruptFlag, attach: @escaping (REPLEngine) -> Void) {
        self.source = source
        self.console = console
        self.environment = environment
        self.color = color
        self.interrupt = interrupt
        self.attach = attach
    }
}

final class LessonSession {
    enum Outcome { case quit, lessons, finished }

    /// What to do once the engine has returned to the loop.
    enum Pending {
        case advance(skipped: Bool)
        case rebuild(at: Int, note: Localized?)
        case skip
    }

    let lesson: Lesson
    /// Its place in the list, as shown.
    let number: Int
    let practice: PracticeData
    let progress: ProgressStore
    let terminal: LessonTerminal
    var lang: Lang
    var index = 0
    var world: PracticeWorld?
    let reference: ReferenceRun
    /// The next hint of this step to show.
    var hintIndex = 0
    /// The meta-commands run during this step.
    var commands: [(name: String, argument: String)] = []
    /// The tables a `data` check compares, as the step found them.
    var startTables: [String: TableRows] = [:]
    var pending: Pending?
    var leaveForList = false
    var record: LessonProgress
    private var lastInput = ContinuousClock.now

    init(lesson: Lesson, number: Int, practice: PracticeData, progress: ProgressStore, terminal: LessonTerminal,
         lang: Lang) throws {
        self.lesson = lesson
        self.number = number
        self.practice = practice
        self.progress = progress
        self.terminal = terminal
        self.lang = lang
        reference = try ReferenceRun(lesson: lesson, practice: practice, lang: lang)
        record = progress[lesson.key] ?? LessonProgress(step: lesson.steps.first?.id ?? "")
        if record.finished {
            // A finished lesson opens at its start again, its record kept.
            record.finished = false
            record.step = lesson.steps.first?.id ?? ""
        }
        index = lesson.steps.firstIndex { $0.id == record.step } ?? 0
    }

    /// Runs the lesson until it is finished, left for the list, or the session ends.
    func run() throws -> Outcome {
        say(LessonText.header(lang, number, lesson.title(lang)) + "\n" + LessonText.practiceNote(lang) + "\n"
            + LessonText.commandsNote(lang))
        if index > 0 { say(LessonText.resumed(lang, index + 1, lesson.steps.count)) }
        try rebuild(at: index)
        defer {
            save()
            // The practice copy goes now, not whenever the last reference to it does.
            world?.close()
            reference.close()
        }
        while let world, !world.engine.isFinished {
            let input = terminal.source.read(prompt: world.engine.prompt)
            tick()
            if input == .interrupted { terminal.console.interruptedAtPrompt() }
            if case .line(let text) = input, index < lesson.steps.count, !lesson.steps[index].isTask,
               !world.engine.isContinuing, !text.trimmingCharacters(in: .whitespaces).hasPrefix(":") {
                // A reading step: Enter (or anything typed, which runs as usual) goes on.
                if !text.trimmingCharacters(in: .whitespaces).isEmpty { world.engine.handle(input) }
                if pending == nil { pending = .advance(skipped: false) }
            } else {
                world.engine.handle(input)
            }
            if leaveForList { return .lessons }
            if try performPending() { return .finished }
        }
        return .quit
    }

    // MARK: - Steps

    /// Does what an entry or a command asked for; true when the lesson is finished.
    private func performPending() throws -> Bool {
        guard let action = pending else { return false }
        pending = nil
        switch action {
        case .advance(let skipped):
            return advance(skipped: skipped)
        case .rebuild(let target, let note):
            try rebuild(at: target, note: note)
        case .skip:
            guard let world, index < lesson.steps.count else { return false }
            let step = lesson.steps[index]
            guard let solution = step.solution else { return advance(skipped: false) }
            if step.changesData && dataChanged() { try rebuild(at: index, show: false) }
            // Shown without its `# expect` lines: they are for `--check`, and would give the
            // output away before it runs.
            let shown = GoldenExpectations.withoutExpectations(solution)
            say(LessonText.solution(lang) + "\n" + shown.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            _ = (self.world ?? world).run(solution, events: deliver)
            return advance(skipped: true)
        }
        return false
    }

    /// Marks this step as passed (or skipped) and shows the next; true after the last.
    private func advance(skipped: Bool) -> Bool {
        guard index < lesson.steps.count else { return true }
        let step = lesson.steps[index]
        if step.isTask {
            if skipped {
                if !record.skipped.contains(step.id) && !record.done.contains(step.id) { record.skipped.append(step.id) }
            } else if !record.done.contains(step.id) {
                record.done.append(step.id)
                record.skipped.removeAll { $0 == step.id }
            }
        }
        index += 1
        guard index < lesson.steps.count else {
            record.finished = true
            record.step = lesson.steps.first?.id ?? ""
            save()
            say(LessonText.finished(lang, number, record.done.count, lesson.taskCount, record.skipped.count, record.hints))
            return true
        }
        if let setup = lesson.steps[index].setup { _ = world?.run(setup) }
        enterStep()
        return false
    }

    /// Shows the current step and resets what belongs to a step.
    private func enterStep() {
        guard index < lesson.steps.count else { return }
        let step = lesson.steps[index]
        hintIndex = 0
        commands = []
        startTables = [:]
        for case .data(let names) in step.checks {
            for name in names { startTables[name] = try? world?.table(name) }
        }
        record.step = step.id
        save()
        say("\n" + LessonText.stepHeader(lang, index + 1, lesson.steps.count) + "\n" + step.text(lang))
    }

    /// A new world at step `target`: fresh data, the earlier steps replayed, Tab and the
    /// lesson's commands joined to its engine.
    func rebuild(at target: Int, note: Localized? = nil, show: Bool = true) throws {
        let mode = world?.engine.settings.mode ?? .table
        if let engine = world?.engine { lang = engine.lang }
        let settings = REPLEngine.Settings(lang: lang, interactive: true, color: terminal.color, mode: mode)
        let fresh: PracticeWorld
        do {
            fresh = try PracticeWorld(practice: practice, settings: settings, environment: terminal.environment,
                                      interrupt: terminal.interrupt)
        } catch {
            throw LessonError(LessonText.cannotStart, String(describing: error))
        }
        fresh.replay(lesson, upTo: target)
        let engine = fresh.engine
        // Unowned: the engine belongs to the world this session owns.
        engine.onEvent = { [unowned self] in self.deliver($0) }
        engine.readAnswer = { [source = terminal.source] prompt in source.read(prompt: prompt) }
        engine.onEntry = { [unowned self] outcome in self.entered(outcome) }
        engine.onCommand = { [unowned self] name, argument in self.commandRan(name, argument) }
        engine.extraCommands = lessonCommands()
        terminal.attach(engine)
        world?.close()
        world = fresh
        index = max(0, min(target, lesson.steps.count - 1))
        if let note { say(note(lang)) }
        if show { enterStep() }
    }

    // MARK: - Judging

    private func entered(_ outcome: EntryOutcome) {
        guard let world, index < lesson.steps.count, lesson.steps[index].isTask, pending == nil else { return }
        // A comment on its own line is a note, not an answer.
        if Judge.isOnlyComments(outcome.text) { return }
        judge(world.attempt(from: outcome), typedCode: true)
    }

    private func commandRan(_ name: String, _ argument: String) {
        commands.append((name, argument))
        guard index < lesson.steps.count, lesson.steps[index].isTask, pending == nil,
              lesson.steps[index].checks.contains(where: { if case .meta = $0 { return true } else { return false } })
        else { return }
        judge(Attempt(text: "", command: (name, argument)), typedCode: false)
    }

    /// Right: confirm and go on. Wrong: say why (only for typed code: a learner looking around
    /// with `:help` or `:schema` is not answering).
    private func judge(_ attempt: Attempt, typedCode: Bool) {
        guard let world else { return }
        let step = lesson.steps[index]
        let expected = reference.reference(for: index)
        guard let failure = Judge.firstFailure(step.checks, attempt: attempt, reference: expected, commands: commands,
                                               tables: world.table) else {
            say(LessonText.right(lang))
            pending = .advance(skipped: false)
            return
        }
        guard typedCode else { return }
        say(LessonText.wrong(lang, failure(lang)))
        showNextHint(whenNone: LessonText.noMoreHints)
        if step.changesData && dataChanged() { pending = .rebuild(at: index, note: LessonText.dataRestored) }
    }

    /// Whether the tables this step's `data` check compares differ from how the step found them.
    private func dataChanged() -> Bool {
        startTables.contains { name, rows in (try? world?.table(name)) != rows }
    }

    /// Shows the next unused hint (counted), or `whenNone` once all have been shown.
    func showNextHint(whenNone: Localized) {
        let hints = lesson.steps[index].hints
        if hintIndex < hints.count {
            say(LessonText.hint(lang, hints[hintIndex](lang)))
            hintIndex += 1
            record.hints += 1
        } else {
            say(whenNone(lang))
        }
    }

    // MARK: - The lesson's commands

    private func lessonCommands() -> [ExtraCommand] {
        [
            ExtraCommand(name: "hint", help: LessonText.hintHelp) { [unowned self] _ in
                guard index < lesson.steps.count else { return }
                if !lesson.steps[index].isTask { return say(LessonText.readingStep(lang)) }
                if lesson.steps[index].hints.isEmpty { return say(LessonText.noHints(lang)) }
                showNextHint(whenNone: LessonText.noMoreHints)
            },
            ExtraCommand(name: "skip", help: LessonText.skipHelp) { [unowned self] _ in pending = .skip },
            ExtraCommand(name: "back", help: LessonText.backHelp) { [unowned self] _ in
                if index == 0 { return say(LessonText.firstStep(lang)) }
                pending = .rebuild(at: index - 1, note: nil)
            },
            ExtraCommand(name: "restart", help: LessonText.restartHelp) { [unowned self] _ in
                pending = .rebuild(at: 0, note: nil)
            },
            ExtraCommand(name: "lessons", help: LessonText.lessonsHelp) { [unowned self] _ in leaveForList = true },
        ]
    }

    // MARK: - Output and progress

    private func deliver(_ event: REPLEvent) {
        switch event {
        case .output(let text): terminal.console.writeOutput(text)
        case .error(let text): terminal.console.writeError(text)
        case .clearScreen: terminal.console.clearScreen()
        case .history(let entry): terminal.source.remember(entry)
        case .exit: break
        }
    }

    func say(_ text: String) {
        terminal.console.writeOutput(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Adds the time since the last input, up to `ProgressStore.maxPause`.
    private func tick() {
        let now = ContinuousClock.now
        let (seconds, attoseconds) = (now - lastInput).components
        record.seconds += min(Double(seconds) + Double(attoseconds) / 1e18, ProgressStore.maxPause)
        lastInput = now
    }

    func save() {
        progress[lesson.key] = record
        if let error = progress.save() { terminal.console.writeError(error.text(lang) + "\n") }
    }
}
