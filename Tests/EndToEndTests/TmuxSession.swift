// Drives a program in a real pseudo-terminal through tmux: start it in a detached session of
// a fixed size, type text and keys, read the screen, and wait (bounded, polling) until
// something appears. Each session has its own tmux server on a private socket with no user
// configuration, so tests neither see nor disturb anyone's tmux, and `close()` (also run on
// deinit) kills that server and everything in it.
import Foundation

final class TmuxSession {
    static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static var isAvailable: Bool { tmuxPath != nil }

    /// How often the screen is read while waiting.
    static let pollInterval: useconds_t = 50_000
    /// The longest any wait lasts unless a test asks otherwise: generous for a loaded
    /// 2-core machine, short enough that a broken test fails rather than hangs.
    static let defaultTimeout = 15.0

    let width: Int
    let height: Int
    private let scratch: ScratchDirectory
    private let socket: String
    /// Where the wrapper shell writes the program's exit status.
    private let statusPath: String
    private let target = "e2e"
    private var closed = false

    /// Starts `command` (program and arguments) with exactly `environment` (plus TERM),
    /// in `workingDirectory`. The pane stays after the program exits, so its last screen
    /// and exit status can be read.
    init(_ command: [String], environment: [String: String], workingDirectory: String? = nil,
         width: Int = 100, height: Int = 30) throws {
        guard Self.tmuxPath != nil else { throw HarnessError.missingProduct(name: "tmux", directory: "PATH") }
        self.width = width
        self.height = height
        scratch = try ScratchDirectory("tmux")
        socket = scratch.path + "/socket"
        statusPath = scratch.path + "/status"
        let config = scratch.path + "/tmux.conf"
        try """
            set -g remain-on-exit on
            set -g status off
            set -g escape-time 0
            set -g history-limit 2000

            """.write(toFile: config, atomically: true, encoding: .utf8)
        var env = SanitizerOptions.passedOn(to: environment)
        if env["TERM"] == nil { env["TERM"] = "xterm-256color" }
        let assignments = env.sorted { $0.key < $1.key }.map { Self.quote("\($0.key)=\($0.value)") }
        // The program runs under a small sh that records its exit status in a file: under
        // load tmux 3.3 sometimes never reaps a pane's process, and then never reports
        // `pane_dead_status`. The `trap :` keeps Ctrl-C from ending the sh itself (a caught
        // signal is reset to its default in the program, so the program still gets it).
        let wrapper = "trap : INT; \"$@\"; echo $? > " + Self.quote(statusPath)
        var shellCommand = "exec env -i " + assignments.joined(separator: " ") + " /bin/sh -c "
            + Self.quote(wrapper) + " sh " + command.map(Self.quote).joined(separator: " ")
        if let workingDirectory { shellCommand = "cd " + Self.quote(workingDirectory) + " && " + shellCommand }
        try tmux(["-f", config, "new-session", "-d", "-s", target, "-x", String(width), "-y", String(height),
                  shellCommand])
    }

    deinit { close() }

    /// Kills this session's tmux server (and the program). Safe to call twice.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? tmux(["kill-server"])
        scratch.remove()
    }

    // MARK: - Input

    /// Types `text` literally (UTF-8, no key names).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", text])
    }

    /// Pastes `text` as a terminal paste does: all of it written to the program at once
    /// (tmux's paste buffer), line breaks as Enter.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "danvan-paste", text])
        try tmux(["paste-buffer", "-d", "-b", "danvan-paste", "-t", target])
    }

    /// Presses keys by tmux name: "Enter", "Left", "BSpace", "Tab", "Up", "C-c", "C-d", "C-r".
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    // MARK: - Output

    /// The visible screen, one string per row, trailing spaces trimmed. With `escapes`,
    /// colours and attributes are kept as escape sequences.
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : []))
    }

    /// Everything the pane has shown, scrolled-off lines included, with lines the terminal
    /// wrapped joined again.
    func history() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", target])
    }

    func lines() throws -> [String] {
        try screen().split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    /// The cursor's column and row, from 0.
    func cursor() throws -> (x: Int, y: Int) {
        let text = try tmux(["display-message", "-p", "-t", target, "#{cursor_x},#{cursor_y}"])
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
        guard parts.count == 2 else { throw HarnessError.toolFailed(command: "display-message", status: 0, output: text) }
        return (parts[0], parts[1])
    }

    /// Nil while the program runs; its exit status once it has exited.
    func exitStatus() throws -> Int32? {
        guard let text = try? String(contentsOfFile: statusPath, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    // MARK: - Waiting

    /// Waits until some screen row equals `line` exactly (after trimming trailing spaces);
    /// returns the screen.
    @discardableResult
    func waitForLine(_ line: String, timeout: Double = TmuxSession.defaultTimeout) throws -> String {
        try waitUntil("the line «\(line)»", timeout: timeout) { _ in try self.lines().contains(line) }
    }

    /// Waits until `text` appears anywhere on the screen; returns the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = TmuxSession.defaultTimeout) throws -> String {
        try waitUntil("«\(text)»", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds, for at most `timeout` seconds.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = TmuxSession.defaultTimeout,
                   _ condition: (String) throws -> Bool) throws -> String {
        let wait = timeout * SanitizerOptions.patience
        let deadline = Date().addingTimeInterval(wait)
        while true {
            let current = try screen()
            if try condition(current) { return current }
            if Date() >= deadline { throw HarnessError.timeout(expected: what, seconds: wait, screen: current) }
            usleep(Self.pollInterval)
        }
    }

    /// Waits until the program has exited; returns its status.
    func waitForExit(timeout: Double = TmuxSession.defaultTimeout) throws -> Int32 {
        var status: Int32?
        try waitUntil("the program to exit", timeout: timeout) { _ in
            status = try self.exitStatus()
            return status != nil
        }
        return status ?? -1
    }

    // MARK: - Running tmux

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        guard let tmuxPath = Self.tmuxPath else { throw HarnessError.missingProduct(name: "tmux", directory: "PATH") }
        let result = try ProcessRunner.run(tmuxPath, ["-S", socket] + arguments,
                                           environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"],
                                           timeout: 10)
        guard result.status == 0 else {
            throw HarnessError.toolFailed(command: "tmux " + arguments.joined(separator: " "),
                                          status: result.status, output: result.stderr)
        }
        return result.stdout
    }

    /// Single-quotes `text` for sh.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
