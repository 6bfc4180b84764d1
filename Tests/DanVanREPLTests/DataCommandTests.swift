// The engine's commands that change data, on a real database through the domain host:
// the line after a saved entry, :changes, :undo, :dry-run, :begin/:commit/:rollback (and a
// transaction left open at exit), Apply? [y/N] answered through the injectable reader,
// read-only and sandbox sessions, the prompt's tags. Writes are made through the host's
// API by a small evaluator (`rename ID NAME`), so these tests do not depend on the syntax.
import DanVanDomain
import DanVanLang
import DanVanStore
import Foundation
import GRDB
import Testing
import VietText
@testable import DanVanREPL

/// `rename ID NAME` sets units.name of unit ID; `rename-all NAME` sets it on every unit;
/// `fail-after-rename ID NAME` renames, then fails; anything else goes to the real language.
final class WritingEvaluator: Evaluator {
    let host: DomainHost
    let language: LanguageEvaluator

    init(host: DomainHost, language: LanguageEvaluator) {
        self.host = host
        self.language = language
    }

    func completeness(of text: String) -> InputCompleteness { language.completeness(of: text) }

    func evaluate(_ request: EvalRequest) -> EvalResult {
        let words = request.text.split(separator: " ", maxSplits: 2).map(String.init)
        guard let verb = words.first, verb.hasPrefix("rename") || verb.hasPrefix("fail") else {
            return language.evaluate(request)
        }
        let site = WriteSite(source: "<test>", line: 1, text: request.text)
        do {
            return try host.evaluation {
                do {
                    switch verb {
                    case "rename-all":
                        let ids = try host.table(named: "units")?.rows().compactMap { row -> Int64? in
                            if case .int(let id) = row.values[0] { return id } else { return nil }
                        } ?? []
                        _ = try host.update(table: "units", columns: ["name"],
                                            rows: ids.map { ($0, [Value.text(words[1])]) }, site: site)
                    default:
                        _ = try host.update(table: "units", columns: ["name"],
                                            rows: [(Int64(words[1]) ?? 0, [Value.text(words[2])])], site: site)
                        if verb == "fail-after-rename" { throw WriteError.database("boom") }
                    }
                    return (EvalResult.nothing, true)
                } catch let error as HostMessageError {
                    return (EvalResult.error("error: " + error.message(request.lang) + "\n"), false)
                }
            }
        } catch {
            return .error("\(error)\n")
        }
    }

    func completions(line: String, cursor: Int) -> CompletionList { .empty }
    var globalNames: [String] { [] }
    func help(topic: String, lang: Lang) -> String? { nil }
    var helpTopics: [String] { [] }
}

/// An engine over the fixture's database with the real data session.
final class DataHarness {
    let fixture: LanguageFixture
    let data: HostDataSession
    let engine: REPLEngine
    var events: [REPLEvent] = []
    /// Answers the reader gives to `Apply? [y/N]`, in order; the prompts it was asked with.
    var answers: [LineInput] = []
    var questions: [String] = []

    init(interactive: Bool = true, lang: Lang = .en, sandbox: Bool = false,
         options: WriteSession.Options = WriteSession.Options()) throws {
        fixture = try LanguageFixture(lang: lang, options: options)
        data = HostDataSession(host: fixture.host, sandbox: sandbox)
        let evaluator = WritingEvaluator(host: fixture.host, language: fixture.evaluator)
        engine = REPLEngine(evaluator: evaluator, environment: REPLEnvironment(files: MemoryFiles()),
                            settings: REPLEngine.Settings(lang: lang, interactive: interactive), data: data)
        engine.onEvent = { [unowned self] in self.events.append($0) }
        engine.readAnswer = { [unowned self] prompt in
            self.questions.append(prompt)
            return self.answers.isEmpty ? .endOfInput : self.answers.removeFirst()
        }
    }

    @discardableResult
    func type(_ lines: String...) -> [REPLEvent] {
        let before = events.count
        for line in lines { engine.handle(.line(line)) }
        return Array(events[before...])
    }

    @discardableResult
    func send(_ input: LineInput) -> [REPLEvent] {
        let before = events.count
        engine.handle(input)
        return Array(events[before...])
    }

    func output(_ lines: String...) -> String {
        let before = events.count
        for line in lines { engine.handle(.line(line)) }
        return Harness.output(Array(events[before...]))
    }

    func errors(_ lines: String...) -> String {
        let before = events.count
        for line in lines { engine.handle(.line(line)) }
        return Harness.errors(Array(events[before...]))
    }

