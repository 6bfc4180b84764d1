// The ways a table result can be written (`:mode`): an aligned table for reading on screen,
// CSV and JSON for other programs, markdown for reports, and one `column = value` block per
// row for wide rows. All render the same TableModel.
import VietText

public enum OutputMode: String, Sendable, CaseIterable {
    case table, csv, json, markdown, line

    public static let descriptions: [OutputMode: Localized] = [
        .table: Localized(vi: "bảng căn cột", en: "aligned table"),
        .csv: Localized(vi: "CSV (RFC 4180)", en: "CSV (RFC 4180)"),
        .json: Localized(vi: "JSON, mỗi dòng một đối tượng", en: "JSON, one object per row"),
        .markdown: Localized(vi: "bảng markdown", en: "markdown table"),
        .line: Localized(vi: "mỗi cột một dòng: cột = giá trị", en: "one line per column: column = value"),
    ]
}

/// Renders whole models in the non-table modes (they are never cut to a screenful: they
/// are how to see everything).
public enum ModelWriter {
    /// - Parameter bom: start CSV with the UTF-8 byte-order mark (a file's first result).
    public static func write(_ model: TableModel, mode: OutputMode, lang: Lang, bom: Bool = false) -> String {
        switch mode {
        case .csv: return CSVFormat.render(model, bom: bom)
        case .json: return JSONFormat.render(model)
        case .markdown: return MarkdownFormat.render(model, lang: lang)
        case .line: return LineFormat.render(model, lang: lang)
        case .table: return TableRenderer(lang: lang).render(model).text
        }
    }
}
