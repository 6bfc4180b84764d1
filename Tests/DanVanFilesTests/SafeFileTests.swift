// DanVanFiles on its own: the old file's mode kept and a private file narrowed to 0600, a link
// written through and a link to nothing refused, a folder refused, a device written in place,
// a discarded write leaving the old file and no temporary, `commit(replacing: false)` never
// replacing a file that appeared meanwhile, concurrent writers each leaving a whole file, a
// failed stdout write reported (not trapped), and CRC-32 against its published check value.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DanVanFiles
import Foundation
import Testing

struct Scratch {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "danvan-files-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
}

func fileMode(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode : 0
}

func contents(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

@Suite struct SafeFileTests {
    @Test func replacingKeepsTheModeAndPrivateNarrowsIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let kept = scratch.path + "/kept.txt"
        try "old".write(toFile: kept, atomically: false, encoding: .utf8)
        chmod(kept, 0o640)
        try SafeFile.write(Array("new".utf8), to: kept)
        #expect(try contents(kept) == "new")
        #expect(fileMode(kept) & 0o7777 == 0o640)

        let wide = scratch.path + "/history"
        try "old".write(toFile: wide, atomically: false, encoding: .utf8)
        chmod(wide, 0o644)
        try SafeFile.write(Array("new".utf8), to: wide, privateFile: true)
        #expect(fileMode(wide) & 0o7777 == 0o600)

        let fresh = scratch.path + "/fresh-private"
        try SafeFile.write(Array("x".utf8), to: fresh, privateFile: true)
        #expect(fileMode(fresh) & 0o7777 == 0o600)
        #expect(try scratch.listing() == ["fresh-private", "history", "kept.txt"])
    }

    /// A read-only file is refused, as open(2) refuses it (root may write anything, so the
    /// check only runs for other users).
    @Test(.enabled(if: getuid() != 0, "root may write a read-only file"))
    func aReadOnlyFileIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/locked.txt"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o444)
        #expect(throws: FileWriteError(path: path, kind: .system, code: EACCES)) {
            try SafeFile.write(Array("new".utf8), to: path)
        }
        #expect(try contents(path) == "old")
    }

    @Test func aLinkIsWrittenThroughAndALinkToNothingRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.path + "/sub", withIntermediateDirectories: false)
        let real = scratch.path + "/sub/real.txt"
        try "old".write(toFile: real, atomically: false, encoding: .utf8)
        let link = scratch.path + "/link.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "sub/real.txt")
        let writer = try SafeFileWriter(path: link)
        // The temporary file is beside the file the link points to, so the rename stays in one folder.
        #expect(writer.writePath.hasPrefix(scratch.path + "/sub/.real.txt."))
        try writer.write(Array("new".utf8))
        try writer.commit()
        #expect(fileMode(link) & S_IFMT == S_IFLNK)
        #expect(try contents(real) == "new")

        let dangling = scratch.path + "/dangling"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "missing/file")
        #expect(throws: FileWriteError(path: dangling, kind: .danglingLink)) {
            try SafeFile.write(Array("x".utf8), to: dangling)
        }
        #expect(throws: FileWriteError(path: scratch.path + "/sub", kind: .isFolder)) {
            try SafeFile.write(Array("x".utf8), to: scratch.path + "/sub")
        }
        #expect(fileMode(dangling) & S_IFMT == S_IFLNK)
    }

    @Test func aDeviceIsWrittenInPlace() throws {
        let writer = try SafeFileWriter(path: "/dev/null")
        #expect(writer.isDirect)
        #expect(writer.writePath == "/dev/null")
        try writer.write(Array("nothing".utf8))
        try writer.commit()
        #expect(fileMode("/dev/null") & S_IFMT == S_IFCHR)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func aFullDeviceIsAnErrorNamingThePath() throws {
        #expect(throws: FileWriteError(path: "/dev/full", kind: .system, code: ENOSPC)) {
            try SafeFile.write(Array("x".utf8), to: "/dev/full")
        }
        #expect(FileWriteError(path: "/dev/full", kind: .system, code: ENOSPC).message(.en)
                == "cannot write /dev/full: No space left on device")
    }

    @Test func discardLeavesTheOldFileAndNoTemporary() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/a.csv"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let writer = try SafeFileWriter(path: path)
        try writer.write(Array("half".utf8))
        #expect(try scratch.listing().count == 2)
        writer.discard()
        #expect(try contents(path) == "old")
        #expect(try scratch.listing() == ["a.csv"])
    }

    @Test func withoutReplacingAFileMadeMeanwhileIsKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/out.txt"
        let writer = try SafeFileWriter(path: path)
        try writer.write(Array("mine".utf8))
        try "theirs".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: FileWriteError(path: path, kind: .system, code: EEXIST)) { try writer.commit(replacing: false) }
        #expect(try contents(path) == "theirs")
        #expect(try scratch.listing() == ["out.txt"])
    }

    @Test func concurrentWritersEachLeaveAWholeFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/same.txt"
        let bodies = (0..<8).map { String(repeating: String($0), count: 200_000) }
        DispatchQueue.concurrentPerform(iterations: bodies.count) { index in
            try? SafeFile.write(Array(bodies[index].utf8), to: path)
        }
        #expect(bodies.contains(try contents(path)))
        #expect(try scratch.listing() == ["same.txt"])
    }

    @Test func aClosedDescriptorIsReportedNotTrapped() {
        // A descriptor that is not open: write(2) fails with EBADF, which must come back as an error.
        #expect(throws: FileWriteError(path: "<test>", kind: .system, code: EBADF)) {
            try StandardStream.writeAll(-1, Array("x".utf8), name: "<test>")
        }
    }

    @Test func crc32MatchesItsCheckValue() {
        // The check value of CRC-32/ISO-HDLC (zip, PNG, gzip) for "123456789".
        var crc = CRC32()
        crc.update(Array("123456789".utf8))
        #expect(crc.hex == "cbf43926")
        var split = CRC32()
        split.update(Array("1234".utf8))
        split.update(Array("56789".utf8))
        #expect(split == crc)
        #expect(CRC32().hex == "00000000")
    }
}

