// Issue 12's resource ceilings through the real binary: a text past the --max-memory ceiling,
// a process past its memory budget and a script past --timeout each end with a positioned
// runtime error and exit 1 (a script error), never a signal or the OOM killer; piped input
// and the Vietnamese messages too; a budget out of range is a usage error (exit 2).
import Foundation
import Testing

@Suite struct ResourceLimitTests {
    static func danvan(_ arguments: [String], input: String = "", lang: String = "C.UTF-8") throws -> ProcessResult {
        let scratch = try ScratchDirectory("limits")
        defer { scratch.remove() }
        return try ProcessRunner.run(try BuiltProducts.path("danvan"), arguments,
                                     input: input, environment: ["LANG": lang, "HOME": scratch.path, "PATH": "/usr/bin:/bin"],
                                     timeout: 60)
    }

    @Test(.enabled(if: SanitizerOptions.measuresMemory, "a sanitizer's shadow memory counts as resident"))
    func aTextPastTheCeilingIsAScriptError() throws {
        let result = try Self.danvan(["eval", "--max-memory", "64", "let s = \"a\"\nwhile true { s = s + s }"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("<eval>:2:18: error: this text would be 16 MB, over the limit of 8 MB (--max-memory)"),
                "\(result.stderr)")
    }

    @Test func aProcessPastItsMemoryBudgetStops() throws {
        // Small lists appended one by one: no single value is large, the process is.
        let program = "let xs = []\nlet i = 0\nwhile true {\n  append(xs, [i, i, i])\n  i = i + 1\n}"
        let result = try Self.danvan(["eval", "--max-memory", "100", program])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("error: memory limit of 100 MB reached (--max-memory)"), "\(result.stderr)")
    }

    @Test func aScriptPastItsTimeoutStops() throws {
        let started = Date()
        let result = try Self.danvan(["eval", "--timeout", "1", "let n = 0\nwhile true { n = n + 1 }"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("<eval>:2:1: error: stopped after 1 s (--timeout)"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    /// A session option given to a command that does not use it once parsed and did nothing
    /// (`export --timeout 5` ran with no timeout, `demo --sandbox` wrote the real file): now
    /// a usage error, before anything is opened or written.
    @Test(arguments: [
        (["--timeout", "5", "export", "units", "-o", "units.csv"], "--timeout does not apply to 'danvan export'"),
        (["export", "units", "--timeout=5", "-o", "units.csv"], "--timeout does not apply to 'danvan export'"),
        (["import", "units", "units.csv", "--append", "--max-memory", "100"], "--max-memory does not apply to 'danvan import'"),
        (["demo", "--sandbox"], "--sandbox does not apply to 'danvan demo'"),
        (["changes", "--user", "lan"], "--user does not apply to 'danvan changes'"),
        (["--read-only", "init"], "--read-only does not apply to 'danvan init'"),
    ])
    func sessionOptionsACommandDoesNotUseAreRefused(arguments: [String], message: String) throws {
        let scratch = try ScratchDirectory("unused-options")
        defer { scratch.remove() }
        let database = scratch.path + "/data.db"
        let result = try ProcessRunner.run(try BuiltProducts.path("danvan"), ["--db", database] + arguments,
                                           environment: ["LANG": "C.UTF-8", "HOME": scratch.path], timeout: 60,
                                           directory: scratch.path)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database), "nothing is made before the refusal")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/units.csv"))
    }

    @Test func theCommandsThatUseThemStillTakeThem() throws {
        let scratch = try ScratchDirectory("used-options")
        defer { scratch.remove() }
        let database = scratch.path + "/data.db"
        let danvan = try BuiltProducts.path("danvan")
        let environment = ["LANG": "C.UTF-8", "HOME": scratch.path]
        #expect(try ProcessRunner.run(danvan, ["--db", database, "init"], environment: environment).status == 0)
        let evaluated = try ProcessRunner.run(danvan, ["--db", database, "--timeout", "5", "--max-memory", "512", "--user", "lan",
                                                       "eval", "print(1 + 1)"], environment: environment)
        #expect(evaluated.status == 0 && evaluated.stdout == "2\n", "\(evaluated.stderr)")
        // What follows `--` belongs to the script, whatever it looks like.
        let script = scratch.path + "/args.dv"
        try "print(args)".write(toFile: script, atomically: true, encoding: .utf8)
        let ran = try ProcessRunner.run(danvan, ["--db", database, "run", script, "--", "--sandbox"], environment: environment)
        #expect(ran.status == 0 && ran.stdout == "[\"--sandbox\"]\n", "\(ran.stderr)")
        let vietnamese = try ProcessRunner.run(danvan, ["--db", database, "--lang", "vi", "changes", "--timeout", "3"],
                                               environment: environment)
        #expect(vietnamese.status == 2)
        #expect(vietnamese.stderr.hasPrefix("--timeout không dùng được với 'danvan changes'"), "\(vietnamese.stderr)")
    }

    /// `--timeout` is for scripts; the interactive session once took it and ignored it. The
    /// session runs on a terminal made by util-linux's `script` (tmux loses the output of a
    /// program that ends at once).
    @Test func theInteractiveSessionRefusesATimeout() throws {
        let scratch = try ScratchDirectory("session-timeout")
        defer { scratch.remove() }
        let command = [try BuiltProducts.path("danvan"), "--db", scratch.path + "/none.db", "--lang", "en", "--timeout", "5"]
        let result = try ProcessRunner.run("/usr/bin/script", ["-q", "-e", "-c", command.joined(separator: " "), "/dev/null"],
                                           environment: ["HOME": scratch.path, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("--timeout is for scripts (danvan run, danvan eval, piped input); "
            + "in the interactive session Ctrl-C stops an entry"), "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/none.db"))
    }

    @Test(.enabled(if: SanitizerOptions.measuresMemory, "a sanitizer's shadow memory counts as resident"))
    func pipedInputInVietnamese() throws {
        // 64 MB: a debug build with the shared Swift runtime starts with more than 32 MB resident.
        let result = try Self.danvan(["--max-memory", "64", "--timeout", "30"], input: "let s = \"x\"\nwhile true { s = s + s }\n",
                                     lang: "vi_VN.UTF-8")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("<stdin>:2:18: lỗi: văn bản này sẽ dài 16 MB, vượt giới hạn 8 MB (--max-memory)"),
                "\(result.stderr)")
    }

    @Test(arguments: [["--max-memory", "3"], ["--max-memory", "-5"], ["--timeout", "-1"]])
    func limitsOutOfRangeAreUsageErrors(_ option: [String]) throws {
        let result = try Self.danvan(["eval"] + option + ["print(1)"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(.enabled(if: SanitizerOptions.measuresMemory, "a sanitizer's shadow memory counts as resident"))
    func underTheLimitsTheScriptRuns() throws {
        let result = try Self.danvan(["eval", "--max-memory", "64", "--timeout", "30",
                                      "let s = \"a\"\nfor i in range(20) { s = s + s }\nprint(len(s))"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1048576\n")
    }
}
