// Everything the engine asks of the world outside it, injected so that the engine runs the
// same against the real machine and against fakes in tests: files (`:load`, `:output`,
// path completion), the history kept by the line editor, the terminal's size, a clock for
// `:timer`, and row counts for `:tables`.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DanVanFiles
import Foundation

/// A file opened for `:output`.
public protocol TextSink: AnyObject {
    /// True when the file was empty when opened: a CSV result written first starts with the
    /// byte-order mark (Excel needs it to read UTF-8), one appended to a file does not.
    var startedEmpty: Bool { get }
    func write(_ text: String)
    /// Puts the file in place; returns why it could not be written (a full disk), if so.
    @discardableResult
    func close() -> FileAccessError?
}

public struct DirectoryEntry: Sendable, Equatable {
    public var name: String
    public var isDirectory: Bool

    public init(name: String, isDirectory: Bool) {
        self.name = name
        self.isDirectory = isDirectory
    }
}

/// A file operation that failed, with the system's reason ("No such file or directory").
public struct FileAccessError: Error, Equatable {
    public var reason: String
    /// The file exists and the mode was `.create`.
    public var exists: Bool

    public init(reason: String, exists: Bool = false) {
        self.reason = reason
        self.exists = exists
    }
}

/// How `:output` opens its file. Nothing is replaced unless the user said so.
public enum WriteMode: Sendable, Equatable {
    /// A new file; an existing one is refused (`FileAccessError.exists`).
    case create
    /// `:output! FILE`: an existing file is emptied first.
    case replace
    /// `:output FILE --append`: written after what the file holds.
    case append
}

public protocol FileAccess {
    func read(_ path: String) throws(FileAccessError) -> String
    /// Opens `path` for `:output`; with `.create` a file that exists throws with `exists` set.
    func openForWriting(_ path: String, mode: WriteMode) throws(FileAccessError) -> any TextSink
    /// The entries of `directory` ("" is the current directory); empty when unreadable.
    func list(directory: String) -> [DirectoryEntry]
}

public struct REPLEnvironment {
    public var files: any FileAccess
    /// The entries of the line editor's history, oldest first (`:history`).
    public var history: () -> [String]
    /// Rows and columns of the terminal now (it can be resized between results).
    public var terminalSize: () -> (rows: Int, columns: Int)
    /// A monotonic clock, for `:timer`.
    public var now: () -> Duration
    /// The number of rows in a table, for `:tables`; nil when unknown (no database).
    public var rowCount: (String) -> Int?
    /// $HOME, for `~` in paths.
    public var home: String?
    /// True when more input has already arrived (text pasted at the prompt): a complete
    /// statement then waits for the next line in case it starts with `|`.
    public var inputPending: () -> Bool

    public init(files: any FileAccess,
                history: @escaping () -> [String] = { [] },
                terminalSize: @escaping () -> (rows: Int, columns: Int) = { (24, 80) },
                now: @escaping () -> Duration = REPLEnvironment.monotonicNow,
                rowCount: @escaping (String) -> Int? = { _ in nil },
                home: String? = ProcessInfo.processInfo.environment["HOME"],
                inputPending: @escaping () -> Bool = { false }) {
        self.inputPending = inputPending
        self.files = files
        self.history = history
        self.terminalSize = terminalSize
        self.now = now
        self.rowCount = rowCount
        self.home = home
    }

    public static func monotonicNow() -> Duration {
        clockOrigin.duration(to: ContinuousClock.now)
    }

    private static let clockOrigin = ContinuousClock.now
}

/// The real file system.
public struct LocalFiles: FileAccess {
    public init() {}

    public func read(_ path: String) throws(FileAccessError) -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileAccessError(reason: Self.systemReason()) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw FileAccessError(reason: Self.systemReason())
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileAccessError(reason: "not UTF-8 text")
        }
        return text
    }

    /// `:output FILE` and `:output! FILE` write a unique temporary file beside FILE that takes
    /// its place when the output is closed (DanVanFiles: the old file's mode kept, a link
    /// followed, a device or FIFO written in place), so a session that ends badly leaves the
    /// old file whole; `--append` adds to the file itself, which loses nothing.
    public func openForWriting(_ path: String, mode: WriteMode) throws(FileAccessError) -> any TextSink {
        // Refused here for the message; `commit(replacing: false)` refuses a file made
        // meanwhile too. A device or FIFO is written, not replaced, so it is allowed.
        var info = stat()
        if mode == .create, stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
            throw FileAccessError(reason: String(cString: strerror(EEXIST)), exists: true)
        }
        do throws(FileWriteError) {
            switch mode {
            case .create, .replace:
                let writer = try SafeFileWriter(path: path)
                return FileSink(writer: writer, replacing: mode == .replace)
            case .append:
                let fd = try SafeFile.openForAppending(path)
                let startedEmpty = lseek(fd, 0, SEEK_END) <= 0
                return FileSink(appendingTo: fd, path: path, startedEmpty: startedEmpty)
            }
        } catch {
            throw FileAccessError(reason: error.reason(.en))
        }
    }

    public func list(directory: String) -> [DirectoryEntry] {
        let base = directory.isEmpty ? "." : directory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return [] }
        return names.sorted().map { name in
            var isDirectory: ObjCBool = false
            let full = (base as NSString).appendingPathComponent(name)
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            return DirectoryEntry(name: name, isDirectory: isDirectory.boolValue)
        }
    }

    /// The system's words for the last failed call ("No such file or directory").
    static func systemReason() -> String { String(cString: strerror(errno)) }
}

/// The file of `:output`: a SafeFileWriter put in place at `close()`, or a descriptor opened
/// to append. The first failed write is kept and reported at `close()`.
final class FileSink: TextSink {
    private let writer: SafeFileWriter?
    private let replacing: Bool
    private let appendDescriptor: Int32
    private let path: String
    let startedEmpty: Bool
    private var failure: FileWriteError?
    private var closed = false

    init(writer: SafeFileWriter, replacing: Bool) {
        self.writer = writer
        self.replacing = replacing
        self.appendDescriptor = -1
        self.path = writer.path
        self.startedEmpty = true
    }

    init(appendingTo fd: Int32, path: String, startedEmpty: Bool) {
        self.writer = nil
        self.replacing = false
        self.appendDescriptor = fd
        self.path = path
        self.startedEmpty = startedEmpty
    }

    deinit { close() }

    func write(_ text: String) {
        guard failure == nil, !closed else { return }
        do throws(FileWriteError) {
            if let writer {
                try writer.write(Array(text.utf8))
            } else {
                try StandardStream.writeAll(appendDescriptor, Array(text.utf8), name: path)
            }
        } catch {
            failure = error
        }
    }

    @discardableResult
    func close() -> FileAccessError? {
        guard !closed else { return nil }
        closed = true
        if let writer {
            if let failure {
                writer.discard()
                return FileAccessError(reason: failure.reason(.en))
            }
            do {
                try writer.commit(replacing: replacing)
            } catch {
                return FileAccessError(reason: error.reason(.en), exists: error.code == EEXIST)
            }
            return nil
        }
        closeDescriptor(appendDescriptor)
        return failure.map { FileAccessError(reason: $0.reason(.en)) }
    }
}

#if canImport(Glibc)
private func closeDescriptor(_ fd: Int32) { _ = Glibc.close(fd) }
#elseif canImport(Darwin)
private func closeDescriptor(_ fd: Int32) { _ = Darwin.close(fd) }
#endif
