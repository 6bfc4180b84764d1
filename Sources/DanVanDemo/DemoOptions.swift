// What the caller chooses about the demo data set (seed and size) and the errors making it
// can report. The seed decides every row: the same seed and scale give the same rows, in
// the same order, with the same ids, on every machine.
import VietText

public struct DemoOptions: Sendable, Equatable {
    /// The seed of every random choice.
    public var seed: UInt64
    /// 1 makes the realistic set (about 3,000 models); N makes about N times as many rows
    /// of everything that grows with a city (units, people, models, awards, reports).
    /// Contests stay one per year.
    public var scale: Int

    /// The largest scale accepted: `--scale 1000` is already 3 million models, a file of
    /// about 5 GB and ten minutes of work; more would exhaust memory and patience.
    public static let maxScale = 1000

    public init(seed: UInt64 = 2024, scale: Int = 1) {
        self.seed = seed
        self.scale = scale
    }
}

public enum DemoError: Error, Sendable, Equatable {
    /// The scale is outside `1...DemoOptions.maxScale`.
    case badScale(Int)
    /// The database already holds rows; the demo never mixes with real data.
    case notEmpty(path: String)
    /// The file is not a DanVan database: it is neither written nor deleted, even with `--force`.
    case notDanVanDatabase(path: String)
    /// The file could not be deleted for `--force`.
    case cannotDelete(path: String, reason: String)

    public func message(_ lang: Lang) -> String {
        switch self {
        case .badScale(let scale):
            return Localized(vi: "quy mô {0} không hợp lệ: hãy chọn từ 1 đến {1}",
                             en: "the scale {0} is not valid: choose 1 to {1}")(lang, scale, DemoOptions.maxScale)
        case .notEmpty(let path):
            return Localized(
                vi: "cơ sở dữ liệu {0} đã có dữ liệu, nên không tạo dữ liệu mẫu vào đó; hãy chọn một tệp mới (--db mau.db) hoặc thêm --force để xóa tệp này và tạo lại",
                en: "the database {0} already holds data, so the demo data is not added to it; choose a new file (--db demo.db) or add --force to delete this file and start again")(lang, path)
        case .notDanVanDatabase(let path):
            return Localized(
                vi: "{0} không phải là cơ sở dữ liệu DanVan; hãy chọn một tệp khác (tệp này được giữ nguyên)",
                en: "{0} is not a DanVan database; choose another file (this one is left unchanged)")(lang, path)
        case .cannotDelete(let path, let reason):
            return Localized(vi: "không xóa được {0}: {1}", en: "cannot delete {0}: {1}")(lang, path, reason)
        }
    }
}
