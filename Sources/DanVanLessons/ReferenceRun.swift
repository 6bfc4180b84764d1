// What each step's reference solution gives, computed in a world of its own: a fresh practice
// copy where every step's setup and solution run in order, as a learner who answers exactly as
// the lesson does would run them. A step's checks compare the learner's answer with its
// result here. Results are computed once, when first needed, and kept: the reference does
// not depend on what the learner does, so `:back` and a second try reuse them.
import DanVanLang
import DanVanREPL
import Foundation
import VietText

final class ReferenceRun {
    let lesson: Lesson
    private let world: PracticeWorld
    /// The next step whose solution has not run yet.
    private var next = 0
    private var results: [Reference] = []
    /// A step's solution that failed here: the lesson is broken (`--check` reports it).
    private(set) var errors: [Int: String] = [:]

    init(lesson: Lesson, practice: PracticeData, lang: Lang) throws {
        self.lesson = lesson
        world = try PracticeWorld(practice: practice, settings: PracticeSettings.quiet(lang),
                                  environment: PracticeSettings.quietEnvironment())
    }

    /// Deletes the reference's practice copy (and what its solutions saved); results
    /// already computed stay.
    func close() { world.close() }

    /// Runs `code` in the private folder of the reference's practice copy, made the process's
    /// current folder for that time (the lessons run on one thread): a file a solution saves
    /// (`save(doc, "bao-cao.html")`) never lands in the learner's folder, and goes with the copy.
    private func run(_ code: String) -> Attempt {
        let previous = FileManager.default.currentDirectoryPath
        let moved = FileManager.default.changeCurrentDirectoryPath(world.sandbox.directory)
        defer { if moved { _ = FileManager.default.changeCurrentDirectoryPath(previous) } }
        return world.run(code).attempt
    }

    /// The solution's result for step `index` (an empty one for a reading step).
    func reference(for index: Int) -> Reference {
        while next <= index && next < lesson.steps.count {
            let step = lesson.steps[next]
            if let setup = step.setup { _ = run(setup) }
            var reference = Reference(value: nil, tables: [:])
            if let solution = step.solution {
                let attempt = run(solution)
                if let error = attempt.error { errors[next] = error }
                reference.value = attempt.value.map { detached(ValueComparison.materialized($0)) }
                for case .data(let names) in step.checks {
                    for name in names { reference.tables[name] = try? world.table(name) }
                }
            }
            results.append(reference)
            next += 1
        }
        return index >= 0 && index < results.count ? results[index] : Reference(value: nil, tables: [:])
    }
}

/// How the lessons' own engines are set up.
enum PracticeSettings {
    /// An engine as at the prompt (`_` is the last value, entries are `<repl N>`), whose
    /// output nobody sees: solutions run "as if typed", and nothing it would ask is asked.
    static func quiet(_ lang: Lang) -> REPLEngine.Settings {
        REPLEngine.Settings(lang: lang, interactive: true)
    }

    /// Files, clock and sizes of the real machine; no history, no pending input.
    static func quietEnvironment() -> REPLEnvironment {
        REPLEnvironment(files: LocalFiles())
    }
}
