// The size ceilings on values (Limits.swift): programs that would grow a text or a list without
// end stop with an error naming the limit, at the operation's position, in both languages. The
// limits are set small so that each test is fast; the defaults are checked for their relations.
import DanVanLang
import VietText
import Foundation
import Synchronization
import Testing

@Suite struct LimitsTests {
    /// A text of at most 1,000 bytes, a list of at most 500 items.
    static let small = Limits(maxTextBytes: 1000, maxListItems: 500, memoryMegabytes: 64)

    func run(_ text: String, lang: Lang = .en, limits: Limits = LimitsTests.small) -> (output: [String], error: String?) {
        var output: [String] = []
        let interpreter = Interpreter(host: nil, lang: lang, output: { output.append($0) })
        interpreter.limits = limits
        do {
            try interpreter.run(SourceText(name: "grow.dv", text: text))
            return (output, nil)
        } catch {
            return (output, interpreter.render(error))
        }
    }

    /// Each reproducer with the position of the operation that passes the limit and the size
    /// it would have made.
    static let texts: [(program: String, position: String, size: String)] = [
        // In place (`s = s + s`, appended in the variable's storage): 512 → 1024 bytes.
        ("let s = \"a\"\nwhile true { s = s + s }", "grow.dv:2:18", "1024 B"),
        // Through the operator: a new text each time.
        ("let s = \"a\"\nlet t = \"\"\nwhile true { t = s + s\n s = t }", "grow.dv:3:18", "1024 B"),
        // Interpolation of one value and of several.
        ("let s = \"a\"\nwhile true { s = \"{s}{s}\" }", "grow.dv:2:18", "1024 B"),
        ("let s = \"a\"\nwhile true { s = \"x{s}y{s}\" }", "grow.dv:2:18", "B"),
        // join of texts, and of other values.
        ("let xs = []\nfor i in range(200) { append(xs, \"abcdef\") }\nprint(join(xs, \"-\"))", "grow.dv:3:7", "1399 B"),
        ("print(join(range(400), \", \"))", "grow.dv:1:7", "B"),
        // replace that lengthens.
        ("print(replace(\"aaaaaaaaaa\", \"a\", join(range(60), \"\")))", "grow.dv:1:7", "B"),
    ]

    @Test func textsStopAtTheLimit() {
        for (program, position, size) in LimitsTests.texts {
            let result = run(program)
            let error = result.error ?? ""
            #expect(error.hasPrefix(position + ": error: this text would be "), "\(program)\n\(error)")
            #expect(error.contains(size + ", over the limit of 1000 B (--max-memory)"), "\(program)\n\(error)")
        }
    }

    @Test func listsStopAtTheLimit() {
        let result = run("let xs = []\nwhile true { append(xs, 1) }")
        #expect(result.error?.hasPrefix("grow.dv:2:14: error: this list would have 501 items, over the limit of 500 (--max-memory)") == true,
                "\(result.error ?? "")")
    }

    @Test func messagesInVietnamese() {
        let text = run("let s = \"a\"\nwhile true { s = s + s }", lang: .vi).error ?? ""
        #expect(text.contains("văn bản này sẽ dài 1024 B, vượt giới hạn 1000 B (--max-memory)"), "\(text)")
        let list = run("let xs = []\nwhile true { append(xs, 1) }", lang: .vi).error ?? ""
        #expect(list.contains("danh sách này sẽ có 501 phần tử, vượt giới hạn 500 (--max-memory)"), "\(list)")
    }

    /// Up to the limit itself everything works: the check is "over", not "at".
    @Test func sizesUpToTheLimitRun() {
        let result = run("let s = \"a\"\nfor i in range(9) { s = s + s }\nprint(len(s + join(range(100), \"\")))\n"
            + "let xs = []\nfor i in range(500) { append(xs, i) }\nprint(len(xs))")
        #expect(result.error == nil, "\(result.error ?? "")")
        #expect(result.output == ["702", "500"])
    }

    /// One session's limits apply to its runs only: another interpreter keeps the defaults.
    @Test func limitsBelongToTheInterpreter() {
        let program = "let s = \"a\"\nfor i in range(12) { s = s + s }\nprint(len(s))"
        #expect(run(program).error?.contains("over the limit") == true)
        #expect(run(program, limits: .standard).output == ["4096"])
    }

    @Test func limitsFollowTheMemoryBudget() {
        let limits = Limits(memoryMegabytes: 4096)
        #expect(limits.maxTextBytes == 512 << 20)
        #expect(limits.maxListItems > 1_000_000)
        #expect(limits.maxListItems < limits.maxTextBytes)
        #expect(Limits(memoryMegabytes: 64).maxTextBytes == 8 << 20)
        #expect(Limits.defaultMemoryMegabytes >= 64 && Limits.defaultMemoryMegabytes <= 4096)
        let error = run("let s = \"a\"\nwhile true { s = s + s }", limits: Limits(memoryMegabytes: 64)).error ?? ""
        #expect(error.contains("this text would be 16 MB, over the limit of 8 MB (--max-memory)"), "\(error)")
    }
}

