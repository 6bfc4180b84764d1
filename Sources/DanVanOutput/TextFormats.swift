// Markdown and line output: for people, so labels and numbers follow the session's language
// like the table does, but nothing is cut or limited to a screenful.
import VietText

/// A pipe table (GitHub/CommonMark extension). `|` inside a cell is escaped as `\|` and a
/// line break becomes `<br>`, the two things that would break the table; numeric columns
/// are right-aligned with `---:`.
public enum MarkdownFormat {
    public static func render(_ model: TableModel, lang: Lang) -> String {
        guard !model.columns.isEmpty else { return "" }
        var out = "| " + model.columns.map { escape($0.label) }.joined(separator: " | ") + " |\n"
        let rules = model.columns.indices.map { model.isNumeric(column: $0) ? "---:" : "---" }
        out += "| " + rules.joined(separator: " | ") + " |\n"
        for row in model.rows {
            let cells = model.columns.indices.map { index in
                escape(markdownText(model.cell(row, index), model.columns[index], lang))
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    private static func markdownText(_ value: CellValue, _ column: TableModel.Column, _ lang: Lang) -> String {
        if case .text(let text) = value { return text }
        if case .named(_, let text) = value { return text }
        return CellText.human(value, column: column, lang: lang)
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "\n", "\r\n", "\r": out += "<br>"
            default: out.append(character)
            }
        }
        return out
    }
}

/// One block per row, one `label = value` line per column, labels right-aligned, a blank
/// line between rows (the sqlite3 shell's `.mode line`).
public enum LineFormat {
    public static func render(_ model: TableModel, lang: Lang) -> String {
        let labels = model.columns.map { CellText.oneLine($0.label) }
        let width = labels.map(DisplayWidth.of).max() ?? 0
        let blocks = model.rows.map { row in
            model.columns.indices.map { index in
                DisplayWidth.pad(labels[index], to: width, alignment: .right) + " = "
                    + CellText.human(model.cell(row, index), column: model.columns[index], lang: lang)
            }.joined(separator: "\n") + "\n"
        }
        return blocks.joined(separator: "\n")
    }
}