    /// Every unit's name, by id.
    func names() throws -> [String] {
        try fixture.store.pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM units ORDER BY id") }
    }

    func changeCount() throws -> Int {
        try fixture.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM changes") ?? 0 }
    }
}

@Suite struct DataCommandTests {
    @Test func aSavedEntryIsNamedAndUndoRestoresIt() throws {
        let h = try DataHarness()
        let before = try h.names()
        #expect(h.output("rename 2 Phường Tân Hòa Mới") == "saved change set #1: units: 1 row updated\n")
        #expect(try h.names()[1] == "Phường Tân Hòa Mới")
        let listed = h.output(":changes")
        #expect(listed.contains("│ Change │ At (UTC)"))
        #expect(listed.contains("│ rename 2 Phường T… │"))
        #expect(listed.contains("│ ~1   │"))

        let undo = h.output(":undo")
        #expect(undo.hasPrefix("Undoing change set #1: rename 2 Phường Tân Hòa Mới\n"))
        #expect(undo.contains("undid change set #1 as the new change set #2; rows put back:\n  units: 1 row updated\n"))
        #expect(undo.contains("#2  name: \"Phường Tân Hòa Mới\" → \"Phường Tân Hòa\""))
        #expect(try h.names() == before)
        // The undo itself is not undone by the next :undo: nothing is left.
        #expect(h.output(":undo").hasPrefix("Nothing to undo"))
        let after = h.output(":changes 5")
        #expect(after.contains("undone by #1") == false)
        #expect(after.contains("undone by #2"))
        #expect(after.contains("undoes #1"))
    }

    @Test func undoTakesTheLastNotYetUndoneAndRefusesAfterALaterChange() throws {
        let h = try DataHarness()
        h.type("rename 2 A", "rename 3 B")
        #expect(h.output(":undo").hasPrefix("Undoing change set #2: rename 3 B\n"))
        #expect(h.output(":undo").hasPrefix("Undoing change set #1: rename 2 A\n"))
        #expect(try h.names()[1...2] == ["Phường Tân Hòa", "Phường Tân Định"])

        h.type("rename 4 C", "rename 4 D")
        // Undoing #5 (C) by its id while #6 changed the same row again is refused, naming it.
        let refused = h.errors(":undo 5")
        #expect(refused.contains("not undoing change set #5: these rows were changed again after it: units #4"))
        #expect(try h.names()[3] == "D")
        #expect(Harness.errors(h.type(":undo 99")).contains("there is no change set #99"))
        #expect(Harness.errors(h.type(":undo x")) == "Usage: :undo [ID]\n")
    }

    @Test func dryRunShowsAndKeepsNothing() throws {
        let h = try DataHarness()
        let before = try h.names()
        #expect(h.output(":dry-run on").hasPrefix("Dry run: on."))
        #expect(h.engine.prompt == "danvan[dry-run]> ")
        let shown = h.output("rename 2 X")
        #expect(shown.hasPrefix("Dry run: nothing was changed. For real, this would have:\n  units: 1 row updated\n"))
        #expect(shown.contains("#2  name: \"Phường Tân Hòa\" → \"X\""))
        #expect(try h.names() == before)
        #expect(try h.changeCount() == 0)
        h.type(":dry-run off")
        #expect(h.engine.prompt == "danvan> ")
        #expect(h.output("rename 2 X").hasPrefix("saved change set #1"))
    }

    @Test func transactionsCommitRollBackAndRollBackAtExit() throws {
        let h = try DataHarness()
        let before = try h.names()
        #expect(h.output(":begin").hasPrefix("Transaction open"))
        #expect(h.engine.prompt == "danvan[transaction]> ")
        #expect(h.output("rename 2 A", "rename 3 B") == "")
        #expect(h.output(":rollback") == "Transaction rolled back: nothing it changed was kept.\n")
        #expect(try h.names() == before)
        #expect(h.engine.prompt == "danvan> ")
        #expect(h.errors(":commit") == "No transaction is open (:begin opens one).\n")

        h.type(":begin", "rename 2 A", "fail-after-rename 3 B", "rename 4 C")
        // The failing entry undid itself only; the others are saved as one change set.
        #expect(h.output(":commit") == "saved change set #1: units: 2 rows updated\n")
        #expect(try h.names()[1...3] == ["A", "Phường Tân Định", "C"])
        #expect(h.output(":undo").contains("units: 2 rows updated"))

        h.type(":begin", "rename 5 Z")
        #expect(h.errors(":undo").hasPrefix("A transaction is open"))
        let exit = h.send(.endOfInput)
        #expect(Harness.output(exit).contains("A transaction was still open at exit, so it was rolled back"))
        #expect(exit.last == .exit(0))
        #expect(try h.names() == before)
    }

