// bench/vm-prototype/run (docs/architecture.md, "The closure tree against a register bytecode:
// measured"), run as the document shows it but on small sizes: it compiles the prototype, and
// a row of its table appears only when that program printed the checksum the script computes
// on its own (fib(20), the sum of i % 7 over 100,000 rounds).
import Foundation
import Testing

@Suite struct VMPrototypeTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Whether `tool` is an executable in a folder of PATH.
    static func onPath(_ tool: String) -> Bool {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return folders.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    static let toolsPresent = ["swiftc", "lua5.4", "python3"].allSatisfy(onPath)

    @Test(.enabled(if: toolsPresent, "needs swiftc, lua5.4 and python3"))
    func theRunScriptChecksEveryProgramAndPrintsItsTable() throws {
        let scratch = try ScratchDirectory("vm-prototype")
        defer { scratch.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment.merge(["QUICK": "1", "RUNS": "1", "WARMUP": "0", "CALLGRIND": "0",
                           "DANVAN": try BuiltProducts.path("danvan"), "TMPDIR": scratch.path]) { $1 }
        let result = try ProcessRunner.run(Self.repository + "/bench/vm-prototype/run", environment: environment,
                                           timeout: 600, directory: Self.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("CHECKSUMS DIFFER"), "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("| fib(") || $0.hasPrefix("| integer loop") }
        let programs = ["prototype (a) enum", "prototype (b) NaN-box", "prototype (c) NaN-box, counted",
                        "danvan (closure tree)", "lua5.4"]
        for workload in ["fib(20), naive recursion", "integer loop, 100,000 rounds, in a function",
                         "integer loop, 100,000 rounds, top-level variables"] {
            for program in programs {
                #expect(rows.contains { $0.hasPrefix("| \(workload) | \(program) | ") }, "no row for \(workload), \(program)")
            }
        }
        #expect(rows.count == 15, "\(result.stdout)")
    }
}
