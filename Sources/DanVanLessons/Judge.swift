// Runs a step's checks (Lesson.swift's `Check`) on one answer, against what the reference
// solution did on the same practice data, and says what is wrong in the learner's terms.
// The checks look at what the answer did (its value, what it printed, the data after it,
// its tokens), never at its spelling.
import DanVanGolden
import DanVanLang
import Foundation
import GRDB
import VietText

/// What one answer did: a learner's entry, or a solution replayed.
public struct Attempt {
    /// The code typed (empty for a meta-command).
    public var text: String
    /// The entry's value; nil for a statement, a meta-command or an error.
    public var value: Value?
    /// What `print` and `show` wrote.
    public var printed: String
    /// The diagnostics when the entry failed, else nil.
    public var error: String?
    /// A meta-command (name, argument) when the answer was one.
    public var command: (name: String, argument: String)?
    /// Everything the entries showed (printed text, values, meta-commands' listings) and
    /// their diagnostics, numbered by the lines of the code as given: what a solution's
    /// `# expect` lines are compared with.
    public var observation = GoldenObservation()

    public init(text: String, value: Value? = nil, printed: String = "", error: String? = nil,
                command: (name: String, argument: String)? = nil) {
        self.text = text
        self.value = value
        self.printed = printed
        self.error = error
        self.command = command
    }
}

/// What the reference solution gave: its value and, for `data` checks, the tables after it.
public struct Reference {
    public var value: Value?
    public var tables: [String: TableRows]
}

/// A table's rows as SQLite holds them, by id, for `data` checks.
public struct TableRows: Equatable {
    public var columns: [String]
    public var rows: [[DatabaseValue]]

    /// Reads `table` (a catalog name, so it is safe to quote into the statement).
    static func read(_ table: String, from db: Database) throws -> TableRows {
        let statement = try db.makeStatement(sql: "SELECT * FROM \"\(table)\" ORDER BY rowid")
        let columns = statement.columnNames
        let rows = try Row.fetchAll(statement).map { row in columns.indices.map { row[$0] as DatabaseValue } }
        return TableRows(columns: columns, rows: rows)
    }
}

enum Judge {
    static let hadError = Localized(vi: "câu lệnh bị lỗi (xem thông báo ở trên)",
                                    en: "the entry failed (see the message above)")
    static let noValue = Localized(vi: "câu lệnh này không cho ra giá trị nào; hãy gõ một biểu thức",
                                   en: "this entry gives no value; type an expression")
    static let notRows = Localized(vi: "đúng ra là một danh sách {0} dòng, bạn có {1}",
                                   en: "expected a list of {0} rows, got {1}")
    static let missingOutput = Localized(vi: "kết quả in ra chưa có \"{0}\"", en: "what it printed does not contain \"{0}\"")
    static let nothingPrinted = Localized(vi: "câu lệnh chưa in ra gì; hãy dùng print(…)",
                                          en: "nothing was printed; use print(…)")
    static let missingWord = Localized(vi: "câu lệnh cần dùng {0}", en: "the entry should use {0}")
    static let missingCommand = Localized(vi: "hãy gõ lệnh {0}", en: "type the command {0}")
    static let tableRowCount = Localized(vi: "bảng {0}: đúng ra là {1} dòng, bạn có {2}",
                                         en: "the table {0}: expected {1} rows, got {2}")
    static let tableRowDiffers = Localized(vi: "bảng {0}, dòng có id {1}: cột {2} đúng ra là {3}, bạn có {4}",
                                           en: "the table {0}, row id {1}: the column {2} should be {3}, got {4}")
    static let tableUnreadable = Localized(vi: "không đọc được bảng {0}: {1}", en: "cannot read the table {0}: {1}")

    /// The first check of `checks` that `attempt` fails, with what is wrong; nil when all pass.
    /// `commands` are the meta-commands run during the step so far; `tables` reads a table of
    /// the learner's data as it is now.
    static func firstFailure(_ checks: [Check], attempt: Attempt, reference: Reference,
                             commands: [(name: String, argument: String)],
                             tables: (String) throws -> TableRows) -> Localized? {
        for check in checks {
            if let failure = failure(of: check, attempt: attempt, reference: reference, commands: commands, tables: tables) {
                return failure
            }
        }
        return nil
    }

