// Draws a TableModel as an aligned table for a terminal (or as plain ASCII). Widths are
// terminal cells from DisplayWidth, so Vietnamese (NFC or NFD), CJK and emoji line up.
// When the table is wider than the terminal, the widest columns are narrowed to a common cap
// and their cells cut with "…"; when it is longer than a screen, one screenful is drawn and a
// footer says how many rows remain and how to see them (`:more`). Colour (bold header, dim
// borders) is drawn only when the caller says so: on a terminal, never with NO_COLOR.
import VietText

public struct TableRenderer: Sendable {
    public enum Border: Sendable, Equatable {
        /// Unicode box drawing: ┌─┬─┐.
        case box
        /// ASCII: +-+-+, for terminals and files that cannot show box drawing.
        case ascii
    }

    public var lang: Lang
    public var border: Border
    public var color: Bool
    /// The terminal's width in cells; nil never cuts a cell (files, pipes).
    public var width: Int?
    /// The most rows drawn at once; nil draws them all.
    public var maxRows: Int?

    public init(lang: Lang, border: Border = .box, color: Bool = false, width: Int? = nil, maxRows: Int? = nil) {
        self.lang = lang
        self.border = border
        self.color = color
        self.width = width
        self.maxRows = maxRows
    }

    /// A cut column keeps at least this many cells: narrower, a cut value ("Ph…") is no
    /// longer recognisable, and it is better to let the terminal wrap the line.
    public static let minimumColumnWidth = 6

    public static let moreRows = Localized(
        vi: "… còn {0} dòng nữa (:more, :mode csv, hoặc | take N)",
        en: "… {0} more rows (:more, :mode csv, or | take N)")
    public static let oneMoreRow = Localized(
        vi: "… còn 1 dòng nữa (:more, :mode csv, hoặc | take N)",
        en: "… 1 more row (:more, :mode csv, or | take N)")
    public static let moreColumns = Localized(
        vi: "… còn {0} cột không vừa màn hình: {1} (:mode line, hoặc | select …)",
        en: "… {0} more columns did not fit: {1} (:mode line, or | select …)")
    public static let noRows = Localized(vi: "(0 dòng)", en: "(0 rows)")

    public struct Output: Sendable, Equatable {
        /// The drawn table, each line ending in "\n".
        public var text: String
        /// The first row not drawn, or nil when every row was drawn.
        public var nextRow: Int?
    }

