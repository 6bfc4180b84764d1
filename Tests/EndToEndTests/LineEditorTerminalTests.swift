// The line editor and the REPL's terminal side under a real pseudo-terminal, through the
// `repl-probe` fixture (the real LineEditor, engine and runner with a toy evaluator: see
// Sources/REPLProbe). What is proven here: Vietnamese editing lands on whole letters, with
// and without LANG; Tab completion; continuation prompts; Ctrl-C at the prompt and during an
// evaluation; history across sessions (multi-line entries whole, space-prefixed lines
// left out); Ctrl-R; ~/.editrc; screenfuls; colour and NO_COLOR; piped input.
import Foundation
import Testing

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux (scripts/deps installs it)"))
struct LineEditorTerminalTests {
    static let prompt = "danvan>"

    /// A probe session with its own HOME and state directory (history), UTF-8 unless
    /// `lang` says otherwise.
    static func probe(home: ScratchDirectory, lang: String? = "C.UTF-8", extra: [String: String] = [:],
                      width: Int = 100, height: Int = 30) throws -> TmuxSession {
        var environment = ["HOME": home.path, "XDG_STATE_HOME": home.path + "/state"]
        if let lang { environment["LANG"] = lang }
        for (key, value) in extra { environment[key] = value }
        let session = try TmuxSession([try BuiltProducts.path("repl-probe")], environment: environment,
                                      width: width, height: height)
        try session.waitForLine(prompt)
        return session
    }