/// A writer killed between making its temporary file and the rename leaves the file behind;
/// the next write to the same path removes it, and only it.
@Suite struct AbandonedTemporaryTests {
    /// The number of a process that has ended (a child that ran `true` and was waited for).
    static func endedProcess() throws -> pid_t {
        var pid = pid_t()
        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { arguments.forEach { free($0) } }
        #expect(posix_spawn(&pid, "/bin/true", nil, nil, arguments, nil) == 0)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return pid
    }

    static func make(_ path: String, minutesOld: Int) throws {
        try "half an export".write(toFile: path, atomically: false, encoding: .utf8)
        let then = Date().addingTimeInterval(TimeInterval(-60 * minutesOld))
        try FileManager.default.setAttributes([.modificationDate: then], ofItemAtPath: path)
    }

    @Test func theNextWriteRemovesAKilledWritersFileAndNothingElse() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let target = scratch.path + "/units.csv"
        let dead = try Self.endedProcess()
        let abandoned = scratch.path + "/.units.csv.\(dead)-AbCdEfGh.tmp"
        let recent = scratch.path + "/.units.csv.\(dead)-RecentXy.tmp"  // may still be on its way
        let alive = scratch.path + "/.units.csv.\(getpid())-LiveOne1.tmp"  // a writer that runs
        let otherFile = scratch.path + "/.models.csv.\(dead)-AbCdEfGh.tmp"  // another path's
        let notOurs = scratch.path + "/.units.csv.notes.tmp"  // not a name we make
        try Self.make(abandoned, minutesOld: 5)
        try Self.make(recent, minutesOld: 0)
        try Self.make(alive, minutesOld: 5)
        try Self.make(otherFile, minutesOld: 5)
        try Self.make(notOurs, minutesOld: 5)
        try SafeFile.write(Array("id,name\n".utf8), to: target)
        let left = try scratch.listing()
        #expect(!left.contains(".units.csv.\(dead)-AbCdEfGh.tmp"))
        #expect(left == [".models.csv.\(dead)-AbCdEfGh.tmp", ".units.csv.\(dead)-RecentXy.tmp",
                         ".units.csv.\(getpid())-LiveOne1.tmp", ".units.csv.notes.tmp", "units.csv"].sorted())
        #expect(try contents(target) == "id,name\n")
    }

    @Test func aFailedWriteRemovesNothing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let dead = try Self.endedProcess()
        let abandoned = scratch.path + "/.units.csv.\(dead)-AbCdEfGh.tmp"
        try Self.make(abandoned, minutesOld: 5)
        let writer = try SafeFileWriter(path: scratch.path + "/units.csv")
        writer.discard()
        #expect(try scratch.listing() == [".units.csv.\(dead)-AbCdEfGh.tmp"])
    }
}
