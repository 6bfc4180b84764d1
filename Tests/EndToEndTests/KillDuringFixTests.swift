// `kill -9` during a fix (issue 8, "Done when"): a long fix is run with the built binary
// (`danvan run FIX.dv --db COPY`) on a fresh copy of the demo database and killed with SIGKILL
// at a random moment between its start and the time an uninterrupted run takes, 50 times.
// After each kill, SQLite's `integrity_check` says ok, `foreign_key_check` finds nothing, and
// every table (the change log's too, but for the time in `changes.at`) is exactly as before
// the fix or exactly as after a whole run: never half a fix. With `--no-transaction` each
// statement is saved on its own, so the data must be as after some whole number of them.
//
// The moments come from a seeded generator; the seed is printed, and DANVAN_KILL_SEED=N
// replays a run (DANVAN_KILL_RUNS=N changes the number of kills).
import Foundation
import GRDB
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct KillDuringFixTests {
    /// The long fix: big updates over several tables, inserts, deletes and a merge, each
    /// statement on one line (the `--no-transaction` test cuts the script after any of them).
    static let statements: [(code: String, writes: Bool)] = [
        ("# Một bản sửa dài để thử kill -9 / a long fix to kill -9 at every stage.", false),
        ("print(models | update title = title + \" (rà soát 2025)\")", true),
        ("print(indicators | update value = value * 2)", true),
        ("print(evaluations | where score != null and model.year >= 2020 | update score = score + 0.5)", true),
        ("print(people | update position = position + \" (kiêm nhiệm)\")", true),
        ("let gan_the = models | where year == 2025 | map(m => {model: m.id, tag: \"rà soát 2025\"})", false),
        ("print(len(insert model_tags gan_the))", true),
        ("print(model_tags | where tag != \"rà soát 2025\" and model.year < 2015 | delete)", true),
        ("print(evaluations | where kind == \"interim\" and model.year < 2014 | delete)", true),
        ("print(units | where kind == \"residential\" | update name = name + \" (cũ)\")", true),
        ("print(merge_units(from: 757, into: 157).name)", true),
    ]

    /// The script up to its `writes`-th writing statement (all of it by default).
    static func script(writes count: Int = .max) -> String {
        var lines: [String] = []
        var seen = 0
        for statement in statements {
            if statement.writes {
                if seen == count { break }
                seen += 1
            }
            lines.append(statement.code)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static var runs: Int {
        Int(ProcessInfo.processInfo.environment["DANVAN_KILL_RUNS"] ?? "") ?? 50
    }

    /// One seed for both tests of a run.
    static let seed: UInt64 =
        UInt64(ProcessInfo.processInfo.environment["DANVAN_KILL_SEED"] ?? "") ?? UInt64.random(in: 1...999_999)

    @Test func killedAnywhereTheFixIsAllOrNothing() throws {
        let seed = Self.seed
        print("kill -9 test: seed \(seed) (DANVAN_KILL_SEED=\(seed) replays it), \(Self.runs) kills")
        let scratch = try ScratchDirectory("kill")
        defer { scratch.remove() }
        let fix = scratch.path + "/sua-dai.dv"
        try Self.script().write(toFile: fix, atomically: true, encoding: .utf8)
        let master = try DemoDatabase.path()
        let started = Date()

        let before = try Self.copy(master, to: scratch.path + "/before.db")
        // Two whole runs: how long one takes (the quicker, less disturbed by other tests), and
        // that the result does not depend on the run.
        var duration = Double.infinity
        var whole: [String] = []
        for round in 0..<2 {
            let copy = try Self.copy(master, to: scratch.path + "/whole-\(round).db")
            let run = try KilledRun.start(fix, database: copy, after: nil)
            #expect(run.status == 0, "an uninterrupted run failed: \(run.stderr)")
            duration = min(duration, run.elapsed)
            #expect(try SameData.changeSets(copy) == 1)
            whole.append(copy)
        }
        let after = whole[0]
        #expect(try SameData.differences(whole[1], after).isEmpty, "two whole runs of the fix differ")
        #expect(!(try SameData.differences(before, after).isEmpty))

        var generator = SplitMix64(seed: seed)
        var outcomes = (before: 0, after: 0, exited: 0)
        var fifths = [0, 0, 0, 0, 0]   // kills in each fifth of a whole run's time
        for attempt in 1...Self.runs {
            let copy = try Self.copy(master, to: scratch.path + "/killed.db")
            let fraction = Double(generator.next() % 1_000_000) / 1_000_000
            let delay = fraction * duration
            fifths[min(4, Int(fraction * 5))] += 1
            let run = try KilledRun.start(fix, database: copy, after: delay)
            let context = "seed \(seed), kill \(attempt) at \(String(format: "%.3f", delay)) s of \(String(format: "%.3f", duration)) s"
            try Self.checkIntegrity(copy, context)
            // The log says which whole state it must be: none saved, or the fix's one change set.
            let saved = try SameData.changeSets(copy)
            let reference = saved == 0 ? before : after
            let differing = try SameData.differences(copy, reference)
            #expect(saved == 0 || saved == 1, "\(context): \(saved) change sets")
            #expect(differing.isEmpty, "half a fix after \(context): \(differing) differ from the data \(saved == 0 ? "before" : "after") the fix")
            if saved == 0 { outcomes.before += 1 } else { outcomes.after += 1 }
            if run.status == 0 { outcomes.exited += 1 } else { #expect(run.status == 128 + SIGKILL, "\(context): \(run.stderr)") }
        }
        print("""
            kill -9 test: a whole run takes \(String(format: "%.2f", duration)) s; \(Self.runs) kills (per fifth of the run: \
            \(fifths.map(String.init).joined(separator: "/"))) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s; \
            data as before: \(outcomes.before), as after: \(outcomes.after); runs that ended before their kill: \(outcomes.exited)
            """)
        // Most kills must land while the fix runs, or the test would prove little.
        #expect(outcomes.exited * 2 < Self.runs, "seed \(seed): most runs ended before their kill")
    }

    /// `--no-transaction` saves each statement at once: after a kill the data is as after the
    /// first k writing statements, for some k, never inside one.
    @Test func killedWithoutATransactionEachStatementIsAllOrNothing() throws {
        let seed = Self.seed
        let runs = max(1, Self.runs / 5)
        print("kill -9 --no-transaction test: seed \(seed), \(runs) kills")
        let scratch = try ScratchDirectory("kill-nt")
        defer { scratch.remove() }
        let master = try DemoDatabase.path()
        let writes = Self.statements.filter(\.writes).count
        // The data after each whole number of statements, from runs of the script cut short.
        var states: [String] = [try Self.copy(master, to: scratch.path + "/cut-0.db")]
        var duration = 0.0
        // One file name for every cut: the change log names the script.
        let fix = scratch.path + "/sua-dai.dv"
        for count in 1...writes {
            try Self.script(writes: count).write(toFile: fix, atomically: true, encoding: .utf8)
            let copy = try Self.copy(master, to: scratch.path + "/cut-\(count).db")
            let run = try KilledRun.start(fix, database: copy, after: nil, arguments: ["--no-transaction"])
            #expect(run.status == 0, "\(count) statements: \(run.stderr)")
            duration = run.elapsed
            #expect(try SameData.changeSets(copy) == count)
            states.append(copy)
        }
        var generator = SplitMix64(seed: seed &+ 1)
        for attempt in 1...runs {
            let copy = try Self.copy(master, to: scratch.path + "/killed.db")
            let delay = Double(generator.next() % 1_000_000) / 1_000_000 * duration
            _ = try KilledRun.start(fix, database: copy, after: delay, arguments: ["--no-transaction"])
            let context = "seed \(seed), kill \(attempt) at \(String(format: "%.3f", delay)) s of \(String(format: "%.3f", duration)) s"
            try Self.checkIntegrity(copy, context)
            let saved = try SameData.changeSets(copy)
            guard states.indices.contains(saved) else {
                Issue.record("\(context): \(saved) change sets saved")
                continue
            }
            let differing = try SameData.differences(copy, states[saved])
            #expect(differing.isEmpty, "\(context): \(saved) change sets saved, but \(differing) differ from the data after \(saved) whole statements")
        }
    }

    /// A fresh copy of the demo database at `path`.
    static func copy(_ master: String, to path: String) throws -> String {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.copyItem(atPath: master, toPath: path)
        return path
    }

    /// SQLite's own checks, on the file as the next session opens it (a hot WAL is recovered).
    static func checkIntegrity(_ path: String, _ context: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            #expect(integrity == ["ok"], "\(context): integrity_check \(integrity)")
            let dangling = try GRDB.Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            #expect(dangling.isEmpty, "\(context): foreign_key_check \(dangling.prefix(5))")
        }
    }
}

/// Compares every row of every table of two database files in SQLite itself (`EXCEPT`, text
/// byte for byte), leaving out the change log's `changes.at`, the time of the run.
enum SameData {
    /// The tables whose rows differ between `path` and `reference`; empty when none do.
    static func differences(_ path: String, _ reference: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        return try queue.inDatabase { db in
            try db.execute(sql: "ATTACH DATABASE ? AS ref", arguments: [reference])
            defer { try? db.execute(sql: "DETACH DATABASE ref") }
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                UNION SELECT name FROM ref.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                """)
            var differing: [String] = []
            for table in tables {
                let columns = try String.fetchAll(db, sql: "SELECT name FROM main.pragma_table_info(?)", arguments: [table])
                    .filter { !(table == "changes" && $0 == "at") }
                let theirs = try String.fetchAll(db, sql: "SELECT name FROM ref.pragma_table_info(?)", arguments: [table])
                    .filter { !(table == "changes" && $0 == "at") }
                guard !columns.isEmpty, columns == theirs else {
                    differing.append(table)
                    continue
                }
                // typeof() too: 2 and 2.0 are equal to EXCEPT, not to us.
                let list: String = columns.map { (name: String) -> String in
                    let c: String = name.quotedDatabaseIdentifier
                    return "\(c), typeof(\(c))"
                }.joined(separator: ", ")
                let name: String = table.quotedDatabaseIdentifier
                // Rows are unique (by id): as many on each side, and none of ours missing from
                // theirs, means the same rows.
                let sql: String = """
                    SELECT (SELECT count(*) FROM main.\(name)) <> (SELECT count(*) FROM ref.\(name))
                        OR EXISTS (SELECT \(list) FROM main.\(name) EXCEPT SELECT \(list) FROM ref.\(name))
                    """
                if try Bool.fetchOne(db, sql: sql) != false { differing.append(table) }
            }
            return differing
        }
    }

    /// How many change sets the database's log holds.
    static func changeSets(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM changes") ?? -1 }
    }
}

/// One run of `danvan run FIX --db DATABASE`, killed with SIGKILL after `after` seconds (nil:
/// left to finish). stdout and stderr go to files beside the database.
struct KilledRun {
    let status: Int32
    let elapsed: Double
    let stderr: String

    static func start(_ fix: String, database: String, after delay: Double?, arguments extra: [String] = []) throws -> KilledRun {
        let executable = try BuiltProducts.path("danvan")
        let outPath = database + ".out", errPath = database + ".err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let arguments = [executable, "run", fix, "--db", database, "--lang", "en"] + extra
        let argv = arguments.map { strdup($0) } + [nil]
        let variables: [String] = ["LANG=C.UTF-8", "USER=kill-test", "HOME=" + NSTemporaryDirectory()]
        let envp = variables.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let begun = Date()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw HarnessError.toolFailed(command: executable, status: spawned, output: String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        if let delay {
            // Sleep to the moment, unless the run ends first; then SIGKILL, as `kill -9` does.
            let moment = begun.addingTimeInterval(delay)
            var ended = false
            while Date() < moment {
                if waitpid(pid, &status, WNOHANG) == pid { ended = true; break }
                usleep(UInt32(max(100, min(2_000, moment.timeIntervalSinceNow * 1_000_000))))
            }
            if !ended {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
            }
        } else {
            let deadline = begun.addingTimeInterval(120)
            while waitpid(pid, &status, WNOHANG) == 0 {
                if Date() > deadline {
                    kill(pid, SIGKILL)
                    _ = waitpid(pid, &status, 0)
                    throw HarnessError.timeout(expected: "danvan run to end", seconds: 120, screen: "")
                }
                usleep(1_000)
            }
        }
        let elapsed = Date().timeIntervalSince(begun)
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return KilledRun(status: code, elapsed: elapsed, stderr: stderr)
    }
}

/// A small seeded generator (SplitMix64), so a failing sequence of kills can be replayed.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