    static func failure(of check: Check, attempt: Attempt, reference: Reference,
                        commands: [(name: String, argument: String)],
                        tables: (String) throws -> TableRows) -> Localized? {
        if case .meta(let name, let argument) = check {
            let ran = commands.contains { $0.name == name && (argument.isEmpty || $0.argument.nfc.lowercased() == argument.nfc.lowercased()) }
            return ran ? nil : ValueComparison.fill(missingCommand, ":" + name + (argument.isEmpty ? "" : " " + argument))
        }
        // The other checks are about code: an entry that failed fails them all.
        if attempt.error != nil { return hadError }
        switch check {
        case .noError, .meta:
            return nil
        case .value(let unordered):
            guard let actual = attempt.value else {
                return reference.value == nil ? nil : noValue
            }
            guard let expected = reference.value else { return ValueComparison.fill(ValueComparison.expectedGot,
                ValueComparison.kind(of: .null), ValueComparison.kind(of: actual)) }
            return ValueComparison.mismatch(expected: expected, actual: actual, unordered: unordered)
        case .rows(let count):
            let value = attempt.value.map(ValueComparison.materialized)
            guard case .list(let list)? = value else {
                return ValueComparison.fill(notRows, ValueComparison.count(count),
                                            value.map(ValueComparison.kind) ?? ValueComparison.kind(of: .null))
            }
            return list.items.count == count ? nil : ValueComparison.rowCountMismatch(count, list.items.count)
        case .output(let text):
            if attempt.printed.nfc.contains(text) { return nil }
            return attempt.printed.isEmpty ? nothingPrinted : ValueComparison.fill(missingOutput, text)
        case .uses(let word):
            return uses(attempt.text, word) ? nil : ValueComparison.fill(missingWord, word)
        case .data(let names):
            for name in names {
                let got: TableRows
                do {
                    got = try tables(name)
                } catch {
                    return ValueComparison.fill(tableUnreadable, name, String(describing: error))
                }
                if let difference = tableMismatch(name, want: reference.tables[name], got: got) { return difference }
            }
            return nil
        }
    }

    /// Whether a token of `text` is `word`: a name, a keyword or an operator, never the inside
    /// of a string or a comment.
    static func uses(_ text: String, _ word: String) -> Bool {
        let tokens = Lexer.tokens(of: SourceText(name: "<answer>", text: text), keepComments: false)
        return tokens.contains { token in
            switch token.kind {
            case .name: return token.text == word
            case .keyword(let keyword): return keyword.rawValue == word
            case .symbol(let symbol): return symbol.rawValue == word
            default: return false
            }
        }
    }

    /// True when `text` holds no code at all, only comments and blanks: not an answer.
    static func isOnlyComments(_ text: String) -> Bool {
        Lexer.tokens(of: SourceText(name: "<answer>", text: text), keepComments: false).allSatisfy {
            if case .end = $0.kind { return true } else { return false }
        }
    }

    static func tableMismatch(_ name: String, want: TableRows?, got: TableRows) -> Localized? {
        guard let want else { return nil }
        if want.rows.count != got.rows.count {
            return ValueComparison.fill(tableRowCount, name, ValueComparison.count(want.rows.count),
                                        ValueComparison.count(got.rows.count))
        }
        for (wantRow, gotRow) in zip(want.rows, got.rows) where wantRow != gotRow {
            let id = wantRow.first.map { $0.description } ?? "?"
            for (index, column) in want.columns.enumerated() where index < wantRow.count && index < gotRow.count {
                if wantRow[index] != gotRow[index] {
                    return ValueComparison.fill(tableRowDiffers, name, id, column,
                                                cell(wantRow[index]), cell(gotRow[index]))
                }
            }
        }
        return nil
    }

    static func cell(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "null"
        case .string(let text): return "\"" + text + "\""
        default: return value.description
        }
    }
}
