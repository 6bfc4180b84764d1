// Columns the binding adds to rows beyond the stored ones, where a question staff ask every
// day would otherwise need a join they should not have to write. Each is computed by SQL
// (DerivedSQL below), both when a pipeline is answered by SQL and when a whole table is loaded
// for memory, so the two paths cannot disagree:
// - `units.cluster`: the cluster of the unit in the latest year it (or, failing that, its
//   nearest ancestor) was a member of one;
// - `models.cluster`: the cluster of the model's unit in the model's year: the unit's own
//   membership that year, else that of its nearest ancestor (parent, grandparent, ... up to six
//   steps) that was a member that year; null when none was. "Models of 2024 counted by
//   cluster" is `models | where year == 2024 | group by cluster.name`;
// - `models.score`: the score of the model's latest evaluation (null when it has none), so
//   "average score by field" is `models | group by field.name | select key, avg(score)`;
// - `people.sort_name`: "given middle family", which sorts people the Vietnamese way (by
//   given name first) under the language's Vietnamese text order.
import DanVanLang
import DanVanStore
import GRDB
import VietText

/// A column the binding computes; the REPL shows its label and lists it in `:schema`.
public struct DerivedColumn: Sendable {
    public let name: String
    public let alias: String
    public let label: Localized
    /// The table a derived reference points at, or nil for a plain value.
    public let references: String?
    /// The type shown by `:schema`.
    public let type: ColumnType
}

public enum DerivedColumns {
    static let cluster = DerivedColumn(name: "cluster", alias: "cum", label: Localized(vi: "Cụm thi đua", en: "Cluster"),
                                       references: "clusters", type: .reference(table: "clusters"))

    /// The computed columns of `table`, after its stored ones, in row order.
    public static func columns(of table: String) -> [DerivedColumn] {
        switch table {
        case "units":
            return [cluster]
        case "models":
            return [cluster,
                    DerivedColumn(name: "score", alias: "diem", label: Localized(vi: "Điểm", en: "Score"),
                                  references: nil, type: .real)]
        case "people":
            return [DerivedColumn(name: "sort_name", alias: "ten_sap_xep",
                                  label: Localized(vi: "Tên để sắp xếp", en: "Sort name"),
                                  references: nil, type: .text)]
        default:
            return []
        }
    }
}

/// The SQL of the derived columns. Chosen over maintained columns (which every write and every
/// import would have to keep right), views and a recursive CTE over the whole unit tree (at a
/// city's scale, 70,000 units × 17 years of memberships: seconds per statement): each derived
/// value is a correlated subquery that walks up from its own row's unit a bounded number of
/// steps, one index seek per step (`units` by id, `cluster_members(unit, year)`, migration v3),
/// so a query pays for the rows it reads, not for the whole tree.
enum DerivedSQL {
    /// How far up the unit tree to look: thôn → xã → huyện → thành phố is three steps; six
    /// leaves room and stops a cycle in bad data.
    static let maxSteps = 6

    /// The unit itself, its parent, its grandparent... as SQL expressions.
    static func ancestors(of unit: String) -> [String] {
        var list = [unit]
        var current = unit
        for _ in 0..<maxSteps {
            current = "(SELECT p.parent FROM units AS p WHERE p.id = \(current))"
            list.append(current)
        }
        return list
    }

    /// The SQL of the derived `column` of `table` on the row aliased `alias`, or nil when the
    /// column is stored.
    static func expression(table: String, column: String, alias: String) -> String? {
        switch (table, column) {
        case ("models", "cluster"):
            // The nearest unit, going up from the model's unit, that was a member that year.
            let steps = ancestors(of: "\(alias).unit").map { unit in
                "(SELECT m.cluster FROM cluster_members AS m WHERE m.unit = \(unit) AND m.year = \(alias).year ORDER BY m.id DESC LIMIT 1)"
            }
            return "coalesce(" + steps.joined(separator: ", ") + ")"
        case ("units", "cluster"):
            // The latest year the unit or an ancestor was a member; the nearest one that year.
            let arms = ancestors(of: "\(alias).id").enumerated().map { depth, unit in
                "SELECT m.cluster AS c, m.year AS y, \(depth) AS d, m.id AS i FROM cluster_members AS m WHERE m.unit = \(unit)"
            }
            return "(SELECT c FROM (" + arms.joined(separator: " UNION ALL ") + ") ORDER BY y DESC, d, i DESC LIMIT 1)"
        case ("models", "score"):
            return """
                (SELECT e.score FROM evaluations AS e WHERE e.model = \(alias).id AND e.score IS NOT NULL \
                ORDER BY e.evaluated_on DESC, e.id DESC LIMIT 1)
                """
        case ("people", "sort_name"):
            // Null, not "", where a reference reached no person (a LEFT JOIN's missing row).
            return """
                CASE WHEN \(alias).id IS NULL THEN NULL \
                ELSE dv_sort_name(\(alias).given_name, \(alias).middle_name, \(alias).family_name) END
                """
        default:
            return nil
        }
    }

    /// Every column of a row of `table` (stored, then derived), as a select list.
    static func rowColumns(_ table: DanVanStore.Table, alias: String) -> String {
        var list = table.columns.map { "\(alias).\($0.name.quotedDatabaseIdentifier)" }
        for derived in DerivedColumns.columns(of: table.name) {
            list.append(expression(table: table.name, column: derived.name, alias: alias) ?? "NULL")
        }
        return list.joined(separator: ", ")
    }
}
