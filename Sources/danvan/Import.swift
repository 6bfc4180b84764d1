// `danvan import TABLE FILE [--append | --update] [--dry-run]` and `danvan import --all DIR`:
// CSV into the database, all or nothing (issues #4 and #8). The work is in DanVanCSV; this
// file parses the arguments, checks that the files exist (a missing file is a usage error, 2),
// draws the progress bar and prints the problems, one per line, with exit code 3 when the
// data is wrong. `--all` may make a new database; one table goes into a database that exists
// (a new one: `danvan init`). A plain import fills an empty table; rows are added to a table
// that has some with --append, and changed with --update: both are one change set of the
// change log (who, from which file, every row before and after) that `danvan undo` reverts,
// and --dry-run shows what they would change, then changes nothing. They are printed by
// `ChangeText`, as the session's and `danvan run`'s changes are; `--user` and `--sandbox` mean
// what they mean there (the session options), and `--read-only` is refused.
import ArgumentParser
import DanVanCSV
import DanVanREPL
import DanVanStore
import Foundation
import LineEditor
import VietText

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
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

    @Flag(help: HelpText.Import.raw.argumentHelp())
    var raw = false

    @Flag(help: HelpText.Import.append.argumentHelp())
    var append = false

    @Flag(help: HelpText.Import.update.argumentHelp())
    var update = false

    @Flag(name: .customLong("dry-run"), help: HelpText.Session.dryRun.argumentHelp())
    var dryRun = false

    @OptionGroup var options: DatabaseOptions

    /// Under the root command's key (`session`), so that `--user` and `--sandbox` given to
    /// `import` reach `import` (ArgumentParser gives them to the parent otherwise).
    @OptionGroup var session: SessionOptions

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
    }

    /// The session options that make no sense for an import, refused as usage errors (here,
    /// not in `validate()`, which would print the root command's usage under the message).
    private func checkSessionOptions(_ lang: Lang) throws {
        if session.readOnly { throw CLIError(message: Import.readOnly(lang), code: .usage) }
        if session.sandbox && all != nil { throw CLIError(message: Import.sandboxWithAll(lang), code: .usage) }
        if let user = session.user {
            if !(append || update) { throw CLIError(message: Import.userWithoutChanges(lang), code: .usage) }
            if user.trimmingCharacters(in: .whitespaces).isEmpty {
                throw CLIError(message: HelpText.Session.emptyUser(lang), code: .usage)
            }
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
    static let appendAndUpdate = Localized(vi: "chọn một trong hai: --append (thêm dòng mới) hoặc --update (sửa dòng đã có)",
                                           en: "choose one: --append (new rows) or --update (rows that are there)")
    static let changesWithAll = Localized(vi: "--append, --update và --dry-run dùng cho một bảng, không dùng với --all",
                                          en: "--append, --update and --dry-run are for one table, not --all")
    static let userWithoutChanges = Localized(
        vi: "--user ghi tên người thay đổi vào nhật ký, chỉ dùng với --append hoặc --update",
        en: "--user names who made the change in the change log: it goes with --append or --update")
    static let readOnly = Localized(
        vi: "--read-only từ chối mọi thay đổi, mà nhập là thay đổi dữ liệu; muốn xem trước thì dùng --dry-run",
        en: "--read-only refuses every change, and an import changes data; to look first, use --dry-run")
    static let sandboxWithAll = Localized(vi: "--all tạo một cơ sở dữ liệu mới; --sandbox chỉ dùng cho một bảng",
                                          en: "--all makes a new database; --sandbox is for one table")

    func run() throws {
        let lang = options.language
        try checkSessionOptions(lang)
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
            // One whole snapshot or nothing: the manifest export --all writes last (issue 12).
            if let problem = ExportManifest.verify(directory: directory) {
                if case .changed = problem { throw CLIError(message: problem.message(lang), code: .dataError) }
                throw CLIError(message: problem.message(lang), code: .usage)
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
        // --sandbox: a private copy, discarded when the command ends.
        let sandbox = session.sandbox ? try options.openSandbox() : nil
        if sandbox != nil { SandboxCleanup.install() }
        defer {
            if let sandbox {
                sandbox.discard()
            }
        }
        let store = try sandbox?.store ?? options.openStore(all == nil ? .write : .create)
        let bar = ProgressBar()
        defer { bar.finish() }
        let progress: (ImportProgress) -> Void = { step in
            let label = step.phase == .checking ? Import.checking(lang) : Import.writing(lang)
            bar.update(label: label, done: step.bytes, total: step.totalBytes, bytes: step.totalBytes)
        }
        // A plain import of one table fills it only when it is empty: rows added to a table
        // that has some go through --append, which logs them.
        let csvOptions = CSVImportOptions(normalizeText: normalizeText, onlyEmptyTables: all == nil, dryRun: dryRun,
                                          raw: raw)
        if append || update {
            let user = session.user.map { $0.trimmingCharacters(in: .whitespaces).nfc } ?? ChangeWriter.systemUser()
            let change = ChangeImportOptions(mode: append ? .append : .update, user: user,
                                             origin: "import " + sources[0].path, statement: statement(sources[0]),
                                             previewRows: ChangeWriter.previewRows)
            let report: ChangeImportReport
            do {
                report = try CSVImporter.importChanges(sources[0], into: store, change: change, options: csvOptions,
                                                       progress: progress)
            } catch {
                bar.finish()
                throw Import.failure(error, lang)
            }
            bar.finish()
            printChanges(report, sandbox: sandbox != nil, lang)
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
        if sandbox != nil && !dryRun { print(Import.inSandbox(lang)) }
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

    /// What --append or --update did, or would do: a dry-run's summary (per table and
    /// action, the count and the first rows as `column: old → new`), or the change set saved.
    private func printChanges(_ report: ChangeImportReport, sandbox: Bool, _ lang: Lang) {
        let width = TerminalSize.isTerminal(1) ? TerminalSize.current().columns : nil
        if report.dryRun {
            print(ChangeText.dryRun(report.summary, lang, width: width), terminator: "")
        } else if let change = report.change {
            print(ChangeText.committed(change, report.summary, sandbox: sandbox, lang))
        } else {
            let rows = report.fileRows == 1 ? Import.oneRow(lang) : Import.rows(lang, VietFormat.integer(report.fileRows, lang))
            print(Import.nothingToChange(lang, rows, report.table))
        }
        let unchanged = report.fileRows - report.inserted - report.updated
        if update && unchanged > 0 && report.updated > 0 {
            print(unchanged == 1 ? Import.unchangedRow(lang) : Import.unchangedRows(lang, VietFormat.integer(unchanged, lang)))
        }
        if report.normalizedValues > 0 {
            print((report.dryRun ? Import.wouldNormalize : Import.normalized)(lang, VietFormat.integer(report.normalizedValues, lang)))
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
    static let wouldImport = Localized(vi: "Sẽ nhập {0} dòng vào bảng {1}.", en: "Would import {0} rows into {1}.")
    static let wouldNormalize = Localized(vi: "Sẽ chuẩn hóa {0} giá trị văn bản sang NFC.",
                                          en: "Would normalise {0} text values to NFC.")
    static let dryRunDone = Localized(vi: "Chạy thử: không thay đổi gì.", en: "Dry run: nothing was changed.")
    static let inSandbox = Localized(vi: "(vào bản sao thử, bỏ đi khi thoát; tệp thật không bị động tới)",
                                     en: "(into the sandbox copy, discarded at exit; the real file was not touched)")
    static let nothingToChange = Localized(
        vi: "Không có gì thay đổi: {0} của tệp đã đúng như trong bảng {1}.",
        en: "Nothing to change: the file's {0} already match {1}.")
    static let rows = Localized(vi: "{0} dòng", en: "{0} rows")
    static let oneRow = Localized(vi: "1 dòng", en: "1 row")
    static let unchangedRows = Localized(
        vi: "{0} dòng của tệp vốn đã đúng như vậy, không thuộc lần thay đổi này.",
        en: "{0} rows of the file already had these values and are not part of it.")
    static let unchangedRow = Localized(
        vi: "1 dòng của tệp vốn đã đúng như vậy, không thuộc lần thay đổi này.",
        en: "1 row of the file already had these values and is not part of it.")
}
