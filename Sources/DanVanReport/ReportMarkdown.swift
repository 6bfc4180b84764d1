// A document as Markdown, for reading in any editor or pasting into a message: the heading
// block as short lines, the title as `#`, headings one level below it, tables as pipe tables
// (DanVanOutput's MarkdownFormat), charts as the terminal drawing in a text block (Markdown has
// no portable picture), a placeholder as a quoted line, the signer at the end.
import DanVanOutput
import VietText

public enum ReportMarkdown {
    public static func render(_ document: ReportDocument) -> String {
        let lang = document.lang
        var parts: [String] = []
        if document.hasHeadingBlock { parts.append(headingBlock(document)) }
        if let title = document.title { parts.append("# " + oneLine(title)) }
        if let subtitle = document.subtitle { parts.append("**" + oneLine(subtitle) + "**") }
        for block in document.blocks {
            switch block {
            case .heading(let text, let level):
                parts.append(String(repeating: "#", count: min(level + 1, 6)) + " " + oneLine(text))
            case .paragraph(let text):
                parts.append(text)
            case .placeholder(let text):
                parts.append("> *[" + oneLine(text) + "]*")
            case .pageBreak:
                parts.append("---")
            case .figures(let figures):
                parts.append(table(figures.table(lang), lang))
            case .table(let table):
                parts.append(self.table(table, lang))
            case .chart(let chart):
                var text = chart.title.map { "**" + oneLine($0) + "**\n\n" } ?? ""
                var plain = chart
                plain.title = nil
                text += "```text\n" + plain.terminalText(lang) + "\n```"
                parts.append(text)
            }
        }
        if let signer = signerBlock(document) { parts.append(signer) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    static func headingBlock(_ document: ReportDocument) -> String {
        var left: [String] = []
        if let parent = document.parentIssuer { left.append(oneLine(parent)) }
        if let issuer = document.issuer { left.append("**" + oneLine(issuer) + "**") }
        if let number = document.number { left.append(numberLine(number)) }
        var right = document.motto.lines.map { "**" + $0 + "**" }
        if let line = ReportText.placeAndDate(place: document.place, date: document.date.map(DateParts.init), document.lang) {
            right.append("*" + line + "*")
        }
        // Two trailing spaces end a line inside a paragraph (a hard break).
        return [left, right].filter { !$0.isEmpty }.map { $0.joined(separator: "  \n") }.joined(separator: "\n\n")
    }

    static func numberLine(_ number: String) -> String { "Số: " + oneLine(number) }

    static func table(_ table: ReportTable, _ lang: Lang) -> String {
        var text = table.title.map { "**" + oneLine($0) + "**\n\n" } ?? ""
        if table.model.columns.isEmpty {
            text += "*" + ReportText.noRows(lang) + "*"
        } else {
            text += pipeTable(table.model, lang)
            if table.model.rows.isEmpty { text += "\n\n*" + ReportText.noRows(lang) + "*" }
        }
        if let note = table.note { text += "\n\n*" + oneLine(note) + "*" }
        return text
    }

    /// A pipe table as DanVanOutput's MarkdownFormat writes it (same escaping, number columns
    /// right-aligned), with cells as a report prints them (decimals with two digits at most).
    static func pipeTable(_ model: TableModel, _ lang: Lang) -> String {
        var lines = ["| " + model.columns.map { MarkdownFormat.escape($0.label) }.joined(separator: " | ") + " |"]
        lines.append("| " + model.columns.indices.map { model.isNumeric(column: $0) ? "---:" : "---" }.joined(separator: " | ") + " |")
        for row in model.rows {
            let cells = model.columns.enumerated().map { index, column in
                MarkdownFormat.escape(ReportText.cell(model.cell(row, index), column: column, lang))
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// The recipients ("Nơi nhận:") and the signer's title and name, as the document ends.
    static func signerBlock(_ document: ReportDocument) -> String? {
        var sections: [String] = []
        if !document.recipients.isEmpty {
            let heading = "***" + (document.lang == .vi ? "Nơi nhận:" : "Recipients:") + "***"
            sections.append(([heading] + document.recipients.map { "- " + oneLine($0) }).joined(separator: "\n"))
        }
        if let title = document.signerTitle { sections.append("**" + oneLine(title).uppercased() + "**") }
        if let signer = document.signer { sections.append("**" + oneLine(signer) + "**") }
        return sections.isEmpty ? nil : sections.joined(separator: "\n\n")
    }

    static func oneLine(_ text: String) -> String { CellText.oneLine(text) }
}
