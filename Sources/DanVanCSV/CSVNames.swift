// Finds tables and columns by the names people write: the canonical name (`units`, `name`),
// the Vietnamese alias (`don_vi`, `ten`), either with any case or diacritics ("Tên" is
// `ten`), and, when it names exactly one, the display label ("Đơn vị cha", "Parent").
// Earlier kinds of match win, so a header cell never silently lands on the wrong column
// when one column's label happens to fold to another column's alias.
import DanVanStore
import VietText

public enum CSVNames {
    /// The table called `name` on the command line.
    public static func table(named name: String) -> Table? {
        let candidates = Catalog.tables.map {
            (item: $0, names: [$0.name, $0.alias], labels: [$0.label.vi, $0.label.en])
        }
        return match(name, in: candidates)
    }

    /// The column of `table` a header cell names.
    public static func column(in table: Table, header: String) -> Column? {
        let candidates = table.columns.map {
            (item: $0, names: [$0.name, $0.alias], labels: [$0.label.vi, $0.label.en])
        }
        return match(header, in: candidates)
    }

    /// The key two spellings share: folded, with runs of spaces and dashes as one `_`.
    static func key(_ text: String) -> String {
        var out = ""
        var pendingUnderscore = false
        for character in VietFold.fold(text) {
            if character == " " || character == "_" || character == "-" {
                pendingUnderscore = !out.isEmpty
                continue
            }
            if pendingUnderscore { out.append("_"); pendingUnderscore = false }
            out.append(character)
        }
        return out
    }

    private static func match<T>(_ text: String, in candidates: [(item: T, names: [String], labels: [String])]) -> T? {
        let trimmed = CellParser.trimSpaces(text)
        // 1. Exactly a name or an alias.
        if let exact = candidates.first(where: { $0.names.contains(trimmed) }) { return exact.item }
        // 2. A name or alias up to case, diacritics and separators.
        let wanted = key(trimmed)
        guard !wanted.isEmpty else { return nil }
        if let folded = candidates.first(where: { $0.names.contains { key($0) == wanted } }) {
            return folded.item
        }
        // 3. A label, when only one candidate has it.
        let byLabel = candidates.filter { $0.labels.contains { key($0) == wanted } }
        return byLabel.count == 1 ? byLabel[0].item : nil
    }
}