    @Test func bigChangesAskFirstThroughTheReader() throws {
        let h = try DataHarness()
        let before = try h.names()
        h.type(":confirm 3")
        h.answers = [.line("n")]
        let refused = h.type("rename-all X")
        #expect(h.questions == ["Apply? [y/N] "])
        #expect(Harness.output(refused).hasPrefix("units: this statement would update 7 rows. The first 5:\n  #1  name: \"Quận Đông Sơn\" → \"X\"\n"))
        #expect(Harness.errors(refused).contains("cancelled: nothing was changed"))
        #expect(try h.names() == before)

        // A small change does not ask.
        #expect(h.output("rename 2 Y").hasPrefix("saved change set #1"))
        #expect(h.questions.count == 1)

        h.answers = [.line(" YES ")]
        #expect(h.output("rename-all X").hasSuffix("saved change set #2: units: 7 rows updated\n"))
        #expect(try Set(h.names()) == ["X"])

        // Ctrl-D or Ctrl-C at the question is no; `:confirm off` never asks.
        h.answers = [.interrupted]
        #expect(h.errors("rename-all W").contains("cancelled"))
        h.type(":confirm off")
        #expect(h.output("rename-all W").hasPrefix("saved change set #3"))
        #expect(h.questions.count == 3)
    }

    @Test func vietnameseQuestionAcceptsCo() throws {
        let h = try DataHarness(lang: .vi)
        #expect(h.output(":confirm 0") == "Hỏi trước khi áp dụng mọi câu lệnh thay đổi dữ liệu.\n")
        h.answers = [.line("Có")]
        let shown = h.output("rename 2 X")
        #expect(h.questions == ["Áp dụng? [c/K] "])
        #expect(shown.hasPrefix("units: câu lệnh này sẽ sửa 1 dòng:\n  #2  name: \"Phường Tân Hòa\" → \"X\"\n"))
        #expect(shown.hasSuffix("đã lưu lần thay đổi #1: units: sửa 1 dòng\n"))
        h.answers = [.line("k")]
        #expect(h.errors("rename 3 X").contains("đã hủy: không thay đổi gì"))
    }

    @Test func scriptsAndPipesAreNeverAsked() throws {
        let h = try DataHarness(interactive: false)
        h.type(":confirm 0")
        h.type("rename-all X")
        #expect(h.questions.isEmpty)
        #expect(try Set(h.names()) == ["X"])
    }

    @Test func readOnlySessionsRefuseEveryWrite() throws {
        var options = WriteSession.Options()
        options.readOnly = .requested
        let h = try DataHarness(options: options)
        let before = try h.names()
        #expect(h.engine.prompt == "danvan[read-only]> ")
        #expect(h.errors("rename 2 X").contains("this session is read-only (--read-only): data cannot be changed"))
        #expect(h.errors(":begin").contains("read-only"))
        #expect(try h.names() == before)
        #expect(try h.changeCount() == 0)
    }

    @Test func thePromptNamesTheSandboxInBothLanguages() throws {
        let h = try DataHarness(sandbox: true)
        #expect(h.engine.prompt == "danvan[sandbox]> ")
        #expect(h.output("rename 2 X") == "saved change set #1 in the sandbox copy (discarded at exit): units: 1 row updated\n")
        h.type(":begin", ":dry-run on", "models |")
        #expect(h.engine.prompt.hasSuffix(" ...> "))
        #expect(DisplayWidth.of(h.engine.prompt) == DisplayWidth.of("danvan[sandbox, transaction, dry-run]> "))
        h.send(.interrupted)
        #expect(h.engine.prompt == "danvan[sandbox, transaction, dry-run]> ")
        let vi = try DataHarness(lang: .vi, sandbox: true)
        vi.type(":begin", ":dry-run on")
        #expect(vi.engine.prompt == "danvan[bản sao, giao dịch, chạy thử]> ")
    }

