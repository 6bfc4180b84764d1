// Where the history file lives: `$XDG_STATE_HOME/danvan/history`, else
// `~/.local/state/danvan/history` (the XDG base-directory spec puts history in the state
// directory). History holds what staff typed, names and phone numbers included, so the
// directories this creates are 0700 and the file is 0600 (written by `LineEditor.save`
// through DanVanFiles, which narrows a wider file to 0600).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum HistoryLocation {
    /// The history file's path, or nil when neither XDG_STATE_HOME nor HOME is usable.
    /// The spec says a relative XDG_STATE_HOME is invalid and must be ignored.
    public static func path(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return join(state, "danvan/history")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return join(home, ".local/state/danvan/history")
        }
        return nil
    }

    /// Creates the missing directories above `path` with mode 0700. Returns false when a
    /// directory could not be created (the session then runs without saved history).
    @discardableResult
    public static func prepareDirectory(for path: String) -> Bool {
        var components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !components.isEmpty else { return false }
        components.removeLast()  // the file itself
        var current = ""
        for component in components {
            current += "/" + component
            if mkdir(current, 0o700) != 0 && errno != EEXIST { return false }
        }
        var info = stat()
        return stat(current.isEmpty ? "/" : current, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func join(_ directory: String, _ tail: String) -> String {
        directory.hasSuffix("/") ? directory + tail : directory + "/" + tail
    }
}
