// Runs a program with piped stdin and captures stdout, stderr and the exit status, with a
// bounded wait: a hung program is killed and reported, never left to block the suite.
//
// It uses posix_spawn and waitpid rather than Foundation's Process: Process learns that a
// child ended when a socket it shares with the child closes, and a daemon the child starts
// (the tmux server) inherits that socket and keeps it open, so Process would wait forever.
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ProcessResult: Equatable {
    var stdout: String
    var stderr: String
    var status: Int32
}

enum ProcessRunner {
    /// Runs `executable` with `arguments`, with `input` as its stdin. `environment` nil
    /// inherits the test's environment. The status is the exit code, or 128 + the signal.
    static func run(_ executable: String, _ arguments: [String] = [], input: String = "",
                    environment: [String: String]? = nil, timeout: Double = 30,
                    directory: String? = nil) throws -> ProcessResult {
        let scratch = try ScratchDirectory("process")
        defer { scratch.remove() }
        // Files for all three streams: a program that writes more than a pipe holds cannot
        // block while we wait for it, and nothing has to be pumped.
        let inPath = scratch.path + "/stdin"
        let outPath = scratch.path + "/stdout"
        let errPath = scratch.path + "/stderr"
        try input.write(toFile: inPath, atomically: false, encoding: .utf8)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        // In another current folder (files it writes by a relative name land there): through
        // coreutils' `env -C`, since Glibc's posix_spawn chdir action is not in Swift's module.
        let (program, programArguments) = directory.map { ("/usr/bin/env", ["-C", $0, executable] + arguments) }
            ?? (executable, arguments)
        let argv = ([program] + programArguments).map { strdup($0) } + [nil]
        let variables = SanitizerOptions.passedOn(to: environment ?? ProcessInfo.processInfo.environment)
            .map { "\($0.key)=\($0.value)" }
        let envp = variables.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        // The test runs on a worker thread whose signal mask blocks most signals; a child
        // would inherit it (a tmux server with SIGCHLD blocked never notices its pane's
        // program exit). Start children with no blocked signals and default handlers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw HarnessError.toolFailed(command: executable, status: spawned, output: String(cString: strerror(spawned)))
        }

        var status: Int32 = 0
        let wait = timeout * SanitizerOptions.patience
        let deadline = Date().addingTimeInterval(wait)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() >= deadline {
                kill(pid, SIGTERM)
                usleep(100_000)
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                let partial = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
                throw HarnessError.timeout(expected: "\(executable) to exit", seconds: wait, screen: partial)
            }
            usleep(5_000)
        }
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return ProcessResult(stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                             stderr: try String(contentsOfFile: errPath, encoding: .utf8),
                             status: code)
    }
}

/// The options of a sanitizer run (`scripts/sanitize`), which every program a test starts
/// must get too: a test that gives a child its own environment would otherwise run it with
/// leak checking on, and the sanitizer's report would be taken for the program's output.
enum SanitizerOptions {
    static let names = ["ASAN_OPTIONS", "TSAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"]

    static func passedOn(to environment: [String: String]) -> [String: String] {
        var environment = environment
        let own = ProcessInfo.processInfo.environment
        for name in names where environment[name] == nil { environment[name] = own[name] }
        return environment
    }

    /// The sanitizer `scripts/sanitize` built this run with ("address", "thread"), from
    /// `DANVAN_SANITIZER`; nil in a plain run.
    static let active: String? = ProcessInfo.processInfo.environment["DANVAN_SANITIZER"]
        .flatMap { $0.isEmpty ? nil : $0 }

    /// How many times longer a test waits for a program under a sanitizer: every program the
    /// tests start is instrumented too, several run at once on a small machine, and a wait
    /// sized for a plain build gives up on a program that is only slow. ThreadSanitizer slows
    /// a program down the most.
    static let patience: Double = switch active {
    case nil: 1
    case "thread": 8
    default: 3
    }

    /// Whether a test that holds a program to a small memory budget means anything in this
    /// run: under a sanitizer the resident size includes its shadow memory (and ASan's
    /// quarantine), several times the program's own, so a budget of a few dozen megabytes is
    /// reached before the program has done anything.
    static var measuresMemory: Bool { active == nil }
}
