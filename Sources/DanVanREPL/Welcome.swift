// The one line an interactive session opens with: which DanVan, which database and what it
// holds (so staff see at once whether they opened the right file), and where help is.
// Lessons come in a later issue; until then the line points at `:help` only.
import VietText

public enum Welcome {
    static let template = Localized(
        vi: "DanVan {0} · {1}: {2} đơn vị, {3} mô hình · Gõ :help để xem trợ giúp, Ctrl-D để thoát.",
        en: "DanVan {0} · {1}: {2} units, {3} models · Type :help for help, Ctrl-D to leave.")
    static let unknownCount = Localized(vi: "?", en: "?")

    /// The welcome line (without its line break). A count that could not be read shows "?".
    public static func line(version: String, database: String, units: Int?, models: Int?, lang: Lang) -> String {
        func count(_ value: Int?) -> String { value.map { VietFormat.integer($0, lang) } ?? unknownCount(lang) }
        return template(lang, version, database, count(units), count(models))
    }
}
