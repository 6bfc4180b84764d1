// Everything the engine asks of the world outside it, injected so that the engine runs the
// same against the real machine and against fakes in tests: files (`:load`, `:output`,
// path completion), the history kept by the line editor, the terminal's size, a clock for
// `:timer`, and row counts for `:tables`.
import Foundation

/// A file opened for `:output`.
public protocol TextSink: AnyObject {
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

    public init(reason: String) { self.reason = reason }
}

public protocol FileAccess {
    func read(_ path: String) throws(FileAccessError) -> String
    func openForWriting(_ path: String) throws(FileAccessError) -> any TextSink
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

    public init(files: any FileAccess,
                history: @escaping () -> [String] = { [] },
                terminalSize: @escaping () -> (rows: Int, columns: Int) = { (24, 80) },
                now: @escaping () -> Duration = REPLEnvironment.monotonicNow,
                rowCount: @escaping (String) -> Int? = { _ in nil },
                home: String? = ProcessInfo.processInfo.environment["HOME"]) {
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

    public func openForWriting(_ path: String) throws(FileAccessError) -> any TextSink {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw FileAccessError(reason: Self.systemReason()) }
        return FileSink(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: true))
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

    init(handle: FileHandle) { self.handle = handle }

    func write(_ text: String) {
        try? handle.write(contentsOf: Data(text.utf8))
    }

    func close() {
        try? handle.close()
    }
}
