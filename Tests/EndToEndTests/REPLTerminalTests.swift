// The interactive session under a real pseudo-terminal (tmux), with the real `danvan` on the
// demo database: Vietnamese editing lands on whole letters (with and without LANG, NFC and
// NFD input, which is composed before editing), Tab completes tables, columns, references and unit names, continuation prompts
// and Ctrl-C (at the prompt and during `while true {}`), history across sessions, Ctrl-R,
// ~/.editrc, screenfuls with colour unless NO_COLOR, and the welcome line.
import Foundation
import Testing

/// A `danvan` session in tmux with its own HOME and history, UTF-8 unless `lang` says otherwise.
func startSession(home: ScratchDirectory, lang: String? = "C.UTF-8", arguments: [String] = ["--lang", "en"],
                  extra: [String: String] = [:], workingDirectory: String? = nil,
                  width: Int = 100, height: Int = 30) throws -> TmuxSession {
    var environment = ["HOME": home.path, "XDG_STATE_HOME": home.path + "/state"]
    if let lang { environment["LANG"] = lang }
    for (key, value) in extra { environment[key] = value }
    let command = [try BuiltProducts.path("danvan"), "--db", try DemoDatabase.path()] + arguments
    let session = try TmuxSession(command, environment: environment, workingDirectory: workingDirectory,
                                  width: width, height: height)
    try session.waitForLine(REPLTerminalTests.prompt)
    return session
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux (scripts/deps installs it)"))
struct REPLTerminalTests {
    static let prompt = "danvan>"
    /// Columns the prompt takes before the cursor.
    static let promptWidth = 8

    @Test func vietnameseEditingLandsOnWholeLetters() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try startSession(home: home)
        defer { session.close() }
        try session.type("print(\"Nguyễn Thị Hồng\")")
        try session.waitUntil("the cursor after the text") { _ in try session.cursor().x == Self.promptWidth + 24 }
        try session.press("Left", "Left", "Left")
        try session.waitUntil("the cursor 3 letters back") { _ in try session.cursor().x == Self.promptWidth + 21 }
        try session.press("BSpace", "Enter")
        // Left ×3 passes `)`, `"` and `g`; Backspace removes the `n` before them.
        try session.waitForLine("Nguyễn Thị Hồg")
    }

    @Test func editingWorksWithoutLANG() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try startSession(home: home, lang: nil)
        defer { session.close() }
        try session.type("\"Nguyễn Văn Thể\"")
        // Left ×5 passes `"`, ể, h, T and the space; Backspace removes the n of Văn.
        try session.press("Left", "Left", "Left", "Left", "Left", "BSpace")
        try session.type("n!")
        try session.press("Enter")
        try session.waitForLine("Nguyễn Văn! Thể")
    }

    @Test func decomposedInputIsComposedBeforeEditing() throws {
        // Some input methods and pasted text send "ễ" as e + U+0302 + U+0303: the line editor
        // gets whole letters, so Left and Backspace step over letters, as the screen shows them.
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try startSession(home: home)
        defer { session.close() }
        try session.type("print(\"" + "Nguyễn Thị".decomposedStringWithCanonicalMapping + "\")")
        try session.waitUntil("the cursor after the text") { _ in try session.cursor().x == Self.promptWidth + 19 }
        // `)`, `"`, ị and h: Backspace removes the T (per scalar, it would remove the h).
        try session.press("Left", "Left", "Left", "Left", "BSpace", "Enter")
        try session.waitForLine("Nguyễn hị")
        // Backspace right after a decomposed letter removes the letter, not its last mark.
        try session.type("print(\"" + "Hồ".decomposedStringWithCanonicalMapping)
        try session.press("BSpace")
        try session.type("a\")")
        try session.press("Enter")
        try session.waitForLine("Ha")
    }

    @Test func tabCompletesTablesColumnsReferencesAndUnitNames() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try startSession(home: home)
        defer { session.close() }
        try session.type("mod")
        try session.press("Tab")
        try session.waitForLine("danvan> models")
        try session.type("| where fi")
        try session.press("Tab")
        try session.waitForLine("danvan> models | where field")
        try session.press("C-u")
        try session.type("models | where unit.na")
        try session.press("Tab")
        try session.waitForLine("danvan> models | where unit.name")
        try session.press("C-u")
        try session.type("units | where name == \"Phuong Tan")
        try session.press("Tab")
        // The matching units are listed with their diacritics, and what they share replaces
        // what was typed without them.
        try session.waitUntil("the unit names listed") { screen in
            screen.contains("Phường Tân Bắc") && screen.contains("Phường Tân Hòa") && screen.contains("Phường Tân Vĩnh")
        }
        try session.waitForLine("danvan> units | where name == \"Phường Tân")
        try session.type(" Ngo")
        try session.press("Tab")
        try session.waitForLine("danvan> units | where name == \"Phường Tân Ngọc\"")
        try session.type(" | count")
        try session.press("Enter")
        let count = try DemoDatabase.danvan(["eval", "print(units | where name == \"Phường Tân Ngọc\" | count)"])
        try session.waitForLine(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        try session.type(":sch")
        try session.press("Tab")
        try session.waitForLine("danvan> :schema")
    }

    /// The docs write long pipelines one stage a line. Pasted into the REPL, the first line is
    /// already a complete statement; the pasted `|` lines continue it instead of failing.
    @Test func aPastedMultiLinePipelineIsOneStatement() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try startSession(home: home)
        defer { session.close() }
        let expected = try DemoDatabase.sqlCount("SELECT count(*) FROM models WHERE year = 2024")
        try session.paste("models\n  | where year == 2024\n  | count\n")
        try session.waitForLine(String(expected))
        let screen = try session.screen()
        #expect(!screen.contains("error"), "\(screen)")
        // Typed by hand, line by line, a complete line still runs at once.
        try session.type("units | count")
        try session.press("Enter")
        try session.waitForLine(String(try DemoDatabase.sqlCount("SELECT count(*) FROM units")))
    }

    @Test func continuationMultiLineFunctionsAndCtrlC() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try startSession(home: home)
        defer { session.close() }
        try session.type("fn f(x) {")
        try session.press("Enter")
        try session.waitForLine("   ...>")
        try session.type("return x * 2")
        try session.press("Enter")
        try session.type("}")
        try session.press("Enter")
        try session.type("print(f(21))")
        try session.press("Enter")
        try session.waitForLine("42")

        // A pipeline continued after a trailing `|`, completed on its second line.
        try session.type("fields |")
        try session.press("Enter")
        try session.waitForLine("   ...>")
        try session.type("cou")
        try session.press("Tab")
        try session.waitForLine("   ...> count")
        try session.press("Enter")
        try session.waitForLine("4")

        // Ctrl-C at a continuation prompt drops the whole statement.
        try session.type("print(\"abandon")
        try session.press("Enter")
        try session.waitUntil("a second continuation prompt") { _ in
            try session.lines().filter { $0.hasPrefix("   ...>") }.count >= 4
        }
        try session.press("C-c")
        try session.type("print(\"after\")")
        try session.press("Enter")
        try session.waitForLine("after")
        // Also when the Ctrl-C and the next line arrive in one burst (a paste, keys sent at once).
        let emptyContinuations = try session.lines().filter { $0 == "   ...>" }.count
        try session.type("print(\"abandoned too")
        try session.press("Enter")
        try session.waitUntil("a new continuation prompt") { _ in
            try session.lines().filter { $0 == "   ...>" }.count > emptyContinuations
        }
        try session.press("C-c", "print(\"after burst\")", "Enter")
        try session.waitForLine("after burst")

        // Ctrl-C stops an evaluation and the session goes on. A Ctrl-C that arrives before
        // the loop starts is cleared when it starts, so press until the loop reports it.
        try session.type("while true {}")
        try session.press("Enter")
        try session.waitForLine("danvan> while true {}")
        var stopped = false
        for _ in 0..<20 where !stopped {
            try session.press("C-c")
            stopped = (try? session.waitForLine("Interrupted (Ctrl-C).", timeout: 1.5)) != nil
        }
        #expect(stopped)
        try session.type("print(1)")
        try session.press("Enter")
        try session.waitForLine("1")

        // An empty line abandons too; Ctrl-D leaves with status 0.
        try session.type("print(2,")
        try session.press("Enter")
        try session.press("Enter")
        try session.type("print(3)")
        try session.press("Enter")
        try session.waitForLine("3")
        #expect(!(try session.lines().contains("2")))
        try session.press("C-d")
        #expect(try session.waitForExit() == 0)
    }

    @Test func historyIsKeptAcrossSessions() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let first = try startSession(home: home)
        try first.type("fn g(x) {")
        try first.press("Enter")
        try first.type("return x + 1 }")
        try first.press("Enter")
        try first.type(" print(\"secret\")")
        try first.press("Enter")
        try first.waitForLine("secret")
        try first.type("print(g(1))")
        try first.press("Enter")
        try first.waitForLine("2")
        try first.press("C-d")
        #expect(try first.waitForExit() == 0)
        first.close()

        let file = home.path + "/state/danvan/history"
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(!(try String(contentsOfFile: file, encoding: .utf8)).contains("secret"))

        let second = try startSession(home: home)
        defer { second.close() }
        try second.press("Up")
        try second.waitForLine("danvan> print(g(1))")
        // The next entry back is the two-line definition, recalled whole: run it again.
        try second.press("Up")
        try second.waitForLine("danvan> fn g(x) {")
        try second.waitForLine("return x + 1 }")
        try second.press("Enter")
        try second.type("print(g(41))")
        try second.press("Enter")
        try second.waitForLine("42")
        try second.type(":history")
        try second.press("Enter")
        try second.waitForLine("1  fn g(x) {")
        try second.waitForLine("   return x + 1 }")
        try second.waitForLine("2  print(g(1))")
    }

    @Test func ctrlRSearchesHistory() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try startSession(home: home)
        defer { session.close() }
        // Each value shown before the next entry is typed: typed ahead on a busy machine, an
        // entry's echo and the previous value share a line, and the count below goes wrong.
        for value in ["Phường Tân Định", "other", "third"] {
            try session.type("\"\(value)\"")
            try session.press("Enter")
            try session.waitForLine(value)
        }
        try session.press("C-r")
        try session.type("Tân")
        try session.waitForLine("danvan> \"Phường Tân Định\"")
        try session.press("Enter")
        try session.waitUntil("the found line run again") { _ in
            try session.lines().filter { $0 == "Phường Tân Định" }.count == 2
        }
    }

    @Test func editrcIsHonoured() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        // ^G is unbound in libedit's emacs map; the user binds it to "beginning of line".
        try "bind ^G ed-move-to-beg\n".write(toFile: home.path + "/.editrc", atomically: true, encoding: .utf8)
        let session = try startSession(home: home)
        defer { session.close() }
        try session.type("rint(\"world\")")
        try session.press("C-g")
        try session.type("p")
        try session.press("Enter")
        try session.waitForLine("world")
    }

    @Test func tablesFillAScreenInColourUnlessNoColor() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try startSession(home: home, height: 20)
        defer { session.close() }
        try session.type("units | take 40")
        try session.press("Enter")
        // 20 rows leave 12 for data: the header, rules, two footers, prompt and input take 8.
        try session.waitForLine("… 28 more rows (:more, :mode csv, or | take N)")
        let screen = try session.screen()
        #expect(screen.contains("more columns did not fit"))
        #expect(try session.screen(escapes: true).contains("\u{1B}[1m"))
        try session.type(":more")
        try session.press("Enter")
        try session.waitForLine("… 16 more rows (:more, :mode csv, or | take N)")

        let plain = try startSession(home: home, extra: ["NO_COLOR": "1"], height: 20)
        defer { plain.close() }
        try plain.type("fields | take 1")
        try plain.press("Enter")
        try plain.waitFor("Kinh tế")
        #expect(!(try plain.screen(escapes: true)).contains("\u{1B}[1m"))
    }

    @Test func welcomeLineNamesTheDatabaseAndItsSize() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let counts = try DemoDatabase.danvan(["eval", "print(units | count, models | count)"])
        let numbers = counts.stdout.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(numbers.count == 2)
        let path = try DemoDatabase.path()
        let english = try startSession(home: home, width: 200)
        defer { english.close() }
        let line = try #require(try english.lines().first)
        #expect(line == "DanVan 0.1.0 · \(path): \(grouped(numbers[0], ",")) units, \(grouped(numbers[1], ",")) models · Type :help for help, :learn for lessons, Ctrl-D to leave.")
        let vietnamese = try startSession(home: home, arguments: ["--lang", "vi"], width: 200)
        defer { vietnamese.close() }
        #expect(try vietnamese.lines().first
                == "DanVan 0.1.0 · \(path): \(grouped(numbers[0], ".")) đơn vị, \(grouped(numbers[1], ".")) mô hình · Gõ :help để xem trợ giúp, :learn để học, Ctrl-D để thoát.")
    }

    /// 3000 → "3,000": the thousands grouping people read.
    func grouped(_ value: Int, _ separator: String) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }
}
