// Columns the binding adds to rows beyond the stored ones, where a question staff ask every
// day would otherwise need a join they should not have to write:
// - `units.cluster`: the emulation cluster the unit belongs to in its latest membership year;
// - `models.cluster`: the cluster of the model's unit in the model's year (else the unit's
//   latest), so "models of 2024 counted by cluster" is `models | where year == 2024 | group by cluster.name`;
// - `people.sort_name`: "given middle family", which sorts people the Vietnamese way (by
//   given name first) under the language's Vietnamese text order.
import DanVanLang
import DanVanStore
import GRDB
import VietText

struct DerivedColumn {
    let name: String
    let alias: String
    /// The table a derived reference points at, or nil for a plain value.
    let references: String?
}

enum DerivedColumns {
    static func columns(of table: String) -> [DerivedColumn] {
        switch table {
        case "units", "models":
            return [DerivedColumn(name: "cluster", alias: "cum", references: "clusters")]
        case "people":
            return [DerivedColumn(name: "sort_name", alias: "ten_sap_xep", references: nil)]
        default:
            return []
        }
    }

    /// Cluster membership: unit id → (year → cluster id), read once per load.
    struct Membership {
        var byUnit: [Int64: [(year: Int64, cluster: Int64)]] = [:]

        init(_ db: Database) throws {
            let rows = try GRDB.Row.fetchCursor(db, sql: "SELECT unit, year, cluster FROM cluster_members ORDER BY unit, year, id")
            while let row = try rows.next() {
                let unit: Int64 = row[0]
                byUnit[unit, default: []].append((row[1], row[2]))
            }
        }

        /// The cluster of `unit` in `year`, else in its latest year.
        func cluster(unit: Int64, year: Int64?) -> Int64? {
            guard let entries = byUnit[unit], let last = entries.last else { return nil }
            if let year, let match = entries.last(where: { $0.year == year }) { return match.cluster }
            return last.cluster
        }
    }

    /// Appends the derived values to a row's stored values.
    static func append(to values: inout [Value], table: String, columns: [DanVanStore.Column], membership: Membership?) {
        func int(_ name: String) -> Int64? {
            guard let index = columns.firstIndex(where: { $0.name == name }),
                  case .int(let number) = values[index] else { return nil }
            return number
        }
        func text(_ name: String) -> String {
            guard let index = columns.firstIndex(where: { $0.name == name }),
                  case .text(let value) = values[index] else { return "" }
            return value
        }
        switch table {
        case "units":
            let cluster = int("id").flatMap { membership?.cluster(unit: $0, year: nil) }
            values.append(cluster.map { .int($0) } ?? .null)
        case "models":
            let cluster = int("unit").flatMap { membership?.cluster(unit: $0, year: int("year")) }
            values.append(cluster.map { .int($0) } ?? .null)
        case "people":
            let parts = [text("given_name"), text("middle_name"), text("family_name")].filter { !$0.isEmpty }
            values.append(.text(parts.joined(separator: " ")))
        default:
            break
        }
    }
}
