// Why a database could not be opened or used, with a Vietnamese and an English message.
import VietText

public enum StoreError: Error, Sendable, Equatable {
    case cannotOpen(path: String, reason: String)
    case cannotCreateDirectory(path: String)
    case migrationFailed(path: String, reason: String)
    case unknownTable(String)
    /// The file was upgraded by a newer DanVan; opening it here could lose data.
    case newerVersion(path: String, migrations: [String])
    /// No file at `path` (only `.create` makes one). `suggestion` is a file of a similar name
    /// in the same folder, filled in by whoever can look for one.
    case missingFile(path: String, suggestion: String?)
    case isDirectory(path: String)
    /// A SQLite file without DanVan's tables (`empty`: no tables at all), which only
    /// `.create` would add to.
    case notDanVan(path: String, empty: Bool)
    /// `.write` on a file or folder the user may not write.
    case readOnlyFile(path: String)
    /// A read-only file from an older DanVan, which cannot be upgraded in place.
    case readOnlyNeedsUpgrade(path: String, migrations: [String])

    public func message(_ lang: Lang) -> String {
        switch self {
        case .cannotOpen(let path, let reason):
            return Localized(vi: "không mở được cơ sở dữ liệu {0}: {1}",
                             en: "cannot open the database {0}: {1}")(lang, path, reason)
        case .cannotCreateDirectory(let path):
            return Localized(vi: "không tạo được thư mục {0} cho cơ sở dữ liệu (kiểm tra đường dẫn và quyền ghi)",
                             en: "cannot create the folder {0} for the database (check the path and write permission)")(lang, path)
        case .migrationFailed(let path, let reason):
            return Localized(vi: "không nâng cấp được cơ sở dữ liệu {0}: {1}",
                             en: "cannot upgrade the database {0}: {1}")(lang, path, reason)
        case .newerVersion(let path, let migrations):
            return Localized(vi: "cơ sở dữ liệu {0} do một phiên bản DanVan mới hơn tạo ({1}); hãy cập nhật DanVan",
                             en: "the database {0} was made by a newer DanVan ({1}); update DanVan to open it")(
                                lang, path, migrations.joined(separator: ", "))
        case .unknownTable(let name):
            return Localized(vi: "không có bảng '{0}'", en: "there is no table '{0}'")(lang, name)
        case .missingFile(let path, let suggestion?):
            return Localized(vi: "không có tệp cơ sở dữ liệu {0}; có phải ý bạn là {1}?",
                             en: "there is no database file {0}; did you mean {1}?")(lang, path, suggestion)
        case .missingFile(let path, nil):
            return Localized(vi: "không có tệp cơ sở dữ liệu {0} (lệnh danvan init {0} tạo một cơ sở dữ liệu mới, rỗng)",
                             en: "there is no database file {0} (danvan init {0} makes a new, empty one)")(lang, path)
        case .isDirectory(let path):
            return Localized(vi: "{0} là một thư mục, không phải tệp cơ sở dữ liệu",
                             en: "{0} is a folder, not a database file")(lang, path)
        case .notDanVan(let path, true):
            return Localized(vi: "{0} là cơ sở dữ liệu rỗng, chưa có bảng của DanVan (lệnh danvan init tạo cơ sở dữ liệu mới)",
                             en: "{0} is an empty database without DanVan's tables (danvan init makes a new database)")(lang, path)
        case .notDanVan(let path, false):
            return Localized(vi: "{0} không phải cơ sở dữ liệu DanVan", en: "{0} is not a DanVan database")(lang, path)
        case .readOnlyFile(let path):
            return Localized(vi: "không ghi được vào cơ sở dữ liệu {0}: tệp hoặc thư mục chứa nó chỉ cho phép đọc",
                             en: "cannot write to the database {0}: the file or its folder is read-only")(lang, path)
        case .readOnlyNeedsUpgrade(let path, let migrations):
            return Localized(
                vi: "cơ sở dữ liệu {0} do phiên bản DanVan cũ hơn tạo và cần nâng cấp ({1}), nhưng tệp chỉ cho phép đọc; hãy mở nó một lần với quyền ghi",
                en: "the database {0} was made by an older DanVan and needs an upgrade ({1}), but the file is read-only; open it once with write permission")(
                    lang, path, migrations.joined(separator: ", "))
        }
    }
}
