// A document as one self-contained HTML file, laid out as a Vietnamese administrative
// document printed on A4 (Decree 30/2020/NĐ-CP): the heading block as two columns (the
// issuing body on the left with the document number, the motto and the place-and-date line
// on the right), the centred title, the body in a Times-like serif, tables with borders whose
// header repeats on every printed page, charts as inline SVG, and the signer at the end.
// No script, no network: the file opens the same in any browser and mail client.
import DanVanOutput
import VietText

public enum ReportHTML {
    public static func render(_ document: ReportDocument) -> String {
        let lang = document.lang
        var body = ""
        if document.hasHeadingBlock { body += headingBlock(document) }
        if let title = document.title { body += #"<h1 class="title">\#(escape(title))</h1>"# + "\n" }
        if let subtitle = document.subtitle { body += #"<p class="subtitle">\#(escape(subtitle))</p>"# + "\n" }
        if document.title != nil || document.subtitle != nil { body += #"<div class="title-rule"></div>"# + "\n" }
        var charts = 0
        for block in document.blocks {
            switch block {
            case .heading(let text, let level):
                let tag = "h\(min(level + 1, 5))"
                body += "<\(tag)>\(escape(text))</\(tag)>\n"
            case .paragraph(let text):
                body += "<p>" + escape(text).replacingOccurrences(of: "\n", with: "<br>") + "</p>\n"
            case .placeholder(let text):
                body += #"<div class="placeholder">\#(escape(text).replacingOccurrences(of: "\n", with: "<br>"))</div>"# + "\n"
            case .pageBreak:
                body += #"<div class="page-break"></div>"# + "\n"
            case .figures(let figures):
                body += table(figures.table(lang), lang, className: "data figures")
            case .table(let table):
                body += self.table(table, lang, className: "data")
            case .chart(let chart):
                charts += 1
                body += #"<figure class="chart">"#
                if let title = chart.title { body += "<figcaption>\(escape(title))</figcaption>" }
                body += ReportSVG.render(chart, lang: lang, id: "chart\(charts)") + "</figure>\n"
            }
        }
        body += signerBlock(document)
        let title = document.title ?? (lang == .vi ? "Báo cáo" : "Report")
        return """
            <!DOCTYPE html>
            <html lang="\(lang.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            \(ReportHTML.css)</style>
            </head>
            <body>
            <main class="page">
            \(body)</main>
            </body>
            </html>

            """
    }

    /// The heading block: a two-column table, so that it prints the same in every browser.
    static func headingBlock(_ document: ReportDocument) -> String {
        var left = ""
        if let parent = document.parentIssuer { left += #"<div class="parent-issuer">\#(escape(parent))</div>"# }
        if let issuer = document.issuer { left += #"<div class="issuer-name">\#(escape(issuer))</div>"# }
        if document.issuer != nil || document.parentIssuer != nil { left += #"<div class="rule"></div>"# }
        if let number = document.number { left += #"<div class="number">Số: \#(escape(number))</div>"# }
        var right = ""
        let motto = document.motto.lines
        for (index, line) in motto.enumerated() {
            let last = index == motto.count - 1
            right += last ? #"<div class="motto"><span class="ruled">\#(escape(line))</span></div>"#
                : #"<div class="motto">\#(escape(line))</div>"#
        }
        if let line = ReportText.placeAndDate(place: document.place, date: document.date.map(DateParts.init), document.lang) {
            right += #"<div class="place-date">\#(escape(line))</div>"#
        }
        return #"<table class="heading-block"><tr><td class="issuer">\#(left)</td><td class="motto-cell">\#(right)</td></tr></table>"# + "\n"
    }

    static let wideTableColumns = 9

    static func table(_ table: ReportTable, _ lang: Lang, className: String) -> String {
        let model = table.model
        // Nine columns or more on the 165 mm of an A4 line leave a name column one word wide at
        // 12 pt (a unit's name on four lines): such a table is set smaller.
        let wide = model.columns.count >= wideTableColumns ? " wide" : ""
        var out = #"<table class="\#(className)\#(wide)">"#
        if let title = table.title { out += "<caption>\(escape(title))</caption>" }
        if model.columns.isEmpty {
            out += #"<tbody><tr><td class="empty">\#(escape(ReportText.noRows(lang)))</td></tr></tbody></table>"# + "\n"
            return out + note(table)
        }
        let numeric = model.columns.indices.map { model.isNumeric(column: $0) }
        out += "<thead><tr>" + model.columns.map { "<th>\(escape($0.label))</th>" }.joined() + "</tr></thead><tbody>"
        for row in model.rows {
            out += "<tr>"
            for (index, column) in model.columns.enumerated() {
                let text = escape(ReportText.cell(model.cell(row, index), column: column, lang))
                out += numeric[index] || model.cell(row, index).isNumber ? #"<td class="num">\#(text)</td>"# : "<td>\(text)</td>"
            }
            out += "</tr>"
        }
        if model.rows.isEmpty {
            out += #"<tr><td class="empty" colspan="\#(model.columns.count)">\#(escape(ReportText.noRows(lang)))</td></tr>"#
        }
        return out + "</tbody></table>\n" + note(table)
    }

    static func note(_ table: ReportTable) -> String {
        table.note.map { #"<p class="note">\#(escape($0))</p>"# + "\n" } ?? ""
    }

    /// "Nơi nhận:" with the recipients on the left, the signer's title and name on the right.
    static func signerBlock(_ document: ReportDocument) -> String {
        guard document.signer != nil || document.signerTitle != nil || !document.recipients.isEmpty else { return "" }
        var left = ""
        if !document.recipients.isEmpty {
            left = #"<div class="recipients-title">\#(document.lang == .vi ? "Nơi nhận:" : "Recipients:")</div><ul>"#
                + document.recipients.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
        }
        var right = ""
        if let title = document.signerTitle { right += #"<div class="signer-title">\#(escape(title))</div>"# }
        if let signer = document.signer { right += #"<div class="signer-name">\#(escape(signer))</div>"# }
        return #"<table class="signature"><tr><td class="recipients">\#(left)</td><td class="signer">\#(right)</td></tr></table>"# + "\n"
    }

    /// Text for HTML: the characters that would start markup or end an attribute.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
