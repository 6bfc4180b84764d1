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

/// The rows of a child table that point at a parent row, reached from the parent by name
/// (`unit.models`, `unit.successors`) or by its Vietnamese alias (`unit.mo_hinh`, `unit.ke_thua`).
public struct Relation: Sendable {
    public let name: String
    /// The Vietnamese alias without diacritics.
    public let alias: String
    public let label: Localized
    public let childTable: String
    public let childColumn: String

    public init(name: String, alias: String, label: Localized, childTable: String, childColumn: String) {
        self.name = name
        self.alias = alias
        self.label = label
        self.childTable = childTable
        self.childColumn = childColumn
    }
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
    /// A table of the movement's data, or of the change log, by name or alias.
    public static func table(named name: String) -> Table? {
        tables.first { $0.name == name || $0.alias == name } ?? logTable(named: name)
    }

    /// Reverse relations of `table`: one for every reference to it, in catalog order. A
    /// relation is named after its child table (`unit.models`, alias `mo_hinh`), unless
    /// `relationNames` names it: where a child refers to the same parent twice
    /// (`unit_successions.old_unit` and `.new_unit`) each direction needs a name of its own,
    /// and a self reference (`units.parent`) reads better named too. A second reference with
    /// no name there gets `child_column` (the catalog test keeps that from happening).
    public static func relations(of table: String) -> [Relation] {
        relationsByTable[table] ?? []
    }

    private static let relationsByTable: [String: [Relation]] = {
        var result: [String: [Relation]] = [:]
        for parent in tables {
            var relations: [Relation] = []
            for child in tables {
                let refs = child.columns.filter { $0.referencedTable == parent.name }
                // The reference named after the parent's entity (`models.unit`, not
                // `models.location`) is the one called after the child table.
                let singular = entityName[parent.name] ?? parent.name
                let plain = refs.first { $0.name == singular } ?? refs.first
                for ref in refs {
                    if let named = relationNames[child.name + "." + ref.name] {
                        relations.append(Relation(name: named.name, alias: named.alias, label: named.label,
                                                  childTable: child.name, childColumn: ref.name))
                    } else if ref.name == plain?.name {
                        relations.append(Relation(name: child.name, alias: child.alias, label: child.label,
                                                  childTable: child.name, childColumn: ref.name))
                    } else {
                        relations.append(Relation(name: child.name + "_" + ref.name, alias: child.alias + "_" + ref.alias,
                                                  label: Localized(vi: child.label.vi + " (" + ref.label.vi + ")",
                                                                   en: child.label.en + " (" + ref.label.en + ")"),
                                                  childTable: child.name, childColumn: ref.name))
                    }
                }
            }
            result[parent.name] = relations
        }
        return result
    }()

    /// Relations with names of their own, by `child_table.column`.
    static let relationNames: [String: (name: String, alias: String, label: Localized)] = [
        // A unit's subordinate units. Named after the table, like every other relation.
        "units.parent": ("units", "don_vi", Localized(vi: "Đơn vị trực thuộc", en: "Subordinate units")),
        // The successions in which the unit was merged or split into newer units …
        "unit_successions.old_unit": ("successors", "ke_thua",
                                      Localized(vi: "Kế thừa sang đơn vị mới", en: "Successions to newer units")),
        // … and those in which older units became this one.
        "unit_successions.new_unit": ("predecessors", "tien_than",
                                      Localized(vi: "Tiền thân (kế thừa từ đơn vị cũ)", en: "Successions from older units")),
        // `unit.models` are the models the unit leads (`models.unit`); these are the models
        // carried out on its territory (`models.location`), often led by another unit.
        "models.location": ("located_models", "mo_hinh_dia_ban",
                            Localized(vi: "Mô hình triển khai trên địa bàn", en: "Models located here")),
        "models.replicated_from": ("replicas", "nhan_rong",
                                   Localized(vi: "Mô hình nhân rộng từ mô hình này", en: "Replicas of this model")),
    ]

    /// The singular entity name a reference column is called after.
    static let entityName: [String: String] = [
        "clusters": "cluster", "units": "unit", "people": "person", "fields": "field",
        "movements": "movement", "models": "model", "award_forms": "form", "contests": "contest",
        "rounds": "round", "parts": "part", "teams": "team", "judges": "judge",
    ]
}
