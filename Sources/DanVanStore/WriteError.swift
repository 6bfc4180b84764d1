// Why a write was refused. Every case names what the person must look at: the table, the
// row (its id, or "new row 2" for a row being inserted) and the column, with the value that
// was wrong; nothing was changed when one is thrown.
import VietText

/// What is wrong with one value for its column.
public enum ValueProblem: Sendable, Equatable {
    /// Empty (null) where the column needs a value.
    case required
    /// Not the column's kind of value.
    case wrongType
    /// A text outside the column's code list.
    case notInList(allowed: [String])
    /// A reference to a row that does not exist.
    case missingReference(table: String)
    /// Not a date of the calendar (`2024-02-30`).
    case notADate
}

public enum WriteError: Error, Sendable, Equatable {
    /// `row` is the id of an existing row; `newRow` the 1-based position of a row being inserted.
    case invalidValue(table: String, row: Int64?, newRow: Int?, column: String, value: String, problem: ValueProblem)
    case unknownColumn(table: String, column: String, suggestion: String?)
    /// `id`, derived columns, or a log table.
    case notSettable(table: String, column: String)
    case readOnlyTable(String)
    case unknownTable(String, suggestion: String?)
    /// Every id after the table's largest is taken.
    case noFreeID(table: String)
    /// Rows that others refer to; `dependents` are (table, column, count).
    case hasDependents(table: String, rows: Int, dependents: [Dependent])
    /// `expect N` saw another number of rows.
    case unexpectedCount(expected: Int64, actual: Int)
    /// A UNIQUE rule: another row already has this value.
    case duplicate(table: String, columns: String)
    /// A row named by id that is not there.
    case missingRow(table: String, id: Int64)
    /// The person answered no to a preview.
    case cancelled
    /// The session may not write (read-only, or a dry-run that already ended).
    case readOnly(reason: ReadOnlyReason)
    /// Another session changed the database after this one started reading; nothing was written.
    case staleSnapshot
    /// Another session kept the database locked for longer than the wait.
    case busy
    case database(String)
    /// Undo: no change set with this id.
    case noSuchChange(Int64)
    /// Undo: `change` was undone already, by the change set `by`.
    case alreadyUndone(change: Int64, by: Int64)
    /// Undo: these rows (`table #id`) changed again after `change`; `more` others too.
    case changedSince(change: Int64, rows: [String], more: Int)

    public struct Dependent: Sendable, Equatable {
        public let table: String
        public let column: String
        public let count: Int
    }

    public enum ReadOnlyReason: Sendable, Equatable {
        /// `--read-only`.
        case requested
        /// The file or its folder cannot be written.
        case file(String)
    }

