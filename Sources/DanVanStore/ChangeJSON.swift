// The change log's JSON, written from Swift: values a step sets (`update` with values the
// language computed, `insert`) travel to SQLite as one JSON text per step, read there with
// `json_each`, so a step of 300,000 rows is still one statement. Doubles are written in
// Swift's shortest form that reads back to the same double; SQLite's own `json_object`
// rounds to 15 digits, which is why the SQL side writes reals through `printf('%!.17g')`
// (`ChangeWriter.jsonValue`).
import GRDB
import VietText

enum ChangeJSON {
    /// `["a","b"]`.
    static func array(_ names: [String]) -> String {
        "[" + names.map(string).joined(separator: ",") + "]"
    }

    static func string(_ text: String) -> String { JSONText.string(text) }

    /// A value as JSON; nil for one JSON cannot hold (a blob, an infinite or NaN double).
    static func value(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: return "null"
        case .int64(let int): return String(int)
        case .double(let double):
            guard double.isFinite else { return nil }
            // "2.0", never "2": a real stays a real when read back.
            return double == double.rounded() && abs(double) < 1e15 ? String(format: "%.1f", double) : "\(double)"
        case .string(let text): return string(text)
        case .blob: return nil
        }
    }

    /// `{"name":value,...}` for these columns and values.
    static func object(_ columns: [String], _ values: [DatabaseValue]) -> String? {
        var parts: [String] = []
        parts.reserveCapacity(columns.count)
        for (column, value) in zip(columns, values) {
            guard let json = ChangeJSON.value(value) else { return nil }
            parts.append(string(column) + ":" + json)
        }
        return "{" + parts.joined(separator: ",") + "}"
    }
}
