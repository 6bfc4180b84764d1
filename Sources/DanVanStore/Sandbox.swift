// `--sandbox`: a session on a copy of the database. The real file is read once, through
// SQLite's online backup (a consistent copy even while another session writes), into a new
// file in a fresh private folder; the session then opens the copy, so it holds no lock on
// the real file and nothing it does can reach it. `discard()` deletes the folder; the
// executable calls it at exit, and its signal handlers call `Sandbox.removeAllNow()` when
// the process is killed: every sandbox alive (a `--sandbox` session's, each practice copy of
// a lesson) is kept in a table a signal handler can read (`LiveSandboxes`).
import Foundation
import GRDB
import Synchronization

public final class Sandbox {
    /// The database the copy was made from.
    public let original: String
    /// The private folder (mode 0700) holding the copy and its side files.
    public let directory: String
    /// The copy, opened for reading and writing.
    public let store: Store
    private var discarded = false

    /// The copy's file name inside `directory`.
    static let fileName = "sandbox.db"

    /// Copies the database at `path` into a new folder under the temporary directory and
    /// opens the copy. Errors name `path`, never the copy.
    public init(copying path: String, temporaryDirectory: String = NSTemporaryDirectory()) throws {
        original = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoreError.missingFile(path: path, suggestion: nil)
        }
        if isDirectory.boolValue { throw StoreError.isDirectory(path: path) }
        directory = try Sandbox.makeDirectory(in: temporaryDirectory)
        let copy = directory + "/" + Sandbox.fileName
        slot = LiveSandboxes.register(Sandbox.paths(of: directory))
        do {
            try Sandbox.copy(path, to: copy)
            store = try Store(path: copy, mode: .write)
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            if let slot { LiveSandboxes.unregister(slot) }
            throw Sandbox.naming(error, copy: copy, original: path)
        }
    }

    deinit { discard() }

    /// Where this sandbox is in `LiveSandboxes` (nil: the table was full).
    private let slot: Int?

    /// Removes every sandbox of the process that is still alive: their files, then their
    /// folders. Async-signal-safe (unlink and rmdir of C strings made beforehand), for the
    /// handlers of SIGTERM and SIGHUP.
    public static func removeAllNow() { LiveSandboxes.removeAllNow() }

    /// Every file the sandbox may leave, then its folder, in the order to remove them.
    public var paths: [String] { Sandbox.paths(of: directory) }

    static func paths(of directory: String) -> [String] {
        let copy = directory + "/" + Sandbox.fileName
        return [copy, copy + "-wal", copy + "-shm", copy + "-journal", directory]
    }

    /// Deletes the copy and its folder. Safe to call twice.
    public func discard() {
        guard !discarded else { return }
        discarded = true
        if let slot { LiveSandboxes.unregister(slot) }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A new folder only this user can read, `danvan-sandbox-XXXXXX`.
    static func makeDirectory(in parent: String) throws -> String {
        let base = parent.hasSuffix("/") ? String(parent.dropLast()) : parent
        var template = Array((base + "/danvan-sandbox-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let address = buffer.baseAddress else { return false }
            return mkdtemp(address) != nil
        }
        guard made else { throw StoreError.cannotCreateDirectory(path: base + "/danvan-sandbox-…") }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The online backup of `path` into the new file `copy`, read-only on `path` (with no
    /// side files, as `Store` opens a file it may only read).
    static func copy(_ path: String, to copy: String) throws {
        var config = Store.configuration()
        config.readonly = true
        do {
            let source = try DatabaseQueue(path: Store.readOnlyLocation(path), configuration: config)
            let destination = try DatabaseQueue(path: copy)
            try source.backup(to: destination)
            try destination.close()
            try source.close()
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// `error` about the copy, told about the original file the person named.
    static func naming(_ error: any Error, copy: String, original: String) -> any Error {
        guard let error = error as? StoreError else { return error }
        func name(_ path: String) -> String { path == copy ? original : path }
        switch error {
        case .cannotOpen(let path, let reason): return StoreError.cannotOpen(path: name(path), reason: reason)
        case .migrationFailed(let path, let reason): return StoreError.migrationFailed(path: name(path), reason: reason)
        case .newerVersion(let path, let migrations): return StoreError.newerVersion(path: name(path), migrations: migrations)
        case .notDanVan(let path, let empty): return StoreError.notDanVan(path: name(path), empty: empty)
        default: return error
        }
    }
}

/// The sandboxes alive in this process, as C strings a signal handler can use without
/// allocating or touching a Swift object: a fixed table of slots, each the five paths of
/// `Sandbox.paths` (files first, the folder last). A slot is taken when a sandbox is made and
/// freed when it is discarded, under a lock: sandboxes are made on several threads at once
/// (lessons' practice copies; ThreadSanitizer saw two takers pick one slot and the table made
/// twice). The handler reads without the lock, which it must not take. A slot's strings are
/// not freed (a handler may be reading them), a few hundred bytes per sandbox made.
enum LiveSandboxes {
    static let capacity = 64
    static let pathsPerSlot = 5
    nonisolated(unsafe) private static var table: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    private static let lock = Mutex(())

    /// Takes a free slot for `paths`; nil when all are taken (the sandbox is then removed at
    /// a normal exit only).
    static func register(_ paths: [String]) -> Int? {
        guard paths.count == pathsPerSlot else { return nil }
        return lock.withLock { _ -> Int? in
            let table = table ?? {
                let made = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity * pathsPerSlot)
                made.initialize(repeating: nil, count: capacity * pathsPerSlot)
                Self.table = made
                return made
            }()
            for slot in 0..<capacity where table[slot * pathsPerSlot + pathsPerSlot - 1] == nil {
                // The folder's entry last: a handler reads a slot only once it is set.
                for (index, path) in paths.enumerated() { table[slot * pathsPerSlot + index] = strdup(path) }
                return slot
            }
            return nil
        }
    }

    static func unregister(_ slot: Int) {
        lock.withLock { _ in
            guard let table, slot >= 0, slot < capacity else { return }
            table[slot * pathsPerSlot + pathsPerSlot - 1] = nil
        }
    }

    /// Async-signal-safe.
    static func removeAllNow() {
        guard let table else { return }
        for slot in 0..<capacity {
            let base = slot * pathsPerSlot
            guard let folder = table[base + pathsPerSlot - 1] else { continue }
            for index in 0..<(pathsPerSlot - 1) {
                if let path = table[base + index] { unlink(path) }
            }
            rmdir(folder)
        }
    }
}
