// What a piece of code did (its output lines and diagnostics), and how it differs from what
// its `# expect` comments say (GoldenExpectations.swift). The test suite's golden runner and
// `danvan learn --check` both judge code with `Golden.compare`; each problem names the line of
// the expectation it concerns, in both languages.
import DanVanLang
import VietText

/// What one run of some code did.
public struct GoldenObservation: Sendable, Equatable {
    /// A diagnostic as the comparison needs it: where, and what it says in both languages.
    public struct Reported: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var text: Localized

        public init(line: Int, column: Int, text: Localized) {
            self.line = line
            self.column = column
            self.text = text
        }
    }

    /// Every line written, in order.
    public var output: [String] = []
    /// Diagnostics found before running (syntax and compile errors).
    public var errors: [Reported] = []
    /// The runtime error the run stopped at, if any.
    public var runtimeError: Reported?

    public init() {}

    /// Adds what one entry wrote (text with "\n" between and maybe after lines).
    public mutating func write(_ text: String) {
        guard !text.isEmpty else { return }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        output.append(contentsOf: lines)
    }

    /// Adds the diagnostics of one entry whose first line is line `1 + lineOffset` of the code
    /// the expectations were read from. Only the first runtime error counts: a run stops there.
    public mutating func add(_ diagnostics: [Diagnostic], lineOffset: Int = 0) {
        for diagnostic in diagnostics {
            let reported = Reported(line: diagnostic.location.line + lineOffset, column: diagnostic.location.column,
                                    text: Localized(vi: diagnostic.text(.vi), en: diagnostic.text(.en)))
            if diagnostic.kind == .runtime {
                if runtimeError == nil { runtimeError = reported }
            } else {
                errors.append(reported)
            }
        }
    }
}

/// One way the code did not do what its comments say.
public struct GoldenProblem: Sendable, Equatable {
    /// The line of the expectation (or of the unexpected diagnostic); nil for the whole text.
    public var line: Int?
    public var message: Localized

    public init(line: Int?, message: Localized) {
        self.line = line
        self.message = message
    }
}

public enum Golden {
    static let outputMissing = Localized(vi: "đúng ra in ra '{0}', nhưng không in gì thêm",
                                         en: "expected output '{0}', got nothing more")
    static let outputDiffers = Localized(vi: "đúng ra in ra '{0}', nhưng in ra '{1}'",
                                         en: "expected output '{0}', got '{1}'")
    static let outputExtra = Localized(vi: "in ra thêm ngoài dự kiến: {0}", en: "unexpected extra output: {0}")
    static let errorMissing = Localized(vi: "đúng ra có lỗi '{0}'; thực tế: {1}", en: "expected error '{0}'; got {1}")
    static let errorExtra = Localized(vi: "lỗi ngoài dự kiến '{0}'", en: "unexpected error '{0}'")
    static let runtimeDiffers = Localized(vi: "đúng ra có lỗi khi chạy '{0}', nhưng gặp '{1}'",
                                          en: "expected runtime error '{0}', got '{1}'")
    static let runtimeLine = Localized(vi: "lỗi khi chạy được báo ở dòng {0}", en: "runtime error reported on line {0}")
    static let runtimeMissing = Localized(vi: "đúng ra có lỗi khi chạy '{0}', nhưng không có lỗi nào",
                                          en: "expected runtime error '{0}', got none")
    static let runtimeExtra = Localized(vi: "lỗi khi chạy ngoài dự kiến '{0}'", en: "unexpected runtime error '{0}'")

    /// Every difference between what `observed` did in a run in `lang` and what `expected`
    /// says of such a run: output line by line (when `expected` has output for `lang`; see
    /// GoldenExpectations), errors found before running as `line:column: message` in any
    /// order, and the runtime error's message (and, in an English run, its line).
    public static func compare(_ expected: GoldenExpectations, _ observed: GoldenObservation, lang: Lang) -> [GoldenProblem] {
        var problems: [GoldenProblem] = []
        func problem(_ line: Int?, _ message: Localized, _ args: String...) {
            problems.append(GoldenProblem(line: line, message: Localized(vi: message.format(.vi, args),
                                                                         en: message.format(.en, args))))
        }
        if let output = expected.output(for: lang) {
            for (index, want) in output.enumerated() {
                if index >= observed.output.count {
                    problem(want.line, outputMissing, want.text)
                } else if observed.output[index] != want.text {
                    problem(want.line, outputDiffers, want.text, observed.output[index])
                }
            }
            if observed.output.count > output.count {
                problem(nil, outputExtra, observed.output[output.count...].joined(separator: " | "))
            }
        }
        let errors = expected.errors(for: lang)
        let got = observed.errors.map { "\($0.line):\($0.column): \($0.text(lang))" }
        for want in errors where !got.contains(want.text) {
            problem(want.line, errorMissing, want.text, "[" + got.map { "\"\($0)\"" }.joined(separator: ", ") + "]")
        }
        for (reported, message) in zip(observed.errors, got) where !errors.contains(where: { $0.text == message }) {
            problem(reported.line, errorExtra, message)
        }
        if let want = expected.runtimeError(for: lang) {
            if let error = observed.runtimeError {
                let text = error.text(lang)
                if text != want.text { problem(want.line, runtimeDiffers, want.text, text) }
                if lang == .en, error.line != want.line { problem(want.line, runtimeLine, String(error.line)) }
            } else {
                problem(want.line, runtimeMissing, want.text)
            }
        } else if let error = observed.runtimeError {
            problem(error.line, runtimeExtra, error.text(lang))
        }
        return problems
    }
}
