// Output files through the built binary (issue 12, "files done right"): `export -o` keeps a
// 0600 file 0600, writes through a symbolic link (the link stays), refuses a link to nothing,
// writes a FIFO and a device in place (never renaming over them) and ends with exit code 4
// and one line when the write fails (/dev/full); two exports to one path each leave a whole
// file; `export --all` writes a manifest last and `import --all` refuses a folder without a
// whole, matching one, leaving the database byte for byte as it was; a failed write to
// stdout is exit code 4 with a message, not a trap; `--db ""` is refused.
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct FileWritingTests {
    static func danvan(_ arguments: [String], input: String = "",
                       environment: [String: String] = ["LANG": "C.UTF-8"]) throws -> ProcessResult {
        try ProcessRunner.run(try BuiltProducts.path("danvan"), arguments, input: input, environment: environment)
    }

    /// Runs a shell command line with `$DANVAN` set to the binary (for redirections to devices).
    static func shell(_ line: String) throws -> ProcessResult {
        try ProcessRunner.run("/bin/sh", ["-c", line],
                              environment: ["LANG": "C.UTF-8", "DANVAN": try BuiltProducts.path("danvan")])
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode : 0
    }

    /// The file's text, a byte order mark kept (Foundation's reader would drop it).
    static func text(_ path: String) throws -> String { String(decoding: try bytes(path), as: UTF8.self) }

    static func listing(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func exportKeepsTheModeAndWritesThroughALink() throws {
        let scratch = try ScratchDirectory("files-mode")
        defer { scratch.remove() }
        let db = try DemoDatabase.path()
        let owned = scratch.path + "/owned.csv"
        try "old\n".write(toFile: owned, atomically: false, encoding: .utf8)
        chmod(owned, 0o600)
        let first = try Self.danvan(["export", "units", "-o", owned, "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(Self.mode(owned) & 0o7777 == 0o600)
        #expect(try Self.text(owned).hasPrefix("\u{FEFF}id,"))

        let real = scratch.path + "/real.csv"
        let link = scratch.path + "/link.csv"
        try "old\n".write(toFile: real, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.csv")
        let second = try Self.danvan(["export", "fields", "-o", link, "--db", db])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(Self.mode(link) & S_IFMT == S_IFLNK, "the link was replaced")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.csv")
        #expect(try Self.text(real).hasPrefix("\u{FEFF}id,"))

        let dangling = scratch.path + "/dangling.csv"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "nowhere/x.csv")
        let third = try Self.danvan(["export", "fields", "-o", dangling, "--db", db])
        #expect(third.status == 4)
        #expect(third.stderr == "cannot write \(dangling): it is a symbolic link to a file that does not exist; "
                + "the link is not replaced\n")
        #expect(Self.mode(dangling) & S_IFMT == S_IFLNK)
        // No temporary file is left behind by any of them.
        #expect(try Self.listing(scratch.path) == ["dangling.csv", "link.csv", "owned.csv", "real.csv"])
    }

    /// A file its owner made read-only (0444) is refused as open(2) would refuse it, though the
    /// rename could replace it (the folder is writable); run as `nobody`, since root may write anything.
    @Test(.enabled(if: DatabaseOpeningTests.canRunAsNobody, "needs root and setpriv to run as another user"))
    func aReadOnlyFileIsNotReplaced() throws {
        let scratch = try ScratchDirectory("files-readonly")
        defer { scratch.remove() }
        let db = try DatabaseOpeningTests.demoCopy(in: scratch.path)
        let locked = scratch.path + "/locked.csv"
        try "old\n".write(toFile: locked, atomically: false, encoding: .utf8)
        #expect(chmod(locked, 0o444) == 0 && chown(locked, 65534, 65534) == 0)
        #expect(chmod(db, 0o444) == 0)
        #expect(chmod(scratch.path, 0o777) == 0)
        let result = try DatabaseOpeningTests.danvan(["export", "fields", "-o", locked, "--db", db], asNobody: true)
        #expect(result.status == 4)
        #expect(result.stderr == "cannot write \(locked): Permission denied\n")
        #expect(try Self.text(locked) == "old\n")
        #expect(try Self.listing(scratch.path) == ["demo.db", "locked.csv"])
    }

    @Test func scriptOutputKeepsTheModeAndFollowsALink() throws {
        let scratch = try ScratchDirectory("files-output")
        defer { scratch.remove() }
        let db = try DemoDatabase.path()
        let real = scratch.path + "/real.txt"
        let link = scratch.path + "/out.txt"
        try "old\n".write(toFile: real, atomically: false, encoding: .utf8)
        chmod(real, 0o600)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let run = try Self.danvan(["eval", "print(40 + 2)", "--db", db, "--output", link, "--replace"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.text(real) == "42\n")
        #expect(Self.mode(real) & 0o7777 == 0o600)
        #expect(Self.mode(link) & S_IFMT == S_IFLNK)
        #expect(try Self.listing(scratch.path) == ["out.txt", "real.txt"])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func aFullDeviceIsExitCode4AndStaysADevice() throws {
        let db = try DemoDatabase.path()
        let export = try Self.danvan(["export", "units", "-o", "/dev/full", "--db", db])
        #expect(export.status == 4)
        #expect(export.stderr == "cannot write /dev/full: No space left on device\n")
        #expect(Self.mode("/dev/full") & S_IFMT == S_IFCHR, "/dev/full is no longer a device")

        let output = try Self.danvan(["eval", "print(1)", "--db", db, "--output", "/dev/full"])
        #expect(output.status == 4)
        #expect(output.stderr == "cannot write /dev/full: No space left on device\n")

        // Standard output on a full device: eval, piped input, a dry run's summary, export to
        // stdout, and a command that prints through stdio.
        let quoted = "'" + db + "'"
        for line in ["\"$DANVAN\" eval 'print(1)' --db \(quoted) > /dev/full",
                     "echo 'print(1)' | \"$DANVAN\" --db \(quoted) > /dev/full",
                     "\"$DANVAN\" eval 'print(1)' --db \(quoted) --dry-run > /dev/full",
                     "\"$DANVAN\" export units --db \(quoted) > /dev/full",
                     "\"$DANVAN\" changes --db \(quoted) > /dev/full"] {
            let result = try Self.shell(line)
            #expect(result.status == 4, "\(line): \(result.stderr)")
            #expect(result.stderr == "cannot write to standard output: No space left on device\n", "\(line)")
        }
        // A reader that goes away (`| head`) ends the program quietly by SIGPIPE, as any filter.
        let head = try Self.shell("\"$DANVAN\" eval 'for i in range(300000) { print(i) }' --db \(quoted) | head -n 1")
        #expect(head.stdout == "0\n")
        #expect(head.stderr == "")
    }

    @Test func aFIFOIsWrittenInPlace() throws {
        let scratch = try ScratchDirectory("files-fifo")
        defer { scratch.remove() }
        let fifo = scratch.path + "/pipe.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader opens the FIFO on its own thread; the export blocks in open(2) until it does.
        let received = ReceivedBytes()
        let reader = Thread {
            var data = Data()
            let fd = open(fifo, O_RDONLY)
            var chunk = [UInt8](repeating: 0, count: 65536)
            while fd >= 0 {
                let count = read(fd, &chunk, chunk.count)
                if count <= 0 { break }
                data.append(contentsOf: chunk[0..<count])
            }
            if fd >= 0 { close(fd) }
            received.set(data)
        }
        reader.start()
        let export = try Self.danvan(["export", "fields", "-o", fifo, "--no-bom", "--db", try DemoDatabase.path()])
        #expect(export.status == 0, "\(export.stderr)")
        let text = String(decoding: try #require(received.wait(seconds: 30)), as: UTF8.self)
        #expect(text.hasPrefix("id,"))
        #expect(text.hasSuffix("\r\n"))
        #expect(Self.mode(fifo) & S_IFMT == S_IFIFO, "the FIFO was replaced by a file")
        #expect(try Self.listing(scratch.path) == ["pipe.csv"])
    }

    @Test func twoExportsToOnePathEachLeaveAWholeFile() throws {
        let scratch = try ScratchDirectory("files-race")
        defer { scratch.remove() }
        let db = try DemoDatabase.path()
        let target = scratch.path + "/same.csv"
        let units = scratch.path + "/units.csv"
        let people = scratch.path + "/people.csv"
        #expect(try Self.danvan(["export", "units", "-o", units, "--db", db]).status == 0)
        #expect(try Self.danvan(["export", "people", "-o", people, "--db", db]).status == 0)
        let wholeFiles = [try Self.bytes(units), try Self.bytes(people)]
        for _ in 0..<3 {
            let statuses = Statuses()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let table = index == 0 ? "units" : "people"
                statuses.add((try? Self.danvan(["export", table, "-o", target, "--db", db]).status) ?? -1)
            }
            #expect(statuses.all == [0, 0])
            #expect(wholeFiles.contains(try Self.bytes(target)), "the file mixes the two exports")
        }
        #expect(try Self.listing(scratch.path) == ["people.csv", "same.csv", "units.csv"])
    }

    @Test func importAllRefusesAFolderWithoutAWholeManifest() throws {
        let scratch = try ScratchDirectory("files-manifest")
        defer { scratch.remove() }
        let db = try DemoDatabase.path()
        let folder = scratch.path + "/csv"
        let exported = try Self.danvan(["export", "--all", folder, "--db", db])
        #expect(exported.status == 0, "\(exported.stderr)")
        let manifest = try Self.text(folder + "/manifest.txt")
        #expect(manifest.hasPrefix("danvan export manifest 1\n"))
        #expect(manifest.hasSuffix("\nend 26\n"))
        // Each line's size is the file's.
        for line in manifest.split(separator: "\n").dropFirst().dropLast() {
            let parts = line.split(separator: " ")
            let size = try FileManager.default.attributesOfItem(atPath: folder + "/" + parts[2])[.size] as? Int
            #expect(size == Int(parts[0]), "\(line)")
        }

        let target = scratch.path + "/target.db"
        #expect(try Self.danvan(["init", target]).status == 0)
        let before = try Self.bytes(target)
        func refused(_ expectedStatus: Int32, _ expectedMessage: String, _ note: String) throws {
            let result = try Self.danvan(["import", "--all", folder, "--db", target])
            #expect(result.status == expectedStatus, "\(note): \(result.stderr)")
            #expect(result.stderr.contains(expectedMessage), "\(note): \(result.stderr)")
            #expect(try Self.bytes(target) == before, "\(note): the database changed")
        }

        // A file changed after the export.
        let units = folder + "/units.csv"
        let original = try Self.bytes(units)
        try (original + Data("999999,x\r\n".utf8)).write(to: URL(fileURLWithPath: units))
        try refused(3, "units.csv does not match the manifest", "changed file")
        try original.write(to: URL(fileURLWithPath: units))

        // A manifest cut short.
        try String(manifest.prefix(60)).write(toFile: folder + "/manifest.txt", atomically: false, encoding: .utf8)
        try refused(2, "manifest.txt is cut short", "cut manifest")

        // No manifest, and an interrupted export's temporary file beside the tables.
        try FileManager.default.removeItem(atPath: folder + "/manifest.txt")
        try "id\r\n".write(toFile: folder + "/.units.csv.Ab12Cd34.tmp", atomically: false, encoding: .utf8)
        try refused(2, "manifest.txt is missing", "no manifest")

        // An export that fails part-way (a folder where one table's file should go) removes
        // the manifest of the export before it first, so the folder is refused, not taken as
        // a snapshot mixing two exports.
        try manifest.write(toFile: folder + "/manifest.txt", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "/people.csv")
        try FileManager.default.createDirectory(atPath: folder + "/people.csv", withIntermediateDirectories: false)
        let broken = try Self.danvan(["export", "--all", folder, "--db", db])
        #expect(broken.status == 4)
        #expect(broken.stderr == "cannot write \(folder)/people.csv: it is a folder\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/manifest.txt"))
        try refused(2, "missing", "interrupted export")

        // A whole export imports.
        try FileManager.default.removeItem(atPath: folder + "/people.csv")
        #expect(try Self.danvan(["export", "--all", folder, "--db", db]).status == 0)
        let imported = try Self.danvan(["import", "--all", folder, "--db", target])
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    @Test func anEmptyDatabasePathIsRefused() throws {
        let scratch = try ScratchDirectory("files-empty-db")
        defer { scratch.remove() }
        // The default database would be made here; nothing may appear.
        let home = ["LANG": "C.UTF-8", "HOME": scratch.path, "XDG_DATA_HOME": scratch.path + "/data"]
        let message = "--db is an empty path (perhaps an unset variable); give a database file, "
            + "or leave --db out for the default database"
        let eval = try Self.danvan(["eval", "print(1)", "--db", ""], environment: home)
        #expect(eval.status == 2)
        #expect(eval.stderr == message + "\n")
        #expect(eval.stdout == "")
        let piped = try Self.danvan(["--db", ""], input: "print(1)\n", environment: home)
        #expect(piped.status == 2)
        #expect(piped.stderr.contains(message))
        let export = try Self.danvan(["export", "units", "--db", ""], environment: home)
        #expect(export.status == 2)
        #expect(export.stderr.hasPrefix("Error: " + message))
        var emptyVariable = home
        emptyVariable["DANVAN_DB"] = ""
        let environment = try Self.danvan(["eval", "print(1)"], environment: emptyVariable)
        #expect(environment.status == 2)
        #expect(environment.stderr == "the DANVAN_DB environment variable is set but empty; set it to a database "
                + "file, or unset it for the default database\n")
        let vietnamese = try Self.danvan(["eval", "print(1)", "--db", "", "--lang", "vi"], environment: home)
        #expect(vietnamese.stderr.hasPrefix("--db là một đường dẫn rỗng"))
        #expect(try Self.listing(scratch.path) == [])
    }
}

/// Bytes handed from the FIFO's reader thread to the test.
final class ReceivedBytes: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        condition.lock()
        data = value
        condition.signal()
        condition.unlock()
    }

    func wait(seconds: Double) -> Data? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(seconds)
        while data == nil, condition.wait(until: deadline) {}
        return data
    }
}

/// Exit statuses gathered from concurrent runs, sorted.
final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int32] = []

    func add(_ value: Int32) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }

    var all: [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return values.sorted()
    }
}
