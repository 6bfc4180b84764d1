// How every output file is written (exports, `--output`, reports, `:output`, lesson progress,
// history): a whole new file or the old one, never half of each, never a link or a device
// replaced. The rules, and why:
//
// - A regular file (or a new one) is written to a temporary file beside it, made with
//   O_CREAT|O_EXCL under a random name (two exports to one path each get their own, so each
//   result is whole), then fsync'ed and renamed over the path. rename(2) within one folder is
//   atomic: a reader sees the old file or the new one.
// - The file keeps the mode (and, for root, the owner) of the file it replaces: a 0600 file
//   stays 0600. A new file gets 0666 less the umask, or 0600 for private files (history,
//   progress), which are also narrowed to 0600 when they were wider.
// - A symbolic link is followed: the file it points to is replaced, in that file's folder, and
//   the link stays. A link to nothing is refused (writing would invent a file somewhere).
// - A FIFO, a character or block device or a socket (`/dev/stdout`, `/dev/null`, a pipe made
//   with mkfifo) is written directly: renaming over it would replace the device node.
// - A write that fails (ENOSPC, EIO) removes the temporary file and reports the path the user
//   named; the old file is untouched.
// - A writer killed before its rename leaves its temporary file; the next successful write to
//   the same path removes it once its process is gone and it is a minute old.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file being written. `commit()` puts it in place; `discard()` drops it.
public final class SafeFileWriter {
    /// The path as the user named it, for messages.
    public let path: String
    /// The file the bytes end up in: `path` with its symbolic links followed.
    public let destination: String
    /// Where the bytes go now: the temporary file, or `destination` itself when it is a FIFO
    /// or a device (written directly).
    public let writePath: String
    /// True when `destination` is not a regular file and is written in place.
    public let isDirect: Bool
    /// The open descriptor of `writePath`.
    public let descriptor: Int32
    /// The mode the file gets when put in place; nil means 0666 less the umask.
    private let finalMode: mode_t?
    /// The owner of the file replaced, given back to the new file (only root can).
    private let owner: (uid: uid_t, gid: gid_t)?
    private var open = true

    /// Starts writing `path`. `privateFile` makes the file 0600 whatever it was (history, progress).
    public init(path: String, privateFile: Bool = false) throws(FileWriteError) {
        self.path = path
        let target = try SafeFile.resolve(path)
        destination = target.path
        switch target.kind {
        case .special:
            // No O_CREAT: a device or FIFO that vanished in between is not made a regular file.
            // Opening a FIFO waits for its reader, as any writer of a FIFO does.
            let fd = SafeFile.openRetrying(target.path, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0)
            guard fd >= 0 else { throw FileWriteError.current(path) }
            writePath = target.path
            isDirect = true
            descriptor = fd
            finalMode = nil
            owner = nil
        case .regular(let info):
            // A file the user may not write (0444) is refused as open(2) would refuse it: the
            // rename could replace it, but its mode says it is not to be changed.
            guard access(target.path, W_OK) == 0 else { throw FileWriteError.current(path) }
            (writePath, descriptor) = try SafeFile.makeTemporary(beside: target.path, reportedAs: path)
            isDirect = false
            finalMode = privateFile ? 0o600 : info.st_mode & 0o7777
            owner = (info.st_uid, info.st_gid)
        case .missing:
            (writePath, descriptor) = try SafeFile.makeTemporary(beside: target.path, reportedAs: path)
            isDirect = false
            finalMode = privateFile ? 0o600 : nil
            owner = nil
        }
    }

    deinit {
        if open { discard() }
    }

    /// Writes all of `bytes`; on failure the file is discarded.
    public func write(_ bytes: some Collection<UInt8>) throws(FileWriteError) {
        do {
            try StandardStream.writeAll(descriptor, bytes, name: path)
        } catch {
            discard()
            throw error
        }
    }

