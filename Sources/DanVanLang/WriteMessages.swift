// The messages of changing data (`insert`, `update`, `delete`, `expect`, `transaction`) and of
// calls to the host's functions with labelled arguments, in both languages. Tests match the
// English text.
import VietText

enum WriteMessages {
    static let noWriter = Localized(
        vi: "phiên này không được thay đổi dữ liệu", en: "this session cannot change data")
    /// A host's refusal that is not a `LangError`: its own text after this.
    static let writeFailed = Localized(vi: "không thay đổi được dữ liệu: {0}", en: "the data could not be changed: {0}")
    static let cannotStart = Localized(vi: "chương trình không chạy được: {0}", en: "the program cannot run: {0}")
    static let unknownTable = Localized(vi: "không có bảng '{0}'", en: "unknown table '{0}'")
    static let idNotSettable = Localized(
        vi: "cột 'id' do dữ liệu tự đánh số, không gán được", en: "the column 'id' is numbered by the data and cannot be set")
    static let columnTwice = Localized(vi: "cột '{0}' được gán hai lần", en: "the column '{0}' is set twice")
    static let notStorable = Localized(
        vi: "cột '{0}' chứa {1}, không nhận {2}", en: "the column '{0}' holds {1} and cannot take {2}")
    static let referenceValue = Localized(
        vi: "cột '{0}' trỏ tới một dòng của bảng {1}: hãy cho id của dòng đó hoặc chính dòng đó, không phải {2}",
        en: "the column '{0}' points at a row of {1}: give that row or its id, not {2}")
    static let insertNeedsRecords = Localized(
        vi: "insert cần một bản ghi hoặc một danh sách bản ghi, nhận được {0}",
        en: "insert needs a record or a list of records, got {0}")
    static let writeNeedsRows = Localized(
        vi: "'{0}' cần các dòng của một bảng: đặt nó ngay sau tên bảng hoặc sau where, sort, take, skip, expect (không sau select, group by, first hay một hàm)",
        en: "'{0}' needs the rows of a table: put it right after the table's name or after where, sort, take, skip or expect (not after select, group by, first or a function)")
    static let writeMustBeLast = Localized(
        vi: "'{0}' phải là bước cuối cùng của đường ống", en: "'{0}' must be the last stage of the pipeline")
    static let notARowOf = Localized(
        vi: "'{0}' cần các dòng của bảng {1}, nhận được {2}", en: "'{0}' needs rows of {1}, got {2}")
    static let expectedOne = Localized(
        vi: "cần đúng 1 dòng, nhưng đường ống cho {1} dòng", en: "expected 1 row, but the pipeline gives {1}")
    static let expectedMany = Localized(
        vi: "cần đúng {0} dòng, nhưng đường ống cho {1} dòng", en: "expected {0} rows, but the pipeline gives {1}")

    // Labelled arguments.
    static let labelsNotAllowed = Localized(
        vi: "'{0}' không nhận đối số có tên; hãy viết các đối số theo thứ tự (chỉ các hàm của dữ liệu mới nhận tên)",
        en: "'{0}' takes no labelled arguments; give them in order (only the data's functions take labels)")
    static let labelOutsideHostCall = Localized(
        vi: "chỉ các hàm của dữ liệu mới nhận đối số có tên", en: "only the data's functions take labelled arguments")
    static let positionalAfterLabelled = Localized(
        vi: "đối số không tên không được đứng sau đối số có tên",
        en: "an argument without a label cannot follow a labelled one")
    static let unknownLabel = Localized(
        vi: "'{0}' không có tham số '{1}' (các tham số: {2})", en: "'{0}' has no parameter '{1}' (its parameters: {2})")
    static let labelTwice = Localized(vi: "đối số '{0}' được cho hai lần", en: "the argument '{0}' is given twice")
    static let missingArgument = Localized(vi: "'{0}' cần đối số '{1}'", en: "'{0}' needs the argument '{1}'")
    static let tooManyArguments = Localized(
        vi: "'{0}' nhận tối đa {1} đối số, nhận được {2}", en: "'{0}' takes at most {1} arguments, got {2}")
}

/// What a column holds, in words, for "the column 'year' holds whole numbers".
enum ColumnKindNames {
    static let integer = Localized(vi: "số nguyên", en: "whole numbers")
    static let decimal = Localized(vi: "số", en: "numbers")
    static let text = Localized(vi: "văn bản", en: "text")
    static let date = Localized(vi: "ngày", en: "dates")
    static let bool = Localized(vi: "true/false", en: "true/false")
    static let any = Localized(vi: "giá trị", en: "values")

    static func of(_ kind: ColumnKind) -> Localized {
        switch kind {
        case .integer: return integer
        case .decimal: return decimal
        case .text: return text
        case .date: return date
        case .bool: return bool
        case .reference, .any: return any
        }
    }
}
