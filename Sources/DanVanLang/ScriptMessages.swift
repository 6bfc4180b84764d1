// The messages of `param`, `import`, `show` and `args`, in both languages. Tests match the English text.
import VietText

public enum ScriptMessages {
    static let expectedParamType = Localized(
        vi: "cần kiểu của tham số sau ':' (int, number, text, date hoặc bool)",
        en: "expected the parameter's type after ':' (int, number, text, date or bool)")
    static let expectedImportPath = Localized(vi: "cần đường dẫn tệp trong ngoặc kép sau 'import'",
                                              en: "expected a file path in quotes after 'import'")
    static let importPathInterpolated = Localized(
        vi: "đường dẫn của 'import' phải viết sẵn, không chứa {…}",
        en: "the path of 'import' must be written out, without {…}")
    static let paramAfterStatements = Localized(
        vi: "tham số '{0}' phải khai báo ở đầu kịch bản, trước mọi câu lệnh khác",
        en: "the parameter '{0}' must be declared at the top of the script, before any other statement")
    static let paramNotAtTop = Localized(
        vi: "'param' chỉ dùng được ở đầu kịch bản, không trong một khối hay một hàm",
        en: "'param' is only allowed at the top of a script, not inside a block or a function")
    static let paramInImport = Localized(
        vi: "tệp được import không khai báo tham số được ('{0}'): chỉ kịch bản chính có tham số",
        en: "an imported file cannot declare parameters ('{0}'): only the main script has parameters")
    static let duplicateParam = Localized(vi: "tham số '{0}' đã được khai báo", en: "the parameter '{0}' is declared twice")
    static let unknownParamType = Localized(
        vi: "không có kiểu '{0}' cho tham số '{1}' (dùng int, number, text, date hoặc bool)",
        en: "unknown type '{0}' for the parameter '{1}' (use int, number, text, date or bool)")
    static let badDefault = Localized(
        vi: "giá trị mặc định của tham số '{0}' phải là một {1} viết sẵn, không phải {2}",
        en: "the default of the parameter '{0}' must be a constant {1}, not {2}")
    static let missingParam = Localized(
        vi: "thiếu giá trị cho tham số '{0}' ({1}), vì nó không có giá trị mặc định",
        en: "the parameter '{0}' ({1}) has no default and no value was given")
    static let badParamValue = Localized(
        vi: "tham số '{0}' cần giá trị kiểu {1}, không phải {2}",
        en: "the parameter '{0}' takes a value of type {1}, not {2}")
    static let importNotAtTop = Localized(
        vi: "'import' chỉ dùng được ở cấp ngoài cùng của tệp, không trong một khối hay một hàm",
        en: "'import' is only allowed at the top level of a file, not inside a block or a function")
    static let importUnavailable = Localized(
        vi: "không import được \"{0}\": nơi chạy chương trình này không đọc tệp",
        en: "cannot import \"{0}\": this program runs where files cannot be read")
    static let importFailed = Localized(vi: "không import được \"{0}\": {1}", en: "cannot import \"{0}\": {1}")
    static let importCycle = Localized(vi: "các tệp import lẫn nhau thành vòng: {0}", en: "import cycle: {0}")
    static let importedTwice = Localized(
        vi: "'{0}' đã được định nghĩa trong tệp được import {1}",
        en: "'{0}' is already defined in the imported file {1}")
    static let showFailed = Localized(vi: "không hiển thị được giá trị: {0}", en: "cannot show the value: {0}")
}

/// What a module loader throws for a file it cannot give: its message in both languages
/// (the loader knows the resolved path: "no file /home/lan/lib/common.dv").
public struct ModuleLoadError: Error, Sendable {
    public let message: Localized

    public init(_ message: Localized) { self.message = message }
}
