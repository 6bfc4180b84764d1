// The one line an interactive session opens with: which DanVan, which database and what it
// holds (so staff see at once whether they opened the right file), whether the session can
// change it (a sandbox copy, read-only), and where help is.
// It names `:help` and `:learn` (the lessons, docs/lessons.md).
import VietText

public enum Welcome {
    static let template = Localized(
        vi: "DanVan {0} · {1}: {2} đơn vị, {3} mô hình · Gõ :help để xem trợ giúp, :learn để học, Ctrl-D để thoát.",
        en: "DanVan {0} · {1}: {2} units, {3} models · Type :help for help, :learn for lessons, Ctrl-D to leave.")
    static let unknownCount = Localized(vi: "?", en: "?")
    static let sandbox = Localized(vi: "{0} (bản sao thử: mọi thay đổi bị bỏ đi khi thoát)",
                                   en: "{0} (sandbox copy: every change is discarded at exit)")
    static let readOnly = Localized(vi: "{0} (chỉ đọc)", en: "{0} (read-only)")

    /// How the session may change the database.
    public enum Access: Sendable {
        case normal
        /// `--sandbox`: a copy, discarded at exit.
        case sandbox
        /// `--read-only`, or a file the user may not write.
        case readOnly
    }

    /// The welcome line (without its line break). A count that could not be read shows "?".
    public static func line(version: String, database: String, units: Int?, models: Int?, lang: Lang,
                            access: Access = .normal) -> String {
        func count(_ value: Int?) -> String { value.map { VietFormat.integer($0, lang) } ?? unknownCount(lang) }
        let shown: String
        switch access {
        case .normal: shown = database
        case .sandbox: shown = sandbox(lang, database)
        case .readOnly: shown = readOnly(lang, database)
        }
        return template(lang, version, shown, count(units), count(models))
    }
}
