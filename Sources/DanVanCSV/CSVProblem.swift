// What is wrong with an imported file, as data: where (file, physical line, column as the
// header wrote it) and why. One renderer turns a problem into the one-line message
// `FILE:LINE: column 'x': reason` (Vietnamese: `FILE:LINE: cột 'x': lý do`). The importer
// keeps only the first few problems in file order and counts the rest, so a file that is
// wrong on every one of its 300,000 rows costs no more memory than one that is wrong once.
import DanVanStore
import VietText

public struct CSVProblem: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case syntax(CSVSyntaxProblem)
        case invalidUTF8
        case emptyFile
        case fieldCount(expected: Int, got: Int)
        case unknownColumn(table: String)
        case duplicateColumn
        case missingColumn
        case valueRequired
        case wrongType(expected: ColumnType, value: String)
        /// A number column given `1e999`, `inf` or `nan`: a number Swift reads, but no
        /// finite one, which the store does not keep.
        case notFinite(value: String)
        case codeNotAllowed(value: String, allowed: [String])
        case missingReference(table: String, value: String)
        case duplicateID(value: Int64, firstLine: Int?)
        case duplicateCode(value: String, firstLine: Int?)
        case noFreeID
        case changedDuringImport
        case database(String)
        /// A plain import (no --append or --update) into a table that already has rows.
        case tableHasRows(table: String)
        /// --update with no column to find the rows by: the id, or the table's code.
        case noKeyColumn(table: String, code: String?)
        /// --update: no row of the table has this id (or code, `byCode`).
        case noMatchingRow(table: String, value: String, byCode: Bool)
    }

    public let file: String
    public let line: Int
    public let column: String?
    public let reason: Reason
    /// File position in the import (0, 1, … for `--all`) and field index: the sort order.
    let fileIndex: Int
    let fieldIndex: Int

    public init(file: String, line: Int, column: String?, reason: Reason,
                fileIndex: Int = 0, fieldIndex: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.fileIndex = fileIndex
        self.fieldIndex = fieldIndex
    }

    /// `units.csv:14: column 'parent': no row of table 'units' has the code 'P-X'`.
    public func message(_ lang: Lang) -> String {
        var text = "\(file):\(line): "
        if let column {
            text += Messages.column(lang, column) + ": "
        }
        return text + reason.message(lang)
    }

    static func precedes(_ a: CSVProblem, _ b: CSVProblem) -> Bool {
        (a.fileIndex, a.line, a.fieldIndex) < (b.fileIndex, b.line, b.fieldIndex)
    }
}

extension CSVProblem.Reason {
    public func message(_ lang: Lang) -> String {
        switch self {
        case .syntax(.unterminatedQuote):
            return Messages.unterminatedQuote(lang)
        case .syntax(.quoteInUnquotedField):
            return Messages.quoteInUnquoted(lang)
        case .syntax(.textAfterClosingQuote):
            return Messages.textAfterQuote(lang)
        case .syntax(.tooLarge(.field, let limit)):
            return Messages.fieldTooLarge(lang, limit)
        case .syntax(.tooLarge(.record, let limit)):
            return Messages.recordTooLarge(lang, limit)
        case .invalidUTF8:
            return Messages.invalidUTF8(lang)
        case .emptyFile:
            return Messages.emptyFile(lang)
        case .fieldCount(let expected, let got):
            return Messages.fieldCount(lang, expected, got)
        case .unknownColumn(let table):
            return Messages.unknownColumn(lang, table)
        case .duplicateColumn:
            return Messages.duplicateColumn(lang)
        case .missingColumn:
            return Messages.missingColumn(lang)
        case .valueRequired:
            return Messages.valueRequired(lang)
        case .wrongType(let expected, let value):
            return Messages.wrongType(lang, Messages.typeName(expected)(lang), value)
        case .notFinite(let value):
            return Messages.notFinite(lang, value)
        case .codeNotAllowed(let value, let allowed):
            return Messages.codeNotAllowed(lang, value, allowed.joined(separator: ", "))
        case .missingReference(let table, let value):
            return Messages.missingReference(lang, table, value)
        case .duplicateID(let value, let firstLine?):
            return Messages.duplicateIDInFile(lang, value, firstLine)
        case .duplicateID(let value, nil):
            return Messages.duplicateIDInDatabase(lang, value)
        case .duplicateCode(let value, let firstLine?):
            return Messages.duplicateCodeInFile(lang, value, firstLine)
        case .duplicateCode(let value, nil):
            return Messages.duplicateCodeInDatabase(lang, value)
        case .noFreeID:
            return Messages.noFreeID(lang)
        case .changedDuringImport:
            return Messages.changed(lang)
        case .database(let reason):
            return Messages.database(lang, reason)
        case .tableHasRows(let table):
            return Messages.tableHasRows(lang, table)
        case .noKeyColumn(let table, let code?):
            return Messages.noKeyColumnOrCode(lang, table, code)
        case .noKeyColumn(let table, nil):
            return Messages.noKeyColumn(lang, table)
        case .noMatchingRow(let table, let value, false):
            return Messages.noRowWithID(lang, table, value)
        case .noMatchingRow(let table, let value, true):
            return Messages.noRowWithCode(lang, table, value)
        }
    }

