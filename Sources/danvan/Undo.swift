// `danvan undo ID`: reverts a change set as a new, logged change set (DomainHost.undo), and
// prints what was put back and the new change set's number; `--dry-run` prints what it
// would put back and keeps nothing. A refusal (a row changed again since, already undone,
// no such change set) prints its message, changes nothing and exits with code 1.
import ArgumentParser
import DanVanDomain
import DanVanREPL
import DanVanStore
import Foundation
import LineEditor
import VietText

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: HelpText.Undo.abstract.inHelpLang,
        discussion: HelpText.Undo.discussion.inHelpLang
    )

    @Argument(help: HelpText.Undo.id.argumentHelp())
    var id: String

    @Flag(name: .customLong("dry-run"), help: HelpText.Session.dryRun.argumentHelp())
    var dryRun = false

    @OptionGroup var options: DatabaseOptions

    /// The same group, under the same name, as the root command's: ArgumentParser gives a
    /// parent's option to the parent unless the child's has the same key (`session.user`).
    @OptionGroup var session: SessionOptions

    static let origin = "danvan undo"
    static let undone = Localized(
        vi: "Đã hoàn tác lần thay đổi #{0} bằng lần thay đổi mới #{1}; các dòng được trả lại:",
        en: "Undid change set #{0} as the new change set #{1}; rows put back:")
    static let nothing = Localized(vi: "Lần thay đổi #{0} không có dòng nào cần trả lại: không thay đổi gì.",
                                   en: "Change set #{0} has no row to put back: nothing was changed.")

    func run() throws {
        let lang = options.language
        let target = try ChangeID.parse(id, lang)
        let opened = try session.open(options, origin: Undo.origin)
        defer { opened.close() }
        var writeOptions = opened.options
        writeOptions.dryRun = dryRun
        let host = DomainHost(store: opened.store, options: writeOptions)
        do {
            try host.undo(target)
        } catch let error as WriteError {
            throw CLIError(message: error.message(lang), code: .scriptError)
        } catch {
            throw CLIError(message: LanguageEvaluator.cannotReadDatabase(lang, String(describing: error)), code: .ioError)
        }
        let width = TerminalSize.isTerminal(1) ? TerminalSize.current().columns : nil
        switch host.session.outcome {
        case .committed(let id, let summary)?:
            print(Undo.undone(lang, String(target), String(id)))
            print(ChangeText.parts(summary, lang, width: width), terminator: "")
        case .dryRun(let summary)?:
            print(ChangeText.dryRun(summary, lang, width: width), terminator: "")
        case nil:
            print(Undo.nothing(lang, String(target)))
        }
    }
}
