// Charts as inline SVG for the HTML report: drawn to the width of an A4 page's text (640
// units ≈ 165 mm) and scaled by the page. Printed reports are often black and white, so
// series are told apart by distinct greys and hatch patterns (never colour alone), every bar
// carries its value, and lines differ by dash and marker. Text is in the document's language
// (1.808; 2,5%) and uses the page's serif font.
import DanVanOutput
import VietText

public enum ReportSVG {
    static let width = 640.0
    static let fontFamily = "'Times New Roman', Times, 'Liberation Serif', Tinos, 'DejaVu Serif', serif"
    static let fontSize = 13.0

    /// The chart as an `<svg>` element; `id` makes its pattern names unique in the page.
    public static func render(_ chart: ReportChart, lang: Lang, id: String) -> String {
        guard !chart.categories.isEmpty, !chart.series.isEmpty else {
            return svg(height: 40, id: id, body: text(width / 2, 24, ReportText.noRows(lang), anchor: "middle"))
        }
        switch chart.kind {
        case .bar: return horizontalBars(chart, lang: lang, id: id, stacked: false)
        case .stacked: return horizontalBars(chart, lang: lang, id: id, stacked: true)
        case .line: return line(chart, lang: lang, id: id)
        case .pie: return pie(chart, lang: lang, id: id)
        }
    }

    // MARK: Shared pieces

    static func svg(height: Double, id: String, body: String) -> String {
        #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(format(width)) \#(format(height))" width="\#(format(width))" height="\#(format(height))" role="img" font-family="\#(fontFamily)" font-size="\#(format(fontSize))">"#
            + patterns(id) + body + "</svg>"
    }

    /// The fill of series `index`: greys and hatchings that stay apart in black and white.
    static func fill(_ index: Int, id: String) -> String {
        let fills = ["#1a1a1a", "#9a9a9a", "url(#\(id)-hatch)", "#d4d4d4", "url(#\(id)-cross)", "url(#\(id)-dots)", "#ffffff"]
        return fills[index % fills.count]
    }

    static func patterns(_ id: String) -> String {
        "<defs>"
            + #"<pattern id="\#(id)-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="white"/><line x1="0" y1="0" x2="0" y2="6" stroke="black" stroke-width="1.8"/></pattern>"#
            + #"<pattern id="\#(id)-cross" patternUnits="userSpaceOnUse" width="7" height="7"><rect width="7" height="7" fill="white"/><path d="M0 0L7 7M7 0L0 7" stroke="black" stroke-width="0.9"/></pattern>"#
            + #"<pattern id="\#(id)-dots" patternUnits="userSpaceOnUse" width="5" height="5"><rect width="5" height="5" fill="white"/><circle cx="2.5" cy="2.5" r="1.2" fill="black"/></pattern>"#
            + "</defs>"
    }

    /// Whether series `index`'s fill is so dark that a label on it is written in white.
    static func isDark(_ index: Int) -> Bool { index % 7 == 0 }

    /// A text element; `halo` draws a white outline under it, so it reads on a hatched fill.
    static func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start", size: Double? = nil,
                     bold: Bool = false, halo: Bool = false, colour: String? = nil) -> String {
        var attributes = #"x="\#(format(x))" y="\#(format(y))""#
        if let colour { attributes += #" fill="\#(colour)""# }
        if anchor != "start" { attributes += #" text-anchor="\#(anchor)""# }
        if let size { attributes += #" font-size="\#(format(size))""# }
        if bold { attributes += #" font-weight="bold""# }
        if halo { attributes += #" stroke="white" stroke-width="3" stroke-linejoin="round" paint-order="stroke""# }
        return "<text \(attributes)>\(escape(content))</text>"
    }

    /// A label inside a fill: white on the darkest fill, else black on a white patch, so a
    /// number stays readable on a hatching.
    static func insideLabel(_ x: Double, _ y: Double, _ content: String, fillIndex: Int, size: Double, bold: Bool = false) -> String {
        if isDark(fillIndex) { return text(x, y, content, anchor: "middle", size: size, bold: bold, colour: "white") }
        let w = textWidth(content, size: size) + 4
        return #"<rect x="\#(format(x - w / 2))" y="\#(format(y - size * 0.85))" width="\#(format(w))" height="\#(format(size * 1.15))" fill="white"/>"#
            + text(x, y, content, anchor: "middle", size: size, bold: bold)
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String) -> String {
        #"<rect x="\#(format(x))" y="\#(format(y))" width="\#(format(max(0, w)))" height="\#(format(max(0, h)))" fill="\#(fill)" stroke="black" stroke-width="0.6"/>"#
    }

    /// The legend of several series, in one row (wrapped when it does not fit): a swatch and
    /// the name. Gives the SVG text and its height.
    static func legend(_ series: [TerminalChart.Series], y: Double, id: String, lines: Bool = false) -> (String, Double) {
        guard series.count > 1 else { return ("", 0) }
        var out = ""
        var x = 8.0
        var row = y
        for (index, one) in series.enumerated() {
            let name = truncate(one.name, to: 180)
            let itemWidth = 22 + textWidth(name) + 16
            if x + itemWidth > width && x > 8 {
                x = 8
                row += 20
            }
            if lines {
                out += lineSample(x, row + 6, index: index)
            } else {
                out += rect(x, row, 14, 12, fill: fill(index, id: id))
            }
            out += text(x + (lines ? 26 : 19), row + 11, name)
            x += itemWidth + (lines ? 6 : 0)
        }
        return (out, row - y + 24)
    }

    /// A rounded, readable maximum for an axis and its step: 0…1.808 becomes 0…2.000 by 500.
    static func scale(_ maximum: Double, ticks: Int = 4) -> (top: Double, step: Double) {
        guard maximum > 0, maximum.isFinite else { return (1, 0.25) }
        let rough = maximum / Double(ticks)
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? rough
        return ((maximum / step).rounded(.up) * step, step)
    }

    /// An estimate of a text's width at `size`: the serif font's average letter is about half
    /// an em wide (there is no font metric at hand when writing the file).
    static func textWidth(_ text: String, size: Double = fontSize) -> Double {
        Double(text.count) * size * 0.52
    }

    static func truncate(_ text: String, to space: Double, size: Double = fontSize) -> String {
        let oneLine = CellText.oneLine(text)
        guard textWidth(oneLine, size: size) > space else { return oneLine }
        let keep = max(1, Int(space / (size * 0.52)) - 1)
        return String(oneLine.prefix(keep)) + "…"
    }

    /// A coordinate with at most one decimal, so the file stays short and stable.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func escape(_ text: String) -> String { ReportHTML.escape(text) }
}
