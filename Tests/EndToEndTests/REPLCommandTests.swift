// Meta-commands in a real session, in both languages (`:help`, `:schema`, `:mode csv`,
// `:output FILE`, `:load`, `:lang`), and piped input, which runs as a script: no prompts, no
// welcome, values not echoed, `print` prints, errors name `<stdin>` and the exit code says so.
import Foundation
import Testing

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux (scripts/deps installs it)"))
struct REPLCommandTests {
    @Test func helpAndSchemaInEnglish() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let session = try startSession(home: home, width: 140, height: 50)
        defer { session.close() }
        try session.type(":help")
        try session.press("Enter")
        try session.waitForLine("Commands:")
        try session.waitFor(":schema [table]")
        try session.waitFor(":output [FILE [--append]]")
        try session.press("C-l")
        try session.type(":help round")
        try session.press("Enter")
        try session.waitForLine("round(x), round(x, digits)    (Built-in function)")
        try session.press("C-l")
        try session.type(":schema models")
        try session.press("Enter")
        try session.waitForLine("models (mo_hinh): Models")
        let screen = try session.waitFor("Relations (x.name → rows)")
        #expect(screen.contains("│ Column"))
        #expect(screen.contains("│ Title "))
        #expect(screen.contains("→ units"))
        #expect(!screen.contains("Tên mô hình"))
    }

    @Test func helpAndSchemaInVietnameseFromLANGAndFromTheFlag() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        // LANG=vi_VN.UTF-8 picks Vietnamese even where that locale is not installed.
        let fromLANG = try startSession(home: home, lang: "vi_VN.UTF-8", arguments: [], width: 140, height: 50)
        defer { fromLANG.close() }
        try fromLANG.type(":help")
        try fromLANG.press("Enter")
        try fromLANG.waitForLine("Lệnh:")
        try fromLANG.waitFor(":schema [bảng]")
        try fromLANG.press("C-l")
        try fromLANG.type(":schema models")
        try fromLANG.press("Enter")
        try fromLANG.waitForLine("models (mo_hinh): Mô hình")
        let screen = try fromLANG.waitFor("Quan hệ (x.tên → các dòng)")
        #expect(screen.contains("│ Cột"))
        #expect(screen.contains("Tên mô hình"))

        let fromFlag = try startSession(home: home, arguments: ["--lang", "vi"], width: 140, height: 50)
        defer { fromFlag.close() }
        try fromFlag.type(":schema models")
        try fromFlag.press("Enter")
        try fromFlag.waitFor("Tên mô hình")
        // `:lang en` switches the labels and the language's own messages.
        try fromFlag.press("C-l")
        try fromFlag.type(":lang en")
        try fromFlag.press("Enter")
        try fromFlag.waitForLine("Language: English")
        try fromFlag.type("print(yaer)")
        try fromFlag.press("Enter")
        try fromFlag.waitFor(":1:7: error: unknown name 'yaer'")
    }

    @Test func modeCSVAndOutputToAFile() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let work = try ScratchDirectory("work")
        defer { work.remove() }
        for (lang, toFile, toScreen, exists) in [
            ("en", "Results now go to f.csv (type :output to return to the screen).", "Results are shown on the screen again.",
             "f.csv already exists, so it was not overwritten."),
            ("vi", "Kết quả được ghi vào f.csv (gõ :output để trở lại màn hình).", "Kết quả lại hiện trên màn hình.",
             "Tệp f.csv đã có, nên không ghi đè."),
        ] {
            let session = try startSession(home: home, arguments: ["--lang", lang], workingDirectory: work.path)
            defer { session.close() }
            let export = try DemoDatabase.danvan(["export", "fields", "--no-bom"])
            let exported = export.stdout.components(separatedBy: "\r\n")
            try #require(exported.count > 3)
            try session.type(":mode csv")
            try session.press("Enter")
            try session.type("fields | take 2")
            try session.press("Enter")
            // The screen shows the same header and rows `danvan export` writes.
            try session.waitForLine(exported[0])
            try session.waitForLine(exported[2])
            try session.type(":output f.csv")
            try session.press("Enter")
            if lang == "vi" {
                // The English round wrote f.csv: it is not replaced without the "!".
                try session.waitFor(exists)
                try session.type(":output! f.csv")
                try session.press("Enter")
            }
            try session.waitForLine(toFile)
            try session.type("fields | take 2")
            try session.press("Enter")
            try session.type(":output")
            try session.press("Enter")
            try session.waitForLine(toScreen)
            // A CSV file starts with the byte-order mark, as `danvan export` writes it.
            let written = try Data(contentsOf: URL(fileURLWithPath: work.path + "/f.csv"))
            #expect(Array(written.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(String(decoding: written.dropFirst(3), as: UTF8.self)
                    == exported.prefix(3).joined(separator: "\r\n") + "\r\n")
            try session.type(":mode table")
            try session.press("Enter")
            try session.type("fields | count")
            try session.press("Enter")
            try session.waitForLine(String(exported.count - 2))
        }
    }

    @Test func loadRunsAFileInTheSession() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let work = try ScratchDirectory("work")
        defer { work.remove() }
        try "fn double(x) { return x * 2 }\nlet loaded = 21\n".write(toFile: work.path + "/lib.dv", atomically: true, encoding: .utf8)
        let session = try startSession(home: home, workingDirectory: work.path)
        defer { session.close() }
        try session.type(":load li")
        try session.press("Tab")
        try session.waitForLine("danvan> :load lib.dv")
        try session.press("Enter")
        try session.type("print(double(loaded))")
        try session.press("Enter")
        try session.waitForLine("42")
    }
}

