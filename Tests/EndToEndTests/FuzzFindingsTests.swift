// Every input that once crashed a fuzz target (scripts/fuzz), kept under FuzzFindings/TARGET/,
// replayed through the plain `danvan-fuzz` build: each must run to its end.
import Foundation
import Testing

@Suite struct FuzzFindingsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzFindings")

    static func findings(_ target: String) -> [String] {
        let directory = folder.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0).path }
    }

    @Test(arguments: ["language", "csv", "lessons"])
    func everyFindingRunsToItsEnd(_ target: String) throws {
        let files = Self.findings(target)
        #expect(!files.isEmpty, "FuzzFindings/\(target) holds the inputs that once broke the target")
        var environment = ProcessInfo.processInfo.environment
        environment["FUZZ_TARGET"] = target
        let result = try ProcessRunner.run(try BuiltProducts.path("danvan-fuzz"), files, environment: environment,
                                           timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == files.count)
    }

    @Test func theReplayRunsAProgramAndSaysSo() throws {
        // The replay itself: a file it ran is named with "no crash"; a missing one is exit 2.
        let scratch = try ScratchDirectory("fuzz")
        defer { scratch.remove() }
        let program = scratch.path + "/p.dv"
        try "let xs = [3, 1, 2]\nprint(sort(xs))".write(toFile: program, atomically: true, encoding: .utf8)
        let tool = try BuiltProducts.path("danvan-fuzz")
        let ran = try ProcessRunner.run(tool, [program])
        #expect(ran.status == 0)
        #expect(ran.stdout == "\(program): no crash\n")
        let missing = try ProcessRunner.run(tool, [scratch.path + "/none.dv"])
        #expect(missing.status == 2)
    }
}
