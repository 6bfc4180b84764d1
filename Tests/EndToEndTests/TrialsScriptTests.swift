// scripts/trials (docs/reliability.md) on a few trials: it runs to its end with the built
// binary, prints a line of counts per job, and says that every rule held.
import Foundation
import Testing

@Suite struct TrialsScriptTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func aFewKillsAndTwoWritersHoldEveryRule() throws {
        let scratch = try ScratchDirectory("trials")
        defer { scratch.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment["DANVAN"] = try BuiltProducts.path("danvan")
        environment["TMPDIR"] = scratch.path
        let result = try ProcessRunner.run(Self.repository + "/scripts/trials", ["3", "2", "2"],
                                           environment: environment, timeout: 900, directory: Self.repository)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for job in ["import", "fix", "report", "concurrent"] {
            #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(job): ") }, "no line for \(job)")
        }
        // 2 processes × 2 rounds × 3 commands.
        #expect(lines.contains { $0.contains("12 commands") })
        #expect(lines.last == "all held")
    }
}
