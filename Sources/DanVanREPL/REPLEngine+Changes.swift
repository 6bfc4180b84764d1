// The engine's side of changing data: the commands `:changes`, `:undo`, `:dry-run`,
// `:confirm`, `:begin`, `:commit` and `:rollback`; the line after an entry that saved a
// change set (or the summary of a dry-run); the question `Apply? [y/N]` before a step that
// changes many rows; the prompt's tags (sandbox, read-only, transaction, dry-run); and, at
// exit, rolling back a transaction left open, so that nothing is saved by accident.
import DanVanStore
import Foundation
import VietText

extension REPLEngine {
    static let noDatabase = Localized(vi: "Phiên này không có cơ sở dữ liệu.", en: "This session has no database.")

    /// A refusal or failure of the data session, in the session's language.
    func dataMessage(_ error: any Error) -> String {
        if let error = error as? WriteError { return error.message(lang) }
        if let error = error as? StoreError { return error.message(lang) }
        return String(describing: error)
    }

    // MARK: The prompt

    static let tagSandbox = Localized(vi: "bản sao", en: "sandbox")
    static let tagReadOnly = Localized(vi: "chỉ đọc", en: "read-only")
    static let tagTransaction = Localized(vi: "giao dịch", en: "transaction")
    static let tagDryRun = Localized(vi: "chạy thử", en: "dry-run")

    /// What the prompt shows between brackets: `danvan[sandbox, transaction]> `.
    var promptTags: [String] {
        guard let data else { return [] }
        var tags: [String] = []
        if data.isSandbox { tags.append(Self.tagSandbox(lang)) }
        if data.isReadOnly && !data.isSandbox { tags.append(Self.tagReadOnly(lang)) }
        if data.inTransaction { tags.append(Self.tagTransaction(lang)) }
        if data.dryRun { tags.append(Self.tagDryRun(lang)) }
        return tags
    }

    /// `danvan> `, or with the session's tags `danvan[dry-run]> `.
    var primaryPromptNow: String {
        let tags = promptTags
        return tags.isEmpty ? Self.primaryPrompt : "danvan[" + tags.joined(separator: ", ") + "]> "
    }

    /// `...> ` as wide as the primary prompt, so continued lines line up under the first.
    var continuationPromptNow: String {
        let primary = primaryPromptNow
        if primary == Self.primaryPrompt { return Self.continuationPrompt }
        return DisplayWidth.pad("...> ", to: DisplayWidth.of(primary), alignment: .right)
    }

    // MARK: After an entry

    /// The line naming the change set an entry saved, or a dry-run's summary.
    func reportOutcome() {
        guard let data else { return }
        switch data.lastOutcome {
        case .committed(let id, let summary)?:
            emit(.output(ChangeText.committed(id, summary, sandbox: data.isSandbox, lang) + "\n"))
        case .dryRun(let summary)?:
            emit(.output(ChangeText.dryRun(summary, lang, width: environment.terminalSize().columns)))
        case nil:
            break
        }
    }

    // MARK: Apply? [y/N]

    /// Shows a step's preview and asks whether to apply it, reading the answer through
    /// `readAnswer` (the line editor on a terminal). Without a reader, or on Ctrl-C or
    /// Ctrl-D, the answer is no.
    func askToApply(_ preview: StepPreview) -> Bool {
        guard let readAnswer else { return false }
        emit(.output(ChangeText.preview(preview, lang, width: environment.terminalSize().columns)))
        switch readAnswer(ChangeText.applyQuestion(lang)) {
        case .line(let answer): return ChangeText.isYes(answer)
        case .interrupted, .endOfInput: return false
        }
    }

    // MARK: :changes

    static let noChanges = Localized(vi: "Chưa có lần thay đổi nào.", en: "No change sets yet.")
    /// `:changes` without a number shows this many.
    static let defaultChangesShown = 10
    /// More is a job for `danvan changes --limit N`.
    static let maxChangesShown = 1000

