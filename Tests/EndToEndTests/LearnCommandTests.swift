// `danvan learn` through the real binary: `--check` passes on the shipped lessons and fails,
// naming the file, line and step, on a broken one; `--list`; a lesson that changes data,
// answered from a pipe, leaves the real `--db` file exactly as it was (bytes and time) and no
// practice copy behind; `--progress` and `--progress --csv` report it. The full lesson 1 under
// a real terminal is in LearnTerminalTests.swift.
import Foundation
import Testing

/// Where the lesson tests keep the practice cache (made once per test run) and their state.
enum LearnPlace {
    static let cache: Result<String, Error> = Result {
        let directory = try ScratchDirectory("learn-cache")
        cacheToRemove = directory.path
        atexit { if let path = cacheToRemove { try? FileManager.default.removeItem(atPath: path) } }
        return directory.path
    }

    /// The environment of a learner whose home is `home`.
    static func environment(home: ScratchDirectory) throws -> [String: String] {
        ["LANG": "C.UTF-8", "USER": "lan", "HOME": home.path, "XDG_STATE_HOME": home.path + "/state",
         "XDG_CACHE_HOME": try cache.get(), "TMPDIR": home.path + "/tmp/"]
    }

    static func learn(_ arguments: [String], home: ScratchDirectory, input: String = "") throws -> ProcessResult {
        try FileManager.default.createDirectory(atPath: home.path + "/tmp", withIntermediateDirectories: true)
        // In the learner's home: lesson 6 saves `bao-cao.html` in the current folder.
        return try ProcessRunner.run(try BuiltProducts.path("danvan"), ["learn"] + arguments, input: input,
                                     environment: try environment(home: home), timeout: 120, directory: home.path)
    }
}

/// Set once, by `LearnPlace.cache`, before the exit handler that reads it is registered.
nonisolated(unsafe) private var cacheToRemove: String?

