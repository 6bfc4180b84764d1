// The golden runner (STYLE.md §7): every `.dv` file under Golden/ carries its expected output
// and errors as comments, and one test runs them all and names the file and line of every
// mismatch. The same runner checks the examples in docs/language.md.
//
//   print(1 + 2)            # expect: 3
//   let x = ;               # expect error: 1:9: expected an expression
//   print(nope)             # expect runtime error: unknown name 'nope'
//   # expect vi error: ... / # expect vi runtime error: ...   (checked in a Vietnamese run)
import DanVanLang
import Foundation
import Testing
import VietText

struct GoldenExpectations {
    var output: [(line: Int, text: String)] = []
    var errors: [(line: Int, text: String)] = []
    var runtimeError: (line: Int, text: String)?
    var viErrors: [(line: Int, text: String)] = []
    var viRuntimeError: (line: Int, text: String)?

    init(_ text: String) {
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            for (marker, kind) in [("# expect vi runtime error: ", 4), ("# expect vi error: ", 3), ("# expect runtime error: ", 2),
                                   ("# expect error: ", 1), ("# expect:", 0)] {
                guard let range = line.range(of: marker) else { continue }
                var value = String(line[range.upperBound...])
                if kind == 0, value.hasPrefix(" ") { value.removeFirst() }
                switch kind {
                case 0: output.append((number, value))
                case 1: errors.append((number, value))
                case 2: runtimeError = (number, value)
                case 3: viErrors.append((number, value))
                default: viRuntimeError = (number, value)
                }
                break
            }
        }
    }
}

enum GoldenRunner {
    static let fixedToday = CalendarDate(year: 2024, month: 10, day: 15)!

    /// Runs `text` and returns one message per mismatch, each starting with "name:line:".
    static func check(name: String, text: String, lang: Lang = .en) -> [String] {
        let expected = GoldenExpectations(text)
        var problems: [String] = []
        var printed: [String] = []
        let interpreter = Interpreter(host: TestHost(), lang: lang, output: { line in
            printed.append(contentsOf: line.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }, interrupt: InterruptFlag())
        interpreter.today = { fixedToday }
        var diagnostics: [Diagnostic] = []
        do {
            try interpreter.run(SourceText(name: name, text: text))
        } catch {
            diagnostics = error.diagnostics
        }
        let errorSet = lang == .en ? expected.errors : expected.viErrors
        let runtimeExpected = lang == .en ? expected.runtimeError : expected.viRuntimeError
        if lang == .en {
            for (index, want) in expected.output.enumerated() {
                if index >= printed.count {
                    problems.append("\(name):\(want.line): expected output '\(want.text)', got nothing more")
                } else if printed[index] != want.text {
                    problems.append("\(name):\(want.line): expected output '\(want.text)', got '\(printed[index])'")
                }
            }
            if printed.count > expected.output.count {
                problems.append("\(name): unexpected extra output: \(printed[expected.output.count...].joined(separator: " | "))")
            }
        }
        let compileDiagnostics = diagnostics.filter { $0.kind != .runtime }
        let runtimeDiagnostics = diagnostics.filter { $0.kind == .runtime }
        let got = compileDiagnostics.map { "\($0.location.line):\($0.location.column): \($0.text(lang))" }
        for want in errorSet where !got.contains(want.text) {
            problems.append("\(name):\(want.line): expected error '\(want.text)'; got \(got)")
        }
        for message in got where !errorSet.contains(where: { $0.text == message }) {
            problems.append("\(name): unexpected error '\(message)'")
        }
        if let want = runtimeExpected {
            if let diagnostic = runtimeDiagnostics.first {
                let text = diagnostic.text(lang)
                if text != want.text { problems.append("\(name):\(want.line): expected runtime error '\(want.text)', got '\(text)'") }
                if lang == .en, diagnostic.location.line != want.line {
                    problems.append("\(name):\(want.line): runtime error reported on line \(diagnostic.location.line)")
                }
            } else {
                problems.append("\(name):\(want.line): expected runtime error '\(want.text)', got none")
            }
        } else if let diagnostic = runtimeDiagnostics.first {
            problems.append("\(name):\(diagnostic.location.line): unexpected runtime error '\(diagnostic.text(lang))'")
        }
        return problems
    }

    static func goldenFiles() throws -> [(name: String, text: String)] {
        guard let root = Bundle.module.url(forResource: "Golden", withExtension: nil) else { return [] }
        var files: [(String, String)] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "dv" else { continue }
            let relative = url.path.replacingOccurrences(of: root.path + "/", with: "")
            files.append((relative, try String(contentsOf: url, encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}

@Suite struct GoldenTests {
    @Test func everyGoldenFile() throws {
        let files = try GoldenRunner.goldenFiles()
        #expect(files.count >= 20, "the golden files were not found in the test bundle")
        for (name, text) in files {
            for problem in GoldenRunner.check(name: name, text: text) { Issue.record(Comment(rawValue: problem)) }
        }
    }

    @Test func vietnameseErrors() throws {
        let files = try GoldenRunner.goldenFiles().filter { $0.text.contains("# expect vi ") }
        #expect(!files.isEmpty)
        for (name, text) in files {
            for problem in GoldenRunner.check(name: name, text: text, lang: .vi) { Issue.record(Comment(rawValue: problem)) }
        }
    }

    /// Every ```dv block of docs/language.md runs, with its `# expect` lines checked.
    @Test func documentationExamples() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/language.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        var blocks: [(line: Int, code: String)] = []
        var current: [String]?
        var start = 0
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if current == nil, line == "```dv" { current = []; start = offset + 2; continue }
            if current != nil, line == "```" { blocks.append((start, current!.joined(separator: "\n"))); current = nil; continue }
            current?.append(String(line))
        }
        #expect(blocks.count >= 30, "docs/language.md should have an example for every construct")
        let builtins = Interpreter(host: nil, lang: .en, output: { _ in }).globalNames()
        #expect(builtins.count >= 40)
        for name in builtins where !text.contains("`\(name)(") {
            Issue.record("docs/language.md does not document the built-in '\(name)'")
        }
        let examples = blocks.map(\.code).joined(separator: "\n")
        for name in builtins where !examples.contains("\(name)(") {
            Issue.record("no example in docs/language.md calls the built-in '\(name)'")
        }
        for block in blocks {
            for problem in GoldenRunner.check(name: "language.md@\(block.line)", text: block.code) {
                Issue.record(Comment(rawValue: problem))
            }
        }
    }
}
