// A document's tables as CSV (RFC 4180, DanVanOutput's quoting), for a spreadsheet: UTF-8
// with a byte-order mark (without one Excel reads Vietnamese as mojibake), records ended by
// CRLF, each table under its title on a line of its own and a blank line between tables.
// Headings are the labels people read, in the document's language; numbers are written
// plainly (1808, 2.5) and dates as ISO (2024-10-15), which every spreadsheet reads as
// numbers and dates whatever its locale. A text that a spreadsheet would run as a formula
// (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'` (DanVanOutput's `SpreadsheetText`).
import DanVanOutput
import Foundation

public enum ReportCSV {
    public static func data(_ document: ReportDocument) -> Data {
        Data((CSVFormat.byteOrderMark + text(document)).utf8)
    }

    /// The CSV text, without the byte-order mark.
    public static func text(_ document: ReportDocument) -> String {
        document.tables.map(table).joined(separator: "\r\n")
    }

    static func table(_ table: ReportTable) -> String {
        var out = ""
        if let title = table.title { out += CSVFormat.textField(title) + "\r\n" }
        let model = table.model
        guard !model.columns.isEmpty else { return out }
        out += model.columns.map { CSVFormat.textField($0.label) }.joined(separator: ",") + "\r\n"
        for (rowIndex, row) in model.rows.enumerated() {
            let fields = model.columns.indices.map { column -> String in
                // English writes dates as ISO, what a spreadsheet reads in any locale.
                if let date = table.date(row: rowIndex, column: column) { return ReportText.date(date, .en) }
                // A reference or a code is written as people read it, under a heading people read
                // ("Phường Tân Hòa", not unit 549): this file is for a spreadsheet, not for import.
                if case .named(_, let text) = model.cell(row, column) { return CSVFormat.textField(text) }
                return CSVFormat.field(CSVFormat.spreadsheet(model.cell(row, column)))
            }
            out += fields.joined(separator: ",") + "\r\n"
        }
        return out
    }
}

