// The documents' examples of changing data, run as a person would type them (DocExamples.swift):
// README.md's "Changing data safely" and docs/changing-data.md, each on its own fresh copy of
// the demo database, with the output of every command and session compared line by line.
import Foundation
import Testing

@Suite(.serialized) struct DocExampleTests {
    @Test(arguments: ["README.md", "docs/changing-data.md", "docs/reports.md", "docs/lessons.md"])
    func examplesRunAsWritten(path: String) throws {
        let (blocks, problems) = try DocExamples.run(path)
        #expect(blocks >= ["README.md": 2, "docs/changing-data.md": 10][path, default: 1], "\(path) has \(blocks) blocks of examples")
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
        if let log = ProcessInfo.processInfo.environment["DANVAN_DOC_LOG"] {
            try problems.joined(separator: "\n\n").write(toFile: log + "-" + path.replacingOccurrences(of: "/", with: "_"),
                                                          atomically: true, encoding: .utf8)
        }
    }

    @Test func theRunnerReadsBlocksAndComparesWithoutTimes() {
        let blocks = DocExamples.blocks(in: "x\n```console\n$ a\nb\n```\n```repl\n$ danvan\n```\n```dv\nc\n```\n")
        #expect(blocks.map(\.lines) == [["$ a", "b"], ["$ danvan"]])
        #expect(blocks.map(\.line) == [3, 7])
        #expect(DocExamples.normalized("│ 2026-12-01 13:08 │  \nat 2025-03-01 09:15:02 UTC") == "│ TIME │\nat TIME UTC")
    }
}
