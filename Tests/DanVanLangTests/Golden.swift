// The golden runner (STYLE.md §7): every `.dv` file under Golden/ carries its expected output
// and errors as comments, and one test runs them all and names the file and line of every
// mismatch. The same runner checks the examples in docs/language.md.
//
//   print(1 + 2)            # expect: 3
//   let x = ;               # expect error: 1:9: expected an expression
//   print(nope)             # expect runtime error: unknown name 'nope'
//   # expect vi error: ... / # expect vi runtime error: ...   (checked in a Vietnamese run)
import DanVanGolden
import DanVanLang
import Foundation
import Testing
import VietText

/// Runs golden code on the test host; the comparison is DanVanGolden's, as `danvan learn
/// --check` makes it for the lessons' solutions.
enum GoldenRunner {
    static let fixedToday = CalendarDate(year: 2024, month: 10, day: 15)!

    /// Runs `text` and returns one message per mismatch, each starting with "name:line:".
    static func check(name: String, text: String, lang: Lang = .en) -> [String] {
        var observed = GoldenObservation()
        let interpreter = Interpreter(host: TestHost(), lang: lang, output: { observed.write($0 + "\n") },
                                      interrupt: InterruptFlag())
        interpreter.today = { fixedToday }
        do {
            try interpreter.run(SourceText(name: name, text: text))
        } catch {
            observed.add(error.diagnostics)
        }
        return Golden.compare(GoldenExpectations(text), observed, lang: lang).map { problem in
            "\(name)" + (problem.line.map { ":\($0)" } ?? "") + ": " + problem.message(.en)
        }
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
        let files = try GoldenRunner.goldenFiles().filter { GoldenExpectations($0.text).hasExpectations(for: .vi) }
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
            if let lines = current, line == "```" { blocks.append((start, lines.joined(separator: "\n"))); current = nil; continue }
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
