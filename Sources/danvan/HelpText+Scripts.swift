// The help texts and messages of running scripts unattended, in Vietnamese and English: the
// output options (`--mode`, `--output`, `--replace`, `--append`; ScriptOutput.swift) and a
// script's parameters (`--set`, `-- args`, `danvan run FILE --help`; ScriptParams.swift).
import DanVanLang
import VietText

extension HelpText {
    enum Output {
        static let mode = Localized(
            vi: "Cách ghi bảng: table (bảng căn cột), csv, json, markdown hoặc line (mặc định: table).",
            en: "How tables are written: table (aligned), csv, json, markdown or line (default: table).")
        static let modeValue = Localized(vi: "KIỂU", en: "MODE")
        static let output = Localized(
            vi: "Ghi kết quả vào TỆP thay vì đầu ra chuẩn. Tệp chỉ được ghi khi kịch bản chạy xong không lỗi; tệp CSV bắt đầu bằng BOM UTF-8. Tệp đã có thì bị từ chối, trừ khi có --replace hoặc --append.",
            en: "Write the output to FILE instead of standard output. The file is written only when the script succeeds; a CSV file starts with a UTF-8 byte order mark. An existing file is refused unless --replace or --append is given.")
        static let fileValue = Localized(vi: "TỆP", en: "FILE")
        static let replace = Localized(vi: "Cùng --output: thay tệp đã có (ví dụ khi chạy lại một báo cáo).",
                                       en: "With --output: replace the file if it exists (e.g. running a report again).")
        static let append = Localized(vi: "Cùng --output: ghi tiếp vào cuối tệp đã có.",
                                      en: "With --output: add to the end of the file if it exists.")
        static let unknownMode = Localized(vi: "không có kiểu ghi '{0}' (dùng {1})", en: "unknown output mode '{0}' (use {1})")
        static let didYouMean = Localized(vi: "; có phải ý bạn là '{0}'?", en: "; did you mean '{0}'?")
        static let needsOutput = Localized(vi: "--replace và --append đi cùng --output TỆP",
                                           en: "--replace and --append go with --output FILE")
        static let replaceAndAppend = Localized(vi: "--replace và --append không dùng cùng nhau được",
                                                en: "--replace and --append cannot be used together")
        static let isFolder = Localized(vi: "--output {0} là một thư mục", en: "--output {0} is a folder")
        static let exists = Localized(
            vi: "tệp {0} đã có: --output không ghi đè lên nó; thêm --replace để thay nó, hoặc --append để ghi tiếp vào cuối",
            en: "the file {0} exists: --output does not overwrite it; add --replace to replace it or --append to add to its end")
        static let cannotWrite = Localized(vi: "không ghi được tệp {0}", en: "cannot write the file {0}")
        static let notWritten = Localized(
            vi: "không ghi {0}: kịch bản bị lỗi (tệp vẫn như trước)",
            en: "{0} was not written: the script failed (the file is as it was)")
        static let sessionOutput = Localized(
            vi: "--output dành cho kịch bản (run, eval, đầu vào qua ống); trong phiên làm việc hãy dùng :output TỆP",
            en: "--output is for scripts (run, eval, piped input); in the session use :output FILE")
    }

    enum Params {
        static let set = Localized(
            vi: "Cho một tham số (param) của kịch bản giá trị của nó; dùng được nhiều lần: --set year=2023.",
            en: "Give one of the script's parameters (param) its value; may be repeated: --set year=2023.")
        static let setValue = Localized(vi: "TÊN=GIÁ_TRỊ", en: "NAME=VALUE")
        static let arguments = Localized(vi: "Sau --: các đối số cho kịch bản, là danh sách args của nó.",
                                         en: "After --: arguments for the script, its list `args`.")
        static let setShape = Localized(vi: "--set cần dạng TÊN=GIÁ_TRỊ, không phải '{0}'",
                                        en: "--set needs NAME=VALUE, not '{0}'")
        static let unknownName = Localized(vi: "kịch bản {0} không có tham số '{1}'", en: "the script {0} has no parameter '{1}'")
        static let suggestion = Localized(vi: " (có phải ý bạn là '{0}'?)", en: " (did you mean '{0}'?)")
        static let itsParameters = Localized(vi: "; các tham số của nó: {0}", en: "; its parameters: {0}")
        static let noParameters = Localized(vi: "; nó không có tham số nào", en: "; it has no parameters")
        static let badValue = Localized(
            vi: "tham số '{0}' cần giá trị kiểu {1} (ví dụ {2}), không phải '{3}'",
            en: "the parameter '{0}' takes a value of type {1} (for example {2}), not '{3}'")
        static let missing = Localized(
            vi: "tham số '{0}' ({1}) không có giá trị mặc định: hãy cho nó giá trị bằng --set {0}=… (xem danvan run {2} --help)",
            en: "the parameter '{0}' ({1}) has no default: give it a value with --set {0}=… (see danvan run {2} --help)")
        static let heading = Localized(vi: "THAM SỐ CỦA {0} (--set TÊN=GIÁ_TRỊ):", en: "PARAMETERS OF {0} (--set NAME=VALUE):")
        static let none = Localized(vi: "(kịch bản này không có tham số)", en: "(this script has no parameters)")
        static let nameColumn = Localized(vi: "TÊN", en: "NAME")
        static let typeColumn = Localized(vi: "KIỂU", en: "TYPE")
        static let defaultColumn = Localized(vi: "MẶC ĐỊNH", en: "DEFAULT")
        static let helpColumn = Localized(vi: "Ý NGHĨA", en: "MEANING")
        static let required = Localized(vi: "(bắt buộc)", en: "(required)")
        static let example = Localized(vi: "Ví dụ: danvan run {0} --set {1}={2}", en: "Example: danvan run {0} --set {1}={2}")

        /// The message for `--set NAME=…` when the script has no parameter NAME.
        static func unknown(_ name: String, script: String, parameters: [ScriptParameter], _ lang: Lang) -> String {
            let names = parameters.map(\.name)
            var message = unknownName(lang, script, name)
            if let close = Suggest.closest(to: name, among: names) { message += suggestion(lang, close) }
            message += names.isEmpty ? noParameters(lang) : itsParameters(lang, names.joined(separator: ", "))
            return message
        }
    }
}
