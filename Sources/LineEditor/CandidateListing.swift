// Lays out completion candidates in columns below the line, the way `ls` does: sorted down
// the columns, each column as wide as its widest entry in terminal cells (DisplayWidth, so
// Vietnamese and CJK names line up).
import VietText

enum CandidateListing {
    /// More than this many candidates are not all shown: a list longer than a screen is no
    /// help, and the user can type more letters.
    static let maxShown = 200

    /// The lines to print for `items` on a terminal `width` cells wide.
    static func lines(_ items: [String], width: Int, limit: Int? = nil, more: (Int) -> String) -> [String] {
        guard !items.isEmpty else { return [] }
        let shown = Array(items.prefix(max(1, min(limit ?? maxShown, maxShown))))
        let gap = 2
        let widest = shown.map(DisplayWidth.of).max() ?? 0
        let columnWidth = widest + gap
        let columns = max(1, (max(width, 1) + gap) / columnWidth)
        let rows = (shown.count + columns - 1) / columns
        var lines: [String] = []
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                let isLast = column == columns - 1 || (column + 1) * rows + row >= shown.count
                line += isLast ? shown[index] : DisplayWidth.pad(shown[index], to: columnWidth)
            }
            lines.append(line)
        }
        if items.count > shown.count { lines.append(more(items.count - shown.count)) }
        return lines
    }
}
