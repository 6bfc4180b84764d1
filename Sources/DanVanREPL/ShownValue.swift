// A value shown the REPL's way where nobody pages through it: by `danvan run`, `eval` and
// piped input (each top-level value and `show(v)`), and by `show(v)` in the REPL. A table in
// the chosen mode, whole (no screenful, no colour, not cut to a width: it may go to a file);
// a single row or record as `label = value` lines in table mode; anything else as text.
import DanVanDomain
import DanVanLang
import DanVanOutput
import VietText

public enum ShownValue {
    /// `value` as text in `mode`, ending with a line break; nil for null, which shows nothing.
    /// `byteOrderMark`: a CSV model starts with the UTF-8 byte order mark (the first thing
    /// written to a CSV file). Reading a whole table can throw the host's error.
    /// `names`: the host, so that references show the names of their rows.
    public static func text(_ value: Value, mode: OutputMode, lang: Lang, byteOrderMark: Bool = false,
                            names: (any DisplayNameSource)? = nil) throws -> String? {
        guard let shown = try ValueDisplay.display(value, lang: lang, source: nil, names: names) else { return nil }
        return text(shown, mode: mode, lang: lang, byteOrderMark: byteOrderMark)
    }

    public static func text(_ shown: DisplayValue, mode: OutputMode, lang: Lang, byteOrderMark: Bool = false) -> String {
        let rendered: String
        switch shown {
        case .text(let text):
            rendered = (byteOrderMark ? CSVFormat.byteOrderMark : "") + text
        case .table(let model):
            rendered = render(model, mode: mode, lang: lang, byteOrderMark: byteOrderMark)
        case .record(let model):
            rendered = render(model, mode: mode == .table ? .line : mode, lang: lang, byteOrderMark: byteOrderMark)
        }
        // By scalars: a CSV record ends with CRLF, which is one Character that is not "\n".
        return rendered.unicodeScalars.last == "\n" ? rendered : rendered + "\n"
    }

    static func render(_ model: TableModel, mode: OutputMode, lang: Lang, byteOrderMark: Bool) -> String {
        if mode == .csv { return CSVFormat.render(model, bom: byteOrderMark) }
        return (byteOrderMark ? CSVFormat.byteOrderMark : "") + ModelWriter.write(model, mode: mode, lang: lang)
    }
}
