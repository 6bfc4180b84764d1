// Scripts run through the built binary as staff would run them: piped input, `eval` and
// `run` showing each top-level value (`--mode`, `--output` and its rules for an existing
// file), a script's parameters (`--set`, `run FILE --help`, exit code 2 for a wrong one),
// `import` and its errors, `args`, a `#!/usr/bin/env danvan` script run by itself, and, on a
// terminal, output that appears while the script is still running.
import Foundation
import Testing

@Suite struct ScriptCommandTests {
    private func sql(_ query: String) throws -> String {
        let result = try ProcessRunner.run("/usr/bin/sqlite3", ["-readonly", try DemoDatabase.path(), query],
                                           environment: ["LANG": "C.UTF-8"])
        #expect(result.status == 0, "\(result)")
        return result.stdout
    }

    @Test func pipedInputAndEvalShowTheValueAsTheSessionDoes() throws {
        let total = try sql("SELECT count(*) FROM models").trimmingCharacters(in: .whitespacesAndNewlines)
        let piped = try DemoDatabase.danvan([], input: "models | count\n")
        #expect(piped.status == 0, "\(piped)")
        #expect(piped.stdout == total + "\n")
        #expect(total == "3000")

        let eval = try DemoDatabase.danvan(["eval", "let n = models | where year == 2024 | count\nprint(\"n:\")\nn\nnull"])
        let counted = try sql("SELECT count(*) FROM models WHERE year = 2024")
        #expect(eval.stdout == "n:\n" + counted)

        // Piped input takes --mode and --output too (the root command's own, beside export's -o/--output).
        let json = try DemoDatabase.danvan(["--mode", "json"], input: "units | where id == 1 | select id, code\n")
        #expect(json.stdout == "[\n  {\"id\": 1, \"code\": \"TP\"}\n]\n", "\(json)")

        // A single row shows as `label = value` lines, as in the session.
        let row = try DemoDatabase.danvan(["eval", "units | where id == 1 | first"])
        let name = try sql("SELECT name FROM units WHERE id = 1").trimmingCharacters(in: .newlines)
        #expect(row.stdout.contains("Name = " + name), "\(row)")
    }