@Suite(.serialized) struct LearnCommandTests {
    @Test func checkPassesOnTheShippedLessons() throws {
        let home = try ScratchDirectory("learn")
        defer { home.remove() }
        let result = try LearnPlace.learn(["--check", "--lang", "en"], home: home)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("ok: Lessons/01-first-steps.md (steps: 15)"))
        #expect(result.stdout.hasSuffix(" problems.\n") && result.stdout.contains(" lessons, 0 problems."))
    }

    @Test func checkNamesTheFileLineAndStepOfABrokenLesson() throws {
        let home = try ScratchDirectory("learn")
        defer { home.remove() }
        let folder = home.path + "/lessons"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let lesson = try String(contentsOf: package.appendingPathComponent("Sources/DanVanLessons/Lessons/01-first-steps.md"),
                                encoding: .utf8)
        // The `join` step's solution no longer uses `+`; the `length` step's fails to run; a
        // wrong answer of `upper` is in fact right; the `multiply` step's solution says it
        // shows 85 (the golden format, as in the language's own tests).
        let broken = lesson
            .replacingOccurrences(of: "```solution\n\"Phường \" + \"Tân Hòa\"  # expect: Phường Tân Hòa\n```",
                                  with: "```solution\n\"Phường Tân Hòa\"\n```")
            .replacingOccurrences(of: "```solution\nlen(\"Dân vận khéo\")  # expect: 12\n```", with: "```solution\nlen(\"Dân vận khéo\"\n```")
            .replacingOccurrences(of: "12 * 7  # expect: 84", with: "12 * 7  # expect: 85")
            .replacingOccurrences(of: "```wrong\nupper(\"dan van kheo\")\n```", with: "```wrong\nupper(\"Dân vận khéo\")\n```")
        #expect(broken != lesson)
        try broken.write(toFile: folder + "/01-broken.md", atomically: true, encoding: .utf8)
        let lines = broken.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of text: String) -> Int { (lines.firstIndex { $0 == text } ?? -1) + 1 }
        let result = try LearnPlace.learn(["--check", folder, "--lang", "en"], home: home)
        #expect(result.status == 1)
        let file = folder + "/01-broken.md"
        #expect(result.stdout.contains("\(file):\(line(of: "## step: join")): error: step 'join': the solution does not pass its own checks: the entry should use +"),
                "\(result.stdout)")
        #expect(result.stdout.contains("\(file):\(line(of: "len(\"Dân vận khéo\"")): error: step 'length': the solution fails (column 19): unexpected end of input"),
                "\(result.stdout)")
        #expect(result.stdout.contains("\(file):\(line(of: "upper(\"Dân vận khéo\")")): error: step 'upper': this wrong answer is accepted"),
                "\(result.stdout)")
        #expect(result.stdout.contains("\(file):\(line(of: "12 * 7  # expect: 85")): error: step 'multiply': the solution does not do what its `# expect` lines say: expected output '85', got '84'"),
                "\(result.stdout)")
        #expect(result.stdout.hasSuffix("1 lessons, 5 problems.\n"), "\(result.stdout)")
        #expect(!result.stdout.contains("01-first-steps"), "--check DIR checks that folder only")

        // A lesson file that does not parse is named with its line too, in Vietnamese as well.
        try "# vi: Hỏng\n## step: a\n".write(toFile: folder + "/02-bad.md", atomically: true, encoding: .utf8)
        let vietnamese = try LearnPlace.learn(["--check", folder, "--lang", "vi"], home: home)
        #expect(vietnamese.status == 1)
        #expect(vietnamese.stdout.contains("\(folder)/02-bad.md:1: lỗi: bài học phải mở đầu bằng hai dòng tên bài"))
    }

    @Test func listPrintsTheNumberedLessons() throws {
        let home = try ScratchDirectory("learn")
        defer { home.remove() }
        let result = try LearnPlace.learn(["--list", "--lang", "vi"], home: home)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Các bài học DanVan:\n  1. Những bước đầu tiên"))
        #expect(result.stdout.split(separator: "\n").dropFirst().first?.hasSuffix("chưa học") == true)
        let unknown = try LearnPlace.learn(["99", "--lang", "en"], home: home)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "there is no lesson '99'; danvan learn --list gives the list\n")
    }

    static let dataLesson = """
        # vi: Đổi tên thử
        # en: Rename trial

        ## step: rename
        ```vi
        Đổi tên đơn vị số 1 thành "Phường Thử".
        ```
        ```en
        Rename unit 1 to "Phường Thử".
        ```
        ```solution
        units | where id == 1 | update name = "Phường Thử"
        ```
        ```check
        data units
        ```
        ```hint.vi
        Chọn đơn vị có id là 1, rồi update.
        ```
        ```hint.en
        Pick the unit whose id is 1, then update.
        ```
        ```wrong
        units | where id == 2 | update name = "Phường Thử"
        ```
        """

    @Test func aLessonThatChangesDataLeavesTheRealDatabaseAlone() throws {
        let home = try ScratchDirectory("learn")
        defer { home.remove() }
        let folder = home.path + "/lessons"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.dataLesson.write(toFile: folder + "/90-rename-trial.md", atomically: true, encoding: .utf8)
        let database = home.path + "/real.db"
        try FileManager.default.copyItem(atPath: try DemoDatabase.path(), toPath: database)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: database))
        let modified = try FileManager.default.attributesOfItem(atPath: database)[.modificationDate] as? Date

        let input = "units | where id == 2 | update name = \"Phường Thử\"\nunits | where id == 1 | update name = \"Phường Thử\"\n"
        let result = try LearnPlace.learn(["90-rename-trial", "--lessons", folder, "--db", database, "--lang", "en"],
                                          home: home, input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("✗ Not yet: the table units, row id 1: the column name should be \"Phường Thử\""),
                "\(result.stdout)")
        #expect(result.stdout.contains("Hint: Pick the unit whose id is 1, then update.\n"
                                       + "(The practice data is back as it was at the start of this step, so you can try again.)"))
        #expect(result.stdout.contains("✓ Right!"))
        #expect(result.stdout.contains("done! You answered 1/1 steps, skipped 0, used 1 hints."))

        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == bytes)
        #expect(try FileManager.default.attributesOfItem(atPath: database)[.modificationDate] as? Date == modified)
        let sideFiles = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.hasPrefix("real.db-") }
        #expect(sideFiles.isEmpty, "the real database was opened: \(sideFiles)")
        let copiesLeft = try FileManager.default.contentsOfDirectory(atPath: home.path + "/tmp")
        #expect(copiesLeft.isEmpty, "practice copies left behind: \(copiesLeft)")

        let progress = try LearnPlace.learn(["--progress", "--lessons", folder, "--lang", "en"], home: home)
        #expect(progress.stdout.hasPrefix("Progress of lan:\n"))
        #expect(progress.stdout.contains(". Rename trial: 1/1 steps, 0 skipped, 1 hints, 0 min (done)\n"), "\(progress.stdout)")
        #expect(progress.stdout.contains("Total: 1/"))
        let csv = try LearnPlace.learn(["--progress", "--csv", "--lessons", folder], home: home)
        // RFC 4180 lines end in CRLF, as `danvan export` writes them.
        let rows = csv.stdout.components(separatedBy: "\r\n")
        #expect(rows.first == "user,number,lesson,title,steps,steps_done,steps_skipped,hints,seconds,finished")
        #expect(rows.contains { $0.hasPrefix("lan,") && $0.contains(",90-rename-trial,Đổi tên thử,1,1,0,1,") && $0.hasSuffix(",1") },
                "\(csv.stdout)")
        #expect(rows.contains { $0.hasPrefix("lan,1,01-first-steps,Những bước đầu tiên,13,0,0,0,0,0") }, "\(csv.stdout)")
        #expect(!csv.stdout.hasPrefix("\u{FEFF}"))

        // Into a file for the trainer: with the byte-order mark (Excel), never over a file.
        let file = home.path + "/tien-do.csv"
        let written = try LearnPlace.learn(["--progress", "--csv", "--output", file, "--lessons", folder], home: home)
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data(("\u{FEFF}" + csv.stdout).utf8))
        let again = try LearnPlace.learn(["--progress", "--csv", "--output", file, "--lang", "en"], home: home)
        #expect(again.status == 2)
        #expect(again.stderr == "the file \(file) exists: --output does not overwrite it; add --replace to replace it\n")
        let replaced = try LearnPlace.learn(["--progress", "--output", file, "--replace", "--lang", "en"], home: home)
        #expect(replaced.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("Progress of lan:\n"))
        let alone = try LearnPlace.learn(["--output", file, "--lang", "vi"], home: home)
        #expect(alone.status == 2 && alone.stderr == "--output chỉ dùng cùng --progress\n")
    }

    /// The shipped lessons' files: (number, step count, the solutions in order; "" for a step
    /// that is only read).
    static func shippedLessons() throws -> [(number: Int, tasks: Int, input: String)] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DanVanLessons/Lessons")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        return try names.enumerated().map { index, name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            var answers: [String] = []
            for step in text.components(separatedBy: "\n## step:").dropFirst() {
                if let start = step.range(of: "```solution\n"), let end = step.range(of: "\n```", range: start.upperBound..<step.endIndex) {
                    answers.append(String(step[start.upperBound..<end.lowerBound]))
                } else {
                    answers.append("")
                }
            }
            return (index + 1, answers.filter { !$0.isEmpty }.count, answers.joined(separator: "\n") + "\n")
        }
    }

    /// A learner who answers every step as its solution does finishes every lesson, in each
    /// language, and the database named with --db is exactly as it was.
    @Test(arguments: ["en", "vi"]) func everyShippedLessonCanBeFinished(lang: String) throws {
        let home = try ScratchDirectory("learn")
        defer { home.remove() }
        let database = home.path + "/real.db"
        try FileManager.default.copyItem(atPath: try DemoDatabase.path(), toPath: database)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: database))
        let lessons = try Self.shippedLessons()
        #expect(lessons.count == 7)
        for lesson in lessons {
            let result = try LearnPlace.learn(["\(lesson.number)", "--db", database, "--lang", lang], home: home, input: lesson.input)
            #expect(result.status == 0, "lesson \(lesson.number): \(result.stderr)")
            let right = result.stdout.components(separatedBy: lang == "en" ? "✓ Right!\n" : "✓ Đúng rồi!\n").count - 1
            #expect(right == lesson.tasks, "lesson \(lesson.number) in \(lang): \(right) of \(lesson.tasks) right\n\(result.stdout)")
            #expect(!result.stdout.contains("✗"), "lesson \(lesson.number) in \(lang)")
            let done = lang == "en" ? "You answered \(lesson.tasks)/\(lesson.tasks) steps, skipped 0, used 0 hints."
                : "Bạn làm đúng \(lesson.tasks)/\(lesson.tasks) bước, bỏ qua 0, dùng 0 gợi ý."
            #expect(result.stdout.contains(done), "lesson \(lesson.number) in \(lang): \(result.stdout.suffix(600))")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == bytes)
        let copiesLeft = try FileManager.default.contentsOfDirectory(atPath: home.path + "/tmp")
        #expect(copiesLeft.isEmpty, "practice copies left behind: \(copiesLeft)")
        // Lesson 6's report, saved where the learner works.
        let report = try String(contentsOfFile: home.path + "/bao-cao.html", encoding: .utf8)
        #expect(report.hasPrefix("<!DOCTYPE html>"))
    }

    /// Lesson 6 saves `bao-cao.html` in the learner's folder; a file of the learner's by that
    /// name is never written over: the learner is told, and `:skip` goes on.
    @Test func aLessonNeverWritesOverTheLearnersOwnFile() throws {
        let home = try ScratchDirectory("learn")
        defer { home.remove() }
        let own = home.path + "/bao-cao.html"
        try "my own report".write(toFile: own, atomically: true, encoding: .utf8)
        let lessons = try Self.shippedLessons()
        let result = try LearnPlace.learn(["6", "--lang", "en"], home: home, input: lessons[5].input + ":skip\n\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("save: the file \"bao-cao.html\" is already there; a lesson never writes over your files"),
                "\(result.stderr)")
        #expect(result.stdout.contains("Lesson 6 done! You answered \(lessons[5].tasks - 1)/\(lessons[5].tasks) steps, skipped 1"),
                "\(result.stdout)")
        #expect(try String(contentsOfFile: own, encoding: .utf8) == "my own report")
    }

    /// Killed (SIGTERM) or its terminal closed (SIGHUP) in the middle of a lesson, `danvan
    /// learn` leaves no practice copy behind. (The test process starts it with those signals
    /// blocked, as some parents do: it unblocks them.)
    @Test(arguments: [SIGTERM, SIGHUP]) func practiceCopiesGoWhenTheProcessIsKilled(signal: Int32) throws {
        let home = try ScratchDirectory("learn")
        defer { home.remove() }
        let tmp = home.path + "/tmp"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.path("danvan"))
        process.arguments = ["learn", "1", "--lang", "en"]
        process.environment = try LearnPlace.environment(home: home)
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { try? input.fileHandleForWriting.close() }
        // The lesson waits for its first answer once its copies are made.
        let deadline = Date().addingTimeInterval(60)
        var copies: [String] = []
        while Date() < deadline {
            copies = (try? FileManager.default.contentsOfDirectory(atPath: tmp).filter { $0.hasPrefix("danvan-sandbox-") }) ?? []
            if copies.count >= 2 { break }
            usleep(50_000)
        }
        #expect(copies.count >= 2, "the lesson's practice copies were not made: \(copies)")
        usleep(300_000)
        kill(process.processIdentifier, signal)
        let ends = Date().addingTimeInterval(30)
        while process.isRunning && Date() < ends { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("danvan learn did not end on signal \(signal)")
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal)
        let left = try FileManager.default.contentsOfDirectory(atPath: tmp)
        #expect(left.isEmpty, "practice copies left behind: \(left)")
    }
}
