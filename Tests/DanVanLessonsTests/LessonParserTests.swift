// The lesson file format (docs/lessons.md): what a good file gives, and that every mistake is
// reported with its line, in both languages.
import Testing
@testable import DanVanLessons
import VietText

@Suite struct LessonParserTests {
    static let good = """
        # vi: Thử
        # en: Trial

        Notes for the author are ignored.

        ## step: intro
        ```vi
        Xin chào.
        ```
        ```en
        Hello.
        ```

        ## step: task
        ```vi
        Tính 2 * 3.
        ```
        ```en
        Compute 2 * 3.
        ```
        ```setup
        let a = 2
        ```
        ```solution
        a * 3
        ```
        ```check
        value
        # a comment
        rows 0
        uses *
        data units mo_hinh
        output 6
        no-error
        meta :help upper
        value unordered
        ```
        ```hint.vi
        Dùng `*`.
        ```
        ```hint.en
        Use `*`.
        ```
        ```wrong
        a + 3
        ```
        ```wrong
        2 +
          3
        ```
        """

    func parse(_ text: String) -> Result<Lesson, LessonProblems> {
        LessonParser.parse(text, file: "t/01-x.md", key: "01-x")
    }

    @Test func aGoodLessonGivesItsStepsChecksHintsAndWrongAnswers() throws {
        let lesson = try parse(Self.good).get()
        #expect(lesson.title == Localized(vi: "Thử", en: "Trial"))
        #expect(lesson.key == "01-x")
        #expect(lesson.steps.map(\.id) == ["intro", "task"])
        #expect(lesson.taskCount == 1)
        let intro = lesson.steps[0], task = lesson.steps[1]
        #expect(!intro.isTask && intro.text == Localized(vi: "Xin chào.", en: "Hello."))
        #expect(task.line == 14)
        #expect(task.setup == "let a = 2")
        #expect(task.solution == "a * 3")
        #expect(task.checks == [.value(unordered: false), .rows(0), .uses("*"), .data(["units", "models"]),
                                .output("6"), .noError, .meta(name: "help", argument: "upper"), .value(unordered: true)])
        #expect(task.hints == [Localized(vi: "Dùng `*`.", en: "Use `*`.")])
        #expect(task.wrongs.map(\.text) == ["a + 3", "2 +\n  3"])
        #expect(task.wrongs.map(\.line) == [45, 48])
        #expect(task.changesData && !task.onlyMeta)
    }

    func problems(_ text: String) -> [String] {
        switch parse(text) {
        case .success: return []
        case .failure(let found): return found.all.map { $0.text(.en) }
        }
    }

    @Test func everyMistakeIsReportedWithItsLine() {
        let text = """
            # vi: Thử
            # en: Trial
            ## step: a b
            ```vi
            x
            ```
            ```hint.vi
            h
            ```
            ```solution
            1
            ```
            ```check
            valu
            rows many
            data nosuch
            ```
            ```hints.en
            h
            ```
            ## step: a b
            ```en
            y
            ```
            ```wrong
            2
            ```
            """
        #expect(problems(text) == [
            "t/01-x.md:3: error: the step name 'a b' may hold only ASCII letters, digits, '-' and '_'",
            "t/01-x.md:3: error: the step 'a b' has no ```en block",
            "t/01-x.md:3: error: the step 'a b' has 1 Vietnamese hints but 0 English ones: every hint needs both languages",
            "t/01-x.md:14: error: unknown check 'valu'; the checks are: value, value unordered, rows N, data TABLE…, output TEXT, uses WORD, no-error, meta COMMAND",
            "t/01-x.md:15: error: 'rows' needs a number of rows, e.g. `rows 37`",
            "t/01-x.md:16: error: there is no table 'nosuch'",
            "t/01-x.md:18: error: there is no block kind 'hints.en'; the kinds are: vi, en, solution, check, hint.vi, hint.en, wrong, setup",
            "t/01-x.md:21: error: the step name 'a b' may hold only ASCII letters, digits, '-' and '_'",
            "t/01-x.md:21: error: the step 'a b' is already at line 3",
            "t/01-x.md:21: error: the step 'a b' has no ```vi block",
            "t/01-x.md:21: error: the step 'a b' has no solution, so it cannot have wrong answers (```wrong)",
        ])
    }

    @Test func aTaskNeedsItsSolutionCheckAndHints() {
        let base = "# vi: T\n# en: T\n## step: s\n```vi\nx\n```\n```en\nx\n```\n"
        #expect(problems(base + "```solution\n1\n```\n") == [
            "t/01-x.md:3: error: the step 's' has a solution but no ```check block",
            "t/01-x.md:3: error: the step 's' is a task but has no hint (```hint.vi and ```hint.en)",
        ])
        #expect(problems(base + "```check\nvalue\n```\n") == ["t/01-x.md:3: error: the step 's' has checks but no ```solution block"])
        #expect(problems(base + "```setup\nlet a = 1\n") == ["t/01-x.md:10: error: the ```setup block is never closed by a ``` line"])
    }

    @Test func theTitleComesFirstInBothLanguages() {
        #expect(problems("# vi: Chỉ tiếng Việt\n## step: a\n") == [
            "t/01-x.md:1: error: a lesson must start with its title on two lines: `# vi: …` then `# en: …`",
        ])
        #expect(problems("# vi: T\n# en: T\n") == ["t/01-x.md:1: error: the lesson has no steps (`## step: NAME`)"])
        let vietnamese = LessonParser.parse("# vi: T\n# en: T\n", file: "f.md", key: "f")
        if case .failure(let found) = vietnamese {
            #expect(found.all.first?.text(.vi) == "f.md:1: lỗi: bài học chưa có bước nào (`## step: TÊN`)")
        } else {
            Issue.record("a lesson without steps was accepted")
        }
    }

    @Test func theShippedLessonsParse() {
        let library = LessonLibrary.load(folders: [])
        #expect(library.problems.map { $0.text(.en) } == [])
        #expect(library.lessons.first?.key == "01-first-steps")
        #expect((10...20).contains(library.lessons.first?.steps.count ?? 0))
        #expect(library.find("1") == 0)
        #expect(library.find("buoc dau") == 0)
        #expect(library.find("First steps") == 0)
        #expect(library.find("0") == nil)
        #expect(library.find("no such lesson") == nil)
    }
}
