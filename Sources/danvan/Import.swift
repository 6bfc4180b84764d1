// `danvan import TABLE FILE` and `danvan import --all DIR`: CSV into the database, all or
// nothing (issue #4). The work is in DanVanCSV; this file parses the arguments, checks that
// the files exist (a missing file is a usage error, 2), draws the progress bar and prints
// the problems, one per line, with exit code 3 when the data is wrong. `--all` may make a new
// database; one table goes into a database that exists (a new one: `danvan init`).
import ArgumentParser
import DanVanCSV
import DanVanStore
import Foundation
import VietText

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.Import.abstract.inHelpLang,
        discussion: HelpText.Import.discussion.inHelpLang
    )

    @Argument(help: HelpText.Import.table.argumentHelp())
    var table: String?

    @Argument(help: HelpText.Import.file.argumentHelp())
    var file: String?

    @Option(name: .customLong("all"), help: HelpText.Import.all.argumentHelp(valueName: HelpText.directory))
    var all: String?

    @Flag(help: HelpText.Import.exact.argumentHelp())
    var exact = false

    @Flag(help: HelpText.Import.normalize.argumentHelp())
    var normalize = false

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        let lang = options.language
        if all != nil {
            if table != nil || file != nil { throw ValidationError(Import.allWithTable(lang)) }
            if exact { throw ValidationError(Import.exactWithAll(lang)) }
        } else {
            if table == nil || file == nil { throw ValidationError(Import.noTable(lang)) }
            if normalize { throw ValidationError(Import.normalizeOneTable(lang)) }
        }
    }

    static let allWithTable = Localized(vi: "--all THƯ_MỤC không đi kèm tên bảng hay tệp",
                                        en: "--all DIR takes no table or file")
    static let exactWithAll = Localized(vi: "--all vốn giữ nguyên văn bản; --exact chỉ dùng cho một bảng",
                                        en: "--all already keeps text exactly; --exact is for one table")
    static let noTable = Localized(vi: "hãy ghi tên bảng và tệp CSV, hoặc --all THƯ_MỤC",
                                   en: "give a table and a CSV file, or --all DIR")
    static let normalizeOneTable = Localized(vi: "một bảng vốn được chuẩn hóa NFC; --normalize chỉ dùng với --all",
                                             en: "one table is normalised by default; --normalize is for --all")

    func run() throws {
        let lang = options.language
        let sources: [ImportSource]
        let normalizeText: Bool
        var isDirectory: ObjCBool = false
        if let directory = all {
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CLIError(message: Import.noDirectory(lang, directory), code: .usage)
            }
            let found = CSVImporter.sources(inDirectory: directory) { FileManager.default.fileExists(atPath: $0) }
            guard found.missing.isEmpty else {
                throw CLIError(message: Import.missingFiles(lang, found.missing.joined(separator: ", ")), code: .usage)
            }
            sources = found.sources
            normalizeText = normalize
        } else {
            guard let name = table, let table = CSVNames.table(named: name) else {
                throw CLIError(message: Export.unknownTable(lang, self.table ?? "",
                                                            Catalog.tables.map(\.name).joined(separator: ", ")),
                               code: .usage)
            }
            guard let path = file, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                  !isDirectory.boolValue else {
                throw CLIError(message: Import.noFile(lang, file ?? ""), code: .usage)
            }
            sources = [ImportSource(table: table, path: path)]
            normalizeText = !exact
        }
        let store = try options.openStore(all == nil ? .write : .create)
        let bar = ProgressBar()
        defer { bar.finish() }
        let report: ImportReport
        do {
            report = try CSVImporter.importFiles(
                sources, into: store, options: CSVImportOptions(normalizeText: normalizeText)
            ) { step in
                let label = step.phase == .checking ? Import.checking(lang) : Import.writing(lang)
                bar.update(label: label, done: step.bytes, total: step.totalBytes, bytes: step.totalBytes)
            }
        } catch {
            bar.finish()
            let code: ExitCode32
            switch error {
            case .invalid: code = .dataError
            case .io, .database: code = .ioError
            }
            throw CLIError(message: error.messages(lang).joined(separator: "\n"), code: code)
        }
        bar.finish()
        let rows = report.rows.reduce(0) { $0 + $1.count }
        if all != nil {
            print(Import.importedAll(lang, VietFormat.integer(rows, lang), VietFormat.integer(report.rows.count, lang)))
        } else {
            print(Import.imported(lang, VietFormat.integer(rows, lang), sources[0].table.name))
        }
        if report.normalizedValues > 0 {
            print(Import.normalized(lang, VietFormat.integer(report.normalizedValues, lang)))
        }
    }

    static let noFile = Localized(vi: "không có tệp '{0}'", en: "there is no file '{0}'")
    static let noDirectory = Localized(vi: "không có thư mục '{0}'", en: "there is no directory '{0}'")
    static let missingFiles = Localized(
        vi: "thư mục xuất thiếu tệp: {0} (danvan export --all ghi đủ một tệp cho mỗi bảng)",
        en: "the export directory lacks: {0} (danvan export --all writes one file per table)")
    static let checking = Localized(vi: "Kiểm tra", en: "Checking")
    static let writing = Localized(vi: "Ghi", en: "Writing")
    static let imported = Localized(vi: "Đã nhập {0} dòng vào bảng {1}.", en: "Imported {0} rows into {1}.")
    static let importedAll = Localized(vi: "Đã nhập {0} dòng vào {1} bảng.", en: "Imported {0} rows into {1} tables.")
    static let normalized = Localized(vi: "Đã chuẩn hóa {0} giá trị văn bản sang NFC.",
                                      en: "Normalised {0} text values to NFC.")
}