    @Test func vietnameseEditingLandsOnWholeLetters() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try Self.probe(home: home)
        defer { session.close() }
        try session.type("print(\"Nguyễn Thị Hồng\")")
        try session.waitUntil("the cursor after the text") { _ in try session.cursor().x == 8 + 24 }
        try session.press("Left", "Left", "Left")
        try session.waitUntil("the cursor 3 letters back") { _ in try session.cursor().x == 8 + 21 }
        try session.press("BSpace", "Enter")
        // Left ×3 passes `)`, `"` and `g`; Backspace removes the `n` before them.
        try session.waitForLine("Nguyễn Thị Hồg")
    }

    @Test func editingWorksWithoutLANG() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try Self.probe(home: home, lang: nil)
        defer { session.close() }
        try session.type("show Nguyễn Văn Thể")
        try session.press("Left", "Left", "Left", "Left", "BSpace")
        try session.type("n!")
        try session.press("Enter")
        try session.waitForLine("«Nguyễn Văn! Thể» 15 chars 15 scalars")
    }

    @Test func decomposedInputEditsPerScalarAndArrivesWhole() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try Self.probe(home: home)
        defer { session.close() }
        try session.type("show " + "Nguyễn Thị".decomposedStringWithCanonicalMapping)
        try session.waitUntil("the cursor after the text") { _ in try session.cursor().x == 8 + 15 }
        // Each combining mark is one step for libedit: ị is i + U+0323, so 4 Lefts stop
        // before "T" and Backspace removes the space.
        try session.press("Left", "Left", "Left", "Left", "BSpace", "Enter")
        try session.waitForLine("«NguyễnThị» 9 chars 12 scalars")
    }

    @Test func tabCompletesListsAndMatchesWithoutDiacritics() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try Self.probe(home: home)
        defer { session.close() }
        try session.type("mo")
        try session.press("Tab")
        try session.waitForLine("models     mo_hinh    movements")
        try session.type("d")
        try session.press("Tab")
        try session.waitForLine("danvan> models")
        try session.press("C-u")
        try session.type("show \"phuong tan")
        try session.press("Tab")
        try session.waitForLine("Phường Tân Định  Phường Tân Hưng")
        try session.waitForLine("danvan> show \"Phường Tân")
        try session.type("h")
        try session.press("Tab")
        try session.type("\"")
        try session.press("Enter")
        try session.waitForLine("«\"Phường Tân Hưng\"» 17 chars 17 scalars")
        try session.type(":sch")
        try session.press("Tab")
        try session.waitForLine("danvan> :schema")
    }

    @Test func continuationPromptAndCtrlC() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try Self.probe(home: home)
        defer { session.close() }
        try session.type("show (Dân vận")
        try session.press("Enter")
        try session.waitForLine("   ...>")
        try session.type("khéo)")
        try session.press("Enter")
        try session.waitForLine("khéo)» 14 chars 14 scalars")

        // Ctrl-C at a continuation prompt drops the whole statement.
        try session.type("show (abandon")
        try session.press("Enter")
        try session.waitForLine("   ...>")
        try session.type("me")
        try session.press("C-c")
        try session.type("show after")
        try session.press("Enter")
        try session.waitForLine("«after» 5 chars 5 scalars")

        // Ctrl-C stops an evaluation and the session goes on.
        try session.type("loop")
        try session.press("Enter")
        usleep(300_000)
        try session.press("C-c")
        try session.waitForLine("Interrupted (Ctrl-C).")
        try session.type("print(still here)")
        try session.press("Enter")
        try session.waitForLine("still here")

        // An empty line abandons too; Ctrl-D leaves with status 0.
        try session.type("show (x")
        try session.press("Enter")
        try session.waitForLine("   ...>")
        try session.press("Enter")
        try session.waitUntil("a fresh prompt") { _ in try session.lines().filter { $0 == Self.prompt }.count >= 1 }
        try session.press("C-d")
        #expect(try session.waitForExit() == 0)
    }

    @Test func historyIsKeptAcrossSessions() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let first = try Self.probe(home: home)
        try first.type("show (a")
        try first.press("Enter")
        try first.waitForLine("   ...>")
        try first.type("b)")
        try first.press("Enter")
        try first.waitForLine("b)» 5 chars 5 scalars")
        try first.type(" show secret")
        try first.press("Enter")
        try first.waitForLine("«secret» 6 chars 6 scalars")
        try first.type("show last")
        try first.press("Enter")
        try first.waitForLine("«last» 4 chars 4 scalars")
        try first.press("C-d")
        #expect(try first.waitForExit() == 0)
        first.close()

        let file = home.path + "/state/danvan/history"
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(!(try String(contentsOfFile: file, encoding: .utf8)).contains("secret"))

        let second = try Self.probe(home: home)
        defer { second.close() }
        try second.press("Up")
        try second.waitForLine("danvan> show last")
        // The next entry back is the two-line statement, recalled whole.
        try second.press("Up")
        try second.waitForLine("danvan> show (a")
        try second.waitForLine("b)")
        try second.press("Enter")
        try second.waitUntil("the statement evaluated again") { _ in
            try second.lines().filter { $0 == "b)» 5 chars 5 scalars" }.count == 1
        }
        try second.type(":history")
        try second.press("Enter")
        try second.waitForLine("1  show (a")
        try second.waitForLine("   b)")
        try second.waitForLine("2  show last")
    }

    @Test func ctrlRSearchesHistory() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try Self.probe(home: home)
        defer { session.close() }
        for word in ["show Phường Tân Định", "show other", "show third"] {
            try session.type(word)
            try session.press("Enter")
        }
        try session.waitForLine("«third» 5 chars 5 scalars")
        try session.press("C-r")
        try session.type("Tân")
        try session.waitForLine("danvan> show Phường Tân Định")
        try session.press("Enter")
        try session.waitUntil("the found line run again") { _ in
            try session.lines().filter { $0 == "«Phường Tân Định» 15 chars 15 scalars" }.count == 2
        }
    }

    @Test func editrcIsHonoured() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        // ^G is unbound in libedit's emacs map; the user binds it to "beginning of line".
        try "bind ^G ed-move-to-beg\n".write(toFile: home.path + "/.editrc", atomically: true, encoding: .utf8)
        let session = try Self.probe(home: home)
        defer { session.close() }
        try session.type("how world")
        try session.press("C-g")
        try session.type("s")
        try session.press("Enter")
        try session.waitForLine("«world» 5 chars 5 scalars")
    }

    @Test func tablesFillAScreenInColourUnlessNoColor() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try Self.probe(home: home, height: 20)
        defer { session.close() }
        try session.type("table 40")
        try session.press("Enter")
        // 20 rows: 13 data rows, then the footer.
        try session.waitForLine("… 27 more rows (:more, :mode csv, or | take N)")
        #expect(try session.screen(escapes: true).contains("\u{1B}[1m"))
        try session.type(":more")
        try session.press("Enter")
        try session.waitForLine("… 14 more rows (:more, :mode csv, or | take N)")

        let plain = try Self.probe(home: home, extra: ["NO_COLOR": "1"], height: 20)
        defer { plain.close() }
        try plain.type("table 3")
        try plain.press("Enter")
        try plain.waitForLine("│  3 │ Phường Tân Định │   2.5 │")
        #expect(!(try plain.screen(escapes: true)).contains("\u{1B}[1m"))
    }
}

@Suite struct PipedInputTests {
    @Test func pipedInputHasNoPromptsAndReportsFailure() throws {
        let probe = try BuiltProducts.path("repl-probe")
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let environment = ["LANG": "C.UTF-8", "HOME": home.path, "XDG_STATE_HOME": home.path + "/state"]
        let ok = try ProcessRunner.run(probe, input: "print(Dân vận)\nshow (a\n\nb)\n", environment: environment)
        #expect(ok == ProcessResult(stdout: "Dân vận\n«(a\n\nb)» 6 chars 6 scalars\n", stderr: "", status: 0))
        let failing = try ProcessRunner.run(probe, input: "print(1)\n:nope\nfail\n", environment: environment)
        #expect(failing.stdout == "1\n")
        #expect(failing.stderr.contains("<stdin>:2: No command ':nope'."))
        #expect(failing.status == 1)
        // Piped sessions never touch the history file.
        #expect(!FileManager.default.fileExists(atPath: home.path + "/state/danvan/history"))
        let csv = try ProcessRunner.run(probe, input: ":mode csv\ntable 2\n", environment: environment)
        #expect(csv.stdout == "id,name,score\r\n1,Phường Tân Định,0.5\r\n2,Nguyễn Văn Thể,1.5\r\n")
    }
}