    /// A broken store rule (`ColumnRules`, or the writer's check) in the words of a CSV
    /// problem: `text` is the field as the file has it.
    public init(_ problem: ValueProblem, column: Column, text: String) {
        switch problem {
        case .required: self = .valueRequired
        case .wrongType: self = .wrongType(expected: column.type, value: text)
        case .notADate: self = .wrongType(expected: .date, value: text)
        case .notInList(let allowed): self = .codeNotAllowed(value: text, allowed: allowed)
        case .missingReference(let table): self = .missingReference(table: table, value: text)
        }
    }
}

/// The first `limit` problems in file order, and how many there were in all.
struct ProblemList {
    let limit: Int
    private var kept: [CSVProblem] = []
    private(set) var total = 0

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    mutating func add(_ problem: CSVProblem) {
        total += 1
        kept.append(problem)
        // Trim now and then, not on every add: sorting 4 × limit items is cheap.
        if kept.count > 4 * limit { trim() }
    }

    var isEmpty: Bool { total == 0 }

    /// The first problems in file order.
    var first: [CSVProblem] {
        var copy = self
        copy.trim()
        return copy.kept
    }

    private mutating func trim() {
        kept.sort(by: CSVProblem.precedes)
        if kept.count > limit { kept.removeLast(kept.count - limit) }
    }
}

