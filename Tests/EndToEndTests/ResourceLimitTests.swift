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

    @Test func aTextPastTheCeilingIsAScriptError() throws {
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

    @Test func pipedInputInVietnamese() throws {
        let result = try Self.danvan(["--max-memory", "32", "--timeout", "30"], input: "let s = \"x\"\nwhile true { s = s + s }\n",
                                     lang: "vi_VN.UTF-8")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("<stdin>:2:18: lỗi: văn bản này sẽ dài 8 MB, vượt giới hạn 4 MB (--max-memory)"),
                "\(result.stderr)")
    }

    @Test(arguments: [["--max-memory", "3"], ["--max-memory", "-5"], ["--timeout", "-1"]])
    func limitsOutOfRangeAreUsageErrors(_ option: [String]) throws {
        let result = try Self.danvan(["eval"] + option + ["print(1)"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func underTheLimitsTheScriptRuns() throws {
        let result = try Self.danvan(["eval", "--max-memory", "64", "--timeout", "30",
                                      "let s = \"a\"\nfor i in range(20) { s = s + s }\nprint(len(s))"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1048576\n")
    }
}
