// `danvan changes`: the change log. Without an id, the latest change sets as a table (who,
// when, from where, rows inserted ~ updated − deleted, undo links, the statement's first
// line), filtered by `--since DAY` and `--table T`; with an id, that change set in full:
// its statement and, per table and action, its rows as `column: old → new`.
import ArgumentParser
import DanVanDomain
import DanVanLang
import DanVanOutput
import DanVanREPL
import DanVanStore
import Foundation
import LineEditor
import VietText

struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: HelpText.Changes.abstract.inHelpLang,
        discussion: HelpText.Changes.discussion.inHelpLang
    )

    @Argument(help: HelpText.Changes.id.argumentHelp())
    var id: String?

    @Option(name: .long, help: HelpText.Changes.since.argumentHelp(valueName: HelpText.Changes.dateValue))
    var since: String?

    @Option(name: .long, help: HelpText.Changes.table.argumentHelp(valueName: HelpText.Changes.tableValue))
    var table: String?

    @Option(name: .long, help: HelpText.Changes.limit.argumentHelp(valueName: Localized(vi: "N", en: "N")))
    var limit: Int?

    @OptionGroup var options: DatabaseOptions

    /// Change sets listed when `--limit` is not given.
    static let defaultListed = 20
    /// Rows shown per table and action of one change set when `--limit` is not given.
    static let defaultRowsShown = 10
    /// The largest `--limit`: more rows than anybody reads, small enough for memory.
    static let maxLimit = 100_000

    func run() throws {
        let lang = options.language
        if let limit, limit < 1 || limit > Changes.maxLimit {
            throw CLIError(message: Changes.badLimit(lang, String(limit), VietFormat.integer(Changes.maxLimit, lang)), code: .usage)
        }
        if let id {
            guard since == nil, table == nil else { throw CLIError(message: Changes.filtersWithID(lang), code: .usage) }
            try show(try ChangeID.parse(id, lang), lang: lang)
        } else {
            try list(lang: lang)
        }
    }

    private func host() throws -> DomainHost {
        DomainHost(store: try options.openStore(.query))
    }

    private func list(lang: Lang) throws {
        if let since, CalendarDate(iso: since) == nil {
            throw CLIError(message: Changes.badDate(lang, since), code: .usage)
        }
        let tableName = try table.map { try Changes.tableName($0, lang) }
        let count = limit ?? Changes.defaultListed
        let changes = try ChangeID.reading(lang) { try host().changes(since: since, table: tableName, limit: count) }
        guard !changes.isEmpty else {
            print(since == nil && tableName == nil ? Changes.none(lang) : Changes.noneMatch(lang))
            return
        }
        let terminal = TerminalSize.isTerminal(1)
        let renderer = TableRenderer(lang: lang, border: .box,
                                     color: ColorPolicy.enabled(outputIsTerminal: terminal,
                                                                environment: CLIEnvironment.variables),
                                     width: terminal ? TerminalSize.current().columns : nil)
        print(renderer.render(ChangeText.list(changes, lang)).text, terminator: "")
        if changes.count == count { print(Changes.onlyLatest(lang, VietFormat.integer(count, lang))) }
    }

    private func show(_ id: Int64, lang: Lang) throws {
        let host = try host()
        let (info, summary) = try ChangeID.reading(lang) { () -> (ChangeSetInfo?, ChangeSummary) in
            (try host.changeInfo(id), try host.changeSummary(id, sample: limit ?? Changes.defaultRowsShown))
        }
        guard let info else { throw CLIError(message: WriteError.noSuchChange(id).message(lang), code: .scriptError) }
        let width = TerminalSize.isTerminal(1) ? TerminalSize.current().columns : nil
        print(ChangeText.detail(info, summary, lang, width: width), terminator: "")
    }

    /// The catalog's name of the table `name` (name or alias), or a usage error with the
    /// closest name.
    static func tableName(_ name: String, _ lang: Lang) throws -> String {
        if let table = Catalog.tables.first(where: { $0.name == name || $0.alias == name }) { return table.name }
        let names = Catalog.tables.map(\.name) + Catalog.tables.map(\.alias)
        if let near = NameSuggestion.closest(to: name, among: names) {
            throw CLIError(message: Changes.unknownTableNear(lang, name, near), code: .usage)
        }
        throw CLIError(message: Changes.unknownTable(lang, name, Catalog.tables.map(\.name).joined(separator: ", ")), code: .usage)
    }

    static let badLimit = Localized(vi: "--limit phải từ 1 đến {1}, không phải {0}", en: "--limit must be from 1 to {1}, not {0}")
    static let filtersWithID = Localized(vi: "--since và --table chỉ dùng khi liệt kê, không dùng với một số lần thay đổi",
                                         en: "--since and --table filter the list; they do not go with a change set's id")
    static let badDate = Localized(vi: "--since: '{0}' không phải một ngày (YYYY-MM-DD, ví dụ 2025-03-01)",
                                   en: "--since: '{0}' is not a date (YYYY-MM-DD, e.g. 2025-03-01)")
    static let unknownTableNear = Localized(vi: "không có bảng '{0}'; có phải ý bạn là '{1}'?",
                                            en: "there is no table '{0}'; did you mean '{1}'?")
    static let unknownTable = Localized(vi: "không có bảng '{0}'; các bảng: {1}", en: "there is no table '{0}'; the tables are: {1}")
    static let none = Localized(vi: "Chưa có lần thay đổi nào.", en: "No change sets yet.")
    static let noneMatch = Localized(vi: "Không có lần thay đổi nào khớp.", en: "No change sets match.")
    static let onlyLatest = Localized(vi: "({0} lần gần nhất; --limit N để xem nhiều hơn)",
                                      en: "(the latest {0}; --limit N shows more)")
}

/// A change set's id on the command line, and reading the log with the CLI's errors.
enum ChangeID {
    static let bad = Localized(vi: "'{0}' không phải số của một lần thay đổi (ví dụ 12 hoặc #12)",
                               en: "'{0}' is not a change set's number (e.g. 12 or #12)")

    /// `12` or `#12`; anything else is a usage error.
    static func parse(_ text: String, _ lang: Lang) throws -> Int64 {
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard let id = Int64(digits), id > 0 else { throw CLIError(message: bad(lang, text), code: .usage) }
        return id
    }

    /// Runs `body`, a read of the log: a database failure is an I/O error (exit code 4).
    static func reading<T>(_ lang: Lang, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CLIError {
            throw error
        } catch let error as WriteError {
            throw CLIError(message: error.message(lang), code: .ioError)
        } catch {
            throw CLIError(message: LanguageEvaluator.cannotReadDatabase(lang, String(describing: error)), code: .ioError)
        }
    }
}
