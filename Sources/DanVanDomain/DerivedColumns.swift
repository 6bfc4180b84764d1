// Columns the binding adds to rows beyond the stored ones, where a question staff ask every
// day would otherwise need a join they should not have to write:
// - `units.cluster`: the emulation cluster the unit belongs to in its latest membership year;
// - `models.cluster`: the cluster of the model's unit in the model's year (else the unit's
//   latest), so "models of 2024 counted by cluster" is `models | where year == 2024 | group by cluster.name`;
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

    /// Cluster membership: unit id → (year → cluster id), and each unit's parent, read once per load.
    /// Clusters are made of districts, blocs and departments; a ward or a village belongs to the
    /// cluster of the nearest ancestor that is a member.
    struct Membership {
        var byUnit: [Int64: [(year: Int64, cluster: Int64)]] = [:]
        var parent: [Int64: Int64] = [:]
        /// How far up the unit tree to look: thôn → xã → huyện → thành phố is three steps.
        static let maxAncestors = 6

        init(_ db: Database) throws {
            let rows = try GRDB.Row.fetchCursor(db, sql: "SELECT unit, year, cluster FROM cluster_members ORDER BY unit, year, id")
            while let row = try rows.next() {
                let unit: Int64 = row[0]
                byUnit[unit, default: []].append((row[1], row[2]))
            }
            let parents = try GRDB.Row.fetchCursor(db, sql: "SELECT id, parent FROM units WHERE parent IS NOT NULL")
            while let row = try parents.next() {
                parent[row[0]] = row[1]
            }
        }

        /// The cluster of `unit` (or its nearest member ancestor) in `year`, else in its latest year.
        func cluster(unit: Int64, year: Int64?) -> Int64? {
            var current: Int64? = unit
            var steps = 0
            while let id = current, steps <= Membership.maxAncestors {
                if let entries = byUnit[id], let last = entries.last {
                    if let year, let match = entries.last(where: { $0.year == year }) { return match.cluster }
                    return last.cluster
                }
                current = parent[id]
                steps += 1
            }
            return nil
        }
    }

    /// Each model's latest evaluation score (by date, then id), read once per load.
    static func latestScores(_ db: Database) throws -> [Int64: Double] {
        var scores: [Int64: Double] = [:]
        let rows = try GRDB.Row.fetchCursor(db, sql: """
            SELECT model, score FROM evaluations WHERE score IS NOT NULL ORDER BY model, evaluated_on, id
            """)
        while let row = try rows.next() { scores[row[0]] = row[1] }
        return scores
    }

    /// Where the stored columns that derived values are computed from sit in a row.
    struct Inputs {
        let id, unit, year, given, middle, family: Int?

        init(columns: [DanVanStore.Column]) {
            func index(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }
            id = index("id")
            unit = index("unit")
            year = index("year")
            given = index("given_name")
            middle = index("middle_name")
            family = index("family_name")
        }
    }

    /// Appends the derived values to a row's stored values.
    static func append(to values: inout [Value], table: String, inputs: Inputs,
                       membership: Membership?, scores: [Int64: Double]) {
        func int(_ index: Int?) -> Int64? {
            guard let index, case .int(let number) = values[index] else { return nil }
            return number
        }
        func text(_ index: Int?) -> String {
            guard let index, case .text(let value) = values[index] else { return "" }
            return value
        }
        switch table {
        case "units":
            let cluster = int(inputs.id).flatMap { membership?.cluster(unit: $0, year: nil) }
            values.append(cluster.map { .int($0) } ?? .null)
        case "models":
            let cluster = int(inputs.unit).flatMap { membership?.cluster(unit: $0, year: int(inputs.year)) }
            values.append(cluster.map { .int($0) } ?? .null)
            let score = int(inputs.id).flatMap { scores[$0] }
            values.append(score.map { .double($0) } ?? .null)
        case "people":
            let parts = [text(inputs.given), text(inputs.middle), text(inputs.family)].filter { !$0.isEmpty }
            values.append(.text(parts.joined(separator: " ")))
        default:
            break
        }
    }
}
