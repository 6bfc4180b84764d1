// The golden files through the real `danvan` binary (issue 12): the golden runner runs them in
// the test process, which shares the interpreter with the binary but not its front end (the
// script reader, the output writer, the error renderer, the exit codes). Every golden file
// that needs no test host and shows no top-level value runs here with `danvan run`, its
// standard output and its `file:line:col: error:` lines judged by the same comparison.
import DanVanGolden
import DanVanLang
import Foundation
import Testing
import VietText

@Suite struct GoldenBinaryTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DanVanLangTests/Golden")

    /// Every golden file, relative name and text.
    static func goldenFiles() throws -> [(name: String, path: String, text: String)] {
        let root = goldenFolder.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [(String, String, String)] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".dv") else { continue }
            let path = root + "/" + relative
            files.append((relative, path, try String(contentsOfFile: path, encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// Whether the file's expectations hold in the test process with no host, today's date,
    /// and top-level values shown: then the binary, whatever its database, must do the same.
    static func runsWithoutAHost(_ text: String) -> Bool {
        var observed = GoldenObservation()
        var shown = 0
        let interpreter = Interpreter(host: nil, lang: .en, output: { observed.write($0 + "\n") })
        interpreter.show = { _ in shown += 1 }
        do {
            try interpreter.run(SourceText(name: "golden.dv", text: text), showingValues: true)
        } catch {
            observed.add(error.diagnostics)
        }
        return shown == 0 && Golden.compare(GoldenExpectations(text), observed, lang: .en).isEmpty
    }

    /// What the binary did, read back from its streams: output lines, and each diagnostic line
    /// as an error found before running, or (when the file expects none of those) as the
    /// runtime error it stopped at.
    static func observation(_ result: ProcessResult, path: String, expected: GoldenExpectations) -> GoldenObservation {
        var observed = GoldenObservation()
        observed.write(result.stdout)
        let prefix = path + ":"
        for line in result.stderr.split(separator: "\n") where line.hasPrefix(prefix) {
            let rest = line.dropFirst(prefix.count)
            let parts = rest.split(separator: ":", maxSplits: 2)
            guard parts.count == 3, let row = Int(parts[0]), let column = Int(parts[1]),
                  parts[2].hasPrefix(" error: ") else { continue }
            let message = String(parts[2].dropFirst(" error: ".count))
            let reported = GoldenObservation.Reported(line: row, column: column, text: Localized(vi: message, en: message))
            if expected.errors.isEmpty {
                if observed.runtimeError == nil { observed.runtimeError = reported }
            } else {
                observed.errors.append(reported)
            }
        }
        return observed
    }

    /// A new database with no rows (`danvan init`): the files run here need none.
    static func emptyDatabase(in scratch: ScratchDirectory) throws -> String {
        let database = scratch.path + "/empty.db"
        let made = try ProcessRunner.run(try BuiltProducts.path("danvan"), ["--db", database, "init"],
                                         environment: ["LANG": "C.UTF-8"])
        try #require(made.status == 0, "\(made.stderr)")
        return database
    }

    @Test func goldenFilesGiveTheSameThroughTheBinary() throws {
        let files = try Self.goldenFiles().filter { Self.runsWithoutAHost($0.text) }
        // 119 of 157 golden files need no tables and show no value (2026-12); if this falls, the filter broke.
        #expect(files.count >= 100, "only \(files.count) golden files were run through the binary")
        let scratch = try ScratchDirectory("golden")
        defer { scratch.remove() }
        let danvan = try BuiltProducts.path("danvan")
        let database = try Self.emptyDatabase(in: scratch)
        for file in files {
            let expected = GoldenExpectations(file.text)
            let result = try ProcessRunner.run(danvan, ["--db", database, "--lang", "en", "run", file.path],
                                               environment: ["LANG": "C.UTF-8", "HOME": scratch.path], timeout: 60)
            let failed = !expected.errors.isEmpty || expected.runtimeError != nil
            #expect(result.status == (failed ? 1 : 0), "\(file.name): exit \(result.status)\n\(result.stderr)")
            let observed = Self.observation(result, path: file.path, expected: expected)
            for problem in Golden.compare(expected, observed, lang: .en) {
                Issue.record(Comment(rawValue: "\(file.name)" + (problem.line.map { ":\($0)" } ?? "") + ": "
                    + problem.message(.en)))
            }
        }
    }

    @Test func theComparisonSeesADifferenceInTheBinarysOutput() throws {
        // The judge itself: a file whose binary output differs from its comments is reported.
        let scratch = try ScratchDirectory("golden-wrong")
        defer { scratch.remove() }
        let path = scratch.path + "/wrong.dv"
        let text = "print(1 + 1)    # expect: 3\nprint([1][5])   # expect runtime error: index 5 is out of range\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let danvan = try BuiltProducts.path("danvan")
        let result = try ProcessRunner.run(danvan, ["--db", try Self.emptyDatabase(in: scratch), "--lang", "en", "run", path],
                                           environment: ["LANG": "C.UTF-8", "HOME": scratch.path])
        let expected = GoldenExpectations(text)
        let problems = Golden.compare(expected, Self.observation(result, path: path, expected: expected), lang: .en)
        #expect(problems.map { $0.message(.en) } == [
            "expected output '3', got '2'",
            "expected runtime error 'index 5 is out of range', "
                + "got 'index 5 is out of range (the list has length 1; indexes start at 0)'",
        ])
    }
}
