// `danvan import TABLE FILE [--append | --update] [--dry-run]` and `danvan import --all DIR`:
// CSV into the database, all or nothing (issues #4 and #8). The work is in DanVanCSV; this
// file parses the arguments, checks that the files exist (a missing file is a usage error, 2),
// draws the progress bar and prints the problems, one per line, with exit code 3 when the
// data is wrong. `--all` may make a new database; one table goes into a database that exists
// (a new one: `danvan init`). A plain import fills an empty table; rows are added to a table
// that has some with --append, and changed with --update: both are one change set of the
// change log (who, from which file, every row before and after) that `danvan undo` reverts,
// and --dry-run shows what they would change, then changes nothing.
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

    @Flag(help: HelpText.Import.append.argumentHelp())
    var append = false

    @Flag(help: HelpText.Import.update.argumentHelp())
    var update = false

    @Flag(help: HelpText.Import.dryRun.argumentHelp())
    var dryRun = false

    @Option(help: HelpText.Import.user.argumentHelp(valueName: HelpText.Import.userName))
    var user: String?

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
        if append && update { throw ValidationError(Import.appendAndUpdate(lang)) }
        if all != nil && (append || update || dryRun) { throw ValidationError(Import.changesWithAll(lang)) }
        if user != nil && !(append || update) { throw ValidationError(Import.userWithoutChanges(lang)) }
        if let user, user.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(Import.emptyUser(lang)) }
    }

    static let allWithTable = Localized(vi: "--all THƯ_MỤC không đi kèm tên bảng hay tệp",
                                        en: "--all DIR takes no table or file")
    static let exactWithAll = Localized(vi: "--all vốn giữ nguyên văn bản; --exact chỉ dùng cho một bảng",
                                        en: "--all already keeps text exactly; --exact is for one table")
    static let noTable = Localized(vi: "hãy ghi tên bảng và tệp CSV, hoặc --all THƯ_MỤC",
                                   en: "give a table and a CSV file, or --all DIR")
    static let normalizeOneTable = Localized(vi: "một bảng vốn được chuẩn hóa NFC; --normalize chỉ dùng với --all",
                                             en: "one table is normalised by default; --normalize is for --all")
    static let appendAndUpdate = Localized(vi: "chọn một trong hai: --append (thêm dòng mới) hoặc --update (sửa dòng đã có)",
                                           en: "choose one: --append (new rows) or --update (rows that are there)")
    static let changesWithAll = Localized(vi: "--append, --update và --dry-run dùng cho một bảng, không dùng với --all",
                                          en: "--append, --update and --dry-run are for one table, not --all")
    static let userWithoutChanges = Localized(
        vi: "--user ghi tên người thay đổi vào nhật ký, chỉ dùng với --append hoặc --update",
        en: "--user names who made the change in the change log: it goes with --append or --update")
    static let emptyUser = Localized(vi: "--user cần một tên", en: "--user needs a name")

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
        let progress: (ImportProgress) -> Void = { step in
            let label = step.phase == .checking ? Import.checking(lang) : Import.writing(lang)
            bar.update(label: label, done: step.bytes, total: step.totalBytes, bytes: step.totalBytes)
        }
        // A plain import of one table fills it only when it is empty: rows added to a table
        // that has some go through --append, which logs them.
        let csvOptions = CSVImportOptions(normalizeText: normalizeText, onlyEmptyTables: all == nil, dryRun: dryRun)
        if append || update {
            let change = ChangeImportOptions(mode: append ? .append : .update, user: user ?? ChangeWriter.systemUser(),
                                             origin: "import " + sources[0].path, statement: statement(sources[0]))
            let report: ChangeImportReport
            do {
                report = try CSVImporter.importChanges(sources[0], into: store, change: change, options: csvOptions,
                                                       progress: progress)
            } catch {
                bar.finish()
                throw Import.failure(error, lang)
            }
            bar.finish()
            printChanges(report, lang)
            return
        }
        let report: ImportReport
        do {
            report = try CSVImporter.importFiles(sources, into: store, options: csvOptions, progress: progress)
        } catch {
            bar.finish()
            throw Import.failure(error, lang)
        }
        bar.finish()
        let rows = report.rows.reduce(0) { $0 + $1.count }
        if all != nil {
            print(Import.importedAll(lang, VietFormat.integer(rows, lang), VietFormat.integer(report.rows.count, lang)))
        } else if dryRun {
            print(Import.wouldImport(lang, VietFormat.integer(rows, lang), sources[0].table.name))
        } else {
            print(Import.imported(lang, VietFormat.integer(rows, lang), sources[0].table.name))
        }
        if report.normalizedValues > 0 {
            print((dryRun ? Import.wouldNormalize : Import.normalized)(lang, VietFormat.integer(report.normalizedValues, lang)))
        }
        if dryRun { print(Import.dryRunDone(lang)) }
    }

    /// The command as the change log records it.
    private func statement(_ source: ImportSource) -> String {
        var words = ["danvan", "import", source.table.name, source.path, append ? "--append" : "--update"]
        if exact { words.append("--exact") }
        return words.joined(separator: " ")
    }

    /// An import's failure as the CLI reports it: the problems, with exit code 3 when the data
    /// is wrong and 4 when the database could not be read or written.
    static func failure(_ error: CSVImportError, _ lang: Lang) -> CLIError {
        let code: ExitCode32
        switch error {
        case .invalid: code = .dataError
        case .io, .database: code = .ioError
        case .write(.busy), .write(.staleSnapshot), .write(.readOnly), .write(.database): code = .ioError
        case .write: code = .dataError
        }
        return CLIError(message: error.messages(lang).joined(separator: "\n"), code: code)
    }

    /// What --append or --update did, or would do: per table and action, the count and the
    /// first rows (`column: old → new`), then the change set that `danvan undo` reverts.
    private func printChanges(_ report: ChangeImportReport, _ lang: Lang) {
        let table = report.table
        if report.dryRun, let summary = report.summary {
            for part in summary.parts {
                let count = VietFormat.integer(part.count, lang)
                switch part.action {
                case "insert": print(Import.wouldInsert(lang, count, part.table))
                case "update": print(Import.wouldUpdate(lang, count, part.table))
                default: print(Import.wouldDelete(lang, count, part.table))
                }
                for row in part.rows { print("  " + Import.describe(row)) }
                if part.count > part.rows.count {
                    print("  " + Import.moreRows(lang, VietFormat.integer(part.count - part.rows.count, lang)))
                }
            }
        }
        let unchanged = max(0, report.fileRows - report.inserted - report.updated)
        if report.inserted + report.updated == 0 {
            print(Import.nothingToChange(lang, VietFormat.integer(report.fileRows, lang), table))
        } else if let change = report.change {
            if append {
                print(Import.appended(lang, VietFormat.integer(report.inserted, lang), table, String(change)))
            } else {
                print(Import.updated(lang, VietFormat.integer(report.updated, lang), table,
                                     VietFormat.integer(unchanged, lang), String(change)))
            }
        } else if !append && unchanged > 0 {
            print(Import.unchangedRows(lang, VietFormat.integer(unchanged, lang)))
        }
        if report.normalizedValues > 0 {
            print((report.dryRun ? Import.wouldNormalize : Import.normalized)(lang, VietFormat.integer(report.normalizedValues, lang)))
        }
        if report.dryRun { print(Import.dryRunDone(lang)) }
    }

    /// `units #12: name: "Phường Tân Hòa" → "Phường Tân Hoà", status: "active" → "merged"`;
    /// a new row shows the values it has (its nulls left out).
    static func describe(_ row: ChangedRow) -> String {
        let shown = row.action == "insert" ? row.columns.filter { $0.after != "null" } : row.columns
        let columns = shown.map { column -> String in
            switch (column.before, column.after) {
            case (let before?, let after?): return "\(column.name): \(before) → \(after)"
            case (nil, let after?): return "\(column.name): \(after)"
            case (let before?, nil): return "\(column.name): \(before) → null"
            case (nil, nil): return "\(column.name): null"
            }
        }
        return "\(row.table) #\(row.id): " + columns.joined(separator: ", ")
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
    static let wouldImport = Localized(vi: "Sẽ nhập {0} dòng vào bảng {1}.", en: "Would import {0} rows into {1}.")
    static let wouldNormalize = Localized(vi: "Sẽ chuẩn hóa {0} giá trị văn bản sang NFC.",
                                          en: "Would normalise {0} text values to NFC.")
    static let wouldInsert = Localized(vi: "Sẽ thêm {0} dòng vào bảng {1}:", en: "Would insert {0} rows into {1}:")
    static let wouldUpdate = Localized(vi: "Sẽ sửa {0} dòng của bảng {1}:", en: "Would update {0} rows of {1}:")
    static let wouldDelete = Localized(vi: "Sẽ xóa {0} dòng của bảng {1}:", en: "Would delete {0} rows of {1}:")
    static let moreRows = Localized(vi: "... và {0} dòng khác", en: "... and {0} more rows")
    static let dryRunDone = Localized(vi: "Chạy thử (--dry-run): không thay đổi gì.",
                                      en: "Dry run (--dry-run): nothing was changed.")
    static let appended = Localized(
        vi: "Đã thêm {0} dòng vào bảng {1}: lần thay đổi #{2} (danvan undo {2} để hoàn tác).",
        en: "Appended {0} rows to {1}: change set #{2} (danvan undo {2} reverts it).")
    static let updated = Localized(
        vi: "Đã sửa {0} dòng của bảng {1} ({2} dòng không đổi): lần thay đổi #{3} (danvan undo {3} để hoàn tác).",
        en: "Updated {0} rows of {1} ({2} unchanged): change set #{3} (danvan undo {3} reverts it).")
    static let nothingToChange = Localized(
        vi: "Không có gì thay đổi: {0} dòng của tệp đã đúng như trong bảng {1}.",
        en: "Nothing to change: the file's {0} rows already match {1}.")
    static let unchangedRows = Localized(vi: "({0} dòng không đổi)", en: "({0} rows unchanged)")
}
