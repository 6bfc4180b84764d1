// Lesson 1 under a real terminal (tmux), as a new member of staff would take it: right
// answers go on, a wrong one gets what differs and a hint, Tab completes at the lesson's
// prompt, `:quit` halfway keeps the step, and a new session resumes there and finishes the
// lesson; `--progress` then says it is done.
import Foundation
import Testing

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux (scripts/deps installs it)"))
struct LearnTerminalTests {
    func start(_ home: ScratchDirectory) throws -> TmuxSession {
        try FileManager.default.createDirectory(atPath: home.path + "/tmp", withIntermediateDirectories: true)
        // The practice cache is made before the session starts, so the waits below measure the
        // lesson and not the demo data's first making.
        _ = try LearnPlace.learn(["--check", "--lang", "en"], home: home)
        return try TmuxSession([try BuiltProducts.path("danvan"), "learn", "1", "--lang", "en"],
                               environment: try LearnPlace.environment(home: home), width: 120, height: 40)
    }

    /// Types `text` at the prompt, presses Enter, and waits for `expect` on the screen.
    func answer(_ session: TmuxSession, _ text: String, expect: String) throws {
        if !text.isEmpty { try session.type(text) }
        try session.press("Enter")
        try session.waitFor(expect, timeout: 30)
    }

    @Test func lessonOneWithAWrongAnswerAQuitAndAResume() throws {
        let home = try ScratchDirectory("learn-tty")
        defer { home.remove() }
        let first = try start(home)
        defer { first.close() }
        try first.waitFor("── Step 1/15 ──", timeout: 30)
        try first.waitForLine("danvan>")
        try answer(first, "", expect: "── Step 2/15 ──")
        try answer(first, "12 + 7", expect: "Hint: Multiplication is written with a star `*`")
        #expect(try first.screen().contains("✗ Not yet: expected 84, got 19."))
        try answer(first, "12 * 7", expect: "── Step 3/15 ──")
        try answer(first, "(3 + 4) * 2", expect: "── Step 4/15 ──")
        try answer(first, "45 / 6", expect: "── Step 5/15 ──")
        try answer(first, "\"Dân vận khéo\"", expect: "── Step 6/15 ──")
        try answer(first, ":quit", expect: "danvan>")
        #expect(try first.waitForExit(timeout: 30) == 0)

        let second = try TmuxSession([try BuiltProducts.path("danvan"), "learn", "1", "--lang", "en"],
                                     environment: try LearnPlace.environment(home: home), width: 120, height: 40)
        defer { second.close() }
        try second.waitFor("Resuming at step 6/15.", timeout: 30)
        try second.waitFor("── Step 6/15 ──")
        try answer(second, "\"Phường \" + \"Tân Hòa\"", expect: "── Step 7/15 ──")
        // Tab completes a built-in's name at the lesson's prompt, as in any session.
        try second.type("upp")
        try second.press("Tab")
        try second.waitForLine("danvan> upper(")
        try answer(second, "\"dân vận khéo\")", expect: "── Step 8/15 ──")
        try answer(second, "len(\"Dân vận khéo\")", expect: "── Step 9/15 ──")
        try answer(second, "let mo_hinh = 12", expect: "── Step 10/15 ──")
        try answer(second, "mo_hinh * 3", expect: "── Step 11/15 ──")
        try answer(second, "\"Có {mo_hinh} mô hình\"", expect: "── Step 12/15 ──")
        try answer(second, "print(\"Xin chào\")", expect: "── Step 13/15 ──")
        try answer(second, "print(mo_hinh * 2)", expect: "── Step 14/15 ──")
        try answer(second, ":help upper", expect: "── Step 15/15 ──")
        try answer(second, "", expect: "Lesson 1 done! You answered 13/13 steps, skipped 0, used 1 hints.")
        try second.waitFor("Pick a lesson")
        try answer(second, ":quit", expect: "Pick a lesson")
        #expect(try second.waitForExit(timeout: 30) == 0)

        let progress = try LearnPlace.learn(["--progress", "--lang", "en"], home: home)
        #expect(progress.stdout.contains("1. First steps: 13/13 steps, 0 skipped, 1 hints, "), "\(progress.stdout)")
        #expect(progress.stdout.contains(" min (done)"))
    }

    @Test func learnInsideTheNormalSessionComesBackToIt() throws {
        let home = try ScratchDirectory("learn-tty")
        defer { home.remove() }
        _ = try LearnPlace.learn(["--list"], home: home)
        let session = try startSession(home: home, extra: ["XDG_CACHE_HOME": try LearnPlace.cache.get()])
        defer { session.close() }
        try session.type("let mine = 41")
        try session.press("Enter")
        try answer(session, ":learn 1", expect: "── Step 1/15 ──")
        try answer(session, "", expect: "── Step 2/15 ──")
        try answer(session, "12 * 7", expect: "── Step 3/15 ──")
        try answer(session, ":quit", expect: "Back in your own session.")
        // The session's own names are still there, on its own database.
        try answer(session, "mine + 1", expect: "42")
        try answer(session, ":help", expect: ":learn [N|TITLE]")
    }
}