    /// Makes the bytes durable and puts the file in place (a rename, or nothing more for a
    /// device). On failure the temporary file is removed and the old file left as it was.
    /// `replacing: false` (`:output FILE`, which never overwrites) puts it in place only if
    /// no file has appeared there meanwhile: link(2) refuses an existing name atomically;
    /// the error then has code EEXIST.
    public func commit(replacing: Bool = true) throws(FileWriteError) {
        guard open else { return }
        open = false
        if isDirect {
            guard close(descriptor) == 0 || errno == EINTR else { throw FileWriteError.current(path) }
            return
        }
        do throws(FileWriteError) {
            let mode = finalMode ?? SafeFile.defaultMode()
            if let owner, owner.uid != getuid() || owner.gid != getgid() {
                _ = fchown(descriptor, owner.uid, owner.gid)  // only root can; others keep their own
            }
            guard fchmod(descriptor, mode) == 0 else { throw FileWriteError.current(path) }
            guard fsync(descriptor) == 0 else { throw FileWriteError.current(path) }
            guard close(descriptor) == 0 else {
                let failure = FileWriteError.current(path)
                _ = unlink(writePath)
                throw failure
            }
        } catch {
            _ = close(descriptor)
            _ = unlink(writePath)
            throw error
        }
        if !replacing {
            try SafeFile.linkWithoutReplacing(writePath, destination, reportedAs: path)
        } else if rename(writePath, destination) != 0 {
            let failure = FileWriteError.current(path)
            _ = unlink(writePath)
            throw failure
        }
        SafeFile.syncFolder(of: destination)
        SafeFile.removeAbandoned(beside: destination)
    }

    /// Drops what was written: the temporary file is removed (a device keeps what it was sent).
    public func discard() {
        guard open else { return }
        open = false
        _ = close(descriptor)
        if !isDirect { _ = unlink(writePath) }
    }
}

public enum SafeFile {
    /// Writes `bytes` as the whole new content of `path`.
    public static func write(_ bytes: some Collection<UInt8>, to path: String,
                             privateFile: Bool = false) throws(FileWriteError) {
        let writer = try SafeFileWriter(path: path, privateFile: privateFile)
        try writer.write(bytes)
        try writer.commit()
    }

    /// Adds `bytes` to the end of `path` (made if missing), following a link: appending never
    /// destroys what the file holds, so it needs no temporary file.
    public static func append(_ bytes: some Collection<UInt8>, to path: String) throws(FileWriteError) {
        let fd = try openForAppending(path)
        defer { _ = close(fd) }
        try StandardStream.writeAll(fd, bytes, name: path)
        _ = fsync(fd)
    }

    /// Opens `path` to add to its end (`:output FILE --append`), made if missing.
    public static func openForAppending(_ path: String) throws(FileWriteError) -> Int32 {
        let target = try resolve(path)
        let fd = openRetrying(target.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0o666)
        guard fd >= 0 else { throw FileWriteError.current(path) }
        return fd
    }

    /// What a path names once its links are followed.
    enum Kind {
        case missing
        case regular(stat)
        /// A FIFO, a device or a socket: written in place.
        case special
    }

