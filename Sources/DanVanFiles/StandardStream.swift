// Writing to standard output and standard error without trapping. Foundation's
// `FileHandle.write(_: Data)` ends the process on a failed write (it is a `try!` inside
// swift-corelibs-foundation), so `danvan eval 'print(1)' > /dev/full` used to trap; these
// writes report the failure instead, and the CLI ends with exit code 4 and one line on stderr.
//
// A closed pipe (`danvan … | head`) is left to SIGPIPE, as every Unix filter does: the process
// ends at once and quietly. Only when SIGPIPE is ignored by the parent does write(2) give
// EPIPE; `isBrokenPipe` lets a caller end quietly then too.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum StandardStream {
    /// The name failures give standard output.
    public static let outputName = "<stdout>"

    /// Writes all of `bytes` to standard output.
    public static func writeOutput(_ bytes: some Collection<UInt8>) throws(FileWriteError) {
        try writeAll(1, bytes, name: outputName)
    }

    /// Writes `text` to standard error. A failure there has nowhere to be reported, so it is dropped.
    public static func writeError(_ text: String) {
        _ = try? writeAll(2, Array(text.utf8), name: "<stderr>")
    }

    /// Writes all of `bytes` to `fd`, going on after a signal interrupts the call.
    public static func writeAll(_ fd: Int32, _ bytes: some Collection<UInt8>, name: String) throws(FileWriteError) {
        var failure: FileWriteError?
        let written: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            failure = writeBuffer(fd, UnsafeRawBufferPointer(buffer), name: name)
        }
        if written == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { failure = writeBuffer(fd, $0, name: name) }
        }
        if let failure { throw failure }
    }

    static func writeBuffer(_ fd: Int32, _ raw: UnsafeRawBufferPointer, name: String) -> FileWriteError? {
        var offset = 0
        while offset < raw.count, let base = raw.baseAddress {
            let count = systemWrite(fd, base + offset, raw.count - offset)
            if count > 0 {
                offset += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                // write(2) returning 0 for a non-empty buffer is a failure with no errno of its own.
                return FileWriteError(path: name, kind: .system, code: count == 0 ? EIO : errno)
            }
        }
        return nil
    }

    /// Whether `error` is a pipe whose reader has gone (`| head`): not worth a message.
    public static func isBrokenPipe(_ error: FileWriteError) -> Bool {
        error.kind == .system && error.code == EPIPE
    }
}

#if canImport(Glibc)
func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { Glibc.write(fd, buffer, count) }
#elseif canImport(Darwin)
func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { Darwin.write(fd, buffer, count) }
#endif
