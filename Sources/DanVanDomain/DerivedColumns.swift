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
/// import would have to keep right) and over views (which SQLite cannot index): a recursive
/// CTE walks the unit tree once per statement (`dv_member`: each unit's cluster per year,
/// through its nearest member ancestor), and correlated subqueries read it and the latest
/// evaluation through indexes (migration v3).
enum DerivedSQL {
    /// The CTE that `models.cluster` and `units.cluster` read: (unit, year, cluster) for every
    /// unit and every year in which it or an ancestor was a member, the nearest member winning
    /// (then the latest membership row).
    static let membershipCTE = """
        WITH RECURSIVE dv_up(unit, ancestor, depth) AS (
          SELECT id, id, 0 FROM units
          UNION ALL
          SELECT dv_up.unit, units.parent, dv_up.depth + 1 FROM dv_up JOIN units ON units.id = dv_up.ancestor
          WHERE units.parent IS NOT NULL AND dv_up.depth < 6),
        dv_member(unit, year, cluster) AS MATERIALIZED (
          SELECT unit, year, cluster FROM (
            SELECT dv_up.unit AS unit, m.year AS year, m.cluster AS cluster,
                   row_number() OVER (PARTITION BY dv_up.unit, m.year ORDER BY dv_up.depth, m.id DESC) AS rank
            FROM dv_up JOIN cluster_members AS m ON m.unit = dv_up.ancestor)
          WHERE rank = 1)
        """

    /// The SQL of the derived `column` of `table` on the row aliased `alias`, or nil when the
    /// column is stored.
    static func expression(table: String, column: String, alias: String) -> (sql: String, usesMembership: Bool)? {
        switch (table, column) {
        case ("models", "cluster"):
            return ("(SELECT c.cluster FROM dv_member AS c WHERE c.unit = \(alias).unit AND c.year = \(alias).year)", true)
        case ("units", "cluster"):
            return ("(SELECT c.cluster FROM dv_member AS c WHERE c.unit = \(alias).id ORDER BY c.year DESC LIMIT 1)", true)
        case ("models", "score"):
            return ("""
                (SELECT e.score FROM evaluations AS e WHERE e.model = \(alias).id AND e.score IS NOT NULL \
                ORDER BY e.evaluated_on DESC, e.id DESC LIMIT 1)
                """, false)
        case ("people", "sort_name"):
            // Null, not "", where a reference reached no person (a LEFT JOIN's missing row).
            return ("""
                CASE WHEN \(alias).id IS NULL THEN NULL \
                ELSE dv_sort_name(\(alias).given_name, \(alias).middle_name, \(alias).family_name) END
                """, false)
        default:
            return nil
        }
    }

    /// Every column of a row of `table` (stored, then derived), as a select list.
    static func rowColumns(_ table: DanVanStore.Table, alias: String) -> String {
        var list = table.columns.map { "\(alias).\($0.name.quotedDatabaseIdentifier)" }
        for derived in DerivedColumns.columns(of: table.name) {
            list.append(expression(table: table.name, column: derived.name, alias: alias)?.sql ?? "NULL")
        }
        return list.joined(separator: ", ")
    }

    /// Whether loading whole rows of `table` needs `membershipCTE`.
    static func rowsNeedMembership(_ table: String) -> Bool {
        DerivedColumns.columns(of: table).contains {
            expression(table: table, column: $0.name, alias: "t")?.usesMembership == true
        }
    }
}
