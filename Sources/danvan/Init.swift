// `danvan init [FILE]`: makes a new, empty database with the current schema, the one way
// besides `demo` and `import --all` to get a database at a path of one's choosing (queries
// never create one). It never touches a file that has anything in it: that is exit code 3,
// like a demo into a non-empty database.
import ArgumentParser
import DanVanStore
import Foundation
import VietText

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: HelpText.Init.abstract.inHelpLang,
        discussion: HelpText.Init.discussion.inHelpLang
    )

    @Argument(help: HelpText.Init.file.argumentHelp())
    var file: String?

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        if let file, let db = options.db, file != db {
            throw ValidationError(Init.twoPaths(options.language))
        }
        // `danvan init "$UNSET"`: an empty FILE, refused as `--db ""` is.
        if file == "" { throw ValidationError(Init.emptyFile(options.language)) }
    }

    func run() throws {
        let lang = options.language
        let path = file ?? options.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw CLIError(message: StoreError.isDirectory(path: path).message(lang), code: .ioError)
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber
            if size?.intValue != 0 {
                throw CLIError(message: Init.notEmpty(lang, path), code: .dataError)
            }
        }
        do {
            _ = try Store(path: path, mode: .create)
        } catch let error as StoreError {
            throw CLIError(message: error.message(lang), code: .ioError)
        }
        print(Init.created(lang, path))
    }

    static let emptyFile = Localized(vi: "TỆP là một đường dẫn rỗng (có thể một biến chưa được gán)",
                                     en: "FILE is an empty path (perhaps an unset variable)")
    static let twoPaths = Localized(vi: "chỉ ghi đường dẫn một lần: TỆP hoặc --db TỆP",
                                    en: "give the path once: FILE or --db FILE")
    static let notEmpty = Localized(
        vi: "{0} đã có và không rỗng; danvan init chỉ tạo cơ sở dữ liệu mới, không ghi đè (hãy chọn tên khác hoặc tự xóa tệp đó trước)",
        en: "{0} already exists and is not empty; danvan init only makes new databases and never overwrites one (choose another name, or delete the file first)")
    static let created = Localized(vi: "Đã tạo cơ sở dữ liệu mới, rỗng: {0}", en: "Created a new, empty database: {0}")
}
