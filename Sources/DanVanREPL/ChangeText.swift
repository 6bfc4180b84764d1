// How changes to the data read, in both languages, wherever they are shown: the line after
// an entry or a script that saved a change set ("saved change set #12: models: 3 rows
// updated"), a dry-run's summary, the preview before `Apply? [y/N]`, and `danvan changes`
// / `:changes` (a list as a table, one change set with its rows as `column: old → new`).
// The REPL engine and the executable both print from here, so they always agree.
import DanVanOutput
import DanVanStore
import Foundation
import VietText

public enum ChangeText {
    // MARK: Counts

    static let inserted = Localized(vi: "thêm {0} dòng", en: "{0} rows inserted")
    static let insertedOne = Localized(vi: "thêm 1 dòng", en: "1 row inserted")
    static let updated = Localized(vi: "sửa {0} dòng", en: "{0} rows updated")
    static let updatedOne = Localized(vi: "sửa 1 dòng", en: "1 row updated")
    static let deleted = Localized(vi: "xóa {0} dòng", en: "{0} rows deleted")
    static let deletedOne = Localized(vi: "xóa 1 dòng", en: "1 row deleted")

    /// "3 rows updated" / "sửa 3 dòng".
    public static func count(_ count: Int, action: String, _ lang: Lang) -> String {
        let (many, one): (Localized, Localized)
        switch action {
        case "insert": (many, one) = (inserted, insertedOne)
        case "delete": (many, one) = (deleted, deletedOne)
        default: (many, one) = (updated, updatedOne)
        }
        return count == 1 ? one(lang) : many(lang, VietFormat.integer(count, lang))
    }

    /// "models: 3 rows updated; units: 1 row deleted".
    public static func oneLine(_ summary: ChangeSummary, _ lang: Lang) -> String {
        summary.parts.map { "\($0.table): " + count($0.count, action: $0.action, lang) }.joined(separator: "; ")
    }

    // MARK: After an entry or a script

    static let saved = Localized(vi: "đã lưu lần thay đổi #{0}: {1}", en: "saved change set #{0}: {1}")
    static let savedInSandbox = Localized(
        vi: "đã lưu lần thay đổi #{0} vào bản sao thử (bỏ đi khi thoát): {1}",
        en: "saved change set #{0} in the sandbox copy (discarded at exit): {1}")
    static let dryRunHeading = Localized(
        vi: "Chạy thử: không thay đổi gì. Nếu chạy thật thì sẽ:",
        en: "Dry run: nothing was changed. For real, this would have:")
    static let dryRunNothing = Localized(
        vi: "Chạy thử: không thay đổi gì, và nếu chạy thật cũng không có dòng nào thay đổi.",
        en: "Dry run: nothing was changed, and for real no row would change either.")

    /// The one line that names a saved change set.
    public static func committed(_ id: Int64, _ summary: ChangeSummary?, sandbox: Bool = false, _ lang: Lang) -> String {
        let text = (sandbox ? savedInSandbox : saved)(lang, String(id), summary.map { oneLine($0, lang) } ?? "")
        return summary == nil ? String(text.dropLast(2)) : text
    }

    /// What a dry-run would have changed, and that nothing was: a heading, then per table and
    /// action its count and first rows. Ends with a line break.
    public static func dryRun(_ summary: ChangeSummary?, _ lang: Lang, width: Int? = nil) -> String {
        guard let summary, !summary.isEmpty else { return dryRunNothing(lang) + "\n" }
        return dryRunHeading(lang) + "\n" + parts(summary, lang, width: width)
    }

    static let moreRows = Localized(vi: "… và {0} dòng nữa", en: "… and {0} more rows")
    static let oneMoreRow = Localized(vi: "… và 1 dòng nữa", en: "… and 1 more row")

    /// Per table and action: "models: 3 rows updated", its rows indented under it, and how
    /// many more there are. Ends with a line break.
    public static func parts(_ summary: ChangeSummary, _ lang: Lang, width: Int? = nil, indent: String = "  ") -> String {
        var text = ""
        for part in summary.parts {
            text += indent + "\(part.table): " + count(part.count, action: part.action, lang) + "\n"
            for row in part.rows { text += self.row(row, indent: indent + "  ", width: width) + "\n" }
            let more = part.count - part.rows.count
            if more > 0 { text += indent + "  " + (more == 1 ? oneMoreRow(lang) : moreRows(lang, VietFormat.integer(more, lang))) + "\n" }
        }
        return text
    }

    /// A value is cut to this many cells in a row's line: one long text should not hide the
    /// other columns.
    static let valueCells = 48

