// Turns the text of one CSV field into the value a catalog column stores, or says why it
// cannot. Two halves: reading the text is CSV's own (lenient where spreadsheets differ and
// strict where data would be lost: typed values may carry surrounding spaces; dates may be
// `YYYY-MM-DD` or the Vietnamese `dd/mm/yyyy`; booleans 0/1, true/false or có/không; a code
// column takes a listed code or, when it names exactly one code, its Vietnamese or English
// label), and the value read is then held to the store's rules (`ColumnRules`: type, code
// list, calendar date), the same rules every write of the language keeps. Text is kept byte
// for byte (normalisation is the importer's).
import DanVanStore
import GRDB
import VietText

/// A reference as written in the file: a number is an id, anything else a code.
enum ReferenceKey: Hashable, Sendable {
    case id(Int64)
    case code(String)

    var text: String {
        switch self {
        case .id(let id): return String(id)
        case .code(let code): return code
        }
    }
}

/// The outcome of reading one field.
enum Cell {
    case value(DatabaseValue)
    case reference(ReferenceKey)
    /// An empty field where text is not wanted: NULL, the default, or an error, by column.
    case empty
    case problem(CSVProblem.Reason)
}

/// How one catalog column reads its fields; built once per import. A class, so that the
/// row loop borrows it instead of copying its sets for every field.
final class CellParser {
    let column: DanVanStore.Column
    /// The allowed codes, and labels (folded) that name exactly one code.
    private let codes: Set<String>
    private let codeByLabel: [String: String]
    private let referencedTableHasCodes: Bool

    init(column: DanVanStore.Column) {
        self.column = column
        self.codes = Set(column.codes.map(\.code))
        var byLabel: [String: String] = [:]
        var ambiguous: Set<String> = []
        for (code, label) in column.codes {
            for key in Set([VietFold.fold(label.vi), VietFold.fold(label.en)]) {
                if let other = byLabel[key], other != code { ambiguous.insert(key) }
                byLabel[key] = code
            }
        }
        for key in ambiguous { byLabel[key] = nil }
        self.codeByLabel = byLabel
        if let table = column.referencedTable {
            referencedTableHasCodes = Catalog.table(named: table)?.naturalKey != nil
        } else {
            referencedTableHasCodes = false
        }
    }

    /// Reads `text`, which was quoted in the file when `quoted` is true.
    func parse(_ text: String, quoted: Bool) -> Cell {
        if case .text = column.type, codes.isEmpty {
            // Text: a quoted empty field is empty text; an unquoted one is NULL.
            if text.isEmpty && !quoted { return .empty }
            return .value(text.databaseValue)
        }
        let trimmed = CellParser.trimSpaces(text)
        if trimmed.isEmpty { return .empty }
        let value: DatabaseValue
        switch column.type {
        case .text:
            value = code(trimmed).databaseValue
        case .integer:
            guard let number = Int64(trimmed) else { return wrongType(text) }
            value = number.databaseValue
        case .real:
            guard let number = Double(trimmed) else { return wrongType(text) }
            // Swift reads "1e999" as infinity and "nan" as NaN; neither is a count or an amount.
            guard number.isFinite else { return .problem(.notFinite(value: text)) }
            value = number.databaseValue
        case .date:
            guard let iso = CellParser.isoText(trimmed) else { return wrongType(text) }
            value = iso.databaseValue
        case .bool:
            guard let flag = CellParser.bool(trimmed) else { return wrongType(text) }
            value = (flag ? 1 : 0 as Int64).databaseValue
        case .reference:
            if let id = Int64(trimmed) { return .reference(.id(id)) }
            guard referencedTableHasCodes else { return wrongType(text) }
            return .reference(.code(trimmed))
        }
        if let problem = ColumnRules.problem(value, for: column) {
            return .problem(CSVProblem.Reason(problem, column: column, text: column.codes.isEmpty ? text : trimmed))
        }
        return .value(value)
    }

    /// The code `text` names: itself, its lower case, or the code whose label it is; else
    /// the text as it is, for the code-list rule to refuse.
    private func code(_ text: String) -> String {
        if codes.contains(text) { return text }
        let lowered = text.lowercased()
        if codes.contains(lowered) { return lowered }
        return codeByLabel[VietFold.fold(text)] ?? text
    }

    private func wrongType(_ text: String) -> Cell {
        .problem(.wrongType(expected: column.type, value: text))
    }

    /// Drops spaces and tabs around a typed value (spreadsheets pad numbers).
    static func trimSpaces(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last,
              first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 else { return text }
        var scalars = Substring(text)
        while let head = scalars.first, head == " " || head == "\t" { scalars.removeFirst() }
        while let tail = scalars.last, tail == " " || tail == "\t" { scalars.removeLast() }
        return String(scalars)
    }

    /// `YYYY-MM-DD` as is, or `d/m/yyyy` (day first, as Vietnamese write it) converted;
    /// nil when it is neither or names no real day (the store's rule, `ColumnRules.isDate`).
    static func isoDate(_ text: String) -> String? {
        guard let iso = isoText(text), ColumnRules.isDate(iso) else { return nil }
        return iso
    }

    /// `YYYY-MM-DD` as is, or `d/m/yyyy` converted, without asking whether the day exists.
    static func isoText(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        func number(_ slice: ArraySlice<UInt8>) -> Int? {
            guard !slice.isEmpty, slice.count <= 4 else { return nil }
            var value = 0
            for byte in slice {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        let year: Int, month: Int, day: Int
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
           let y = number(bytes[0..<4]), let m = number(bytes[5..<7]), let d = number(bytes[8..<10]) {
            (year, month, day) = (y, m, d)
        } else {
            let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
                  let d = number(parts[0]), let m = number(parts[1]), let y = number(parts[2])
            else { return nil }
            (year, month, day) = (y, m, d)
        }
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// 0/1, true/false, yes/no, có/không (folded, so "Có" and "co" both count).
    static func bool(_ text: String) -> Bool? {
        // The common case first: folding costs a Unicode decomposition.
        if text == "0" { return false }
        if text == "1" { return true }
        switch VietFold.fold(text) {
        case "1", "true", "yes", "co": return true
        case "0", "false", "no", "khong": return false
        default: return nil
        }
    }
}
