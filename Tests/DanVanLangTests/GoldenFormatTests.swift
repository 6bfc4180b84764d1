// The golden format itself (DanVanGolden), which the golden files, docs/language.md and
// `danvan learn --check` all rely on: a comparison that missed a difference would let every
// one of them pass wrongly.
import DanVanGolden
import DanVanLang
import Testing
import VietText

@Suite struct GoldenFormatTests {
    static let code = """
        print(1 + 2)      # expect: 3
        # expect vi: ba
        let x = ;         # expect error: 3:9: expected an expression
        print(nope)       # expect runtime error: unknown name 'nope'
        # expect vi runtime error: không có tên 'nope'
        """

    @Test func theMarkersAreReadWithTheirLines() {
        let expected = GoldenExpectations(Self.code, firstLine: 10)
        #expect(expected.output == [.init(line: 10, text: "3")])
        #expect(expected.viOutput == [.init(line: 11, text: "ba")])
        #expect(expected.errors == [.init(line: 12, text: "3:9: expected an expression")])
        #expect(expected.runtimeError == .init(line: 13, text: "unknown name 'nope'"))
        #expect(expected.viRuntimeError == .init(line: 14, text: "không có tên 'nope'"))
        #expect(expected.hasExpectations(for: .en) && expected.hasExpectations(for: .vi))
        #expect(GoldenExpectations("print(1)\n# a comment").isEmpty)
        #expect(GoldenExpectations("# expect: 1").output(for: .vi) == nil, "no vi lines: a Vietnamese run's output is not checked")
    }

    static func observation(output: String, errors: [(Int, Int, String)] = [], runtime: (Int, String)? = nil) -> GoldenObservation {
        var observed = GoldenObservation()
        observed.write(output)
        observed.errors = errors.map { .init(line: $0.0, column: $0.1, text: Localized(vi: $0.2, en: $0.2)) }
        observed.runtimeError = runtime.map { .init(line: $0.0, column: 1, text: Localized(vi: $0.1, en: $0.1)) }
        return observed
    }

    @Test func whatMatchesGivesNoProblem() {
        let expected = GoldenExpectations("print(1)  # expect: 1\nprint(2)  # expect: 2\nx[9]  # expect runtime error: boom")
        #expect(Golden.compare(expected, Self.observation(output: "1\n2\n", runtime: (3, "boom")), lang: .en).isEmpty)
    }

    @Test func everyDifferenceIsNamedAtItsLine() {
        let expected = GoldenExpectations("print(1)  # expect: 1\nprint(2)  # expect: 2\nlet = 1  # expect error: 3:5: bad\nf()  # expect runtime error: boom")
        let observed = Self.observation(output: "1\n3\n4\n", errors: [(3, 6, "bad"), (3, 9, "worse")], runtime: (5, "bang"))
        let problems = Golden.compare(expected, observed, lang: .en).map { ($0.line, $0.message(.en)) }
        #expect(problems.map(\.0) == [2, nil, 3, 3, 3, 4, 4])
        #expect(problems.map(\.1) == [
            "expected output '2', got '3'",
            "unexpected extra output: 4",
            "expected error '3:5: bad'; got [\"3:6: bad\", \"3:9: worse\"]",
            "unexpected error '3:6: bad'",
            "unexpected error '3:9: worse'",
            "expected runtime error 'boom', got 'bang'",
            "runtime error reported on line 5",
        ])
        let missing = Golden.compare(expected, Self.observation(output: "1\n"), lang: .en).map { $0.message(.vi) }
        #expect(missing.contains("đúng ra in ra '2', nhưng không in gì thêm"))
        #expect(missing.contains("đúng ra có lỗi khi chạy 'boom', nhưng không có lỗi nào"))
    }

    @Test func aVietnameseRunIsHeldToTheViLines() {
        let expected = GoldenExpectations("print(x)  # expect: 1,5\n# expect vi: 1.5")
        #expect(Golden.compare(expected, Self.observation(output: "1.5\n"), lang: .vi).isEmpty)
        #expect(Golden.compare(expected, Self.observation(output: "1,5\n"), lang: .vi).map { $0.message(.en) }
            == ["expected output '1.5', got '1,5'"])
        #expect(Golden.compare(expected, Self.observation(output: "1,5\n"), lang: .en).isEmpty)
    }

    @Test func aSolutionIsShownWithoutItsExpectations() {
        let text = "# expect: 187,434,000\n# expect vi: 187.434.000\nformat_number(x)  # expect: 1\nlet y = 2"
        #expect(GoldenExpectations.withoutExpectations(text) == "format_number(x)\nlet y = 2")
    }

    /// The runner's own run of a real program: diagnostics from the interpreter land on the
    /// right lines, numbered from where the code starts in its file.
    @Test func diagnosticsAreNumberedFromTheCodesFirstLine() throws {
        var observed = GoldenObservation()
        let interpreter = Interpreter(host: nil, lang: .en, output: { observed.write($0 + "\n") })
        do {
            try interpreter.run(SourceText(name: "t", text: "print(1)\nprint([1][5])"))
        } catch {
            observed.add(error.diagnostics, lineOffset: 20)
        }
        #expect(observed.output == ["1"])
        #expect(observed.runtimeError?.line == 22)
        #expect(observed.runtimeError?.column == 11)
    }
}
