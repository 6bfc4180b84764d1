// The rules every written value must keep, checked on the log rows of a step before it is
// applied (types, required columns, code lists, dates) and after (references, which may
// point at rows the same step inserts). One query a step finds the first row that breaks a
// rule, so the error names the row, the column and the value. `danvan import` checks its
// cells with the same rules (`ColumnRules`) before it reaches the log.
import GRDB

/// The rules of one column, as SQL over a JSON object and as a check of one value.
public enum ColumnRules {
    /// What is wrong with `value` for `column`, or nil; references are not looked up here.
    public static func problem(_ value: DatabaseValue, for column: Column, hasDefault: Bool = false) -> ValueProblem? {
        switch value.storage {
        case .null:
            return column.nullable || hasDefault ? nil : .required
        case .int64(let int):
            switch column.type {
            case .integer, .real, .reference: return nil
            case .bool: return int == 0 || int == 1 ? nil : .wrongType
            case .text, .date: return .wrongType
            }
        case .double(let double):
            guard case .real = column.type, double.isFinite else { return .wrongType }
            return nil
        case .string(let text):
            switch column.type {
            case .text:
                if !column.codes.isEmpty, !column.codes.contains(where: { $0.code == text }) {
                    return .notInList(allowed: column.codes.map(\.code))
                }
                return nil
            case .date:
                return ColumnRules.isDate(text) ? nil : .notADate
            default:
                return .wrongType
            }
        case .blob:
            return .wrongType
        }
    }

    /// `YYYY-MM-DD` naming a day of the calendar: ASCII digits only (`Int` alone would take a
    /// sign, `+202-01-01`, which SQLite's `date()` refuses). Read byte by byte, without a
    /// split: an import asks this of every date it reads.
    public static func isDate(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count == 10 else { return false }
        var year = 0, month = 0, day = 0
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return false }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            let digit = Int(byte - UInt8(ascii: "0"))
            if index < 4 {
                year = year * 10 + digit
            } else if index < 7 {
                month = month * 10 + digit
            } else {
                day = day * 10 + digit
            }
        }
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        switch month {
        case 2: return day <= (leap ? 29 : 28)
        case 4, 6, 9, 11: return day <= 30
        default: return day <= 31
        }
    }

    /// Conditions that hold when a value in `json` breaks a rule, with the problem each means.
    /// `insert`: a column missing from the object takes its default, so only one without a
    /// default is required.
    static func violations(_ column: Column, json: String, insert: Bool, hasDefault: Bool) -> [(sql: String, problem: ValueProblem)] {
        let path = "'$.\(column.name)'"
        let type = "json_type(\(json), \(path))"
        let value = "json_extract(\(json), \(path))"
        // One test of the JSON type a row (the common case passes it): which rule failed is
        // found again for the one row reported.
        var allowed: [String]
        switch column.type {
        case .integer, .reference: allowed = ["integer"]
        case .real: allowed = ["integer", "real"]
        case .bool: allowed = ["integer"]
        case .text, .date: allowed = ["text"]
        }
        if column.nullable { allowed.append("null") }
        let missingAllowed = !insert || hasDefault || column.nullable
        let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
        var rules: [(String, ValueProblem)] = [
            // A column left out of an insert takes its default: it passes when it has one.
            ("coalesce(\(type), '\(missingAllowed ? allowed[0] : "missing")') NOT IN (\(list))", .wrongType),
        ]
        switch column.type {
        case .bool:
            rules.append(("\(value) NOT IN (0, 1)", .wrongType))
        case .text where !column.codes.isEmpty:
            let codes = column.codes.map { "'" + $0.code.replacingOccurrences(of: "'", with: "''") + "'" }
            rules.append(("\(value) NOT IN (\(codes.joined(separator: ", ")))", .notInList(allowed: column.codes.map(\.code))))
        case .date:
            rules.append(("date(\(value)) IS NOT \(value)", .notADate))
        default:
            break
        }
        return rules
    }

    /// Which rule a value that failed the type test broke: empty where one is required, or
    /// the wrong kind.
    static func typeProblem(_ value: DatabaseValue, _ column: Column) -> ValueProblem {
        if value.isNull && !column.nullable { return .required }
        return problem(value, for: column) ?? .wrongType
    }
}

extension ChangeWriter {
    /// Finds the first log row of the step whose `after` breaks a rule of `columns`, and
    /// throws the error naming it. `references`: check only that references exist (after
    /// the step is applied); otherwise every other rule (before).
    func check(_ table: Table, change: Int64, step: Int, columns: [Column], insert: Bool, references: Bool,
               firstNewID: Int64? = nil) throws {
        var rules: [(sql: String, column: Column, problem: ValueProblem)] = []
        let defaults = insert ? try columnDefaults(table) : [:]
        for column in columns {
            if references {
                guard case .reference(let target) = column.type else { continue }
                let value = ChangeWriter.extract("c.after", column.name)
                rules.append(("json_type(c.after, '$.\(column.name)') = 'integer' AND NOT EXISTS "
                              + "(SELECT 1 FROM \(target.quotedDatabaseIdentifier) AS r WHERE r.id = \(value))",
                              column, .missingReference(table: target)))
            } else {
                for rule in ColumnRules.violations(column, json: "c.after", insert: insert,
                                                   hasDefault: defaults[column.name] != nil) {
                    rules.append((rule.sql, column, rule.problem))
                }
            }
        }
        guard !rules.isEmpty else { return }
        let cases = rules.enumerated().map { "WHEN \($1.sql) THEN \($0)" }.joined(separator: " ")
        let any = rules.map { "(\($0.sql))" }.joined(separator: " OR ")
        let sql = """
            SELECT c.row_id, CASE \(cases) END, c.after FROM change_rows AS c
            WHERE c.change = \(change) AND c.step = \(step) AND (\(any)) ORDER BY c.row_id LIMIT 1
            """
        guard let found = try GRDB.Row.fetchOne(db, sql: sql) else { return }
        let rowID: Int64 = found[0]
        let index: Int = found[1]
        let rule = rules[min(max(index, 0), rules.count - 1)]
        let after: String? = found[2]
        let value = try DatabaseValue.fetchOne(db, sql: "SELECT json_extract(?, ?)",
                                               arguments: [after, "$.\(rule.column.name)"]) ?? .null
        let newRow = firstNewID.map { Int(rowID - $0) + 1 }
        let problem = rule.problem == .wrongType ? ColumnRules.typeProblem(value, rule.column) : rule.problem
        throw WriteError.invalidValue(table: table.name, row: newRow == nil ? rowID : nil, newRow: newRow,
                                      column: rule.column.name, value: ChangeLog.display(value), problem: problem)
    }
}
