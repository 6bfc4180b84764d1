// `:output` on the real file system (LocalFiles, issue 12): the file appears whole when the
// output is closed (a unique temporary file renamed), a 0600 file stays 0600 with `:output!`,
// a link is written through, `:output FILE` refuses a file that exists, `--append` adds to
// the end, and a failed write (a full device) comes back from `close()` to be reported.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DanVanREPL
import Foundation
import Testing

@Suite struct LocalFilesTests {
    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "danvan-localfiles-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    @Test func theFileAppearsWholeWhenClosed() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.csv"
        let sink = try LocalFiles().openForWriting(path, mode: .create)
        #expect(sink.startedEmpty)
        sink.write("a,b\n")
        #expect(!FileManager.default.fileExists(atPath: path), "the file is there before it is complete")
        #expect(sink.close() == nil)
        #expect(try Self.text(path) == "a,b\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])

        // `:output FILE` refuses it now; `--append` adds to it.
        #expect(throws: FileAccessError(reason: String(cString: strerror(EEXIST)), exists: true)) {
            _ = try LocalFiles().openForWriting(path, mode: .create)
        }
        let more = try LocalFiles().openForWriting(path, mode: .append)
        #expect(!more.startedEmpty)
        more.write("c,d\n")
        #expect(more.close() == nil)
        #expect(try Self.text(path) == "a,b\nc,d\n")
    }

    @Test func replacingKeepsTheModeAndTheLink() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let real = folder + "/real.txt"
        try "old\n".write(toFile: real, atomically: false, encoding: .utf8)
        chmod(real, 0o600)
        let link = folder + "/link.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let sink = try LocalFiles().openForWriting(link, mode: .replace)
        sink.write("new\n")
        #expect(sink.close() == nil)
        #expect(try Self.text(real) == "new\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        var info = stat()
        #expect(stat(real, &info) == 0 && info.st_mode & 0o7777 == 0o600)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func aFailedWriteIsReportedAtClose() throws {
        let sink = try LocalFiles().openForWriting("/dev/full", mode: .replace)
        sink.write("x\n")
        #expect(sink.close()?.reason == String(cString: strerror(ENOSPC)))
    }
}
