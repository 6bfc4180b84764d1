// `danvan export TABLE [-o FILE]` and `danvan export --all DIR`: tables as CSV (issue #4).
// The work is in DanVanCSV; this file parses the arguments, draws the progress bar and
// turns failures into the documented exit codes.
import ArgumentParser
import DanVanCSV
import DanVanFiles
import DanVanStore
import Foundation
import VietText

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: HelpText.Export.abstract.inHelpLang,
        discussion: HelpText.Export.discussion.inHelpLang
    )

    enum HeaderStyle: String, ExpressibleByArgument {
        case names, vi
    }

    @Argument(help: HelpText.Export.table.argumentHelp())
    var table: String?

    @Option(name: .customLong("all"), help: HelpText.Export.all.argumentHelp(valueName: HelpText.directory))
    var all: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: HelpText.Export.output.argumentHelp())
    var output: String?

    @Flag(name: .customLong("no-bom"), help: HelpText.Export.noBOM.argumentHelp())
    var noBOM = false

    @Option(name: .customLong("header"), help: HelpText.Export.header.argumentHelp())
    var header: HeaderStyle = .names

    @Flag(help: HelpText.Export.raw.argumentHelp())
    var raw = false

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        let lang = options.language
        if all != nil && table != nil {
            throw ValidationError(Export.tableOrAll(lang))
        }
        if all == nil && table == nil {
            throw ValidationError(Export.noTable(lang))
        }
        if all != nil && output != nil {
            throw ValidationError(Export.allWithOutput(lang))
        }
    }

    static let tableOrAll = Localized(vi: "chỉ ghi một bảng hoặc --all THƯ_MỤC, không cả hai",
                                      en: "give either a table or --all DIR, not both")
    static let noTable = Localized(vi: "hãy ghi tên bảng cần xuất, hoặc --all THƯ_MỤC",
                                   en: "give a table to export, or --all DIR")
    static let allWithOutput = Localized(vi: "--all ghi mỗi bảng một tệp; -o chỉ dùng cho một bảng",
                                         en: "--all writes one file per table; -o is for one table")

    func run() throws {
        let lang = options.language
        let exportOptions = CSVExportOptions(bom: !noBOM, header: header == .vi ? .vietnamese : .canonical,
                                             raw: raw)
        let bar = ProgressBar()
        defer { bar.finish() }
        let progress: (ExportProgress) -> Void = { step in
            bar.update(label: step.table, done: Int64(step.rows), total: Int64(step.totalRows), bytes: step.bytes)
        }
        if let directory = all {
            let store = try options.openStore(.query)
            do {
                let counts = try CSVExporter.exportAll(from: store, to: directory, options: exportOptions,
                                                       progress: progress)
                bar.finish()
                let rows = counts.reduce(0) { $0 + $1.rows }
                print(Export.exportedAll(lang, VietFormat.integer(counts.count, lang), VietFormat.integer(rows, lang), directory))
            } catch {
                throw CLIError(message: error.message(lang), code: Export.exitCode(for: error))
            }
            return
        }
        guard let name = table, let table = CSVNames.table(named: name) else {
            throw CLIError(message: Export.unknownTable(lang, self.table ?? "",
                                                        Catalog.tables.map(\.name).joined(separator: ", ")),
                           code: .usage)
        }
        let store = try options.openStore(.query)
        do {
            if let path = output {
                let rows = try CSVExporter.export(table: table, from: store, toFile: path, options: exportOptions,
                                                  progress: progress)
                bar.finish()
                print(Export.exported(lang, VietFormat.integer(rows, lang), table.name, path))
            } else {
                let stdout = ByteOutput(descriptor: 1, name: StandardStream.outputName)
                try CSVExporter.export(table: table, from: store, to: stdout, options: exportOptions,
                                       progress: progress)
            }
        } catch {
            if case .io(let failure) = error, failure.path == StandardStream.outputName {
                throw CLIError(message: StandardOutputFailure.cannotWrite(lang, failure.reason), code: .ioError)
            }
            throw CLIError(message: error.message(lang), code: Export.exitCode(for: error))
        }
    }

    static func exitCode(for error: CSVExportError) -> ExitCode32 {
        switch error {
        case .io, .file, .database: return .ioError
        case .binaryValue: return .dataError
        }
    }

    static let unknownTable = Localized(vi: "không có bảng '{0}'; các bảng: {1}",
                                        en: "there is no table '{0}'; the tables are: {1}")
    static let exported = Localized(vi: "Đã xuất {0} dòng của bảng {1} ra {2}.",
                                    en: "Exported {0} rows of {1} to {2}.")
    static let exportedAll = Localized(vi: "Đã xuất {0} bảng ({1} dòng) vào thư mục {2}.",
                                       en: "Exported {0} tables ({1} rows) to {2}.")
}