    func commandChanges(_ argument: String, line: Int) {
        guard let data else { return fail(Self.noDatabase(lang), line: line) }
        var limit = Self.defaultChangesShown
        if !argument.isEmpty {
            guard let number = Int(argument), number > 0, number <= Self.maxChangesShown else {
                return usageError("changes", line: line)
            }
            limit = number
        }
        do {
            let changes = try data.recentChanges(limit: limit)
            if changes.isEmpty {
                emit(.output(Self.noChanges(lang) + "\n"))
            } else {
                show(.table(ChangeText.list(changes, lang)))
            }
        } catch {
            fail(dataMessage(error), line: line)
        }
    }

    // MARK: :undo

    static let nothingToUndo = Localized(
        vi: "Không có gì để hoàn tác: phiên này chưa lưu lần thay đổi nào còn hoàn tác được (danvan undo ID hoàn tác một lần bất kỳ).",
        en: "Nothing to undo: this session has saved no change set that is left to undo (danvan undo ID reverts any of them).")
    static let undoInTransaction = Localized(
        vi: "Đang mở một giao dịch: hãy :commit hoặc :rollback trước khi hoàn tác.",
        en: "A transaction is open: :commit or :rollback it before undoing.")
    static let undoing = Localized(vi: "Hoàn tác lần thay đổi #{0}: {1}", en: "Undoing change set #{0}: {1}")
    static let undone = Localized(
        vi: "đã hoàn tác lần thay đổi #{0} bằng lần thay đổi mới #{1}; các dòng được trả lại:",
        en: "undid change set #{0} as the new change set #{1}; rows put back:")

    func commandUndo(_ argument: String, line: Int) {
        guard let data else { return fail(Self.noDatabase(lang), line: line) }
        if data.inTransaction { return fail(Self.undoInTransaction(lang), line: line) }
        let target: Int64
        do {
            if argument.isEmpty {
                guard let last = try data.lastUndoable() else {
                    emit(.output(Self.nothingToUndo(lang) + "\n"))
                    return
                }
                emit(.output(Self.undoing(lang, String(last.id), ChangeText.firstLine(last.statement)) + "\n"))
                target = last.id
            } else {
                let digits = argument.hasPrefix("#") ? String(argument.dropFirst()) : argument
                guard let id = Int64(digits), id > 0 else { return usageError("undo", line: line) }
                target = id
            }
            _ = try data.undo(target)
        } catch {
            return fail(dataMessage(error), line: line)
        }
        switch data.lastOutcome {
        case .committed(let id, let summary)?:
            let text = Self.undone(lang, String(target), String(id))
            emit(.output(text + "\n" + ChangeText.parts(summary, lang, width: environment.terminalSize().columns)))
        case .dryRun(let summary)?:
            emit(.output(ChangeText.dryRun(summary, lang, width: environment.terminalSize().columns)))
        case nil:
            break
        }
    }

    // MARK: :dry-run

    static let dryRunOn = Localized(
        vi: "Chạy thử: bật. Mỗi câu lệnh vẫn chạy và cho biết nó sẽ thay đổi gì, rồi bỏ hết: không thay đổi gì.",
        en: "Dry run: on. Each entry runs and shows what it would change, then everything is dropped: nothing is changed.")
    static let dryRunOff = Localized(vi: "Chạy thử: tắt. Các thay đổi được lưu.", en: "Dry run: off. Changes are saved.")

    func commandDryRun(_ argument: String, line: Int) {
        guard let data else { return fail(Self.noDatabase(lang), line: line) }
        switch argument.lowercased() {
        case "on": data.dryRun = true
        case "off": data.dryRun = false
        case "": break
        default: return usageError("dry-run", line: line)
        }
        emit(.output((data.dryRun ? Self.dryRunOn : Self.dryRunOff)(lang) + "\n"))
    }

    // MARK: :confirm

    static let confirmAbove = Localized(
        vi: "Hỏi trước khi áp dụng một câu lệnh thay đổi hơn {0} dòng.",
        en: "Asks before applying a statement that changes more than {0} rows.")
    static let confirmAlways = Localized(
        vi: "Hỏi trước khi áp dụng mọi câu lệnh thay đổi dữ liệu.",
        en: "Asks before applying every statement that changes data.")
    static let confirmNever = Localized(
        vi: "Không hỏi trước khi áp dụng (vẫn có :undo và :dry-run on).",
        en: "Never asks before applying (:undo and :dry-run on are still there).")
    static let confirmNotInteractive = Localized(
        vi: " (Đầu vào không phải terminal: không hỏi gì.)",
        en: " (The input is not a terminal: nothing is asked.)")
    /// A limit above this is a typo rather than a choice; `off` says never.
    static let maxConfirmAbove = 1_000_000_000

