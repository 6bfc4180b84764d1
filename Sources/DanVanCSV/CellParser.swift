// Turns the text of one CSV field into the value a catalog column stores, or says why it
// cannot. Input is lenient where spreadsheets differ and strict where data would be lost:
// typed values (numbers, dates, booleans, codes, references) may carry surrounding spaces;
// dates may be `YYYY-MM-DD` or the Vietnamese `dd/mm/yyyy`; booleans may be 0/1, true/false
// or có/không; a code column takes a listed code or, when it names exactly one code, its
// Vietnamese or English label. Text is kept byte for byte (normalisation is the importer's).
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
        switch column.type {
        case .text:
            return parseCode(trimmed)
        case .integer:
            guard let number = Int64(trimmed) else { return wrongType(text) }
            return .value(number.databaseValue)
        case .real:
            guard let number = Double(trimmed), !number.isNaN else { return wrongType(text) }
            return .value(number.databaseValue)
        case .date:
            guard let iso = CellParser.isoDate(trimmed) else { return wrongType(text) }
            return .value(iso.databaseValue)
        case .bool:
            guard let flag = CellParser.bool(trimmed) else { return wrongType(text) }
            return .value((flag ? 1 : 0 as Int64).databaseValue)
        case .reference:
            if let id = Int64(trimmed) { return .reference(.id(id)) }
            guard referencedTableHasCodes else { return wrongType(text) }
            return .reference(.code(trimmed))
        }
    }

    private func parseCode(_ text: String) -> Cell {
        if codes.contains(text) { return .value(text.databaseValue) }
        let lowered = text.lowercased()
        if codes.contains(lowered) { return .value(lowered.databaseValue) }
        if let code = codeByLabel[VietFold.fold(text)] { return .value(code.databaseValue) }
        return .problem(.codeNotAllowed(value: text, allowed: column.codes.map(\.code)))
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
    /// nil when it is neither or names no real day.
    static func isoDate(_ text: String) -> String? {
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
        guard year >= 1, month >= 1, month <= 12, day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
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