    public func message(_ lang: Lang) -> String {
        switch self {
        case .invalidValue(let table, let row, let newRow, let column, let value, let problem):
            let place: String
            if let row {
                place = "\(table) #\(row)"
            } else {
                place = Localized(vi: "{0}, dòng mới thứ {1}", en: "{0}, new row {1}")(lang, table, String(newRow ?? 0))
            }
            return Localized(vi: "{0}, cột {1}: {2}", en: "{0}, column {1}: {2}")(lang, place, column,
                                                                                 WriteError.describe(problem, value: value, lang))
        case .unknownColumn(let table, let column, let suggestion?):
            return Localized(vi: "bảng {0} không có cột '{1}'; có phải ý bạn là '{2}'?",
                             en: "the table {0} has no column '{1}'; did you mean '{2}'?")(lang, table, column, suggestion)
        case .unknownColumn(let table, let column, nil):
            return Localized(vi: "bảng {0} không có cột '{1}'", en: "the table {0} has no column '{1}'")(lang, table, column)
        case .notSettable(let table, let column):
            return Localized(vi: "không gán được cột {0}.{1}: kho dữ liệu tự tính cột này",
                             en: "cannot set {0}.{1}: the store computes that column itself")(lang, table, column)
        case .readOnlyTable(let table):
            return Localized(vi: "bảng {0} là nhật ký thay đổi, chỉ đọc được; dùng :undo hoặc danvan undo để hoàn tác",
                             en: "the table {0} is the change log and can only be read; use :undo or danvan undo to revert a change")(lang, table)
        case .unknownTable(let name, let suggestion?):
            return Localized(vi: "không có bảng '{0}'; có phải ý bạn là '{1}'?",
                             en: "there is no table '{0}'; did you mean '{1}'?")(lang, name, suggestion)
        case .unknownTable(let name, nil):
            return Localized(vi: "không có bảng '{0}'", en: "there is no table '{0}'")(lang, name)
        case .noFreeID(let table):
            return Localized(vi: "bảng {0} không còn mã số trống sau mã số lớn nhất", en: "the table {0} has no free id after its largest")(lang, table)
        case .hasDependents(let table, let rows, let dependents):
            let list = dependents.map { "\($0.count) \($0.table) (\($0.column))" }.joined(separator: ", ")
            return Localized(
                vi: "không xóa {0} dòng của {1}: còn {2} trỏ tới chúng. Hãy chuyển các dòng đó sang nơi khác trước (update), hoặc viết | delete cascade để xóa cả chúng",
                en: "not deleting {0} row(s) of {1}: {2} refer to them. Point those rows elsewhere first (update), or write | delete cascade to delete them too")(
                    lang, String(rows), table, list)
        case .unexpectedCount(let expected, let actual):
            return Localized(vi: "expect {0}: cần đúng {0} dòng nhưng có {1} dòng; không thay đổi gì",
                             en: "expect {0}: {0} row(s) expected but there are {1}; nothing was changed")(
                                lang, String(expected), String(actual))
        case .duplicate(let table, let columns):
            return Localized(vi: "{0}: giá trị của {1} đã có ở một dòng khác (phải là duy nhất)",
                             en: "{0}: another row already has this {1} (it must be unique)")(lang, table, columns)
        case .missingRow(let table, let id):
            return Localized(vi: "không có dòng {0} #{1}", en: "there is no row {0} #{1}")(lang, table, String(id))
        case .cancelled:
            return Localized(vi: "đã hủy: không thay đổi gì", en: "cancelled: nothing was changed")(lang)
        case .readOnly(.requested):
            return Localized(vi: "phiên này chỉ đọc (--read-only): không thay đổi được dữ liệu",
                             en: "this session is read-only (--read-only): data cannot be changed")(lang)
        case .readOnly(.file(let path)):
            return Localized(vi: "không ghi được vào {0}: tệp hoặc thư mục chứa nó chỉ cho phép đọc",
                             en: "cannot write to {0}: the file or its folder is read-only")(lang, path)
        case .staleSnapshot:
            return Localized(
                vi: "một phiên khác vừa thay đổi cơ sở dữ liệu trong lúc lệnh này đang đọc; không ghi gì, hãy chạy lại lệnh",
                en: "another session changed the database while this was reading; nothing was written, run it again")(lang)
        case .busy:
            return Localized(
                vi: "cơ sở dữ liệu đang bận: một phiên khác đang ghi quá lâu; không ghi gì, hãy thử lại sau",
                en: "the database is busy: another session has been writing for too long; nothing was written, try again later")(lang)
        case .database(let reason):
            return Localized(vi: "lỗi cơ sở dữ liệu, không thay đổi gì: {0}",
                             en: "database error, nothing was changed: {0}")(lang, reason)
        case .noSuchChange(let id):
            return Localized(vi: "không có lần thay đổi #{0} (danvan changes liệt kê các lần thay đổi)",
                             en: "there is no change set #{0} (danvan changes lists them)")(lang, String(id))
        case .alreadyUndone(let change, let by):
            return Localized(vi: "lần thay đổi #{0} đã được hoàn tác bởi #{1}; hoàn tác #{1} nếu muốn làm lại nó",
                             en: "change set #{0} was already undone by #{1}; undo #{1} to redo it")(lang, String(change), String(by))
        case .changedSince(let change, let rows, let more):
            var list = rows.joined(separator: ", ")
            if more > 0 { list += Localized(vi: " và {0} dòng khác", en: " and {0} more")(lang, String(more)) }
            return Localized(
                vi: "không hoàn tác lần thay đổi #{0}: các dòng sau đã bị thay đổi tiếp sau đó: {1}. Không thay đổi gì; hãy hoàn tác các lần thay đổi sau trước",
                en: "not undoing change set #{0}: these rows were changed again after it: {1}. Nothing was changed; undo the later changes first")(
                    lang, String(change), list)
        }
    }

    static func describe(_ problem: ValueProblem, value: String, _ lang: Lang) -> String {
        switch problem {
        case .required:
            return Localized(vi: "cần có giá trị", en: "a value is required")(lang)
        case .wrongType:
            return Localized(vi: "giá trị {0} không đúng kiểu của cột", en: "the value {0} is not of the column's kind")(lang, value)
        case .notInList(let allowed):
            let list = allowed.joined(separator: ", ")
            let raw = value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? String(value.dropFirst().dropLast()) : value
            if let suggestion = NameSuggestion.closest(to: raw, among: allowed) {
                return Localized(vi: "{0} không phải giá trị được phép ({1}); có phải ý bạn là {2}?",
                                 en: "{0} is not an allowed value ({1}); did you mean {2}?")(lang, value, list, suggestion)
            }
            return Localized(vi: "{0} không phải giá trị được phép ({1})", en: "{0} is not an allowed value ({1})")(lang, value, list)
        case .missingReference(let table):
            return Localized(vi: "không có dòng {0} #{1}", en: "there is no row {0} #{1}")(lang, table, value)
        case .notADate:
            return Localized(vi: "{0} không phải một ngày (YYYY-MM-DD)", en: "{0} is not a date (YYYY-MM-DD)")(lang, value)
        }
    }
}
