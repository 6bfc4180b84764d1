// Programs and values too deep or too large for a golden file: generated left-deep chains
// (50,000 terms), values nested 50,000 deep freed on a small stack, and the bounds on error
// output. Each must end in a clear error with a position, or the right answer: never a
// signal, a hang or a flood.
import DanVanLang
import Foundation
import Testing

@Suite struct DeepProgramTests {
    /// Left-deep chains that once bypassed the nesting limit: every link is a level. `link`
    /// is the length of one link of the chain (0 for the chain of lines).
    static let chains: [(name: String, program: String, line: Int, link: Int)] = [
        ("sum", "print(" + Array(repeating: "1", count: 50_000).joined(separator: " + ") + ")", 1, 4),
        ("calls", "fn f(x) { return f }\nprint(f" + String(repeating: "(1)", count: 50_000) + ")", 2, 3),
        ("index", "let a = [1]\nprint(a" + String(repeating: "[0]", count: 50_000) + ")", 2, 3),
        ("members", "let r = {a: 1}\nprint(r" + String(repeating: ".a", count: 50_000) + ")", 2, 2),
        ("and", "print(" + Array(repeating: "true", count: 50_000).joined(separator: " and ") + ")", 1, 9),
        ("else if", "let x = 5\nif x == 0 { print(0) }\n"
            + (1..<20_000).map { "else if x == \($0) { print(\($0)) }" }.joined(separator: "\n"), 0, 0),
    ]

    @Test(arguments: [8 << 20, 512 << 10])
    func longChainsAreOneNestingError(stackSize: Int) {
        for chain in DeepProgramTests.chains {
            let error = onThread(stackSize: stackSize) { runProgram(chain.program).error } ?? ""
            // One error, not one per enclosing level.
            #expect(error.components(separatedBy: ": error: ").count == 2, "\(chain.name)")
            #expect(error.contains("nesting too deep"), "\(chain.name)")
            // Where the limit is passed: within the first 200 links of the chain.
            let location = error.prefix { $0 != " " }.split(separator: ":")
            let line = location.count > 2 ? Int(location[1]) ?? 0 : 0
            let column = location.count > 2 ? Int(location[2]) ?? 0 : 0
            if chain.line > 0 {
                #expect(line == chain.line, "\(chain.name)")
                #expect(column > 1 && column < 202 * chain.link + 10, "\(chain.name): \(error.prefix(40))")
            } else {
                #expect(line > 2 && line <= 202, "\(chain.name): \(error.prefix(40))")
            }
        }
    }

    @Test func chainsUnderTheLimitRun() {
        let sum = "print(" + Array(repeating: "1", count: 150).joined(separator: " + ") + ")"
        let lookup = "let x = 149\nif x == 0 { print(0) }\n"
            + (1..<150).map { "else if x == \($0) { print(\($0)) }" }.joined(separator: "\n")
        let calls = "fn f(x) { return f }\nprint(type(f" + String(repeating: "(1)", count: 150) + "))"
        let result = onThread(stackSize: 8 << 20) { [sum, lookup, calls].map { runProgram($0) } }
        #expect(result.map(\.output) == [["150"], ["149"], ["function"]])
        #expect(result.allSatisfy { $0.error == nil })
    }

    /// Just under the limit on a 512 KB thread (a debug build's frames are several times a
    /// release build's): the answer, or "nesting too deep" when the thread's stack runs low
    /// first, never a crash.
    @Test func chainsJustUnderTheLimitOnASmallStack() {
        let programs = [
            "print(" + Array(repeating: "1", count: 199).joined(separator: " + ") + ")",
            "let a = [1]\nfor i in range(200) { a = [a] }\nprint(len(a" + String(repeating: "[0]", count: 199) + "))",
            "print(" + String(repeating: "-(", count: 190) + "1" + String(repeating: ")", count: 190) + ")",
            // In a stage over a host table, the planner and the stage's names walk the tree too.
            "print(models | where year == 2024 + " + Array(repeating: "0", count: 190).joined(separator: " + ") + " | count)",
        ]
        for (program, answer) in zip(programs, ["199", "1", "1", "4"]) {
            let result = onThread(stackSize: 512 << 10) { runProgram(program) }
            if let error = result.error {
                #expect(error.contains("nesting too deep"), "\(error.prefix(80))")
            } else {
                #expect(result.output == [answer])
            }
        }
    }