@Suite struct PipedInputTests {
    static func environment(_ home: ScratchDirectory, lang: String = "C.UTF-8") -> [String: String] {
        ["LANG": lang, "HOME": home.path, "XDG_STATE_HOME": home.path + "/state"]
    }

    @Test func pipedInputRunsAsAScript() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let ok = try DemoDatabase.danvan([], input: "print(1+1)\n", environment: Self.environment(home))
        #expect(ok == ProcessResult(stdout: "2\n", stderr: "", status: 0))
        // Top-level values are shown as the session shows them (issue #9); statements span
        // lines; names persist through the script.
        let script = "models | count\nfn f(x) {\n  return x * 2\n}\nlet n = fields | count\nprint(f(n))\n"
        let longer = try DemoDatabase.danvan([], input: script, environment: Self.environment(home))
        #expect(longer.status == 0 && longer.stderr == "")
        let fields = try DemoDatabase.danvan(["eval", "print(fields | count)"])
        let models = try DemoDatabase.danvan(["eval", "print(models | count)"])
        #expect(longer.stdout == models.stdout
            + String(2 * (Int(fields.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1)) + "\n")
        // Piped sessions never touch the history file.
        #expect(!FileManager.default.fileExists(atPath: home.path + "/state/danvan/history"))
    }

    @Test func pipedErrorsNameStdinAndFail() throws {
        let home = try ScratchDirectory("home")
        defer { home.remove() }
        let parse = try DemoDatabase.danvan([], input: "print(1 +)\n", environment: Self.environment(home))
        #expect(parse.stdout == "")
        #expect(parse.stderr.hasPrefix("<stdin>:1:10: error: expected an expression\nprint(1 +)\n         ^"))
        #expect(parse.status == 1)
        let runtime = try DemoDatabase.danvan([], input: "print(1)\nlet x = 0\nprint(1 / x)\nprint(2)\n",
                                              environment: Self.environment(home, lang: "vi_VN.UTF-8"))
        #expect(runtime.stdout == "1\n")
        #expect(runtime.stderr.hasPrefix("<stdin>:3:"))
        #expect(runtime.stderr.contains(": lỗi: "))
        #expect(runtime.status == 1)
    }
}
