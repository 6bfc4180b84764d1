// The lesson session without a terminal: typed lines from a list, the screen as text. A right
// answer goes on, a wrong one gets what differs and a hint, `:skip` runs the solution so that
// later steps work, `:quit` keeps the step and a new session resumes there.
import DanVanLang
@testable import DanVanLessons
import DanVanREPL
import Foundation
import Testing
import VietText

final class ScriptedLines: LineSource {
    var lines: [String]
    var prompts: [String] = []
    init(_ lines: [String]) { self.lines = lines }
    func read(prompt: String) -> LineInput {
        prompts.append(prompt)
        return lines.isEmpty ? .endOfInput : .line(lines.removeFirst())
    }
    func remember(_ entry: String) {}
    func historyEntries() -> [String] { [] }
}

final class Screen: Console {
    var text = ""
    func writeOutput(_ text: String) { self.text += text }
    func writeError(_ text: String) { self.text += text }
    func clearScreen() {}
    func interruptedAtPrompt() {}
}

@Suite(.serialized) struct LessonSessionTests {
    let state = NSTemporaryDirectory() + "danvan-lesson-state-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

    /// Runs `danvan learn` (the list first when `start` is nil) with `lines` typed; gives the screen.
    func session(_ lines: [String], start: Int? = 0, lang: Lang = .en) throws -> (screen: String, progress: ProgressStore) {
        let progress = ProgressStore(environment: ["XDG_STATE_HOME": state])
        let learning = Learning(library: LessonLibrary.load(folders: []), progress: progress)
        let screen = Screen()
        let terminal = LessonTerminal(source: ScriptedLines(lines), console: screen,
                                      environment: REPLEnvironment(files: LocalFiles()), color: false,
                                      interrupt: InterruptFlag(), attach: { _ in })
        try learning.run(start: start, practice: try Practice.data(), terminal: terminal, lang: lang)
        return (screen.text, progress)
    }

    @Test func rightWrongHintSkipQuitAndResume() throws {
        defer { try? FileManager.default.removeItem(atPath: state) }
        let first = try session(["", "12 + 7", "12 * 7", ":skip", ":quit"])
        #expect(first.screen.contains("── Step 2/15 ──"))
        #expect(first.screen.contains("✗ Not yet: expected 84, got 19.\nHint: Multiplication is written with a star `*`, e.g. `2 * 3`."))
        #expect(first.screen.contains("84\n✓ Right!\n\n── Step 3/15 ──"))
        #expect(first.screen.contains("The solution:\n  (3 + 4) * 2\n14\n\n── Step 4/15 ──"))
        let record = try #require(first.progress["01-first-steps"])
        #expect(record.step == "divide")
        #expect(record.done == ["multiply"] && record.skipped == ["brackets"] && record.hints == 1 && !record.finished)

        // A new session resumes at step 4; `:back` goes to step 3 and `:hint` gives its hint.
        let second = try session([":back", ":hint", "(3 + 4) * 2", "45 / 6", ":quit"])
        #expect(second.screen.contains("Resuming at step 4/15."))
        #expect(second.screen.contains("── Step 3/15 ──"))
        #expect(second.screen.contains("Hint: Without brackets"))
        #expect(second.screen.contains("7.5\n✓ Right!\n\n── Step 5/15 ──"))
        #expect(second.progress["01-first-steps"]?.done == ["multiply", "brackets", "divide"])
        #expect(second.progress["01-first-steps"]?.skipped == [])
    }

    /// The progress file says who practised what: it is owner-only (0600), and a file left
    /// readable by others is narrowed when it is saved again. No temporary file stays beside it.
    @Test func theProgressFileIsOwnerOnly() throws {
        defer { try? FileManager.default.removeItem(atPath: state) }
        let folder = state + "/danvan"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/progress.json"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{}".utf8),
                                               attributes: [.posixPermissions: 0o644]))
        let store = ProgressStore(environment: ["XDG_STATE_HOME": state])
        #expect(store.save() == nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["progress.json"])
    }

    @Test func aVariableFromASkippedStepStillWorksLater() throws {
        defer { try? FileManager.default.removeItem(atPath: state) }
        // Skip up to `let mo_hinh = 12` (step 9), then use the name.
        var lines = [""]
        lines += Array(repeating: ":skip", count: 8)
        lines += ["mo_hinh * 3", ":quit"]
        let run = try session(lines)
        #expect(run.screen.contains("36\n✓ Right!"))
        #expect(run.progress["01-first-steps"]?.skipped.count == 8)
    }

    @Test func theListComesFirstAndEnterOpensTheFirstUnfinishedLesson() throws {
        defer { try? FileManager.default.removeItem(atPath: state) }
        let run = try session(["", ":quit"], start: nil, lang: .vi)
        #expect(run.screen.hasPrefix("Các bài học DanVan:\n  1. Những bước đầu tiên"))
        #expect(run.screen.contains("━━ Bài 1: Những bước đầu tiên ━━"))
        #expect(run.screen.contains("Chào mừng bạn đến với DanVan!"))
    }

    @Test func aMetaStepPassesWhenTheCommandRuns() throws {
        defer { try? FileManager.default.removeItem(atPath: state) }
        var lines = [""]
        lines += Array(repeating: ":skip", count: 12)
        // `upper` is code, judged wrong; `help upper` is a habit, answered by its hint and not judged.
        lines += ["upper", "help upper", ":help upper", "", ":quit"]
        let run = try session(lines)
        #expect(run.screen.contains("✗ Not yet: type the command :help upper."))
        #expect(run.screen.contains("Commands start with a colon: type :help for help."))
        #expect(run.screen.contains("Lesson 1 done! You answered 1/13 steps, skipped 12, used 1 hints."))
        #expect(run.progress["01-first-steps"]?.finished == true)
    }
}
