// The catalog: what each table and column means to a person. It is the one source for
// Vietnamese aliases (`don_vi` for `units`), display labels with diacritics ("Đơn vị"),
// column types, references, reverse relations (`u.models`) and code labels; the CSV layer,
// the language binding, `:schema` and the docs all read it. A test checks it against the
// real schema that `Migrations` creates, so the two cannot drift apart.
import VietText

/// The kind of value a column holds.
public enum ColumnType: Sendable, Equatable {
    case integer
    case real
    case text
    /// ISO date text `YYYY-MM-DD`.
    case date
    /// 0 or 1.
    case bool
    /// The id of a row of `table`.
    case reference(table: String)
}

public struct Column: Sendable {
    public let name: String
    /// The Vietnamese alias without diacritics (`ten`), usable in scripts and CSV headers.
    public let alias: String
    public let label: Localized
    public let type: ColumnType
    public let nullable: Bool
    /// Derived columns (search keys, `full_name`) are computed by the store and not imported.
    public let derived: Bool
    /// For code columns: the allowed codes and their labels, in display order.
    public let codes: [(code: String, label: Localized)]

    public init(_ name: String, _ alias: String, vi: String, en: String, _ type: ColumnType,
                nullable: Bool = true, derived: Bool = false,
                codes: [(code: String, label: Localized)] = []) {
        self.name = name
        self.alias = alias
        self.label = Localized(vi: vi, en: en)
        self.type = type
        self.nullable = nullable
        self.derived = derived
        self.codes = codes
    }

    public var referencedTable: String? {
        if case .reference(let table) = type { return table }
        return nil
    }
}

/// A child table reached from a parent row by the child table's name (`unit.models`).
public struct Relation: Sendable {
    public let name: String
    public let childTable: String
    public let childColumn: String
}

public struct Table: Sendable {
    public let name: String
    public let alias: String
    public let label: Localized
    public let columns: [Column]
    /// The column that names a row for people (`name`, `title`, `full_name`).
    public let displayColumn: String
    /// Columns that identify a row in CSV files besides its id (`code`).
    public let naturalKey: String?

    public func column(named name: String) -> Column? {
        columns.first { $0.name == name || $0.alias == name }
    }
}

public enum Catalog {
    public static func table(named name: String) -> Table? {
        tables.first { $0.name == name || $0.alias == name }
    }

    /// Reverse relations of `table`: every other table with a reference to it, named after
    /// the child table. Where a child has several references to the same parent, the one
    /// named after the parent's entity (`models.unit`, not `models.location`) wins; a child
    /// with no such column (`unit_successions`) is reached through its first reference.
    public static func relations(of table: String) -> [Relation] {
        var result: [Relation] = []
        for child in tables where child.name != table || table == "units" || table == "models" {
            let refs = child.columns.filter { $0.referencedTable == table }
            guard !refs.isEmpty else { continue }
            let singular = entityName[table] ?? table
            let preferred = refs.first { $0.name == singular } ?? refs[0]
            if child.name == table {
                // Self references: `units.parent` gives `unit.children`; `models.replicated_from`
                // gives `model.replicas`.
                let name = table == "units" ? "children" : "replicas"
                result.append(Relation(name: name, childTable: child.name, childColumn: preferred.name))
            } else {
                result.append(Relation(name: child.name, childTable: child.name, childColumn: preferred.name))
            }
        }
        return result
    }

    /// The singular entity name a reference column is called after.
    static let entityName: [String: String] = [
        "clusters": "cluster", "units": "unit", "people": "person", "fields": "field",
        "movements": "movement", "models": "model", "award_forms": "form", "contests": "contest",
        "rounds": "round", "parts": "part", "teams": "team", "judges": "judge",
    ]
}
