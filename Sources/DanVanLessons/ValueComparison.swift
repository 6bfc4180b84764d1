// How a `value` check compares the learner's value with the solution's, and what it says when
// they differ. Equality is the language's own (2 == 2.0, text after NFC, rows by table and
// id, lists and records item by item); the message points at the first thing that differs,
// in the learner's terms: "expected 37 rows, got 412", "expected a number, got a list",
// "the column 'n' is missing", "expected 1808, got 1807".
import DanVanLang
import Foundation
import VietText

enum ValueComparison {
    static let expectedGot = Localized(vi: "đúng ra là {0}, bạn có {1}", en: "expected {0}, got {1}")
    static let rowCount = Localized(vi: "đúng ra là {0} dòng, bạn có {1}", en: "expected {0} rows, got {1}")
    static let oneRow = Localized(vi: "đúng ra là 1 dòng, bạn có {0}", en: "expected 1 row, got {0}")
    static let missingColumn = Localized(vi: "thiếu cột '{0}'", en: "the column '{0}' is missing")
    static let extraColumn = Localized(vi: "cột '{0}' không cần có", en: "the column '{0}' is not asked for")
    static let columnOrder = Localized(vi: "các cột đúng ra theo thứ tự {0}, bạn có {1}",
                                       en: "the columns should be in the order {0}, got {1}")
    static let rowDiffers = Localized(vi: "dòng {0} khác: đúng ra là {1}, bạn có {2}",
                                      en: "row {0} differs: expected {1}, got {2}")
    static let rowsDiffer = Localized(vi: "số dòng đúng ({0}) nhưng có dòng không khớp, ví dụ {1}",
                                      en: "the number of rows is right ({0}) but some rows differ, e.g. {1}")
    static let orderDiffers = Localized(vi: "đủ các dòng nhưng thứ tự khác: dòng {0} đúng ra là {1}, bạn có {2}",
                                        en: "the rows are right but their order is not: row {0} should be {1}, got {2}")
    static let fieldDiffers = Localized(vi: "cột '{0}' đúng ra là {1}, bạn có {2}",
                                        en: "the column '{0}' should be {1}, got {2}")
    /// Longer values are cut in messages: a hint is a line, not a dump.
    static let maxShown = 60

    /// Nil when `actual` equals `expected` (ignoring the order of rows when `unordered`),
    /// else what differs.
    static func mismatch(expected: Value, actual: Value, unordered: Bool) -> Localized? {
        let expected = materialized(expected), actual = materialized(actual)
        switch (expected, actual) {
        case (.list(let want), .list(let got)):
            return listMismatch(want.items, got.items, unordered: unordered)
        case (.record(let want), .record(let got)):
            if let columns = columnMismatch(want.shape.names, got.shape.names) { return columns }
            for (name, (x, y)) in zip(want.shape.names, zip(want.values, got.values)) where x != y {
                return fill(fieldDiffers, name, shown(x), shown(y))
            }
            return nil
        default:
            if expected == actual { return nil }
            if kind(of: expected) != kind(of: actual) {
                return fill(expectedGot, kind(of: expected), kind(of: actual))
            }
            return fill(expectedGot, shown(expected), shown(actual))
        }
    }

    /// A whole table (`models` typed alone) compared as its rows.
    static func materialized(_ value: Value) -> Value {
        guard case .table(let source) = value, let rows = try? source.rows() else { return value }
        return .list(rows.map(Value.row))
    }

    static func listMismatch(_ want: [Value], _ got: [Value], unordered: Bool) -> Localized? {
        if want.count != got.count { return rowCountMismatch(want.count, got.count) }
        if let wantColumns = Value.columns(of: want), let gotColumns = Value.columns(of: got),
           let columns = columnMismatch(wantColumns, gotColumns) {
            return columns
        }
        guard let index = want.indices.first(where: { want[$0] != got[$0] }) else { return nil }
        // Same rows in another order: right when order does not matter, else said as such.
        let sameRows = sameMultiset(want, got)
        if unordered {
            if sameRows { return nil }
            let missing = want.first { item in !got.contains(item) } ?? want[index]
            return fill(rowsDiffer, count(want.count), shown(missing))
        }
        if sameRows { return fill(orderDiffers, index + 1, shown(want[index]), shown(got[index])) }
        return fill(rowDiffers, index + 1, shown(want[index]), shown(got[index]))
    }

