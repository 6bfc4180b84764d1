// Everything the engine asks of the world outside it, injected so that the engine runs the
// same against the real machine and against fakes in tests: files (`:load`, `:output`,
// path completion), the history kept by the line editor, the terminal's size, a clock for
// `:timer`, and row counts for `:tables`.
import Foundation

/// A file opened for `:output`.
public protocol TextSink: AnyObject {
    /// True when the file was empty when opened: a CSV result written first starts with the
    /// byte-order mark (Excel needs it to read UTF-8), one appended to a file does not.
    var startedEmpty: Bool { get }
    func write(_ text: String)
    func close()
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

    public func openForWriting(_ path: String, mode: WriteMode) throws(FileAccessError) -> any TextSink {
        // O_EXCL makes "refuse an existing file" one atomic step: no window in which another
        // program's new file could be truncated.
        let flags: Int32
        switch mode {
        case .create: flags = O_WRONLY | O_CREAT | O_EXCL
        case .replace: flags = O_WRONLY | O_CREAT | O_TRUNC
        case .append: flags = O_WRONLY | O_CREAT | O_APPEND
        }
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else { throw FileAccessError(reason: Self.systemReason(), exists: errno == EEXIST) }
        let startedEmpty = lseek(fd, 0, SEEK_END) <= 0
        return FileSink(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: true), startedEmpty: startedEmpty)
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

final class FileSink: TextSink {
    private let handle: FileHandle
    let startedEmpty: Bool

    init(handle: FileHandle, startedEmpty: Bool) {
        self.handle = handle
        self.startedEmpty = startedEmpty
    }

    func write(_ text: String) {
        try? handle.write(contentsOf: Data(text.utf8))
    }

    func close() {
        try? handle.close()
    }
}