    func commandConfirm(_ argument: String, line: Int) {
        guard let data else { return fail(Self.noDatabase(lang), line: line) }
        switch argument.lowercased() {
        case "":
            break
        case "off", "never":
            data.confirmAbove = nil
        default:
            guard let number = Int(argument), number >= 0, number <= Self.maxConfirmAbove else {
                return usageError("confirm", line: line)
            }
            data.confirmAbove = number
        }
        var text: String
        switch data.confirmAbove {
        case nil: text = Self.confirmNever(lang)
        case 0?: text = Self.confirmAlways(lang)
        case let limit?: text = Self.confirmAbove(lang, VietFormat.integer(limit, lang))
        }
        if !settings.interactive, data.confirmAbove != nil { text += Self.confirmNotInteractive(lang) }
        emit(.output(text + "\n"))
    }

    // MARK: :begin, :commit, :rollback

    static let begun = Localized(
        vi: "Đã mở giao dịch: các câu lệnh từ giờ được giữ chung, chưa lưu, cho tới :commit (lưu tất cả) hoặc :rollback (bỏ tất cả).",
        en: "Transaction open: entries from now on are kept together, unsaved, until :commit (save them all) or :rollback (drop them all).")
    static let alreadyOpen = Localized(vi: "Giao dịch đã mở rồi.", en: "A transaction is already open.")
    static let noTransaction = Localized(vi: "Không có giao dịch nào đang mở (:begin mở một giao dịch).",
                                         en: "No transaction is open (:begin opens one).")
    static let committedNothing = Localized(vi: "Đã đóng giao dịch: không có gì thay đổi để lưu.",
                                            en: "Transaction closed: it changed nothing, so nothing was saved.")
    static let rolledBack = Localized(vi: "Đã hủy giao dịch: không lưu gì trong những thay đổi của nó.",
                                      en: "Transaction rolled back: nothing it changed was kept.")
    static let rolledBackAtExit = Localized(
        vi: "Giao dịch còn mở khi thoát nên đã bị hủy: không lưu gì trong những thay đổi của nó.",
        en: "A transaction was still open at exit, so it was rolled back: nothing it changed was kept.")

    func commandBegin(line: Int) {
        guard let data else { return fail(Self.noDatabase(lang), line: line) }
        if data.inTransaction { return emit(.output(Self.alreadyOpen(lang) + "\n")) }
        do {
            try data.begin()
            emit(.output(Self.begun(lang) + "\n"))
        } catch {
            fail(dataMessage(error), line: line)
        }
    }

    func commandCommit(line: Int) {
        guard let data else { return fail(Self.noDatabase(lang), line: line) }
        guard data.inTransaction else { return fail(Self.noTransaction(lang), line: line) }
        do {
            if try data.commit() == nil {
                emit(.output(Self.committedNothing(lang) + "\n"))
            } else {
                reportOutcome()
            }
        } catch {
            fail(dataMessage(error), line: line)
        }
    }

    func commandRollback(line: Int) {
        guard let data else { return fail(Self.noDatabase(lang), line: line) }
        guard data.inTransaction else { return fail(Self.noTransaction(lang), line: line) }
        do {
            try data.rollback()
            emit(.output(Self.rolledBack(lang) + "\n"))
        } catch {
            fail(dataMessage(error), line: line)
        }
    }

    /// At exit: a transaction still open is rolled back, and the person is told (on a line
    /// of its own after Ctrl-D: `newLine`).
    func rollBackAtExit(newLine: Bool) {
        guard let data, data.inTransaction else { return }
        do {
            try data.rollback()
            emit(.output((newLine ? "\n" : "") + Self.rolledBackAtExit(lang) + "\n"))
        } catch {
            emit(.error(Self.line(dataMessage(error))))
        }
    }
}
