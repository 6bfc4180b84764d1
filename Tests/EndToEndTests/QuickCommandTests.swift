// `danvan eval CODE` and `danvan run FILE` with plain options are read without ArgumentParser
// (Sources/danvan/QuickCommand.swift, for start-up time). That reader promises to read every
// line it takes as ArgumentParser would. Each line here runs twice through the real binary:
// with `DANVAN_QUICK=only` (the quick reader must take it, or the program exits 70) and with
// `DANVAN_QUICK=off` (ArgumentParser reads it); the output, the errors, the exit status and any
// file written must be the same.
import Foundation
import Testing

@Suite struct QuickCommandTests {
    /// Command lines the quick reader takes: "DB" stands for the demo database's path,
    /// "SCRIPT" for a script that counts the models of 2024. `--output` writes into the run's
    /// own folder (each run has one), whose files are compared too.
    static let lines: [[String]] = [
        ["eval", "models | count", "--db", "DB"],
        ["eval", "--db", "DB", "--lang", "vi", "models | where year == 2024 | count"],
        ["eval", "--lang=en", "--db=DB", "print(1 +)"],
        ["eval", "--lang", "VI", "--db", "DB", "print(mo)"],
        ["eval", "units | take 3 | select name", "--mode", "csv", "--db", "DB"],
        ["eval", "modles | count", "--db", "DB"],
        ["eval", "models | take 2 | update title = title + \"!\"", "--dry-run", "--db", "DB"],
        ["eval", "models | take 1 | update year = 2020", "--read-only", "--db", "DB"],
        ["eval", "models | where year == 2024 | count", "--user", "lan", "--read-only", "--db", "DB"],
        ["eval", "units | take 2 | select name", "--output", "out.csv", "--mode", "csv", "--db", "DB"],
        ["eval", "print(\"một\")", "--output", "out.txt", "--append", "--db", "DB"],
        ["eval", "print(1)", "--output", "out.txt", "--replace", "--mode", "bogus", "--db", "DB"],
        ["eval", "print(1)", "--db", "/nonexistent-folder/x.db"],
        ["run", "SCRIPT", "--db", "DB"],
        ["run", "--db", "DB", "SCRIPT", "--no-transaction", "--dry-run", "--lang", "vi"],
        ["run", "missing.dv", "--db", "DB"],
    ]

    @Test(arguments: lines)
    func theQuickReaderReadsALineAsArgumentParserDoes(_ line: [String]) throws {
        let danvan = try BuiltProducts.path("danvan")
        let database = try DemoDatabase.path()
        let scratch = try ScratchDirectory("quick")
        defer { scratch.remove() }
        let script = scratch.path + "/count.dv"
        try "print(models | where year == 2024 | count)\n".write(toFile: script, atomically: true, encoding: .utf8)
        let arguments = line.map { argument in
            argument.replacingOccurrences(of: "DB", with: database).replacingOccurrences(of: "SCRIPT", with: script)
        }

        var results: [String: (ProcessResult, [String: String])] = [:]
        for quick in ["only", "off"] {
            let folder = scratch.path + "/" + quick
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let result = try ProcessRunner.run(danvan, arguments,
                                               environment: ["LANG": "C.UTF-8", "HOME": folder, "DANVAN_QUICK": quick],
                                               directory: folder)
            var files: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasPrefix(".") {
                files[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            }
            results[quick] = (result, files)
        }
        let quick = try #require(results["only"]), parser = try #require(results["off"])
        #expect(quick.0.status != 70, "the quick reader did not take the line: \(quick.0.stderr)")
        #expect(quick.0 == parser.0, "quick: \(quick.0)\nArgumentParser: \(parser.0)")
        #expect(quick.1 == parser.1)
    }

    /// The check above can fail: a line the quick reader does not take is refused under
    /// `DANVAN_QUICK=only`, and ArgumentParser still reads it.
    @Test func aLineTheQuickReaderDoesNotTakeIsSeen() throws {
        let danvan = try BuiltProducts.path("danvan")
        let database = try DemoDatabase.path()
        let line = ["eval", "print(1)", "--timeout", "5", "--db", database]
        let refused = try ProcessRunner.run(danvan, line, environment: ["LANG": "C.UTF-8", "DANVAN_QUICK": "only"])
        #expect(refused.status == 70, "\(refused)")
        let read = try ProcessRunner.run(danvan, line, environment: ["LANG": "C.UTF-8", "DANVAN_QUICK": "off"])
        #expect(read.status == 0 && read.stdout == "1\n", "\(read)")
    }
}
