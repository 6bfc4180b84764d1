// A document's tables as an Excel workbook (.xlsx), one sheet per table or set of key
// figures, written by hand as the smallest SpreadsheetML that Excel, LibreOffice and openpyxl
// read (../shared/notes/dependencies.md §2), zipped with ZIPFoundation. Numbers are number
// cells (counts with a thousands format, so the spreadsheet groups them in its own locale),
// dates real date cells shown dd/mm/yyyy, text inline strings; the header row is bold and
// stays in view when scrolling; column widths follow the content. A text is always a string
// cell, never a formula, so `=HYPERLINK(...)` is shown and not run; one that starts like a
// formula also gets the style `quotePrefix` (what Excel gives a cell typed with a leading '),
// so that editing the cell in the spreadsheet keeps it text.
import DanVanOutput
import Foundation
import VietText
import ZIPFoundation

public enum ReportXLSX {
    /// Style indexes of `styles.xml`'s cellXfs.
    enum Style: Int {
        case plain = 0, date = 1, header = 2, grouped = 3, quoted = 4
    }

    static let xmlHeader = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    public static func data(_ document: ReportDocument) throws -> Data {
        var tables = document.tables
        if tables.isEmpty { tables = [ReportTable(model: TableModel(labels: [], rows: []))] }
        let names = sheetNames(tables.map(\.title), document.lang)
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts(tables, names: names, lang: document.lang) {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: .deflate) { position, size in
                let start = Int(position)
                return bytes.subdata(in: start..<min(start + size, bytes.count))
            }
        }
        guard let data = archive.data else {
            throw ReportError(ReportMessages.cannotWrite, ["xlsx", "ZIPFoundation gave no data"])
        }
        return data
    }

    /// Every part of the workbook, by path, in the order the note's verified file has them.
    public static func parts(_ tables: [ReportTable], names: [String], lang: Lang) -> [(String, String)] {
        let sheets = names.indices.map { "sheet\($0 + 1).xml" }
        let overrides = sheets.map {
            #"<Override PartName="/xl/worksheets/\#($0)" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }.joined()
        let contentTypes = #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + overrides
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#
        let rels = #"<Relationships xmlns="\#(relationships)"><Relationship Id="rId1" Type="\#(officeRelationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        let sheetList = names.enumerated().map { index, name in
            #"<sheet name="\#(escape(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }.joined()
        let workbook = #"<workbook xmlns="\#(main)" xmlns:r="\#(officeRelationships)"><sheets>\#(sheetList)</sheets></workbook>"#
        let sheetRels = sheets.enumerated().map { index, sheet in
            #"<Relationship Id="rId\#(index + 1)" Type="\#(officeRelationships)/worksheet" Target="worksheets/\#(sheet)"/>"#
        }.joined()
        let workbookRels = #"<Relationships xmlns="\#(relationships)">\#(sheetRels)<Relationship Id="rId\#(sheets.count + 1)" Type="\#(officeRelationships)/styles" Target="styles.xml"/></Relationships>"#
        var parts = [("[Content_Types].xml", contentTypes), ("_rels/.rels", rels), ("xl/workbook.xml", workbook),
                     ("xl/_rels/workbook.xml.rels", workbookRels), ("xl/styles.xml", styles)]
        for (index, table) in tables.enumerated() where index < sheets.count {
            parts.append(("xl/worksheets/" + sheets[index], sheet(table, lang: lang)))
        }
        return parts.map { ($0.0, xmlHeader + $0.1) }
    }

    /// Fonts: 0 normal, 1 bold. Cell styles (`Style`): plain, date dd/mm/yyyy, bold header,
    /// integer with thousands (built-in format 3, "#,##0"), text kept as text (`quotePrefix`).
    static let styles = #"<styleSheet xmlns="\#(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#

    /// One worksheet: the header row (frozen), then one row per table row.
    static func sheet(_ table: ReportTable, lang: Lang) -> String {
        let model = table.model
        var widths = model.columns.map { DisplayWidth.of($0.label) }
        var rows = ""
        if model.columns.isEmpty {
            rows = #"<row r="1">"# + textCell("A1", ReportText.noRows(lang), style: .plain) + "</row>"
        } else {
            rows = #"<row r="1">"# + model.columns.enumerated().map { index, column in
                textCell(reference(index, 1), column.label, style: .header)
            }.joined() + "</row>"
            for (rowIndex, row) in model.rows.enumerated() {
                let number = rowIndex + 2
                var cells = ""
                for (index, column) in model.columns.enumerated() {
                    let at = reference(index, number)
                    let value = model.cell(row, index)
                    if let date = table.date(row: rowIndex, column: index) {
                        cells += #"<c r="\#(at)" s="\#(Style.date.rawValue)"><v>\#(date.serial)</v></c>"#
                        widths[index] = max(widths[index], 10)
                        continue
                    }
                    widths[index] = max(widths[index], DisplayWidth.of(ReportText.cell(value, column: column, lang)))
                    switch value {
                    case .null: break
                    case .bool(let flag): cells += #"<c r="\#(at)" t="b"><v>\#(flag ? 1 : 0)</v></c>"#
                    case .integer(let integer):
                        let style = column.groupsDigits ? #" s="\#(Style.grouped.rawValue)""# : ""
                        cells += #"<c r="\#(at)"\#(style)><v>\#(integer)</v></c>"#
                    case .decimal(let decimal) where decimal.isFinite:
                        cells += #"<c r="\#(at)"><v>\#(decimal)</v></c>"#
                    case .decimal: break
                    case .text(let text): cells += textCell(at, text, style: .plain)
                    // A reference or a code reads as its name or label, as on screen.
                    case .named(_, let text): cells += textCell(at, text, style: .plain)
                    }
                }
                rows += #"<row r="\#(number)">\#(cells)</row>"#
            }
        }
        // Excel's width unit is about one character of the default font; two more for the margins.
        let columns = widths.enumerated().map { index, width in
            #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(min(max(width + 2, 8), 60))" customWidth="1"/>"#
        }.joined()
        let cols = columns.isEmpty ? "" : "<cols>\(columns)</cols>"
        let frozen = #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        return #"<worksheet xmlns="\#(main)">\#(model.columns.isEmpty ? "" : frozen)\#(cols)<sheetData>\#(rows)</sheetData></worksheet>"#
    }

    static func textCell(_ at: String, _ text: String, style: Style) -> String {
        let style = style == .plain && SpreadsheetText.startsLikeFormula(text) ? .quoted : style
        let styled = style == .plain ? "" : #" s="\#(style.rawValue)""#
        return #"<c r="\#(at)"\#(styled) t="inlineStr"><is><t xml:space="preserve">\#(escape(text))</t></is></c>"#
    }

    /// "A1", "AB12": the column letters of a 0-based index and a 1-based row.
    static func reference(_ column: Int, _ row: Int) -> String {
        var letters = ""
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return letters + String(row)
    }

    /// Text for XML: the five special characters escaped, and the control characters XML 1.0
    /// forbids dropped (a spreadsheet would refuse the whole file for one of them).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