    @Test func commandUsageAndEmptyLog() throws {
        let h = try DataHarness()
        #expect(h.output(":changes") == "No change sets yet.\n")
        #expect(h.errors(":changes 0") == "Usage: :changes [N]\n")
        #expect(h.errors(":dry-run maybe") == "Usage: :dry-run on|off\n")
        #expect(h.errors(":confirm -1") == "Usage: :confirm [N|off]\n")
        #expect(h.output(":confirm") == "Asks before applying a statement that changes more than 20 rows.\n")
        #expect(h.output(":begin", ":begin").hasSuffix("A transaction is already open.\n"))
        #expect(h.output(":commit") == "Transaction closed: it changed nothing, so nothing was saved.\n")
    }

    @Test func withoutADatabaseTheCommandsSaySo() {
        let h = Harness()
        #expect(Harness.errors(h.type(":changes")) == "This session has no database.\n")
        #expect(Harness.errors(h.type(":undo")) == "This session has no database.\n")
        #expect(h.engine.prompt == "danvan> ")
    }
}

@Suite struct ChangeTextTests {
    @Test func countsInBothLanguages() {
        #expect(ChangeText.count(1, action: "update", .en) == "1 row updated")
        #expect(ChangeText.count(1200, action: "insert", .en) == "1,200 rows inserted")
        #expect(ChangeText.count(1200, action: "delete", .vi) == "xóa 1.200 dòng")
        #expect(ChangeText.count(1, action: "insert", .vi) == "thêm 1 dòng")
    }

    @Test func yesMeansCYesOrY() {
        for answer in ["c", "C", "có", "Có", "CÓ", "co", "y", "Y", "yes", " yes ", "Co\u{301}"] {
            #expect(ChangeText.isYes(answer), "\(answer)")
        }
        for answer in ["", "n", "no", "k", "không", "yess", "ok"] {
            #expect(!ChangeText.isYes(answer), "\(answer)")
        }
    }

    /// A long title with a suffix added showed the same cut beginning on both sides; now both
    /// start shortly before the first difference. Short texts, and long ones that differ early,
    /// show as before.
    @Test func anUpdateOfALongTextShowsWhereItChanged() {
        let title = "\"Bà Lê Thị Lan – người có uy tín vận động đồng bào dân tộc thiểu số giữ gìn an ninh\""
        let changed = String(title.dropLast()) + "!\""
        let (before, after) = ChangeText.changedTexts(title, changed)
        #expect(before == "\"…giữ gìn an ninh\"", "\(before)")
        #expect(after == "\"…giữ gìn an ninh!\"", "\(after)")
        #expect(before != after)
        // Differing early: the plain cut already shows it.
        let early = ChangeText.changedTexts(title, "\"Ông" + title.dropFirst(3))
        #expect(early.0 == DisplayWidth.truncate(title, to: ChangeText.valueCells))
        #expect(early.1.hasPrefix("\"Ông Lê Thị Lan") && early.1.hasSuffix("…"))
        #expect(ChangeText.changedTexts("\"a\"", "\"b\"") == ("\"a\"", "\"b\""))
        // A change near the cut: the plain cut shows its first word; within the cell budget.
        let middle = ChangeText.changedTexts(title, title.replacingOccurrences(of: "đồng bào", with: "nhân dân"))
        #expect(middle.0.hasSuffix("đồng…") && middle.1.hasSuffix("nhân…"), "\(middle)")
        // A change past the cut, in the middle: both start before it and are cut again at the end.
        let later = ChangeText.changedTexts(title, title.replacingOccurrences(of: "thiểu số", with: "ít người"))
        #expect(later.0.hasPrefix("\"…") && later.0.contains("thiểu số") && later.1.contains("ít người"), "\(later)")
        for shown in [middle.0, middle.1, later.0, later.1] { #expect(DisplayWidth.of(shown) <= ChangeText.valueCells) }
        // No quotes (a number or a date shown plain): only the ellipsis.
        let digits = String(repeating: "1", count: 60)
        let numbers = ChangeText.changedTexts(digits, digits + "2")
        #expect(numbers.0.hasPrefix("…1") && numbers.1.hasSuffix("12"), "\(numbers)")
    }

    @Test func aLongStatementShowsItsFirstLineCut() {
        #expect(ChangeText.firstLine("a\nb") == "a …")
        let long = String(repeating: "x", count: 100)
        #expect(ChangeText.firstLine(long) == String(repeating: "x", count: 59) + "…")
        #expect(ChangeText.firstLine("") == "")
        #expect(ChangeText.firstLine("<repl 3>:1: models | count") == "models | count")
        #expect(ChangeText.firstLine("fix.dv:4: models | count") == "fix.dv:4: models | count")
        #expect(ChangeText.firstLine("<repl 3>: x") == "<repl 3>: x")
    }
}