    /// Once 10,000 links took 27 s to compile; now the limit stops the chain at once.
    @Test func longMemberChainFailsFast() {
        let program = "let r = {a: 1}\nprint(r" + String(repeating: ".a", count: 10_000) + ")"
        let start = Date()
        let error = onThread(stackSize: 8 << 20) { runProgram(program).error }
        #expect(error?.contains("nesting too deep") == true)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    /// Values nested 50,000 deep are built, compared, printed and freed on a 512 KB stack:
    /// freeing, `==`, `text` and `sort` keep their own stacks.
    @Test func deepValuesOnASmallStack() {
        let program = """
        let a = [1]
        let b = [1]
        let r = {x: 1}
        let f = fn() { return 1 }
        for i in range(50000) { a = [a]; b = [b]; r = {x: r}; let g = f; f = fn() { return g } }
        print(a == b, len(text(a)), sort([b, a]) == [a, b], len(text(r)))
        a = null
        b = null
        r = null
        f = null
        print("freed")
        """
        let result = onThread(stackSize: 512 << 10) { runProgram(program) }
        #expect(result.error == nil)
        // 50,001 pairs of brackets around 1; 50,001 "{x: " and "}" around 1.
        #expect(result.output == ["true 100003 true \(50_001 * 5 + 1)", "freed"])
    }

    @Test func errorsPerFileAreCapped() {
        let program = String(repeating: "let = 1\n", count: 100)
        let error = runProgram(program).error ?? ""
        #expect(error.components(separatedBy: ": error: ").count == 21)
        #expect(error.hasSuffix("test.dv: ... and 80 more"))
        let vi = runProgram(program, lang: .vi).error ?? ""
        #expect(vi.hasSuffix("test.dv: ... và 80 lỗi nữa"))
    }

    /// 4,000 `if true {` on one line: one error, its 40 KB line quoted as 120 characters
    /// around the caret (once 7,599 errors each echoing the whole line).
    @Test func longLinesAreClippedAroundTheCaret() throws {
        let program = String(repeating: "if true { ", count: 4_000)
        let error = onThread(stackSize: 8 << 20) { runProgram(program).error } ?? ""
        let lines = error.components(separatedBy: "\n")
        try #require(lines.count == 3, "\(error)")
        #expect(lines.allSatisfy { $0.count <= 123 })
        // The caret is under the spot the message names.
        let column = Int(lines[0].split(separator: ":").dropFirst(2).first ?? "") ?? 0
        let quoted = Array(lines[1]), caret = lines[2].count - 1
        let source = Array(program)
        try #require(column > 200 && column + 4 < source.count && caret >= 5 && caret + 5 < quoted.count, "\(error)")
        #expect(quoted[caret] == source[column - 1])
        #expect(String(quoted[(caret - 5)...(caret + 5)]) == String(source[(column - 6)...(column + 4)]))
    }

    /// The column counts Characters and the cut keeps them whole, in ASCII (where a byte is a
    /// Character) and in Vietnamese, composed or decomposed (several bytes and scalars each).
    @Test(arguments: ["plain text ", "Phường Bến Nghé, ", "Phu\u{031B}o\u{0300}ng Bê\u{0301}n Nghe\u{0301}, "])
    func theCaretStaysUnderTheSpotInALongLine(piece: String) throws {
        let program = "let s = \"" + String(repeating: piece, count: 20) + "\"; print(s + khongCo)"
        let error = try #require(runProgram(program).error)
        let lines = error.components(separatedBy: "\n")
        try #require(lines.count == 3, "\(error)")
        let column = Int(lines[0].split(separator: ":").dropFirst(2).first ?? "") ?? 0
        let source = Array(program)
        let quoted = Array(lines[1]), caret = lines[2].count - 1
        try #require(column > 7 && column + 5 < source.count && caret >= 6 && caret + 6 < quoted.count, "\(error)")
        #expect(source[column - 1] == "k", "column \(column) counts Characters")
        #expect(lines[1].count <= 122)
        #expect(quoted[caret] == "k")
        #expect(String(quoted[(caret - 6)...(caret + 6)]) == String(source[(column - 7)...(column + 5)]))
    }
}
