// Proves the two harnesses on programs whose behaviour is known (bash, cat, sh), so that a
// failing REPL test points at the REPL, not at the harness.
import Foundation
import Testing

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux (scripts/deps installs it)"))
struct TmuxHarnessTests {
    static let shellEnvironment = ["LANG": "C.UTF-8", "PS1": "$ ", "HOME": NSTemporaryDirectory()]

    @Test func typesUTF8AndReadsTheScreen() throws {
        let session = try TmuxSession(["/bin/bash", "--norc", "--noprofile"], environment: Self.shellEnvironment)
        defer { session.close() }
        try session.waitForLine("$")
        try session.type("echo \"Dân vận khéo\" | tr a-z A-Z")
        try session.press("Enter")
        // tr works on bytes; the letters with diacritics pass through unchanged.
        let screen = try session.waitForLine("DâN VậN KHéO")
        #expect(screen.hasPrefix("$ echo \"Dân vận khéo\" | tr a-z A-Z\n"))
    }

    @Test func cursorPositionCountsCellsNotBytes() throws {
        let session = try TmuxSession(["/bin/cat"], environment: ["LANG": "C.UTF-8"], width: 60, height: 10)
        defer { session.close() }
        try session.type("Nguyễn 漢")
        try session.waitFor("Nguyễn 漢")
        // "Nguyễn " is 7 cells, 漢 two more.
        let position = try session.cursor()
        #expect(position.x == 9 && position.y == 0)
    }

    @Test func exitStatusOfAFinishedProgram() throws {
        let session = try TmuxSession(["/bin/cat"], environment: ["LANG": "C.UTF-8"], width: 60, height: 10)
        defer { session.close() }
        #expect(try session.exitStatus() == nil)
        try session.type("một dòng")
        try session.press("Enter")
        // cat echoes the line back: it appears twice (the terminal's echo, then cat's).
        try session.waitUntil("two copies") { _ in try session.lines().filter { $0 == "một dòng" }.count == 2 }
        try session.press("C-d")
        #expect(try session.waitForExit() == 0)
    }

    @Test func waitsAreBounded() throws {
        let session = try TmuxSession(["/bin/bash", "--norc", "--noprofile"], environment: Self.shellEnvironment)
        defer { session.close() }
        let started = Date()
        #expect(throws: HarnessError.self) { try session.waitFor("this never appears", timeout: 0.5) }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func closeKillsTheSession() throws {
        let session = try TmuxSession(["/bin/sleep", "600"], environment: [:], width: 40, height: 5)
        #expect(try session.exitStatus() == nil)
        session.close()
        #expect(throws: (any Error).self) { try session.screen() }
    }
}

@Suite struct ProcessHarnessTests {
    @Test func capturesStdoutStderrAndStatus() throws {
        let result = try ProcessRunner.run("/bin/sh", ["-c", "cat; echo lỗi >&2; exit 3"], input: "Dân vận\n")
        #expect(result == ProcessResult(stdout: "Dân vận\n", stderr: "lỗi\n", status: 3))
    }

    @Test func largeOutputDoesNotBlock() throws {
        let result = try ProcessRunner.run("/bin/sh", ["-c", "seq 1 200000"])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("\n199999\n200000\n"))
    }

    @Test func aHungProgramIsKilledAtTheTimeout() throws {
        let started = Date()
        #expect(throws: HarnessError.self) { try ProcessRunner.run("/bin/sleep", ["60"], timeout: 0.5) }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func findsTheBuiltExecutables() throws {
        let danvan = try BuiltProducts.path("danvan")
        #expect(danvan.hasSuffix("/danvan"))
        #expect(throws: HarnessError.self) { try BuiltProducts.path("no-such-program") }
    }
}
