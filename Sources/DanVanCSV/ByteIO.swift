// Raw byte input and output for the CSV reader and writer: a file (or stdin/stdout) read and
// written in large chunks through the POSIX calls, or memory for tests. Going below
// FileHandle keeps the per-chunk cost at one system call and lets every failure become a
// `CSVIOError` that names the path, instead of an Objective-C exception or a crash.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DanVanFiles

/// A failure to open, read or write a file, with the system's reason.
public struct CSVIOError: Error, Sendable, Equatable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The reason text of the current `errno`.
    static func current(_ path: String) -> CSVIOError {
        CSVIOError(path: path, reason: String(cString: strerror(errno)))
    }
}

/// A source of bytes: a file descriptor or a byte array.
public final class ByteInput {
    private enum Source {
        case file(Int32)
        case memory([UInt8], offset: Int)
    }

    private var source: Source
    public let path: String
    private let ownsDescriptor: Bool

    /// Opens `path` for reading.
    public init(path: String) throws(CSVIOError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CSVIOError.current(path) }
        self.source = .file(fd)
        self.path = path
        self.ownsDescriptor = true
    }

    /// Reads `bytes` from memory (tests, and callers that already hold the text).
    public init(bytes: [UInt8], name: String = "<memory>") {
        self.source = .memory(bytes, offset: 0)
        self.path = name
        self.ownsDescriptor = false
    }

    deinit {
        if ownsDescriptor, case .file(let fd) = source { _ = close(fd) }
    }

    /// Fills the start of `buffer`; returns how many bytes were read, 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVIOError) -> Int {
        switch source {
        case .file(let fd):
            guard let base = buffer.baseAddress else { return 0 }
            while true {
                let count = systemRead(fd, base, buffer.count)
                if count >= 0 { return count }
                if errno == EINTR { continue }
                throw CSVIOError.current(path)
            }
        case .memory(let bytes, let offset):
            let count = min(buffer.count, bytes.count - offset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBytes { all in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[offset..<offset + count]))
            }
            source = .memory(bytes, offset: offset + count)
            return count
        }
    }

    /// The size of the file in bytes, for the progress bar (0 when unknown).
    public var size: Int64 {
        switch source {
        case .file(let fd):
            var info = stat()
            guard fstat(fd, &info) == 0 else { return 0 }
            return Int64(info.st_size)
        case .memory(let bytes, _):
            return Int64(bytes.count)
        }
    }
}

/// A buffered sink of bytes: a file descriptor or memory.
public final class ByteOutput {
    /// Big enough that a write(2) per chunk costs nothing next to formatting the rows.
    static let chunkSize = 64 * 1024

    private let fd: Int32?
    private let ownsDescriptor: Bool
    public let path: String
    private var buffer: [UInt8] = []
    /// Everything written, when the output is memory.
    public private(set) var memory: [UInt8] = []
    /// Bytes accepted so far (buffered or written).
    public private(set) var bytesWritten: Int64 = 0
    /// The CRC-32 of the bytes flushed so far, for an export folder's manifest.
    public private(set) var checksum = CRC32()

    /// Creates (or truncates) `path` for writing.
    public init(path: String) throws(CSVIOError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CSVIOError.current(path) }
        self.fd = fd
        self.ownsDescriptor = true
        self.path = path
        buffer.reserveCapacity(ByteOutput.chunkSize)
    }

    /// Writes to an open descriptor the caller owns (standard output).
    public init(descriptor: Int32, name: String) {
        self.fd = descriptor
        self.ownsDescriptor = false
        self.path = name
        buffer.reserveCapacity(ByteOutput.chunkSize)
    }

    /// Collects the bytes in `memory`.
    public init() {
        self.fd = nil
        self.ownsDescriptor = false
        self.path = "<memory>"
    }

    deinit {
        if ownsDescriptor, let fd { _ = close(fd) }
    }

    public func write(_ bytes: some Sequence<UInt8>) throws(CSVIOError) {
        let before = buffer.count
        buffer.append(contentsOf: bytes)
        bytesWritten += Int64(buffer.count - before)
        if buffer.count >= ByteOutput.chunkSize { try flush() }
    }

    public func write(byte: UInt8) throws(CSVIOError) {
        buffer.append(byte)
        bytesWritten += 1
        if buffer.count >= ByteOutput.chunkSize { try flush() }
    }

    /// Hands the buffered bytes to the system (or to `memory`).
    public func flush() throws(CSVIOError) {
        buffer.withUnsafeBytes { checksum.update($0) }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard let fd else {
            memory.append(contentsOf: buffer)
            return
        }
        do {
            try StandardStream.writeAll(fd, buffer, name: path)
        } catch {
            throw CSVIOError(path: path, reason: error.reason(.en))
        }
    }
}

// The module-qualified system call, named apart from the method above (writes go through
// DanVanFiles' StandardStream, which every writer shares).
#if canImport(Glibc)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    Glibc.read(fd, buffer, count)
}
#elseif canImport(Darwin)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    Darwin.read(fd, buffer, count)
}
#endif
