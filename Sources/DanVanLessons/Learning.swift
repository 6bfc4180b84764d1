// What `danvan learn` does, for the executable to call: the numbered list of lessons with the
// learner's progress, the summary a trainer collects (text or CSV), `--check`, and the
// interactive loop that goes between the list and the lessons.
import DanVanOutput
import DanVanREPL
import Foundation
import VietText

public final class Learning {
    public let library: LessonLibrary
    public let progress: ProgressStore

    public init(library: LessonLibrary, progress: ProgressStore) {
        self.library = library
        self.progress = progress
    }

    // MARK: - The list

    /// "  1. First steps   ✓ done" for every lesson, with a heading.
    public func listText(_ lang: Lang) -> String {
        guard !library.lessons.isEmpty else { return LessonText.noLessons(lang) + "\n" }
        let titles = library.lessons.enumerated().map { "\($0.offset + 1). " + $0.element.title(lang) }
        let width = titles.map(DisplayWidth.of).max() ?? 0
        var text = LessonText.listHeading(lang) + "\n"
        for (lesson, title) in zip(library.lessons, titles) {
            text += "  " + DisplayWidth.pad(title, to: width) + "  " + status(of: lesson, lang) + "\n"
        }
        return text
    }

    func status(of lesson: Lesson, _ lang: Lang) -> String {
        guard let record = progress[lesson.key] else { return LessonText.statusNew(lang) }
        if record.finished { return LessonText.statusDone(lang) }
        return LessonText.statusPartial(lang, record.done.count, lesson.taskCount)
    }

    /// The first lesson not finished, else nil.
    public var firstUnfinished: Int? {
        library.lessons.firstIndex { progress[$0.key]?.finished != true }
    }

    // MARK: - Progress for the trainer

    /// Per lesson started: steps answered, skipped, hints, minutes; then the totals.
    public func progressText(user: String, _ lang: Lang) -> String {
        var text = LessonText.progressHeading(lang, user) + "\n"
        var done = 0, steps = 0, hints = 0, seconds = 0.0
        for (offset, lesson) in library.lessons.enumerated() {
            guard let record = progress[lesson.key] else { continue }
            if record.finished { done += 1 }
            steps += record.done.count
            hints += record.hints
            seconds += record.seconds
            text += "  " + LessonText.progressLine(lang, offset + 1, lesson.title(lang), record.done.count, lesson.taskCount,
                                                   record.skipped.count, record.hints, minutes(record.seconds),
                                                   record.finished ? LessonText.progressDone(lang) : "") + "\n"
        }
        return text + LessonText.progressTotal(lang, done, library.lessons.count, steps, hints, minutes(seconds)) + "\n"
    }

    /// One row per lesson (started or not), for a trainer's spreadsheet: machine names in the
    /// header and plain numbers, the way `danvan export` writes CSV.
    public func progressCSV(user: String) -> String {
        var rows: [[CellValue]] = []
        for (offset, lesson) in library.lessons.enumerated() {
            let record = progress[lesson.key]
            rows.append([.text(user), .integer(Int64(offset + 1)), .text(lesson.key), .text(lesson.title.vi),
                         .integer(Int64(lesson.taskCount)), .integer(Int64(record?.done.count ?? 0)),
                         .integer(Int64(record?.skipped.count ?? 0)), .integer(Int64(record?.hints ?? 0)),
                         .integer(Int64((record?.seconds ?? 0).rounded())), .bool(record?.finished ?? false)])
        }
        let model = TableModel(labels: ["user", "number", "lesson", "title", "steps", "steps_done", "steps_skipped",
                                        "hints", "seconds", "finished"], rows: rows)
        return ModelWriter.write(model, mode: .csv, lang: .en, bom: false)
    }

    private func minutes(_ seconds: Double) -> String {
        String(Int((seconds / 60).rounded()))
    }

    // MARK: - --check

    /// Checks `lessons` on fresh practice data: the report (one line per lesson, then each
    /// problem) and whether everything passed.
    public static func check(_ lessons: [Lesson], problems parseProblems: [LessonProblem], practice: PracticeData,
                             lang: Lang) -> (report: String, passed: Bool) {
        var report = ""
        var count = parseProblems.count
        for problem in parseProblems { report += problem.text(lang) + "\n" }
        for lesson in lessons {
            let problems = LessonChecker.check(lesson, practice: practice, lang: lang)
            count += problems.count
            if problems.isEmpty {
                report += LessonText.checkPassed(lang, lesson.file, lesson.steps.count) + "\n"
            }
            for problem in problems { report += problem.text(lang) + "\n" }
        }
        report += LessonText.checkSummary(lang, lessons.count, count) + "\n"
        return (report, count == 0)
    }

    // MARK: - The interactive loop

    /// Opens lesson `start` (an index), or the list first when nil; from the list the
    /// learner picks a lesson, and `:lessons` or a finished lesson comes back to it.
    /// Ends at `:quit`, Ctrl-D, or the end of input.
    public func run(start: Int?, practice: PracticeData, terminal: LessonTerminal, lang: Lang) throws {
        var next = start
        var lang = lang
        while true {
            if next == nil {
                guard let chosen = choose(terminal: terminal, lang: lang) else { return }
                next = chosen
            }
            guard let index = next, index < library.lessons.count else { return }
            let session = try LessonSession(lesson: library.lessons[index], number: index + 1, practice: practice,
                                            progress: progress, terminal: terminal, lang: lang)
            let outcome = try session.run()
            lang = session.lang
            switch outcome {
            case .quit: return
            case .lessons, .finished: next = nil
            }
        }
    }

    /// Shows the list and reads the learner's choice: a number, words of a title, or Enter
    /// for the first unfinished lesson. Nil: `:quit`, Ctrl-D, or the end of input.
    func choose(terminal: LessonTerminal, lang: Lang) -> Int? {
        terminal.console.writeOutput(listText(lang))
        guard !library.lessons.isEmpty else { return nil }
        while true {
            let suggested = firstUnfinished
            let prompt = suggested.map { LessonText.choose(lang, $0 + 1) } ?? LessonText.chooseAllDone(lang)
            switch terminal.source.read(prompt: prompt) {
            case .endOfInput:
                return nil
            case .interrupted:
                terminal.console.interruptedAtPrompt()
            case .line(let text):
                let answer = text.trimmingCharacters(in: .whitespaces)
                if [":quit", ":q", ":exit"].contains(answer) { return nil }
                if answer.isEmpty, let suggested { return suggested }
                if !answer.isEmpty, let found = library.find(answer) { return found }
                if !answer.isEmpty { terminal.console.writeError(LessonText.noSuchLesson(lang, answer) + "\n") }
            }
        }
    }
}