    /// Draws the rows from `firstRow` on (at most `maxRows` of them).
    public func render(_ model: TableModel, from firstRow: Int = 0) -> Output {
        let columnCount = model.columns.count
        let start = min(max(firstRow, 0), model.rows.count)
        let end = maxRows.map { min(model.rows.count, start + max($0, 1)) } ?? model.rows.count
        let window = model.rows[start..<end]

        var headers = model.columns.map { CellText.oneLine($0.label) }
        var cells: [[String]] = window.map { row in
            (0..<columnCount).map { CellText.human(model.cell(row, $0), column: model.columns[$0], lang: lang) }
        }
        var rightAligned = (0..<columnCount).map { model.isNumeric(column: $0) }

        var widths = headers.map(DisplayWidth.of)
        for row in cells {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(text)) }
        }
        var hidden: [TableModel.Column] = []
        if let width {
            // Columns that cannot be shown readably are left out, from the right (the
            // catalog puts a table's telling columns first), and named in a footer.
            let shown = Self.columnsThatFit(widths, width: width)
            if shown < columnCount {
                hidden = Array(model.columns[shown...])
                headers = Array(headers.prefix(shown))
                cells = cells.map { Array($0.prefix(shown)) }
                rightAligned = Array(rightAligned.prefix(shown))
                widths = Array(widths.prefix(shown))
            }
            let overhead = 3 * widths.count + 1  // "│ " before each cell, " " after, the closing "│"
            widths = Self.fit(widths, into: width - overhead, minimum: Self.minimumColumnWidth)
        }

        var lines: [String] = []
        lines.append(rule(.top, widths))
        lines.append(line(headers, widths, rightAligned, header: true))
        if cells.isEmpty {
            lines.append(rule(.bottom, widths))
            lines.append(dim(Self.noRows(lang)))
        } else {
            lines.append(rule(.middle, widths))
            for row in cells { lines.append(line(row, widths, rightAligned, header: false)) }
            lines.append(rule(.bottom, widths))
        }
        if !hidden.isEmpty {
            lines.append(dim(Self.hiddenColumnsFooter(hidden.map(\.name), lang: lang, width: width)))
        }
        let remaining = model.rows.count - end
        if remaining > 0 {
            let footer = remaining == 1
                ? Self.oneMoreRow(lang)
                : Self.moreRows(lang, NumberText.integer(Int64(remaining), lang))
            lines.append(dim(footer))
        }
        return Output(text: lines.map { $0 + "\n" }.joined(), nextRow: remaining > 0 ? end : nil)
    }

    /// "… 17 more columns did not fit: movement, year, … (…)" on one line: the names are cut
    /// to what the terminal's width leaves, so the footer never pushes the header off screen.
    public static func hiddenColumnsFooter(_ names: [String], lang: Lang, width: Int?) -> String {
        let count = NumberText.integer(Int64(names.count), lang)
        let list = names.joined(separator: ", ")
        guard let width else { return moreColumns(lang, count, list) }
        let fixed = DisplayWidth.of(moreColumns(lang, count, ""))
        let budget = width - fixed - 1  // the last cell stays empty: writing it may wrap the line
        return moreColumns(lang, count, budget >= 4 ? DisplayWidth.truncate(list, to: budget) : "…")
    }

    // MARK: - Widths

    /// A column is shown only if it can keep this many cells (or its whole width, if less):
    /// enough for "Phường Tân…" to be told from "Phường Tây…".
    public static let readableColumnWidth = 12

    /// How many leading columns fit across `width` cells at their readable widths (at least one).
    public static func columnsThatFit(_ natural: [Int], width: Int) -> Int {
        var used = 1  // the closing border
        for (index, columnWidth) in natural.enumerated() {
            used += min(columnWidth, readableColumnWidth) + 3
            if used > width { return max(index, 1) }
        }
        return natural.count
    }

    /// Narrows `natural` widths to fit `available` cells: every column wider than a common cap
    /// is cut to it, the cap being the largest that fits (cells left over widen the cut
    /// columns from the left). Below `minimum` nothing more is cut and the table overflows.
    public static func fit(_ natural: [Int], into available: Int, minimum: Int) -> [Int] {
        func total(cap: Int) -> Int { natural.reduce(0) { $0 + min($1, cap) } }
        guard total(cap: Int.max) > available, let widest = natural.max() else { return natural }
        if total(cap: minimum) > available { return natural.map { min($0, minimum) } }
        var low = minimum
        var high = widest
        while low < high {
            let middle = (low + high + 1) / 2
            if total(cap: middle) <= available { low = middle } else { high = middle - 1 }
        }
        var widths = natural.map { min($0, low) }
        var spare = available - total(cap: low)
        for index in widths.indices where spare > 0 && natural[index] > widths[index] {
            widths[index] += 1
            spare -= 1
        }
        return widths
    }

    // MARK: - Drawing

    private enum RulePosition { case top, middle, bottom }

    private func rule(_ position: RulePosition, _ widths: [Int]) -> String {
        let horizontal: String
        let (left, join, right): (String, String, String)
        switch border {
        case .ascii:
            horizontal = "-"
            (left, join, right) = ("+", "+", "+")
        case .box:
            horizontal = "─"
            switch position {
            case .top: (left, join, right) = ("┌", "┬", "┐")
            case .middle: (left, join, right) = ("├", "┼", "┤")
            case .bottom: (left, join, right) = ("└", "┴", "┘")
            }
        }
        let runs = widths.map { String(repeating: horizontal, count: $0 + 2) }
        return dim(left + runs.joined(separator: join) + right)
    }

    private func line(_ texts: [String], _ widths: [Int], _ rightAligned: [Bool], header: Bool) -> String {
        let bar = dim(border == .box ? "│" : "|")
        var result = bar
        for (index, text) in texts.enumerated() {
            let cut = DisplayWidth.truncate(text, to: widths[index])
            var padded = DisplayWidth.pad(cut, to: widths[index], alignment: rightAligned[index] ? .right : .left)
            if header { padded = bold(padded) }
            result += " " + padded + " " + bar
        }
        return result
    }

    private func dim(_ text: String) -> String { color ? "\u{1B}[2m" + text + "\u{1B}[0m" : text }
    private func bold(_ text: String) -> String { color ? "\u{1B}[1m" + text + "\u{1B}[0m" : text }
}
