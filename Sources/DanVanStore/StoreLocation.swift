// Where the database lives: `--db PATH`, else `$DANVAN_DB`, else the default file in the XDG
// data home. Where the path came from matters: only the default file is created on first use
// (a mistyped `--db` or `$DANVAN_DB` is an error, not a new empty database).
import Foundation

public enum StoreLocation {
    /// Where a path came from.
    public enum Origin: Sendable, Equatable {
        case flag
        case environment
        /// `$XDG_DATA_HOME/danvan/danvan.db` (`~/.local/share/danvan/danvan.db`).
        case defaultFile
    }

    /// The database's path and where it came from.
    public static func locate(flag: String?, environment: [String: String]) -> (path: String, origin: Origin) {
        if let flag, !flag.isEmpty { return (flag, .flag) }
        if let env = environment["DANVAN_DB"], !env.isEmpty { return (env, .environment) }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            dataHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return (dataHome + "/danvan/danvan.db", .defaultFile)
    }

    public static func resolve(flag: String?, environment: [String: String]) -> String {
        locate(flag: flag, environment: environment).path
    }
}
