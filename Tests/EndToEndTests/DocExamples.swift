// Runs the examples of a document as a person would type them, so that none goes stale
// (STYLE §7): every ```console and ```repl block of the file, in order, in one scratch folder
// holding a fresh copy of the demo database as `demo.db` and the package's `scripts/`.
//
// A ```console block is a shell transcript: `$ COMMAND` (continued on lines starting with
// `> `, as the shell shows a here-document), then the lines it prints (stdout and stderr
// together). `$ echo $?` prints the exit status of the command before it; a command that
// fails without one is a mismatch.
//
// A ```repl block starts with `$ danvan …` and is the interactive session that command
// opens, in a real terminal (tmux): the welcome line, then each prompt with what is typed
// after it and what the session prints. `Apply? [y/N] y` lines give the answer typed at that
// question, and a prompt followed by `^D` presses Ctrl-D. The screen must read exactly as the
// block does.
//
// Before comparing, times (`2025-03-01 09:15`, with or without seconds) are replaced by
// `TIME` in both texts, and trailing spaces are dropped.
import Foundation

struct DocBlock {
    enum Kind { case console, repl }
    let kind: Kind
    /// The line of the file the block's first line is on.
    let line: Int
    let lines: [String]
}

enum DocExamples {
    /// The ```console and ```repl blocks of `text`, in order.
    static func blocks(in text: String) -> [DocBlock] {
        var blocks: [DocBlock] = []
        var current: (kind: DocBlock.Kind, line: Int, lines: [String])?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(line)
            if var block = current {
                if line.hasPrefix("```") {
                    blocks.append(DocBlock(kind: block.kind, line: block.line, lines: block.lines))
                    current = nil
                } else {
                    block.lines.append(line)
                    current = block
                }
            } else if line == "```console" {
                current = (.console, index + 2, [])
            } else if line == "```repl" {
                current = (.repl, index + 2, [])
            }
        }
        return blocks
    }

    /// `text` as it is compared: times replaced, trailing spaces dropped.
    static func normalized(_ text: String) -> String {
        let times = text.replacingOccurrences(of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?"#, with: "TIME",
                                              options: .regularExpression)
        return times.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
            .joined(separator: "\n")
    }

    /// Where the examples run: a folder with `demo.db`, and the environment they see.
    struct Place {
        let scratch: ScratchDirectory
        var environment: [String: String] {
            ["PATH": BuiltProducts.directory.path + ":/usr/bin:/bin", "LANG": "C.UTF-8", "USER": "lan",
             "HOME": scratch.path, "XDG_STATE_HOME": scratch.path + "/state"]
        }

        init() throws {
            scratch = try ScratchDirectory("doc")
            try FileManager.default.copyItem(atPath: try DemoDatabase.path(), toPath: scratch.path + "/demo.db")
            // The saved scripts, where the docs say they are (`danvan run scripts/reports/…`).
            let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            try FileManager.default.createSymbolicLink(atPath: scratch.path + "/scripts",
                                                       withDestinationPath: package.appendingPathComponent("scripts").path)
        }
    }

    /// Runs every block of the file at `path` (relative to the package); gives one message
    /// per mismatch, naming the file and line.
    static func run(_ path: String) throws -> (blocks: Int, problems: [String]) {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: package.appendingPathComponent(path), encoding: .utf8)
        let place = try Place()
        defer { place.scratch.remove() }
        var problems: [String] = []
        let blocks = blocks(in: text)
        for block in blocks {
            switch block.kind {
            case .console: problems += try console(block, file: path, place: place)
            case .repl: problems += try repl(block, file: path, place: place)
            }
        }
        return (blocks.count, problems)
    }

    // MARK: Console

    static func console(_ block: DocBlock, file: String, place: Place) throws -> [String] {
        struct Step {
            var line: Int
            var command: String
            var expected: [String] = []
        }
        var steps: [Step] = []
        for (offset, line) in block.lines.enumerated() {
            if line.hasPrefix("$ ") {
                steps.append(Step(line: block.line + offset, command: String(line.dropFirst(2))))
            } else if line.hasPrefix("> "), var last = steps.popLast(), last.expected.isEmpty {
                last.command += "\n" + line.dropFirst(2)
                steps.append(last)
            } else if var last = steps.popLast() {
                last.expected.append(line)
                steps.append(last)
            }
        }
        var problems: [String] = []
        var lastStatus: Int32 = 0
        var statusShown = true
        for step in steps {
            let actual: String
            if step.command == "echo $?" {
                actual = "\(lastStatus)\n"
                statusShown = true
            } else {
                if !statusShown, lastStatus != 0 {
                    problems.append("\(file):\(step.line): the command before exited with \(lastStatus) (add `$ echo $?`)")
                }
                let result = try ProcessRunner.run("/bin/sh", ["-c", "cd \(TmuxSession.quote(place.scratch.path)) && { \(step.command)\n} 2>&1"],
                                                   environment: place.environment, timeout: 60)
                actual = result.stdout
                lastStatus = result.status
                statusShown = false
            }
            var expected = step.expected
            while expected.last == "" { expected.removeLast() }
            let want = normalized(expected.joined(separator: "\n"))
            let got = normalized(actual.hasSuffix("\n") ? String(actual.dropLast()) : actual)
            if want != got {
                problems.append("\(file):\(step.line): `\(step.command)` printed\n\(actual)--- the document says\n\(want)")
            }
        }
        if !statusShown, lastStatus != 0 {
            problems.append("\(file):\(block.line): the block's last command exited with \(lastStatus) (add `$ echo $?`)")
        }
        return problems
    }

    // MARK: REPL

    static let promptPattern = #"^(danvan(\[[^\]]*\])?> |\s*\.\.\.> )"#
    static let questions = ["Apply? [y/N] ", "Áp dụng? [c/K] "]

    static func repl(_ block: DocBlock, file: String, place: Place) throws -> [String] {
        guard let first = block.lines.first, first.hasPrefix("$ ") else {
            return ["\(file):\(block.line): a ```repl block starts with the `$ danvan …` command that opens the session"]
        }
        guard TmuxSession.isAvailable else { return [] }
        let session = try TmuxSession(["/bin/sh", "-c", String(first.dropFirst(2))], environment: place.environment,
                                      workingDirectory: place.scratch.path, width: 200, height: 100)
        defer { session.close() }
        var expected = Array(block.lines.dropFirst())
        while expected.last == "" { expected.removeLast() }
        var endedWithCtrlD = false
        // The line of the screen's history the last prompt was on: the next one must be below it.
        var answered = -1
        for line in expected {
            var waitFor: String?
            var typed: String?
            if let range = line.range(of: promptPattern, options: .regularExpression) {
                waitFor = String(line[range])
                typed = String(line[range.upperBound...])
            } else if let question = questions.first(where: { line.hasPrefix($0) }) {
                waitFor = question
                typed = String(line.dropFirst(question.count))
            }
            guard let waitFor, let typed else { continue }
            let shown = waitFor.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
            do {
                try session.waitUntil("«\(shown)» at the end of the screen", timeout: 30) { _ in
                    let (index, last) = try lastLine(session)
                    return index > answered && last == shown
                }
                answered = try lastLine(session).index
            } catch {
                return ["\(file):\(block.line): \(error)"]
            }
            if typed == "^D" {
                try session.press("C-d")
                endedWithCtrlD = true
            } else {
                if !typed.isEmpty { try session.type(typed) }
                try session.press("Enter")
            }
        }
        if endedWithCtrlD {
            _ = try session.waitForExit(timeout: 30)
        } else {
            do {
                try session.waitUntil("the prompt after the last entry", timeout: 30) { _ in
                    let (index, last) = try lastLine(session)
                    return index > answered && last.range(of: #"^(danvan(\[[^\]]*\])?>|\s*\.\.\.>)$"#, options: .regularExpression) != nil
                }
            } catch {
                return ["\(file):\(block.line): \(error)"]
            }
        }
        var screen = try historyLines(session)
        if !endedWithCtrlD, !screen.isEmpty { screen.removeLast() }  // the prompt waiting for more
        let got = normalized(screen.joined(separator: "\n"))
        let want = normalized(expected.joined(separator: "\n"))
        if got != want {
            return ["\(file):\(block.line): the session showed\n\(screen.joined(separator: "\n"))\n--- the document says\n\(want)"]
        }
        return []
    }

    /// The session's whole screen history, trailing spaces and empty lines at the end dropped.
    static func historyLines(_ session: TmuxSession) throws -> [String] {
        var lines = try session.history().split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        // tmux's own note under a pane whose program has exited.
        if lines.last?.hasPrefix("Pane is dead") == true { lines.removeLast() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The last line of the history with text, and its index.
    static func lastLine(_ session: TmuxSession) throws -> (index: Int, text: String) {
        let lines = try historyLines(session)
        return (lines.count - 1, lines.last ?? "")
    }
}
