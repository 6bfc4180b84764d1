// A lesson as the engine uses it, read from one Markdown file that holds both languages
// (docs/lessons.md, the format the lesson writers follow): a title, then steps; a step has
// its text, and when it is a task, a reference solution, the checks an answer must pass,
// hints in order, and wrong answers the checks must reject.
import Foundation
import VietText

public struct Lesson: Sendable {
    /// Where it was read from, for messages (`Lessons/01-first-steps.md`, `/home/lan/bai/08-x.md`).
    public var file: String
    /// The file's name without `.md` (`01-first-steps`): the key of its progress.
    public var key: String
    public var title: Localized
    public var steps: [Step]

    public init(file: String, key: String, title: Localized, steps: [Step]) {
        self.file = file
        self.key = key
        self.title = title
        self.steps = steps
    }

    /// The steps that ask something (the ones progress counts).
    public var taskCount: Int { steps.filter(\.isTask).count }
}

public struct Step: Sendable {
    /// The `## step: ID` heading's ID, unique in the lesson.
    public var id: String
    /// The line of the file the heading is on.
    public var line: Int
    /// What the learner reads: the explanation, then the task.
    public var text: Localized
    /// DanVan code run silently before the step.
    public var setup: String?
    /// The reference solution, run as if typed; nil for a reading step.
    public var solution: String?
    /// Every one must pass.
    public var checks: [Check]
    /// In order: the Nth hint in each language is the same hint.
    public var hints: [Localized]
    /// Answers the checks must reject (`danvan learn --check`), with the line each starts on.
    public var wrongs: [(text: String, line: Int)]
    /// The line of the file the solution's first line is on (its `# expect` lines are
    /// numbered from it).
    public var solutionLine: Int

    public init(id: String, line: Int, text: Localized, setup: String? = nil, solution: String? = nil,
                checks: [Check] = [], hints: [Localized] = [], wrongs: [(text: String, line: Int)] = [],
                solutionLine: Int = 0) {
        self.id = id
        self.line = line
        self.text = text
        self.setup = setup
        self.solution = solution
        self.checks = checks
        self.hints = hints
        self.wrongs = wrongs
        self.solutionLine = solutionLine
    }

    /// A step with a solution asks something; one without is read and passed with Enter.
    public var isTask: Bool { solution != nil }

    /// True when some check compares the data: a wrong answer may then have changed it.
    public var changesData: Bool { checks.contains { if case .data = $0 { return true } else { return false } } }

    /// True when every check is about meta-commands: typed code is then a wrong answer.
    public var onlyMeta: Bool {
        !checks.isEmpty && checks.allSatisfy { if case .meta = $0 { return true } else { return false } }
    }
}

/// One line of a ```check block.
public enum Check: Sendable, Equatable {
    /// `value` / `value unordered`: the entry's value equals the solution's.
    case value(unordered: Bool)
    /// `rows N`: the value is a list of exactly N rows.
    case rows(Int)
    /// `data T1 T2`: these tables' rows equal those the solution leaves.
    case data([String])
    /// `output TEXT`: what the entry printed contains TEXT.
    case output(String)
    /// `uses WORD`: a token of the entry is WORD.
    case uses(String)
    /// `no-error`: the entry ran without an error.
    case noError
    /// `meta NAME [ARGUMENT]`: the learner ran this meta-command (name without the colon).
    case meta(name: String, argument: String)
}
