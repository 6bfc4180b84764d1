// Where the database lives: `--db PATH`, else `$DANVAN_DB`, else the default file in the XDG
// data home. Where the path came from matters: only the default file is created on first use
// (a mistyped `--db` or `$DANVAN_DB` is an error, not a new empty database).
import Foundation
import VietText

public enum StoreLocation {
    /// Where a path came from.
    public enum Origin: Sendable, Equatable {
        case flag
        case environment
        /// `$XDG_DATA_HOME/danvan/danvan.db` (`~/.local/share/danvan/danvan.db`).
        case defaultFile
    }

    /// The database's path and where it came from. An empty `--db ""` or `DANVAN_DB=""` (a
    /// script's `--db "$UNSET"`) is returned as the empty path it is, never taken to mean the
    /// default file: the caller refuses it (`emptyPathMessage`), so a typo cannot write into
    /// the user's real data.
    public static func locate(flag: String?, environment: [String: String]) -> (path: String, origin: Origin) {
        if let flag { return (flag, .flag) }
        if let env = environment["DANVAN_DB"] { return (env, .environment) }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            dataHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return (dataHome + "/danvan/danvan.db", .defaultFile)
    }

    /// Why an empty path is refused, naming where it came from; nil for a path that is not empty.
    public static func emptyPathMessage(_ location: (path: String, origin: Origin), _ lang: Lang) -> String? {
        guard location.path.isEmpty else { return nil }
        return (location.origin == .environment ? emptyEnvironment : emptyFlag)(lang)
    }

    static let emptyFlag = Localized(
        vi: "--db là một đường dẫn rỗng (có thể một biến chưa được gán); hãy ghi tệp cơ sở dữ liệu, hoặc bỏ --db để dùng cơ sở dữ liệu mặc định",
        en: "--db is an empty path (perhaps an unset variable); give a database file, or leave --db out for the default database")
    static let emptyEnvironment = Localized(
        vi: "biến môi trường DANVAN_DB có nhưng rỗng; hãy gán cho nó một tệp cơ sở dữ liệu, hoặc bỏ nó (unset DANVAN_DB) để dùng cơ sở dữ liệu mặc định",
        en: "the DANVAN_DB environment variable is set but empty; set it to a database file, or unset it for the default database")

    public static func resolve(flag: String?, environment: [String: String]) -> String {
        locate(flag: flag, environment: environment).path
    }
}