    /// `path` with its symbolic links followed, and what it is.
    static func resolve(_ path: String) throws(FileWriteError) -> (path: String, kind: Kind) {
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw FileWriteError.current(path) }
            return (path, .missing)
        }
        var resolved = path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let real = realpath(path, nil) else {
                if errno == ENOENT || errno == ELOOP { throw FileWriteError(path: path, kind: .danglingLink) }
                throw FileWriteError.current(path)
            }
            resolved = String(cString: real)
            free(real)
            guard stat(resolved, &info) == 0 else { throw FileWriteError.current(path) }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return (resolved, .regular(info))
        case S_IFDIR: throw FileWriteError(path: path, kind: .isFolder)
        default: return (resolved, .special)
        }
    }

    /// A new empty file beside `path`, `.NAME.PID-XXXXXXXX.tmp`, made with O_EXCL (a name taken
    /// by another writer is never reused) and mode 0600 until it is put in place. The leading
    /// dot and the `.tmp` ending keep it from being taken for data (`import --all` reads only
    /// the names the manifest lists); the process number lets a later writer tell a file left
    /// by a killed one (`removeAbandoned`).
    static func makeTemporary(beside path: String, reportedAs name: String) throws(FileWriteError) -> (String, Int32) {
        let (folder, base) = split(path)
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for _ in 0..<100 {
            let tag = String((0..<8).map { _ in letters.randomElement() ?? "x" })
            let candidate = folder + "." + base + "." + String(getpid()) + "-" + tag + ".tmp"
            let fd = openRetrying(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 { return (candidate, fd) }
            if errno != EEXIST { throw FileWriteError.current(name) }
        }
        throw FileWriteError(path: name, kind: .system, code: EEXIST)
    }

    /// The folder of `path` (with its slash, or "" for the current one) and the name in it.
    static func split(_ path: String) -> (folder: String, base: String) {
        let slash = path.lastIndex(of: "/")
        return (slash.map { String(path[...$0]) } ?? "", slash.map { String(path[path.index(after: $0)...]) } ?? path)
    }

    /// How old a temporary file of a process that no longer runs must be before it is taken
    /// as abandoned: a writer on another machine sharing the folder is not seen by `kill`, and
    /// one that is writing touches its file more often than this.
    static let abandonedAfter: time_t = 60

    /// Removes the temporary files of `path` that writers killed before their rename left
    /// behind (`.NAME.PID-XXXXXXXX.tmp`): those whose process is gone, owned by this user and
    /// untouched for `abandonedAfter` seconds. Called after a write to `path` has succeeded;
    /// never fails (a file it cannot remove stays).
    static func removeAbandoned(beside path: String) {
        let (folder, base) = split(path)
        guard let directory = opendir(folder.isEmpty ? "." : folder) else { return }
        defer { closedir(directory) }
        let prefix = "." + base + ".", suffix = ".tmp"
        var now = time_t()
        time(&now)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.count > prefix.count + suffix.count else { continue }
            let middle = name.dropFirst(prefix.count).dropLast(suffix.count)
            guard let dash = middle.firstIndex(of: "-"), middle.distance(from: dash, to: middle.endIndex) == 9,
                  let pid = pid_t(middle[..<dash]), pid > 0 else { continue }
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            var info = stat()
            let candidate = folder + name
            guard lstat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == getuid() else { continue }
            #if canImport(Glibc)
            let modified = info.st_mtim.tv_sec
            #else
            let modified = info.st_mtimespec.tv_sec
            #endif
            guard now - modified >= abandonedAfter else { continue }
            _ = unlink(candidate)
        }
    }

    static func openRetrying(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        while true {
            let fd = systemOpen(path, flags, mode)
            if fd >= 0 || errno != EINTR { return fd }
        }
    }

    /// Gives `temporary` the name `destination` unless that name exists, then drops the
    /// temporary name. A file system without hard links falls back to a check and a rename.
    static func linkWithoutReplacing(_ temporary: String, _ destination: String,
                                     reportedAs name: String) throws(FileWriteError) {
        defer { _ = unlink(temporary) }
        if link(temporary, destination) == 0 { return }
        let failure = FileWriteError.current(name)
        guard failure.code == EPERM || failure.code == ENOTSUP || failure.code == EOPNOTSUPP else { throw failure }
        var info = stat()
        if lstat(destination, &info) == 0 { throw FileWriteError(path: name, kind: .system, code: EEXIST) }
        guard rename(temporary, destination) == 0 else { throw FileWriteError.current(name) }
    }

    /// 0666 less the process's umask: the mode open(2) would give a new file.
    static func defaultMode() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }

    /// Makes the rename itself durable; a folder that cannot be synced is no error.
    static func syncFolder(of path: String) {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let fd = openRetrying(folder.isEmpty ? "/" : folder, O_RDONLY | O_CLOEXEC, 0)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = close(fd)
    }
}

#if canImport(Glibc)
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Glibc.open(path, flags, mode) }
#elseif canImport(Darwin)
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Darwin.open(path, flags, mode) }
#endif
