// `danvan learn --check`: proves a lesson works before a learner meets it. Each step's
// solution, run on fresh practice data after every earlier step's setup and solution, must
// pass its own checks; each listed wrong answer, run at the same point, must fail them; the
// reference solution must not fail; a solution that says what it shows in `# expect` comments
// (the golden format, DanVanGolden) must show exactly that. (Texts in both languages and equal hint counts are the
// parser's part.) Every problem names the lesson file, the line and the step.
import DanVanGolden
import DanVanLang
import Foundation
import VietText

public enum LessonChecker {
    static let solutionFails = Localized(vi: "bước '{0}': lời giải bị lỗi: {1}", en: "step '{0}': the solution fails: {1}")
    static let solutionFailsAt = Localized(vi: "bước '{0}': lời giải bị lỗi (cột {1}): {2}",
                                           en: "step '{0}': the solution fails (column {1}): {2}")
    static let solutionRejected = Localized(vi: "bước '{0}': lời giải không qua chính kiểm tra của nó: {1}",
                                            en: "step '{0}': the solution does not pass its own checks: {1}")
    static let wrongAccepted = Localized(vi: "bước '{0}': câu trả lời sai này lại được chấp nhận",
                                         en: "step '{0}': this wrong answer is accepted")
    static let expectationFails = Localized(vi: "bước '{0}': lời giải không làm đúng như dòng `# expect` của nó: {1}",
                                            en: "step '{0}': the solution does not do what its `# expect` lines say: {1}")
    static let cannotCopy = Localized(vi: "không tạo được bản sao dữ liệu luyện tập: {0}",
                                      en: "cannot make a copy of the practice data: {0}")

    /// The problems of `lesson`; empty when it works. `progress` is told each step checked.
    public static func check(_ lesson: Lesson, practice: PracticeData, lang: Lang = .en) -> [LessonProblem] {
        var problems: [LessonProblem] = []
        func problem(_ line: Int, _ message: Localized, _ args: Any...) {
            let filled: Localized
            switch args.count {
            case 1: filled = ValueComparison.fill(message, args[0])
            case 2: filled = ValueComparison.fill(message, args[0], args[1])
            case 3: filled = ValueComparison.fill(message, args[0], args[1], args[2])
            default: filled = message
            }
            problems.append(LessonProblem(file: lesson.file, line: line, message: filled))
        }
        let reference: ReferenceRun
        let learner: PracticeWorld
        do {
            reference = try ReferenceRun(lesson: lesson, practice: practice, lang: lang)
            learner = try PracticeWorld(practice: practice, settings: PracticeSettings.quiet(lang),
                                        environment: PracticeSettings.quietEnvironment())
        } catch {
            problem(0, cannotCopy, String(describing: error))
            return problems
        }
        for (index, step) in lesson.steps.enumerated() {
            if let setup = step.setup { _ = learner.run(setup) }
            guard let solution = step.solution else { continue }
            let expected = reference.reference(for: index)
            let (attempt, commands) = learner.run(solution)
            if let error = reference.errors[index] {
                // At the line of the file and the column where it fails, when the language says.
                if let reported = attempt.observation.runtimeError ?? attempt.observation.errors.first {
                    problem(step.solutionLine + reported.line - 1, solutionFailsAt, step.id, reported.column, reported.text)
                } else {
                    problem(step.line, solutionFails, step.id, firstLine(error))
                }
            }
            if let failure = Judge.firstFailure(step.checks, attempt: attempt, reference: expected, commands: commands,
                                                tables: learner.table) {
                problem(step.line, solutionRejected, step.id, failure)
            }
            let expectations = GoldenExpectations(solution, firstLine: step.solutionLine)
            if expectations.hasExpectations(for: lang) {
                for mismatch in Golden.compare(expectations, attempt.observation, lang: lang) {
                    problem(mismatch.line ?? step.solutionLine, expectationFails, step.id, mismatch.message)
                }
            }
            for wrong in step.wrongs {
                // Each wrong answer on its own fresh copy: one may change data that the next
                // (or the solution) must find as it was.
                guard let world = try? PracticeWorld(practice: practice, settings: PracticeSettings.quiet(lang),
                                                     environment: PracticeSettings.quietEnvironment()) else {
                    problem(wrong.line, cannotCopy, "?")
                    continue
                }
                world.replay(lesson, upTo: index)
                let (answer, ran) = world.run(wrong.text)
                if Judge.firstFailure(step.checks, attempt: answer, reference: expected, commands: ran,
                                      tables: world.table) == nil {
                    problem(wrong.line, wrongAccepted, step.id)
                }
            }
        }
        return problems
    }

    /// The message line of a rendered diagnostic (`<repl 1>:1:5: error: …`), without the
    /// quoted source and caret.
    static func firstLine(_ diagnostic: String) -> String {
        diagnostic.split(separator: "\n").first.map(String.init) ?? diagnostic
    }
}
