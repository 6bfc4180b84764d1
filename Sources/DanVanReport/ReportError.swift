// What can go wrong when a script builds or saves a report, in both languages. Each message
// names the function and the argument; a misspelt column, chart kind or motto gets a
// "did you mean". These are `HostMessageError`s, so the language shows them as they say
// themselves, at the line of the call, and the script stops there.
import DanVanLang
import VietText

public struct ReportError: HostMessageError, Equatable, CustomStringConvertible {
    public let text: Localized
    public let arguments: [String]
    /// The closest known name, for "did you mean".
    public let suggestion: String?

    public init(_ text: Localized, _ arguments: [String], suggestion: String? = nil) {
        self.text = text
        self.arguments = arguments
        self.suggestion = suggestion
    }

    /// An error about `name`, not among `candidates`, with the closest one as a hint.
    static func unknown(_ text: Localized, _ arguments: [String], name: String, candidates: [String]) -> ReportError {
        ReportError(text, arguments, suggestion: Suggest.closest(to: name, among: candidates))
    }

    static let hint = Localized(vi: " (có phải ý bạn là '{0}'?)", en: " (did you mean '{0}'?)")

    public func message(_ lang: Lang) -> String {
        text.format(lang, arguments) + (suggestion.map { ReportError.hint(lang, $0) } ?? "")
    }

    public var description: String { message(.en) }
}

/// The messages, next to nothing else so that they read as one list.
enum ReportMessages {
    static let notDocument = Localized(
        vi: "{0}: đối số đầu phải là một tài liệu do document(...) tạo ra, không phải {1}",
        en: "{0}: the first argument must be a document made by document(...), not {1}")
    static let notRows = Localized(
        vi: "{0}: {1} phải là kết quả một truy vấn (danh sách dòng hoặc bản ghi) hoặc một bảng, không phải {2}",
        en: "{0}: {1} must be a query's result (a list of rows or records) or a table, not {2}")
    static let expectedText = Localized(
        vi: "{0}: {1} phải là văn bản, không phải {2}", en: "{0}: {1} must be text, not {2}")
    static let expectedLevel = Localized(
        vi: "{0}: level phải là số nguyên từ 1 đến 4, không phải {1}", en: "{0}: level must be an integer from 1 to 4, not {1}")
    static let unknownChoice = Localized(
        vi: "{0}: {1} không nhận \"{2}\" (chọn một trong: {3})", en: "{0}: {1} cannot be \"{2}\" (choose one of: {3})")
    static let badDate = Localized(
        vi: "{0}: date phải là một ngày (date(2024, 6, 30)) hoặc văn bản \"2024-06-30\", không phải {1}",
        en: "{0}: date must be a date (date(2024, 6, 30)) or the text \"2024-06-30\", not {1}")
    static let unknownColumn = Localized(
        vi: "{0}: không có cột \"{1}\" trong dữ liệu (các cột: {2})", en: "{0}: there is no column \"{1}\" in the data (columns: {2})")
    static let headingsNotRecord = Localized(
        vi: "{0}: headings phải là bản ghi {tên_cột: \"tiêu đề\"}, không phải {1}",
        en: "{0}: headings must be a record {column_name: \"heading\"}, not {1}")
    static let notNumber = Localized(
        vi: "{0}: cột \"{1}\" phải chứa số để vẽ biểu đồ, nhưng dòng {2} có \"{3}\"",
        en: "{0}: column \"{1}\" must hold numbers to be drawn, but row {2} has \"{3}\"")
    static let pieOneSeries = Localized(
        vi: "{0}: biểu đồ tròn vẽ đúng một cột số (y), không phải {1}", en: "{0}: a pie chart draws exactly one number column (y), not {1}")
    static let noNumberColumn = Localized(
        vi: "{0}: không có cột số nào để vẽ; hãy chỉ rõ y: \"tên cột\"", en: "{0}: there is no number column to draw; name one with y: \"column\"")
    static let figureItem = Localized(
        vi: "figures: mục thứ {0} phải là bản ghi {label, value, previous}, không phải {1}",
        en: "figures: item {0} must be a record {label, value, previous}, not {1}")
    static let figureField = Localized(
        vi: "figures: mục thứ {0} có trường lạ \"{1}\" (chỉ dùng label, value, previous)",
        en: "figures: item {0} has an unknown field \"{1}\" (use label, value, previous)")
    static let figureNoLabel = Localized(
        vi: "figures: mục thứ {0} thiếu label (tên chỉ tiêu)", en: "figures: item {0} has no label")
    static let figureValue = Localized(
        vi: "figures: {1} của mục thứ {0} phải là một số, không phải {2}", en: "figures: the {1} of item {0} must be a number, not {2}")
    static let badBlock = Localized(
        vi: "tài liệu: khối thứ {0} phải là bản ghi có kind, không phải {1}", en: "document: block {0} must be a record with a kind, not {1}")
    static let unknownBlock = Localized(
        vi: "tài liệu: khối thứ {0} có kind \"{1}\" không biết (heading, paragraph, placeholder, page_break, figures, table, chart)",
        en: "document: block {0} has an unknown kind \"{1}\" (heading, paragraph, placeholder, page_break, figures, table, chart)")
    static let wontReplace = Localized(
        vi: "save: đã có tệp \"{0}\"; bài học không ghi đè lên tệp của bạn: hãy lưu với tên khác, ví dụ \"thu-{1}\" (hoặc :skip)",
        en: "save: the file \"{0}\" is already there; a lesson never writes over your files: save under another name, e.g. \"try-{1}\" (or :skip)")
    static let badExtension = Localized(
        vi: "save: không biết ghi \"{0}\" theo định dạng nào: tên tệp phải có đuôi .md, .html, .csv hoặc .xlsx",
        en: "save: no format for \"{0}\": the file name must end in .md, .html, .csv or .xlsx")
    static let missingDirectory = Localized(
        vi: "save: thư mục \"{0}\" không tồn tại", en: "save: the folder \"{0}\" does not exist")
    static let cannotWrite = Localized(
        vi: "save: không ghi được \"{0}\": {1}", en: "save: cannot write \"{0}\": {1}")
}
