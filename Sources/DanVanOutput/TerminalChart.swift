// Charts drawn with Unicode blocks for a terminal: what `chart(rows, x:, y:)` returns without
// a document, so the REPL, `show()` and `eval` print it as it is, and what a Markdown report
// puts in a text block. Pure drawing: categories and numbers in, text out; labels are aligned
// by terminal cells (DisplayWidth), so Vietnamese labels and wide characters line up.
import VietText

public enum TerminalChart {
    /// One named list of values, one per category.
    public struct Series: Sendable, Equatable {
        public var name: String
        public var values: [Double]

        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    public enum Style: Sendable, Equatable {
        /// One bar per category and series (bar and line charts).
        case bars
        /// The series of a category end to end in one bar, each with its own fill.
        case stacked
        /// One series as shares of its total (a pie chart), with percentages.
        case share
    }

    /// The longest bar, in cells: 40 leaves room for a label and the value on 80 columns.
    public static let barCells = 40
    /// A label longer than this is cut with "…", so one long name does not push every bar off the screen.
    public static let labelCells = 28
    /// An eighth of a cell per step, so close values still differ.
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    /// The fills of stacked segments, darkest first, told apart without colour.
    static let fills: [Character] = ["█", "▓", "▒", "░"]

    public static func render(title: String?, categories: [String], series: [Series], style: Style,
                              lang: Lang) -> String {
        var lines: [String] = []
        if let title, !title.isEmpty { lines.append(title) }
        guard !categories.isEmpty, !series.isEmpty else {
            lines.append(Localized(vi: "(0 dòng)", en: "(0 rows)")(lang))
            return lines.joined(separator: "\n")
        }
        let labels = categories.map { DisplayWidth.truncate(CellText.oneLine($0), to: labelCells) }
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
        switch style {
        case .bars: lines += bars(labels, labelWidth, series, lang)
        case .stacked: lines += stacked(labels, labelWidth, series, lang)
        case .share: lines += share(labels, labelWidth, series.first?.values ?? [], lang)
        }
        return lines.joined(separator: "\n")
    }

    /// `value` as a person reads it in `lang`: whole numbers grouped, others with two decimals at most.
    public static func number(_ value: Double, _ lang: Lang) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return VietFormat.integer(Int(value), lang)
        }
        return VietFormat.decimal(value, lang)
    }

    /// A bar of `value / maximum` of `cells` cells, in eighths of a cell.
    public static func bar(_ value: Double, maximum: Double, cells: Int = barCells) -> String {
        guard maximum > 0, value > 0, value.isFinite else { return "" }
        let eighthsCount = Int((min(value / maximum, 1) * Double(cells * 8)).rounded())
        let full = String(repeating: "█", count: eighthsCount / 8)
        return full + eighths[eighthsCount % 8]
    }

    private static func bars(_ labels: [String], _ labelWidth: Int, _ series: [Series], _ lang: Lang) -> [String] {
        let maximum = series.flatMap(\.values).filter(\.isFinite).max() ?? 0
        let names = series.map { DisplayWidth.truncate(CellText.oneLine($0.name), to: labelCells) }
        let nameWidth = series.count > 1 ? (names.map(DisplayWidth.of).max() ?? 0) : 0
        var lines: [String] = []
        for (index, label) in labels.enumerated() {
            for (position, one) in series.enumerated() {
                let value = index < one.values.count ? one.values[index] : 0
                var line = DisplayWidth.pad(position == 0 ? label : "", to: labelWidth)
                if series.count > 1 { line += "  " + DisplayWidth.pad(names[position], to: nameWidth) }
                line += " " + bar(value, maximum: maximum) + " " + number(value, lang)
                lines.append(line)
            }
        }
        return lines
    }

    private static func stacked(_ labels: [String], _ labelWidth: Int, _ series: [Series], _ lang: Lang) -> [String] {
        let totals = labels.indices.map { index in
            series.reduce(0.0) { sum, one in sum + max(0, index < one.values.count ? one.values[index] : 0) }
        }
        let maximum = totals.max() ?? 0
        var lines: [String] = []
        for (index, label) in labels.enumerated() {
            var text = ""
            var drawn = 0.0
            var cellsSoFar = 0
            for (position, one) in series.enumerated() {
                drawn += max(0, index < one.values.count ? one.values[index] : 0)
                // Each segment ends where the running total ends, so rounding never adds up.
                let end = maximum > 0 ? Int((drawn / maximum * Double(barCells)).rounded()) : 0
                text += String(repeating: fills[position % fills.count], count: max(0, end - cellsSoFar))
                cellsSoFar = max(cellsSoFar, end)
            }
            lines.append(DisplayWidth.pad(label, to: labelWidth) + " " + text + " " + number(totals[index], lang))
        }
        let legend = series.enumerated().map { "\(fills[$0.offset % fills.count]) \(CellText.oneLine($0.element.name))" }
        lines.append(legend.joined(separator: "   "))
        return lines
    }

    private static func share(_ labels: [String], _ labelWidth: Int, _ values: [Double], _ lang: Lang) -> [String] {
        let total = values.reduce(0) { $0 + max(0, $1) }
        return labels.enumerated().map { index, label in
            let value = index < values.count ? values[index] : 0
            let ratio = total > 0 ? max(0, value) / total : 0
            return DisplayWidth.pad(label, to: labelWidth) + " " + bar(ratio, maximum: 1) + " "
                + number(value, lang) + " (" + NumberText.fixed(ratio * 100, digits: 1, lang) + "%)"
        }
    }
}
