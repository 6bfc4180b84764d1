// What a piece of DanVan code says it should do, written as comments on its own lines (the
// golden format, STYLE.md §7). The language's golden files, the examples of docs/language.md
// and the lessons' reference solutions all use it:
//
//   print(1 + 2)            # expect: 3
//   print(format_number(1234.5))   # expect vi: 1.234,5
//   let x = ;               # expect error: 1:9: expected an expression
//   print(nope)             # expect runtime error: unknown name 'nope'
//   # expect vi error: … / # expect vi runtime error: …   (checked in a Vietnamese run)
//
// `# expect:` lines are the output of an English run, in order; `# expect vi:` lines, when a
// text has any, the output of a Vietnamese run (without them a Vietnamese run does not check
// output: most output is the same in both languages, and the English lines already say it).
import VietText

public struct GoldenExpectations: Sendable, Equatable {
    /// One expectation: the text after its marker, and the line it is written on.
    public struct Line: Sendable, Equatable {
        public var line: Int
        public var text: String

        public init(line: Int, text: String) {
            self.line = line
            self.text = text
        }
    }

    public var output: [Line] = []
    public var viOutput: [Line] = []
    /// Errors found before running, as `line:column: message`.
    public var errors: [Line] = []
    public var viErrors: [Line] = []
    public var runtimeError: Line?
    public var viRuntimeError: Line?

    /// The markers, longest first where one begins another.
    private static let markers: [(String, Kind)] = [
        ("# expect vi runtime error: ", .viRuntimeError), ("# expect vi error: ", .viError),
        ("# expect runtime error: ", .runtimeError), ("# expect error: ", .error),
        ("# expect vi:", .viOutput), ("# expect:", .output),
    ]

    private enum Kind { case output, viOutput, error, viError, runtimeError, viRuntimeError }

    /// Reads the expectations of `text`, whose first line is line `firstLine` of its file.
    public init(_ text: String, firstLine: Int = 1) {
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = firstLine + offset
            for (marker, kind) in Self.markers {
                guard let range = line.range(of: marker) else { continue }
                var value = String(line[range.upperBound...])
                if kind == .output || kind == .viOutput, value.hasPrefix(" ") { value.removeFirst() }
                let expectation = Line(line: number, text: value)
                switch kind {
                case .output: output.append(expectation)
                case .viOutput: viOutput.append(expectation)
                case .error: errors.append(expectation)
                case .viError: viErrors.append(expectation)
                case .runtimeError: runtimeError = expectation
                case .viRuntimeError: viRuntimeError = expectation
                }
                break
            }
        }
    }

    /// `text` without its expectations: each `# expect…` comment is cut from its line, and a
    /// line that held only one goes. What a lesson shows of a solution.
    public static func withoutExpectations(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let range = line.range(of: "# expect") else {
                lines.append(line)
                continue
            }
            var kept = line[..<range.lowerBound]
            while kept.last == " " || kept.last == "\t" { kept.removeLast() }
            if !kept.isEmpty { lines.append(kept) }
        }
        return lines.joined(separator: "\n")
    }

    /// True when the text says nothing of what it does.
    public var isEmpty: Bool {
        output.isEmpty && viOutput.isEmpty && errors.isEmpty && viErrors.isEmpty && runtimeError == nil
            && viRuntimeError == nil
    }

    /// True when the text expects something of a run in `lang`.
    public func hasExpectations(for lang: Lang) -> Bool {
        switch lang {
        case .en: return !output.isEmpty || !errors.isEmpty || runtimeError != nil
        case .vi: return !viOutput.isEmpty || !viErrors.isEmpty || viRuntimeError != nil
        }
    }

    /// The output lines a run in `lang` must print; nil when that run's output is not checked.
    public func output(for lang: Lang) -> [Line]? {
        switch lang {
        case .en: return output
        case .vi: return viOutput.isEmpty ? nil : viOutput
        }
    }

    public func errors(for lang: Lang) -> [Line] { lang == .en ? errors : viErrors }
    public func runtimeError(for lang: Lang) -> Line? { lang == .en ? runtimeError : viRuntimeError }
}