enum Messages {
    static let column = Localized(vi: "cột '{0}'", en: "column '{0}'")
    static let unterminatedQuote = Localized(
        vi: "dấu ngoặc kép mở nhưng không đóng đến hết tệp",
        en: "unterminated quoted field (the quote is never closed)")
    static let quoteInUnquoted = Localized(
        vi: "dấu ngoặc kép nằm trong ô không được đặt trong ngoặc kép",
        en: "quote inside an unquoted field")
    static let fieldTooLarge = Localized(
        vi: "một trường dài quá {0} byte; ngừng đọc tệp ở đây (tệp này có đúng là CSV không?)",
        en: "a field longer than {0} bytes; reading stopped here (is this really a CSV file?)")
    static let recordTooLarge = Localized(
        vi: "một bản ghi dài quá {0} byte; ngừng đọc tệp ở đây (tệp này có đúng là CSV không?)",
        en: "a record longer than {0} bytes; reading stopped here (is this really a CSV file?)")
    static let notFinite = Localized(
        vi: "'{0}' không phải một số hữu hạn (quá lớn, vô cực hoặc không phải số)",
        en: "'{0}' is not a finite number (too large, infinite or not a number)")
    static let textAfterQuote = Localized(
        vi: "có ký tự sau dấu ngoặc kép đóng (phải là dấu phẩy hoặc xuống dòng)",
        en: "text after a closing quote (expected a comma or a line end)")
    static let invalidUTF8 = Localized(
        vi: "không phải văn bản UTF-8 hợp lệ (hãy lưu tệp dạng \"CSV UTF-8\")",
        en: "invalid UTF-8 (save the file as \"CSV UTF-8\")")
    static let emptyFile = Localized(
        vi: "tệp rỗng: thiếu dòng tiêu đề tên cột", en: "empty file: no header row of column names")
    static let fieldCount = Localized(
        vi: "cần {0} ô như dòng tiêu đề, có {1}", en: "expected {0} fields as in the header, got {1}")
    static let unknownColumn = Localized(
        vi: "bảng '{0}' không có cột này", en: "unknown column in table '{0}'")
    static let duplicateColumn = Localized(
        vi: "cột xuất hiện hai lần trong dòng tiêu đề", en: "the column appears twice in the header")
    static let missingColumn = Localized(
        vi: "thiếu cột bắt buộc trong dòng tiêu đề", en: "a required column is missing from the header")
    static let valueRequired = Localized(vi: "ô này không được để trống", en: "a value is required")
    static let wrongType = Localized(vi: "cần {0}, gặp '{1}'", en: "expected {0}, got '{1}'")
    static let codeNotAllowed = Localized(
        vi: "giá trị '{0}' không hợp lệ; các giá trị cho phép: {1}",
        en: "'{0}' is not allowed; allowed values: {1}")
    static let missingReference = Localized(
        vi: "không có dòng nào của bảng '{0}' với mã số hoặc mã '{1}'",
        en: "no row of table '{0}' has the id or code '{1}'")
    static let duplicateIDInFile = Localized(
        vi: "trùng khóa: mã số {0} đã dùng ở dòng {1}", en: "duplicate key: id {0} already used on line {1}")
    static let duplicateIDInDatabase = Localized(
        vi: "trùng khóa: mã số {0} đã có trong cơ sở dữ liệu",
        en: "duplicate key: id {0} already exists in the database")
    static let duplicateCodeInFile = Localized(
        vi: "trùng khóa: mã '{0}' đã dùng ở dòng {1}", en: "duplicate key: code '{0}' already used on line {1}")
    static let duplicateCodeInDatabase = Localized(
        vi: "trùng khóa: mã '{0}' đã có trong cơ sở dữ liệu",
        en: "duplicate key: code '{0}' already exists in the database")
    static let noFreeID = Localized(
        vi: "hết mã số để cấp cho dòng mới", en: "no id is left to give to a new row")
    static let changed = Localized(
        vi: "tệp đã bị sửa trong lúc nhập; không nhập gì", en: "the file changed during the import; nothing was imported")
    static let database = Localized(
        vi: "cơ sở dữ liệu từ chối dòng này: {0}", en: "the database rejected this row: {0}")
    static let tableHasRows = Localized(
        vi: "bảng '{0}' đã có dữ liệu: --append để thêm các dòng của tệp, --update để sửa các dòng đã có (cả hai đều được ghi nhật ký và hoàn tác được)",
        en: "the table '{0}' already has rows: --append adds the file's rows, --update changes rows that are there (both are logged and can be undone)")
    static let noKeyColumnOrCode = Localized(
        vi: "--update cần cột id hoặc cột {1} để tìm các dòng cần sửa của bảng '{0}'",
        en: "--update needs an id column or a {1} column to find the rows of '{0}' to change")
    static let noKeyColumn = Localized(
        vi: "--update cần cột id để tìm các dòng cần sửa của bảng '{0}'",
        en: "--update needs an id column to find the rows of '{0}' to change")
    static let noRowWithID = Localized(
        vi: "không có dòng nào của bảng '{0}' với mã số {1}; --update chỉ sửa các dòng đã có (--append để thêm dòng mới)",
        en: "no row of table '{0}' has the id {1}; --update only changes rows that are there (--append adds new ones)")
    static let noRowWithCode = Localized(
        vi: "không có dòng nào của bảng '{0}' với mã '{1}'; --update chỉ sửa các dòng đã có (--append để thêm dòng mới)",
        en: "no row of table '{0}' has the code '{1}'; --update only changes rows that are there (--append adds new ones)")
    static let moreProblems = Localized(vi: "... và {0} lỗi khác", en: "... and {0} more errors")
    static let oneMoreProblem = Localized(vi: "... và 1 lỗi khác", en: "... and 1 more error")
    static let nothingImported = Localized(
        vi: "Không nhập gì: có {0} lỗi.", en: "Nothing was imported: {0} errors.")
    static let nothingImportedOne = Localized(vi: "Không nhập gì: có 1 lỗi.", en: "Nothing was imported: 1 error.")

    static func typeName(_ type: ColumnType) -> Localized {
        switch type {
        case .integer: return Localized(vi: "một số nguyên", en: "a whole number")
        case .real: return Localized(vi: "một số (dấu chấm thập phân, ví dụ 2.5)", en: "a number (decimal point, e.g. 2.5)")
        case .text: return Localized(vi: "văn bản", en: "text")
        case .date: return Localized(vi: "một ngày YYYY-MM-DD hoặc dd/mm/yyyy", en: "a date YYYY-MM-DD or dd/mm/yyyy")
        case .bool: return Localized(vi: "0 hoặc 1 (có/không, true/false)", en: "0 or 1 (true/false, có/không)")
        case .reference(let table):
            // Only said of tables without codes: elsewhere any text is looked up as a code.
            return Localized(vi: "mã số (số nguyên) của một dòng bảng '\(table)'",
                             en: "the id (a whole number) of a row of '\(table)'")
        }
    }
}
