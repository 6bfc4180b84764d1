// What the tests of the saved queries and reports (scripts/queries/*.dv, scripts/reports/*.dv)
// share: finding the scripts in the package, giving their `param` lines the values a test
// chooses, running them on the shared demo database, and turning the values they leave in a
// global (`result`, `doc`) and the rows hand-written SQL gives into the same comparable text.
import DanVanDomain
import DanVanLang
import DanVanStore
import Foundation
import GRDB

/// The saved scripts under scripts/DIRECTORY, read from the package.
struct SavedScripts {
    let directory: String

    var url: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts").appendingPathComponent(directory)
    }

    /// Every `.dv` file directly in the directory, by name without the extension, so that a
    /// new script is never left out of the tests.
    func all() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix(".dv") }.map { String($0.dropLast(3)) }.sorted()
    }

    func text(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent("\(name).dv"), encoding: .utf8)
    }

    func path(_ name: String) -> String { "scripts/\(directory)/\(name).dv" }
}

/// A value a test gives a script's parameter: written into the script as DanVan source and
/// bound to the SQL twin under the same name (`:report_year`).
enum ParamValue: Sendable {
    case int(Int)
    case text(String)
    /// An ISO date, "2025-11-30".
    case date(String)

    var source: String {
        switch self {
        case .int(let value): return String(value)
        case .text(let value): return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "{", with: "\\{") + "\""
        case .date(let iso): return "date(\"\(iso)\")"
        }
    }

    var sql: DatabaseValueConvertible {
        switch self {
        case .int(let value): return value
        case .text(let value), .date(let value): return value
        }
    }
}

/// A script's `param NAME: TYPE = DEFAULT  # help` lines.
enum ScriptParams {
    /// The parameter a line declares (`param NAME: ...`), or nil when it declares none.
    static func declared(by line: Substring) -> String? {
        guard line.hasPrefix("param ") else { return nil }
        let rest = line.dropFirst("param ".count).drop { $0 == " " }
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let name = rest[..<colon].trimmingCharacters(in: .whitespaces)
        guard let first = name.first, first.isLetter || first == "_",
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return name
    }

    /// The names the script declares, in order.
    static func names(in text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).compactMap(declared(by:))
    }

    /// The script with each `param` line made a `let` of the value the test chose, the rest
    /// unchanged (so line numbers in errors still match the file). This runs the scripts the
    /// same way before and after the script runner's `param` is merged; a parameter the test
    /// gives no value is an error, so no parameter goes untested.
    static func bind(_ text: String, _ values: [String: ParamValue]) throws -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let name = declared(by: line) else {
                lines.append(String(line))
                continue
            }
            guard let value = values[name] else { throw SavedScriptError.unboundParameter(name) }
            lines.append("let \(name) = \(value.source)")
        }
        return lines.joined(separator: "\n")
    }
}

enum SavedScriptError: Error, CustomStringConvertible {
    case unboundParameter(String)
    case failed(String)
    case missingGlobal(String)

    var description: String {
        switch self {
        case .unboundParameter(let name): return "the test gives no value for the parameter '\(name)'"
        case .failed(let message): return message
        case .missingGlobal(let name): return "the script leaves no global '\(name)'"
        }
    }
}

/// The demo database's "today" (docs/demo-data.md): what `today()` gives in these tests, so
/// that a query counting days up to today matches its SQL on any day the tests run.
let demoToday = "2025-11-30"

/// Runs `text` on `store` as a read-only query and gives the interpreter, to read its globals.
func runSaved(_ text: String, path: String, on store: Store) throws -> Interpreter {
    let printed = Lines()
    let interpreter = Interpreter(host: DomainHost(store: store), lang: .en, output: { printed.append($0) })
    if let today = CalendarDate(iso: demoToday) { interpreter.today = { today } }
    do {
        _ = try interpreter.run(SourceText(name: path, text: text))
    } catch {
        throw SavedScriptError.failed(interpreter.render(error))
    }
    return interpreter
}

/// Comparable text of values: numbers that are whole print without decimals, others with four
/// (SQL's REAL and the language's decimal meet there), booleans as 1/0 as SQLite keeps them,
/// references as their id, dates as ISO text, null as "null".
enum Cell {
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.4f", value)
    }

    static func of(_ value: Value?) -> String {
        guard let value else { return "null" }
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "1" : "0"
        case .int(let number): return String(number)
        case .double(let number): return Self.number(number)
        case .text(let text): return text.precomposedStringWithCanonicalMapping
        case .date(let date): return date.description
        case .row: return of(value.field("id"))
        default: return "\(value)"
        }
    }

    static func of(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "null"
        case .int64(let number): return String(number)
        case .double(let number): return Self.number(number)
        case .string(let text): return text.precomposedStringWithCanonicalMapping
        case .blob(let data): return data.base64EncodedString()
        }
    }

    /// The rows of a list value (records or rows), each as the tab-joined cells of `columns`.
    static func lines(_ value: Value?, columns: [String]) -> [String]? {
        guard let items = value?.items else { return nil }
        return items.map { item in columns.map { of(item.field($0)) }.joined(separator: "\t") }
    }

    /// The rows `sql` gives with `arguments`, each as the tab-joined cells of `columns`.
    static func lines(_ sql: String, _ arguments: [String: DatabaseValueConvertible?], columns: [String],
                      on store: Store) throws -> [String] {
        try store.pool.read { db in
            try GRDB.Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                columns.map { row.hasColumn($0) ? of(row[$0] as DatabaseValue) : "<no column \($0)>" }.joined(separator: "\t")
            }
        }
    }
}
