// A failure to write an output file (or standard output), with the system's reason and the
// path the user named. Every writer in DanVan reports its failures through this one type,
// so a full disk reads the same whether it happened in an export, a report or `--output`.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VietText

public struct FileWriteError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A system call failed; `code` is its errno.
        case system
        /// The path is a symbolic link whose target does not exist (or a loop of links):
        /// following it would invent a file, replacing it would break the link.
        case danglingLink
        /// The path is a folder.
        case isFolder
    }

    /// The path as the user named it (not the temporary file beside it).
    public let path: String
    public let kind: Kind
    /// The errno of a `.system` failure (ENOSPC for a full disk, EIO, EACCES), else 0.
    public let code: Int32

    public init(path: String, kind: Kind, code: Int32 = 0) {
        self.path = path
        self.kind = kind
        self.code = code
    }

    /// The failure of the last system call, from `errno`.
    public static func current(_ path: String) -> FileWriteError {
        FileWriteError(path: path, kind: .system, code: errno)
    }

    /// The system's words for `code` ("No space left on device"), or ours for the other kinds.
    public func reason(_ lang: Lang) -> String {
        switch kind {
        case .system: return String(cString: strerror(code))
        case .danglingLink: return Self.danglingLink(lang)
        case .isFolder: return Self.isFolder(lang)
        }
    }

    /// One line: "cannot write FILE: REASON".
    public func message(_ lang: Lang) -> String {
        Self.cannotWrite(lang, path, reason(lang))
    }

    static let cannotWrite = Localized(vi: "không ghi được {0}: {1}", en: "cannot write {0}: {1}")
    static let danglingLink = Localized(
        vi: "đây là một liên kết (symlink) tới tệp không có; không ghi đè liên kết",
        en: "it is a symbolic link to a file that does not exist; the link is not replaced")
    static let isFolder = Localized(vi: "đây là một thư mục", en: "it is a folder")
}