    /// `#17  title: "old" → "new", status: "active" → "ended"`: an update's columns with
    /// both values, an insert's with the new one, a delete's with the old one.
    public static func row(_ row: ChangedRow, indent: String = "", width: Int? = nil) -> String {
        let table = Catalog.table(named: row.table)
        // An inserted or deleted row's empty columns say nothing.
        let kept = row.action == "update" ? row.columns : row.columns.filter { ($0.after ?? $0.before) != "null" }
        let columns = kept.map { column -> String in
            // A yes/no column reads as the language prints it, not as the stored 0 or 1.
            let isBool: Bool
            if case .bool? = table?.column(named: column.name)?.type { isBool = true } else { isBool = false }
            func shown(_ value: String?) -> String {
                if isBool, let value, value == "0" || value == "1" { return value == "1" ? "true" : "false" }
                return DisplayWidth.truncate(CellText.oneLine(value ?? "null"), to: valueCells)
            }
            switch row.action {
            case "insert": return "\(column.name): " + shown(column.after)
            case "delete": return "\(column.name): " + shown(column.before)
            default:
                if isBool { return "\(column.name): " + shown(column.before) + " → " + shown(column.after) }
                let (before, after) = changedTexts(CellText.oneLine(column.before ?? "null"),
                                                   CellText.oneLine(column.after ?? "null"))
                return "\(column.name): " + before + " → " + after
            }
        }
        let line = indent + "#\(row.id)  " + columns.joined(separator: ", ")
        guard let width, width > indent.count + 8 else { return line }
        return DisplayWidth.truncate(line, to: width)
    }

    /// Characters of the common beginning kept before the first difference when it is cut.
    static let contextBeforeChange = 16

    /// An update's old and new text, each cut to `valueCells`, so that what changed shows:
    /// when the two begin alike past the cut (a suffix added to a long title), both start a
    /// little before their first difference, after "…" (and the opening quote, when they have
    /// one), instead of both showing the same cut beginning.
    static func changedTexts(_ before: String, _ after: String) -> (String, String) {
        let cut = { (text: String) in DisplayWidth.truncate(text, to: valueCells) }
        guard DisplayWidth.of(before) > valueCells || DisplayWidth.of(after) > valueCells else { return (before, after) }
        var same = 0
        for (b, a) in zip(before, after) {
            guard b == a else { break }
            same += 1
        }
        // The difference shows in the plain cut when it begins well inside it.
        let shared = String(before.prefix(same))
        if DisplayWidth.of(shared) + 4 <= valueCells { return (cut(before), cut(after)) }
        // Never negative (a character is at most 2 cells wide, so `same` is past 20 here), but a
        // negative count would trap in `dropFirst`.
        let skip = max(0, same - contextBeforeChange)
        let opening = before.first == "\"" && after.first == "\"" ? "\"…" : "…"
        // Both drop the same beginning (theirs is common), spaces after it included.
        let from = { (text: String) in cut(opening + String(text.dropFirst(skip).drop(while: { $0 == " " }))) }
        return (from(before), from(after))
    }

    // MARK: Asking before a big step

    static let previewHeading = Localized(
        vi: "{0}: câu lệnh này sẽ {1} {2} dòng. {3} dòng đầu:",
        en: "{0}: this statement would {1} {2} rows. The first {3}:")
    static let previewAll = Localized(vi: "{0}: câu lệnh này sẽ {1} {2} dòng:", en: "{0}: this statement would {1} {2} rows:")
    static let previewUpTo = Localized(
        vi: "{0}: câu lệnh này chọn {2} dòng và sẽ {1} những dòng có giá trị thay đổi. {3} dòng đầu:",
        en: "{0}: this statement selects {2} rows and would {1} those whose values change. The first {3}:")
    static let previewOne = Localized(vi: "{0}: câu lệnh này sẽ {1} 1 dòng:", en: "{0}: this statement would {1} 1 row:")
    static let actionWords: [String: Localized] = [
        "insert": Localized(vi: "thêm", en: "insert"),
        "update": Localized(vi: "sửa", en: "update"),
        "delete": Localized(vi: "xóa", en: "delete"),
    ]
    /// The question, with its default (no) in capitals.
    public static let applyQuestion = Localized(vi: "Áp dụng? [c/K] ", en: "Apply? [y/N] ")

    /// The preview shown before `Apply? [y/N]`: the table, what would be done to how many
    /// rows, then the first rows. Ends with a line break.
    public static func preview(_ preview: StepPreview, _ lang: Lang, width: Int? = nil) -> String {
        let action = actionWords[preview.action].map { $0(lang) } ?? preview.action
        let count = VietFormat.integer(preview.count, lang)
        var text: String
        if !preview.exact {
            text = previewUpTo(lang, preview.table, action, count, String(preview.rows.count))
        } else if preview.count == 1 {
            text = previewOne(lang, preview.table, action)
        } else if preview.rows.count >= preview.count {
            text = previewAll(lang, preview.table, action, count)
        } else {
            text = previewHeading(lang, preview.table, action, count, String(preview.rows.count))
        }
        text += "\n"
        for row in preview.rows { text += self.row(row, indent: "  ", width: width) + "\n" }
        return text
    }

    /// Whether an answer to `Apply?` means yes: c, có, y, yes in any case; anything else
    /// (an empty line too) means no.
    public static func isYes(_ answer: String) -> Bool {
        let word = answer.trimmingCharacters(in: .whitespaces).nfc.lowercased()
        return ["c", "có", "co", "y", "yes"].contains(word)
    }

    // MARK: The change log

