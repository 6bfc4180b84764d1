// One practice session: a fresh copy of the practice data, the domain host over it, the
// language and a REPL engine, wired as Shell.swift wires the normal session. The learner
// types into one (interactive); the reference solutions run in another (batch), and
// `danvan learn --check` makes as many as it needs. Code run by the lesson itself (setups,
// replayed solutions, `:skip`) goes through the same engine as typed input, so a solution is
// run exactly as if it had been typed at the prompt.
import DanVanDomain
import DanVanGolden
import DanVanLang
import DanVanREPL
import DanVanReport
import DanVanStore
import Foundation
import VietText

final class PracticeWorld {
    let sandbox: Sandbox
    let host: DomainHost
    let evaluator: LanguageEvaluator
    let engine: REPLEngine

    /// `settings.interactive` false gives a batch engine: nothing is ever asked, no screenfuls.
    init(practice: PracticeData, settings: REPLEngine.Settings, environment: REPLEnvironment,
         interrupt: InterruptFlag = InterruptFlag()) throws {
        sandbox = try practice.copy()
        var options = WriteSession.Options()
        // The change log of the copy says where its changes came from.
        options.origin = "learn"
        host = DomainHost(store: sandbox.store, interrupt: interrupt,
                          pushdown: DomainHost.pushdown(ProcessInfo.processInfo.environment), options: options)
        let host = self.host
        evaluator = LanguageEvaluator(host: host, lang: settings.lang, interrupt: interrupt,
                                      beforeEvaluate: { host.invalidate() })
        // `save` in a lesson never writes over a file of the learner's (lesson 6 saves
        // `bao-cao.html` in the current folder): only over one a lesson made.
        ReportFunctions.install(on: host, lang: { [unowned evaluator] in evaluator.interpreter.lang },
                                replacing: .onlyMade(PracticeWorld.madeFiles))
        var environment = environment
        // `:tables` counts this copy's rows.
        environment.rowCount = { [store = sandbox.store] in try? store.count($0) }
        engine = REPLEngine(evaluator: evaluator, environment: environment, settings: settings,
                            data: HostDataSession(host: host))
    }

    deinit { close() }

    /// The files the lessons' `save` calls made in this process, which they may replace.
    static let madeFiles = MadeFiles()

    /// Deletes the practice copy. Safe to call twice.
    func close() { sandbox.discard() }

    /// Runs `code` (entries and meta-commands, as `REPLEngine.submit` splits them) and gives
    /// what it did as one answer: the last entry's value, everything printed, the first
    /// error, the meta-commands run. `events` receives what the engine shows (nil: nothing is
    /// shown, and a question `Apply? [y/N]` is answered yes, as a solution means it).
    func run(_ code: String, events: ((REPLEvent) -> Void)? = nil) -> (attempt: Attempt, commands: [(name: String, argument: String)]) {
        var attempt = Attempt(text: "")
        var commands: [(name: String, argument: String)] = []
        var code_: [String] = []
        let savedEvents = engine.onEvent, savedAnswer = engine.readAnswer
        let savedEntry = engine.onEntry, savedCommand = engine.onCommand
        defer {
            engine.onEvent = savedEvents
            engine.readAnswer = savedAnswer
            engine.onEntry = savedEntry
            engine.onCommand = savedCommand
        }
        var observation = GoldenObservation()
        engine.onEvent = { event in
            if case .output(let text) = event { observation.write(text) }
            events?(event)
        }
        if events == nil { engine.readAnswer = { _ in .line("y") } }
        // Where the entry being run starts in `code`, to number its diagnostics by the lines
        // of `code` (the engine numbers each entry from 1).
        var searchFrom = code.startIndex
        engine.onEntry = { [unowned self] outcome in
            code_.append(outcome.text)
            // A comment on its own line neither answers nor takes the last value away.
            if Judge.isOnlyComments(outcome.text) { return }
            let one = self.attempt(from: outcome)
            attempt.value = one.value
            attempt.printed += one.printed
            if attempt.error == nil { attempt.error = one.error }
            let found = code.range(of: outcome.text, range: searchFrom..<code.endIndex)
            if case .error = outcome.result {
                let offset = found.map { code[..<$0.lowerBound].filter { $0 == "\n" }.count } ?? 0
                observation.add(self.evaluator.lastDiagnostics, lineOffset: offset)
            }
            if let found { searchFrom = found.upperBound }
        }
        engine.onCommand = { name, argument in
            commands.append((name, argument))
            attempt.command = (name, argument)
        }
        engine.submit(code)
        attempt.text = code_.joined(separator: "\n")
        attempt.observation = observation
        return (attempt, commands)
    }

    /// The answer an entry the engine ran makes: its value is the interpreter's last one.
    func attempt(from outcome: EntryOutcome) -> Attempt {
        switch outcome.result {
        case .value:
            return Attempt(text: outcome.text, value: evaluator.interpreter.lastValue, printed: outcome.printed)
        case .nothing:
            return Attempt(text: outcome.text, printed: outcome.printed)
        case .error(let message):
            return Attempt(text: outcome.text, printed: outcome.printed, error: message)
        case .interrupted:
            return Attempt(text: outcome.text, printed: outcome.printed, error: "interrupted")
        }
    }

    /// The rows of `table` as the learner's data holds them now (an open `:begin` transaction
    /// included: it is this connection's).
    func table(_ name: String) throws -> TableRows {
        try sandbox.store.pool.read { db in try TableRows.read(name, from: db) }
    }

    /// Brings a fresh world to the start of `lesson`'s step `index`: each earlier step's setup
    /// and solution, then the step's own setup, all quietly.
    func replay(_ lesson: Lesson, upTo index: Int) {
        for step in lesson.steps.prefix(max(0, min(index, lesson.steps.count))) {
            if let setup = step.setup { _ = run(setup) }
            if let solution = step.solution { _ = run(solution) }
        }
        if index >= 0, index < lesson.steps.count, let setup = lesson.steps[index].setup { _ = run(setup) }
    }
}

/// A value that later code cannot change: lists and records are shared by reference in the
/// language (`append(xs, 4)` changes every holder), so a reference value kept for later
/// comparison is copied.
func detached(_ value: Value, depth: Int = 0) -> Value {
    // Deeper values are kept as they are: a lesson's values are never nested this far.
    guard depth < 64 else { return value }
    switch value {
    case .list(let list): return .list(ValueList(list.items.map { detached($0, depth: depth + 1) }))
    case .record(let record): return .record(Record.make(shape: record.shape, values: record.values.map { detached($0, depth: depth + 1) }))
    default: return value
    }
}
