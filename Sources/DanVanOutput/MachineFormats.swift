// CSV and JSON output: for other programs, so values are written plainly (1808, 2.5, no
// grouping) under the columns' machine names, and nothing depends on the session's language.
import VietText

/// RFC 4180: fields separated by commas, records ended by CRLF, a field quoted when it holds
/// a comma, a quote, CR or LF (quotes doubled inside). Booleans are 1/0, as in the database
/// and in `danvan export`; null is an empty field. A text a spreadsheet would run as a
/// formula gets a leading `'` (`SpreadsheetText`), headings too; numbers are never marked.
public enum CSVFormat {
    /// The UTF-8 byte-order mark: without it Excel opens a UTF-8 file as Windows-1258 and
    /// "Phường" becomes "PhÆ°á»ng". Every CSV *file* DanVan writes starts with it; CSV on
    /// standard output does not (it goes to other programs, which would read it as data).
    public static let byteOrderMark = "\u{FEFF}"

    public static func render(_ model: TableModel, bom: Bool = false) -> String {
        var out = (bom ? byteOrderMark : "") + model.columns.map { textField($0.name) }.joined(separator: ",") + "\r\n"
        for row in model.rows {
            let fields = model.columns.indices.map { field(spreadsheet(model.cell(row, $0))) }
            out += fields.joined(separator: ",") + "\r\n"
        }
        return out
    }

    public static func plain(_ value: CellValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let flag): return flag ? "1" : "0"
        case .integer(let number): return String(number)
        case .decimal(let number): return number.isFinite ? number.description : ""
        case .text(let text): return text
        case .named(let raw, _): return plain(raw)
        }
    }

    /// The cell as `plain` writes it, with a text (or a code's raw text) that starts like a
    /// formula marked: what a spreadsheet opens without running anything.
    public static func spreadsheet(_ value: CellValue) -> String {
        switch value {
        case .text(let text): return SpreadsheetText.neutralized(text)
        case .named(let raw, _): return spreadsheet(raw)
        default: return plain(value)
        }
    }

    /// A text field (a heading, a title, a label): marked if it starts like a formula, quoted as needed.
    public static func textField(_ text: String) -> String {
        field(SpreadsheetText.neutralized(text))
    }

    public static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }
}

/// An array with one object per row, keys in column order, one row per line. Text is UTF-8
/// as is ("Phường", not "Ph\u01b0\u1edd…"); only quotes, backslashes and control characters
/// are escaped. A non-finite decimal, which JSON cannot hold, is null.
public enum JSONFormat {
    public static func render(_ model: TableModel) -> String {
        guard !model.rows.isEmpty else { return "[]\n" }
        let objects = model.rows.map { row in
            let members = model.columns.indices.map { index in
                string(model.columns[index].name) + ": " + value(model.cell(row, index))
            }
            return "  {" + members.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    public static func value(_ cell: CellValue) -> String {
        switch cell {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .decimal(let number): return number.isFinite ? number.description : "null"
        case .text(let text): return string(text)
        case .named(let raw, _): return value(raw)
        }
    }

    public static func string(_ text: String) -> String { JSONText.string(text) }
}