    static let columnLabels: [(name: String, label: Localized, groups: Bool)] = [
        ("id", Localized(vi: "Lần", en: "Change"), false),
        ("at", Localized(vi: "Lúc (UTC)", en: "At (UTC)"), false),
        ("user", Localized(vi: "Người", en: "User"), false),
        ("origin", Localized(vi: "Từ đâu", en: "Origin"), false),
        ("rows", Localized(vi: "Dòng", en: "Rows"), false),
        ("undo", Localized(vi: "Hoàn tác", en: "Undo"), false),
        ("statement", Localized(vi: "Câu lệnh", en: "Statement"), false),
    ]
    static let undoneBy = Localized(vi: "bị hoàn tác bởi #{0}", en: "undone by #{0}")
    static let undoes = Localized(vi: "hoàn tác #{0}", en: "undoes #{0}")
    /// A statement in the list is cut to this many cells (its first line only): the whole
    /// text is in `danvan changes ID`.
    static let statementCells = 60

    /// Change sets as a table: id, when, who, from where, rows inserted ~ updated − deleted,
    /// undo links, and the statement's first line.
    public static func list(_ changes: [ChangeSetInfo], _ lang: Lang) -> TableModel {
        let columns = columnLabels.map { TableModel.Column(name: $0.name, label: $0.label(lang), groupsDigits: $0.groups) }
        let rows: [[CellValue]] = changes.map { change in
            var links: [String] = []
            if let target = change.undoes { links.append(undoes(lang, String(target))) }
            if let by = change.undoneBy { links.append(undoneBy(lang, String(by))) }
            return [.integer(change.id), .text(String(change.at.prefix(16))), .text(change.user), .text(change.origin),
                    .text(rowCounts(change)),
                    links.isEmpty ? .null : .text(links.joined(separator: ", ")),
                    .text(firstLine(change.statement))]
        }
        return TableModel(columns: columns, rows: rows)
    }

    /// `+2 ~3 −1`: rows inserted, updated, deleted, leaving out the kinds with none.
    static func rowCounts(_ change: ChangeSetInfo) -> String {
        let parts = [("+", change.inserted), ("~", change.updated), ("−", change.deleted)].filter { $0.1 > 0 }
        return parts.isEmpty ? "0" : parts.map { "\($0.0)\($0.1)" }.joined(separator: " ")
    }

    /// The statement's first line, cut to `statementCells`, with "…" when anything was left out.
    /// The place of a statement typed in the session or given to eval (`<repl 3>:1: `) is
    /// left out; a script's (`fix.dv:4: `) is kept.
    static func firstLine(_ statement: String) -> String {
        let lines = statement.split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first else { return "" }
        let line = CellText.oneLine(withoutPromptPlace(String(first)))
        let cut = DisplayWidth.truncate(line, to: statementCells)
        if cut != line || lines.count == 1 { return cut }
        return line + " …"
    }

    /// `<repl 3>:1: models | …` without `<repl 3>:1: `: a place in angle brackets is not a file.
    static func withoutPromptPlace(_ line: String) -> String {
        guard line.hasPrefix("<"), let close = line.firstIndex(of: ">") else { return line }
        let rest = line[line.index(after: close)...]
        guard rest.hasPrefix(":") else { return line }
        let afterColon = rest.dropFirst()
        let digits = afterColon.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, afterColon.dropFirst(digits.count).hasPrefix(": ") else { return line }
        return String(afterColon.dropFirst(digits.count + 2))
    }

    static let header = Localized(vi: "Lần thay đổi #{0} · {1} UTC · {2} · {3}", en: "Change set #{0} · {1} UTC · {2} · {3}")
    static let statementLabel = Localized(vi: "Câu lệnh:", en: "Statement:")
    static let undoneByLine = Localized(vi: "Đã được hoàn tác bởi lần thay đổi #{0}.", en: "Undone by change set #{0}.")
    static let undoesLine = Localized(vi: "Lần này hoàn tác lần thay đổi #{0}.", en: "This undoes change set #{0}.")
    static let rowsHeading = Localized(vi: "Các dòng đã thay đổi ({0}):", en: "Rows changed ({0}):")

    /// One change set: its header, statement, undo links, then per table and action its
    /// rows. Ends with a line break.
    public static func detail(_ change: ChangeSetInfo, _ summary: ChangeSummary, _ lang: Lang, width: Int? = nil) -> String {
        var text = header(lang, String(change.id), change.at, change.user, change.origin) + "\n"
        text += statementLabel(lang) + "\n"
        for line in change.statement.split(separator: "\n", omittingEmptySubsequences: true) {
            text += "  " + CellText.oneLine(withoutPromptPlace(String(line))) + "\n"
        }
        if let target = change.undoes { text += undoesLine(lang, String(target)) + "\n" }
        if let by = change.undoneBy { text += undoneByLine(lang, String(by)) + "\n" }
        let total = change.inserted + change.updated + change.deleted
        text += rowsHeading(lang, VietFormat.integer(total, lang)) + "\n"
        return text + parts(summary, lang, width: width)
    }
}
