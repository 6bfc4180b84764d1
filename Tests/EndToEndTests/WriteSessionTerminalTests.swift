// Changing data in the interactive session, under a real terminal (tmux), each test on its own
// copy of the demo database: `Apply? [y/N]` answered no changes nothing and yes changes it;
// `:undo` restores; a sandbox session says so in its welcome line and prompt, leaves the real
// file byte for byte as it was, and leaves no copy behind after Ctrl-D or when its terminal is
// closed; a read-only session refuses a write and goes on.
import Foundation
import Testing

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux (scripts/deps installs it)"))
struct WriteSessionTerminalTests {
    /// `danvan --db COPY ARGUMENTS` in tmux, once its prompt `prompt` shows.
    func session(_ copy: DemoCopy, _ arguments: [String] = [], prompt: String = "danvan>") throws -> TmuxSession {
        var environment = copy.environment
        environment["XDG_STATE_HOME"] = copy.scratch.path + "/state"
        let command = [try BuiltProducts.path("danvan"), "--db", copy.path, "--lang", "en"] + arguments
        let session = try TmuxSession(command, environment: environment, width: 160, height: 50)
        try session.waitForLine(prompt, timeout: 30)
        return session
    }

    @Test func applyAnsweredNoChangesNothingAndYesChanges() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let dump = try copy.dump()
        let session = try session(copy)
        defer { session.close() }
        try session.type(":confirm 2")
        try session.press("Enter")
        try session.waitForLine("Asks before applying a statement that changes more than 2 rows.")
        try session.type("units | where parent.id == 306 | update short_name = short_name + \"*\"")
        try session.press("Enter")
        try session.waitForLine("Apply? [y/N]")
        let asked = try session.screen()
        #expect(asked.contains("units: this statement would update "))
        #expect(asked.contains("short_name: \""))
        try session.type("n")
        try session.press("Enter")
        try session.waitFor("error: cancelled: nothing was changed")
        try session.waitForLine("danvan>")
        #expect(try copy.dump() == dump)

        try session.press("C-l")
        try session.type("units | where parent.id == 306 | update short_name = short_name + \"*\"")
        try session.press("Enter")
        try session.waitForLine("Apply? [y/N]")
        try session.type("y")
        try session.press("Enter")
        try session.waitFor("saved change set #1: units: ")
        #expect(try copy.dump() != dump)
        #expect(try copy.value("units | where parent.id == 306 and short_name ~ \"*\" | count") != "0")

        // :undo puts every row back.
        try session.press("C-l")
        try session.type(":undo")
        try session.press("Enter")
        try session.waitFor("undid change set #1 as the new change set #2; rows put back:")
        #expect(try copy.dump() == dump)
        try session.press("C-d")
        #expect(try session.waitForExit() == 0)
    }

    @Test func aSandboxSaysSoAndLeavesTheRealFileAndNoCopy() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let before = try copy.bytes()
        let first = try session(copy, ["--sandbox"], prompt: "danvan[sandbox]>")
        defer { first.close() }
        try first.waitFor("DanVan 0.1.0 · \(copy.path) (sandbox copy: every change is discarded at exit):")
        #expect(try copy.sandboxesLeft().count == 1)
        try first.type("merge_units(from: 755, into: 307)")
        try first.press("Enter")
        try first.waitFor("saved change set #1 in the sandbox copy (discarded at exit): models: 3 rows updated")
        try first.type("units | where id == 755 | count")
        try first.press("Enter")
        try first.waitForLine("0")
        try first.type(":begin")
        try first.press("Enter")
        try first.waitForLine("danvan[sandbox, transaction]>")
        try first.press("C-d")
        try first.waitFor("A transaction was still open at exit, so it was rolled back")
        #expect(try first.waitForExit() == 0)
        #expect(try copy.sandboxesLeft().isEmpty)
        #expect(try copy.bytes() == before)

        // The terminal closed under a sandbox session (SIGHUP): the copy goes too.
        let second = try session(copy, ["--sandbox"], prompt: "danvan[sandbox]>")
        #expect(try copy.sandboxesLeft().count == 1)
        // Once the copy is made, no process holds the real file open (so no lock on it either).
        #expect(Self.processesHolding(copy.path).isEmpty)
        second.close()
        let deadline = Date().addingTimeInterval(10)
        while try !copy.sandboxesLeft().isEmpty, Date() < deadline { usleep(50_000) }
        #expect(try copy.sandboxesLeft().isEmpty)
        #expect(try copy.bytes() == before)
    }

    @Test func aReadOnlySessionRefusesAWriteAndGoesOn() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let before = try copy.bytes()
        let session = try session(copy, ["--read-only"], prompt: "danvan[read-only]>")
        defer { session.close() }
        try session.waitFor("DanVan 0.1.0 · \(copy.path) (read-only):")
        try session.type("units | where id == 38 | update name = \"x\"")
        try session.press("Enter")
        try session.waitFor("error: this session is read-only (--read-only): data cannot be changed")
        try session.type("units | where id == 38 | count")
        try session.press("Enter")
        try session.waitForLine("1")
        try session.type(":begin")
        try session.press("Enter")
        try session.waitFor("this session is read-only")
        try session.press("C-d")
        #expect(try session.waitForExit() == 0)
        #expect(try copy.bytes() == before)
    }

    @Test func theVietnamesePromptAndQuestion() throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        var environment = copy.environment
        environment["XDG_STATE_HOME"] = copy.scratch.path + "/state"
        let session = try TmuxSession([try BuiltProducts.path("danvan"), "--db", copy.path, "--lang", "vi", "--sandbox"],
                                      environment: environment, width: 160, height: 50)
        defer { session.close() }
        try session.waitForLine("danvan[bản sao]>", timeout: 30)
        try session.type(":dry-run on")
        try session.press("Enter")
        try session.waitForLine("danvan[bản sao, chạy thử]>")
        try session.type(":dry-run off")
        try session.press("Enter")
        try session.type(":confirm 0")
        try session.press("Enter")
        try session.type("units | where id == 38 | update name = \"Sở Dân tộc và Tôn giáo\"")
        try session.press("Enter")
        try session.waitForLine("Áp dụng? [c/K]")
        try session.type("có")
        try session.press("Enter")
        try session.waitFor("đã lưu lần thay đổi #1 vào bản sao thử (bỏ đi khi thoát): units: sửa 1 dòng")
    }

    /// The processes that have `path` (or its -wal, -shm) open, from /proc (Linux); empty elsewhere.
    static func processesHolding(_ path: String) -> [String] {
        #if os(Linux)
        let files = FileManager.default
        let wanted = [path, path + "-wal", path + "-shm"].map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
        var holders: [String] = []
        for pid in (try? files.contentsOfDirectory(atPath: "/proc")) ?? [] where pid.allSatisfy(\.isNumber) {
            for fd in (try? files.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? [] {
                if let target = try? files.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(fd)"), wanted.contains(target) {
                    holders.append(pid)
                }
            }
        }
        return holders
        #else
        return []
        #endif
    }
}
