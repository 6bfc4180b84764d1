// Two sessions writing one database at once: a script that reads a value and writes it back
// changed runs as one transaction that takes the write lock before its first read, so eight
// copies of it running together add eight, never fewer (no lost update); and a writer kept
// waiting by another session's long write gives up with a plain "busy" message, exit 1,
// having changed nothing.
import Foundation
import Testing

@Suite struct ConcurrentWriteTests {
    @Test func concurrentReadModifyWritesLoseNothing() throws {
        let copy = try DemoCopy()
        let before = Int(try copy.value("first(models | where id == 1).year")) ?? -1
        #expect(before > 0)
        let script = try copy.script("bump.dv", """
            let m = models | where id == 1 | first
            let next = m.year + 1
            models | where id == 1 | update year = next
            """)
        let runs = 8
        let results = Results(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { index in
            results.set(index, Result { try copy.danvan(["run", script]) })
        }
        for result in results.all {
            let finished = try result.get()
            #expect(finished.status == 0, "\(finished.stderr)")
        }
        let after = Int(try copy.value("first(models | where id == 1).year")) ?? -1
        #expect(after == before + runs)
        #expect(try copy.value("changes | count") == String(runs))
    }

    @Test func aWriterKeptWaitingIsToldTheDatabaseIsBusy() throws {
        let copy = try DemoCopy()
        let before = try copy.dump()
        // Another session holds the write lock for three seconds after it has it (it says so
        // by making a file: on a busy machine, starting it can take longer than any fixed wait).
        let locked = copy.path + ".locked"
        let holder = DispatchGroup()
        holder.enter()
        DispatchQueue.global().async {
            let commands = "echo 'BEGIN IMMEDIATE; UPDATE units SET phone = phone;'; echo \".shell touch '\(locked)'\"; sleep 3; echo 'COMMIT;'"
            _ = try? ProcessRunner.run("/bin/sh", ["-c", "(\(commands)) | sqlite3 '\(copy.path)'"],
                                       environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"], timeout: 30)
            holder.leave()
        }
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: locked) && Date() < deadline { usleep(20_000) }
        #expect(FileManager.default.fileExists(atPath: locked), "the other session never took the lock")
        var environment = copy.environment
        environment["DANVAN_BUSY_TIMEOUT"] = "0.5"
        let result = try ProcessRunner.run(try BuiltProducts.path("danvan"),
                                           ["eval", "models | where id == 1 | update title = \"X\"", "--db", copy.path],
                                           environment: environment, timeout: 30)
        holder.wait()
        #expect(result.status == 1)
        #expect(result.stderr.contains("busy"), "\(result.stderr)")
        #expect(try copy.dump() == before)
    }
}

/// Results written by concurrent iterations, each to its own slot.
private final class Results: @unchecked Sendable {
    private var values: [Result<ProcessResult, any Error>?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<ProcessResult, any Error>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    var all: [Result<ProcessResult, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return values.map { $0 ?? .failure(HarnessError.toolFailed(command: "danvan run", status: -1, output: "did not run")) }
    }
}