    /// Whether `a` and `b` hold the same items as many times each, in any order. Items are
    /// bucketed by their printed form first, so that large results compare in about linear time.
    static func sameMultiset(_ a: [Value], _ b: [Value]) -> Bool {
        guard a.count == b.count else { return false }
        var buckets: [String: [Value]] = [:]
        for item in a { buckets[item.description.nfc, default: []].append(item) }
        for item in b {
            let key = item.description.nfc
            guard var bucket = buckets[key], let match = bucket.firstIndex(where: { $0 == item }) else { return false }
            bucket.remove(at: match)
            buckets[key] = bucket
        }
        return true
    }

    static func columnMismatch(_ want: [String], _ got: [String]) -> Localized? {
        if let missing = want.first(where: { !got.contains($0) }) { return fill(missingColumn, missing) }
        if let extra = got.first(where: { !want.contains($0) }) { return fill(extraColumn, extra) }
        if want != got { return fill(columnOrder, want.joined(separator: ", "), got.joined(separator: ", ")) }
        return nil
    }

    static let kinds: [String: Localized] = [
        "null": Localized(vi: "không có giá trị", en: "no value"),
        "bool": Localized(vi: "một giá trị đúng/sai", en: "true or false"),
        "number": Localized(vi: "một số", en: "a number"),
        "text": Localized(vi: "một văn bản", en: "a text"),
        "row": Localized(vi: "một dòng", en: "a row"),
        "date": Localized(vi: "một ngày", en: "a date"),
        "list": Localized(vi: "một danh sách", en: "a list"),
        "record": Localized(vi: "một bản ghi", en: "a record"),
        "function": Localized(vi: "một hàm", en: "a function"),
        "table": Localized(vi: "một bảng", en: "a table"),
    ]

    /// "a number", "a list": what a value is, for "expected a number, got a list".
    static func kind(of value: Value) -> Localized {
        let key: String
        switch value {
        case .null: key = "null"
        case .bool: key = "bool"
        case .int, .double: key = "number"
        case .text: key = "text"
        case .row: key = "row"
        case .date: key = "date"
        case .list: key = "list"
        case .record: key = "record"
        case .function: key = "function"
        case .table: key = "table"
        }
        return kinds[key] ?? Localized(vi: key, en: key)
    }

    /// A value as a hint shows it: text in quotes, anything long cut with "…".
    static func shown(_ value: Value) -> Localized {
        var text = value.description
        if case .text = value { text = "\"" + text + "\"" }
        if text.count > maxShown { text = String(text.prefix(maxShown)) + "…" }
        return Localized(vi: text, en: text)
    }

    /// "expected 37 rows, got 412" ("expected 1 row, got 2").
    static func rowCountMismatch(_ want: Int, _ got: Int) -> Localized {
        want == 1 ? fill(oneRow, count(got)) : fill(rowCount, count(want), count(got))
    }

    static func count(_ number: Int) -> Localized {
        Localized(vi: VietFormat.integer(number, .vi), en: VietFormat.integer(number, .en))
    }

    /// `message` with each argument in the same language as the message.
    static func fill(_ message: Localized, _ args: Any...) -> Localized {
        func text(_ lang: Lang) -> [String] {
            args.map { argument in
                if let localized = argument as? Localized { return localized(lang) }
                return String(describing: argument)
            }
        }
        return Localized(vi: message.format(.vi, text(.vi)), en: message.format(.en, text(.en)))
    }
}