/// Long built-ins look at the interrupt flag every few thousand items: a flag set from another
/// thread (a SIGINT handler, the CLI's watchdog) stops `sort` of a million texts or numbers, a
/// sort by two keys, `group by` one key or two, `distinct`, `join` and `filter` of millions of
/// items, with the "interrupted" error at the built-in's call (a stage's at the stage, a
/// group's at its key).
@Suite struct BuiltinInterruptTests {
    static let programs = [
        ("print(len(sort(texts)))", "big.dv:1:11: error: interrupted"),
        ("print(len(sort(shuffled)))", "big.dv:1:11: error: interrupted"),
        ("let s = shuffled | sort it % 10, it desc\nprint(len(s))", "big.dv:1:20: error: interrupted"),
        ("let g = shuffled | group by it % 1000\nprint(len(g))", "big.dv:1:29: error: interrupted"),
        ("let g = shuffled | group by a: it % 10, b: it % 7\nprint(len(g))", "big.dv:1:29: error: interrupted"),
        ("let d = shuffled | distinct\nprint(len(d))", "big.dv:1:20: error: interrupted"),
        ("print(len(join(numbers, \",\")))", "big.dv:1:11: error: interrupted"),
        ("print(len(filter(numbers, x => x > 0)))", "big.dv:1:11: error: interrupted"),
    ]

    @Test(arguments: programs)
    func aFlagFromAnotherThreadStopsTheBuiltin(_ program: String, _ expected: String) throws {
        let flag = InterruptFlag()
        let interpreter = Interpreter(host: nil, lang: .en, output: { _ in }, interrupt: flag)
        // The lists are made first, by a run nobody interrupts.
        try interpreter.run(SourceText(name: "setup.dv", text:
            "let numbers = range(5000000)\nlet texts = split(join(range(1000000), \",\"), \",\")\n"
            + "let shuffled = map(range(1000000), x => (x * 7919) % 1000000)"))
        // Set 100 ms after the run began, and again until it ends (a run clears it when it starts).
        let done = Atomic(false)
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.1)
            while !done.load(ordering: .relaxed) {
                flag.set()
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        let started = Date()
        var message = ""
        do {
            try interpreter.run(SourceText(name: "big.dv", text: program))
        } catch {
            message = interpreter.render(error)
        }
        done.store(true, ordering: .relaxed)
        #expect(message.hasPrefix(expected), "\(message)")
        // Under a sanitizer (scripts/sanitize) everything runs several times slower.
        let bound = ProcessInfo.processInfo.environment["DANVAN_SANITIZER"] == nil ? 5.0 : 30.0
        #expect(Date().timeIntervalSince(started) < bound)
    }
}