    @Test func evalInCSVModeGivesAHeaderAndTheCountsSQLGives() throws {
        let code = "models | where year == 2024 | group by field.name | select field: key, n: count()"
        let result = try DemoDatabase.danvan(["eval", code, "--mode", "csv"])
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.hasPrefix("\u{FEFF}"), "stdout CSV has no byte order mark")
        #expect(!result.stdout.unicodeScalars.reversed().prefix(3).elementsEqual(["\n", "\n", "\r"]), "no blank line after the CSV")
        let lines = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "field,n")
        var counted: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let comma = line.lastIndex(of: ",") else { continue }
            counted[String(line[..<comma])] = String(line[line.index(after: comma)...])
        }
        var expected: [String: String] = [:]
        let rows = try sql("SELECT coalesce(f.name, ''), count(*) FROM models m LEFT JOIN fields f ON f.id = m.field WHERE m.year = 2024 GROUP BY f.name")
        for row in rows.split(separator: "\n") {
            let parts = row.split(separator: "|", omittingEmptySubsequences: false)
            if parts.count == 2 { expected[String(parts[0])] = String(parts[1]) }
        }
        #expect(expected.count >= 4)
        #expect(counted == expected)
    }

    @Test func outputFileRules() throws {
        let scratch = try ScratchDirectory("script-output")
        defer { scratch.remove() }
        let file = scratch.path + "/fields.csv"
        let code = "models | where year == 2024 | group by field.name | select field: key, n: count()"
        let first = try DemoDatabase.danvan(["eval", code, "--mode", "csv", "--output", file])
        #expect(first.status == 0 && first.stdout.isEmpty, "\(first)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("field,n\r\n"))

        // An existing file is refused, and stays as it was.
        let again = try DemoDatabase.danvan(["eval", "print(1)", "--output", file])
        #expect(again.status == 2)
        #expect(again.stderr.contains("the file \(file) exists: --output does not overwrite it; add --replace"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)

        // A script that fails leaves it as it was, even with --replace.
        let failing = try DemoDatabase.danvan(["eval", "print(1)\nprint(1 / 0)", "--output", file, "--replace"])
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("\(file) was not written: the script failed"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)

        let replaced = try DemoDatabase.danvan(["eval", "print(\"một\")", "--output", file, "--replace"])
        #expect(replaced.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "một\n")
        let appended = try DemoDatabase.danvan(["eval", "print(\"hai\")", "--output", file, "--append"])
        #expect(appended.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "một\nhai\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
        #expect(leftovers == ["fields.csv"], "no temporary file is left behind")

        let badMode = try DemoDatabase.danvan(["eval", "1", "--mode", "jsn"])
        #expect(badMode.status == 2)
        #expect(badMode.stderr.contains("unknown output mode 'jsn' (use table, csv, json, markdown, line); did you mean 'json'?"))
    }

    /// Runs `command` with sh in `folder`, with the built danvan first on PATH.
    private func shell(_ command: String, in folder: String, environment: [String: String] = [:]) throws -> ProcessResult {
        var variables = ["PATH": BuiltProducts.directory.path + ":/usr/bin:/bin", "LANG": "C.UTF-8",
                         "DANVAN_DB": try DemoDatabase.path()]
        variables.merge(environment) { $1 }
        var result = try ProcessRunner.run("/bin/sh", ["-c", "cd '\(folder)' && \(command)"], environment: variables)
        // A script just written may still be open for writing in a child another test spawned
        // meanwhile (it inherited the descriptor): executing it then fails with ETXTBSY until
        // that child has exec'd. Try again a few times.
        var attempts = 0
        while result.status == 126, result.stderr.contains("Text file busy"), attempts < 20 {
            usleep(100_000)
            attempts += 1
            result = try ProcessRunner.run("/bin/sh", ["-c", "cd '\(folder)' && \(command)"], environment: variables)
        }
        return result
    }

    private func script(_ text: String, named name: String = "report.dv", in scratch: ScratchDirectory) throws -> String {
        let path = scratch.path + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let report = """
        #!/usr/bin/env danvan
        param review_year: int = 2024   # the review year
        param unit: text         # the unit's name
        param since: date = "2024-01-01"
        print(unit, review_year, since, args)
        models | where year == review_year | count

        """

    @Test func parametersFromTheCommandLine() throws {
        let scratch = try ScratchDirectory("script-params")
        defer { scratch.remove() }
        let file = try script(Self.report, in: scratch)
        let counted = try sql("SELECT count(*) FROM models WHERE year = 2023")
        let run = try ProcessRunner.run(try BuiltProducts.path("danvan"), [
            "run", file, "--set", "unit=Sở Nội vụ", "--set", "review_year=2023", "--set", "since=30/06/2023",
            "--db", try DemoDatabase.path(), "--", "a", "b c"], environment: ["LANG": "C.UTF-8"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "Sở Nội vụ 2023 2023-06-30 [\"a\", \"b c\"]\n" + counted)

        let cases: [([String], String)] = [
            ([], "the parameter 'unit' (text) has no default: give it a value with --set unit=…"),
            (["--set", "unit=x", "--set", "reveiw_year=2023"], "has no parameter 'reveiw_year' (did you mean 'review_year'?); its parameters: review_year, unit, since"),
            (["--set", "unit=x", "--set", "review_year=2023.5"], "the parameter 'review_year' takes a value of type integer (for example 2024), not '2023.5'"),
            (["--set", "unit=x", "--set", "since=31/02/2024"], "the parameter 'since' takes a value of type date"),
            (["--set", "unit"], "--set needs NAME=VALUE, not 'unit'"),
        ]
        for (arguments, message) in cases {
            let result = try DemoDatabase.danvan(["run", file] + arguments)
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let vietnamese = try DemoDatabase.danvan(["run", file, "--lang", "vi", "--set", "unit=x", "--set", "nam=1"])
        #expect(vietnamese.status == 2)
        #expect(vietnamese.stderr.contains("không có tham số 'nam'"))
    }

    @Test func runFileHelpListsTheParameters() throws {
        let scratch = try ScratchDirectory("script-help")
        defer { scratch.remove() }
        let file = try script(Self.report, in: scratch)
        let help = try DemoDatabase.danvan(["run", file, "--help"])
        #expect(help.status == 0, "\(help)")
        #expect(help.stdout.contains("USAGE: danvan run"))
        #expect(help.stdout.contains("PARAMETERS OF \(file) (--set NAME=VALUE):"))
        let lines = help.stdout.split(separator: "\n").map { String($0) }
        let row = { (name: String) in lines.first { $0.hasPrefix("  \(name) ") }?.split(separator: " ").map(String.init) }
        #expect(row("NAME") == ["NAME", "TYPE", "DEFAULT", "MEANING"])
        #expect(row("review_year") == ["review_year", "int", "2024", "the", "review", "year"])
        #expect(row("unit") == ["unit", "text", "(required)", "the", "unit's", "name"])
        #expect(row("since") == ["since", "date", "\"2024-01-01\""])

        let vietnamese = try ProcessRunner.run(try BuiltProducts.path("danvan"), ["run", "--lang", "vi", file, "-h"],
                                               environment: ["LANG": "C.UTF-8"])
        #expect(vietnamese.stdout.contains("CÁCH DÙNG: danvan run"))
        #expect(vietnamese.stdout.contains("THAM SỐ CỦA \(file) (--set TÊN=GIÁ_TRỊ):"))
        #expect(vietnamese.stdout.contains("(bắt buộc)"))

        let broken = try script("print(1)\nparam year: int = 1\n", named: "broken.dv", in: scratch)
        let refused = try DemoDatabase.danvan(["run", broken, "--help"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("broken.dv:2:1: error: the parameter 'year' must be declared at the top of the script"))
    }

    @Test func importsAndTheirErrors() throws {
        let scratch = try ScratchDirectory("script-import")
        defer { scratch.remove() }
        _ = try script("fn ratio(a, b) {\n  return a / b\n}\nlet answer = 42\n", named: "lib/m.dv", in: scratch)
        let main = try script("import \"lib/m.dv\"\nfn share(x) { return ratio(x, 0) }\nprint(answer)\nshare(3)\n",
                              named: "main.dv", in: scratch)
        let result = try shell("danvan run main.dv", in: scratch.path)
        #expect(main.hasSuffix("main.dv"))
        #expect(result.status == 1)
        #expect(result.stdout == "42\n")
        #expect(result.stderr == """
            lib/m.dv:2:10: error: division by zero
              return a / b
                     ^
              in ratio (lib/m.dv:2:10)
              in share (main.dv:2:22)
              in top level (main.dv:4:1)

            """, "\(result.stderr)")

        _ = try script("import \"b.dv\"\n", named: "lib/a.dv", in: scratch)
        _ = try script("import \"a.dv\"\n", named: "lib/b.dv", in: scratch)
        _ = try script("import \"lib/a.dv\"\n", named: "cycle.dv", in: scratch)
        let cycled = try shell("danvan run ./cycle.dv", in: scratch.path)
        #expect(cycled.status == 1)
        #expect(cycled.stderr == """
            lib/b.dv:1:8: error: import cycle: cycle.dv -> lib/a.dv -> lib/b.dv -> lib/a.dv
            import "a.dv"
                   ^

            """, "\(cycled.stderr)")

        let missing = try script("\n  import \"lib/nope.dv\"\n", named: "missing.dv", in: scratch)
        let absent = try DemoDatabase.danvan(["run", missing])
        #expect(absent.status == 1)
        #expect(absent.stderr.contains("missing.dv:2:10: error: cannot import \"lib/nope.dv\": there is no file \(scratch.path)/lib/nope.dv"),
                "\(absent.stderr)")
    }

    @Test func aShebangScriptRunsByItself() throws {
        let scratch = try ScratchDirectory("script-shebang")
        defer { scratch.remove() }
        let file = try script(Self.report, named: "report.dv", in: scratch)
        #expect(chmod(file, 0o755) == 0)
        let counted = try sql("SELECT count(*) FROM models WHERE year = 2024")
        let result = try shell("./report.dv --set unit=Ban -- x", in: scratch.path)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "Ban 2024 2024-01-01 [\"x\"]\n" + counted)
        let help = try shell("./report.dv --help", in: scratch.path)
        #expect(help.stdout.contains("PARAMETERS OF report.dv (--set NAME=VALUE):"), "\(help)")
        let missing = try shell("./report.dv", in: scratch.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("the parameter 'unit' (text) has no default"))
    }

    @Test func onATerminalEachLineAppearsAsItIsPrinted() throws {
        guard TmuxSession.isAvailable else { return }
        let scratch = try ScratchDirectory("script-tty")
        defer { scratch.remove() }
        // Prints a line, then runs until stopped: the line can only be on the screen if it was
        // written before the script ended.
        let file = try script("print(\"first line\")\nlet i = 0\nwhile true { i = i + 1 }\n", named: "slow.dv", in: scratch)
        let session = try TmuxSession([try BuiltProducts.path("danvan"), "run", file, "--db", try DemoDatabase.path()],
                                      environment: ["LANG": "C.UTF-8", "HOME": scratch.path])
        defer { session.close() }
        try session.waitForLine("first line")
        #expect(try session.exitStatus() == nil, "the script is still running")
        try session.press("C-c")
        #expect(try session.waitForExit() == 130)
    }
}
