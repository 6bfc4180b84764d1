// The actions of the meta-commands that concern the session itself (help, load, mode,
// output, more, timer, history, lang). The catalog ones (:tables, :schema) are in
// REPLEngine+Schema.swift. Messages sit beside the command that prints them.
import DanVanOutput
import DanVanStore
import DanVanLang
import Foundation
import VietText

extension REPLEngine {
    static let unknownCommand = Localized(
        vi: "Không có lệnh ':{0}'. Gõ :help để xem các lệnh.",
        en: "No command ':{0}'. Type :help for the list.")
    static let didYouMean = Localized(vi: " Có phải ý bạn là {0}?", en: " Did you mean {0}?")
    static let usage = Localized(vi: "Cách dùng: {0}", en: "Usage: {0}")

    /// Runs a line that starts with ":".
    func runMetaCommand(_ text: String, line: Int) {
        let body = text.dropFirst()
        let name = String(body.prefix { !$0.isWhitespace })
        let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        // `:output!` is `:output` that may replace an existing file.
        if name == "output!" { return commandOutput(argument, line: line, replace: true) }
        if let extra = extraCommands.first(where: { $0.name == name }) { return extra.action(argument) }
        guard let command = MetaCommand.named(name) else {
            var message = Self.unknownCommand(lang, name)
            let names = MetaCommand.all.map(\.name) + extraCommands.map(\.name)
            let close = names.filter { $0.hasPrefix(name) && !name.isEmpty }
            if close.count == 1 {
                message += Self.didYouMean(lang, ":" + close[0])
            } else if let near = Suggest.closest(to: name, among: names) {
                message += Self.didYouMean(lang, ":" + near)
            }
            fail(message, line: line)
            return
        }
        command.action(self, argument, line)
        onCommand?(command.name, argument)
    }

    func usageError(_ name: String, line: Int) {
        guard let command = MetaCommand.named(name) else { return }
        fail(Self.usage(lang, command.synopsis(lang)), line: line)
    }

    // MARK: :help

    static let helpHeading = Localized(vi: "Lệnh:", en: "Commands:")
    static let helpFooter = Localized(
        vi: """
        Gõ một biểu thức hay câu lệnh để chạy nó; câu chưa xong (ngoặc còn mở, dấu | ở cuối) \
        được viết tiếp ở dòng sau, dòng trống để bỏ.
        Tab: gợi ý · Ctrl-R: tìm trong lịch sử · Ctrl-C: dừng · Ctrl-D: thoát
        :help BẢNG cho các cột của bảng, :help HÀM cho một hàm có sẵn.
        """,
        en: """
        Type an expression or statement to run it; an unfinished one (an open bracket, a \
        trailing |) continues on the next line, and an empty line drops it.
        Tab: complete · Ctrl-R: search history · Ctrl-C: stop · Ctrl-D: leave
        :help TABLE for a table's columns, :help FUNCTION for a built-in.
        """)
    static let noHelp = Localized(
        vi: "Không có trợ giúp về '{0}'. Gõ :help để xem các lệnh.",
        en: "No help on '{0}'. Type :help for the list.")
    static let aliasesLabel = Localized(vi: "Tên khác: {0}", en: "Also: {0}")

    func commandHelp(_ topic: String, line: Int) {
        if topic.isEmpty {
            emit(.output(helpOverview()))
            return
        }
        let name = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
        if let extra = extraCommands.first(where: { $0.name == name }) {
            emit(.output(extra.synopsis(lang) + "\n  " + extra.help(lang) + "\n"))
        } else if let command = MetaCommand.named(name) {
            emit(.output(help(on: command)))
        } else if let text = evaluator.help(topic: topic, lang: lang) {
            emit(.output(Self.line(text)))
        } else if Catalog.table(named: topic) != nil {
            commandSchema(topic, line: line)
        } else {
            fail(Self.noHelp(lang, topic), line: line)
        }
    }

    /// The command list, generated from `MetaCommand.all`.
    func helpOverview() -> String {
        let commands = MetaCommand.all.map { ($0.synopsis(lang), $0.help(lang)) }
            + extraCommands.map { ($0.synopsis(lang), $0.help(lang)) }
        let width = commands.map { DisplayWidth.of($0.0) }.max() ?? 0
        var text = Self.helpHeading(lang) + "\n"
        for (synopsis, help) in commands {
            text += "  " + DisplayWidth.pad(synopsis, to: width) + "  " + help + "\n"
        }
        return text + "\n" + Self.helpFooter(lang) + "\n"
    }

    func help(on command: MetaCommand) -> String {
        var text = command.synopsis(lang) + "\n  " + command.help(lang) + "\n"
        if !command.aliases.isEmpty {
            text += "  " + Self.aliasesLabel(lang, command.aliases.map { ":" + $0 }.joined(separator: ", ")) + "\n"
        }
        if command.argument == .mode {
            let width = OutputMode.allCases.map { $0.rawValue.count }.max() ?? 0
            for mode in OutputMode.allCases {
                let description = OutputMode.descriptions[mode].map { $0(lang) } ?? ""
                text += "  " + mode.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                    + "  " + description + "\n"
            }
        }
        return text
    }

    // MARK: :load

    static let cannotRead = Localized(vi: "Không đọc được {0}: {1}", en: "Cannot read {0}: {1}")

    func commandLoad(_ argument: String, line: Int) {
        guard !argument.isEmpty else { return usageError("load", line: line) }
        let path = expandingTilde(argument)
        let text: String
        do {
            text = try environment.files.read(path)
        } catch {
            return fail(Self.cannotRead(lang, argument, error.reason), line: line)
        }
        evaluate(text, origin: .script(name: argument, firstLine: 1), showValue: false)
    }

    /// `~/x` with the home directory; other paths as they are.
    func expandingTilde(_ path: String) -> String {
        guard let home = environment.home else { return path }
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return path
    }

    // MARK: :mode

    static let modeNow = Localized(vi: "Chế độ hiện kết quả: {0}", en: "Output mode: {0}")

    func commandMode(_ argument: String, line: Int) {
        if argument.isEmpty {
            emit(.output(Self.modeNow(lang, settings.mode.rawValue) + "\n"))
            return
        }
        guard let mode = OutputMode(rawValue: argument.lowercased()) else { return usageError("mode", line: line) }
        settings.mode = mode
        more = nil
    }

    // MARK: :output

    static let cannotWrite = Localized(vi: "Không ghi được vào {0}: {1}", en: "Cannot write to {0}: {1}")
    static let outputToFile = Localized(
        vi: "Kết quả được ghi vào {0} (gõ :output để trở lại màn hình).",
        en: "Results now go to {0} (type :output to return to the screen).")
    static let outputToScreen = Localized(vi: "Kết quả lại hiện trên màn hình.", en: "Results are shown on the screen again.")

    static let outputExists = Localized(
        vi: "Tệp {0} đã có, nên không ghi đè. Gõ :output! {0} để thay nội dung của nó, hoặc :output {0} --append để ghi tiếp vào cuối tệp.",
        en: "{0} already exists, so it was not overwritten. Type :output! {0} to replace it, or :output {0} --append to add to its end.")
    static let appendFlag = "--append"

    /// `:output FILE` (a new file only), `:output FILE --append`, `:output! FILE` (replace),
    /// `:output` (back to the screen). A file is never emptied unless the user typed the "!".
    func commandOutput(_ argument: String, line: Int, replace: Bool = false) {
        if argument.isEmpty {
            guard outputFile != nil else { return }
            closeOutputFile(line: line)
            emit(.output(Self.outputToScreen(lang) + "\n"))
            return
        }
        // `:output --append` names no file: a usage error, not a file called "--append".
        if argument == Self.appendFlag { return usageError("output", line: line) }
        var path = argument
        var mode: WriteMode = replace ? .replace : .create
        if path.hasSuffix(" " + Self.appendFlag) {
            path = String(path.dropLast(Self.appendFlag.count)).trimmingCharacters(in: .whitespaces)
            mode = .append
        }
        let sink: any TextSink
        do {
            sink = try environment.files.openForWriting(expandingTilde(path), mode: mode)
        } catch {
            if error.exists { return fail(Self.outputExists(lang, path), line: line) }
            return fail(Self.cannotWrite(lang, path, error.reason), line: line)
        }
        closeOutputFile(line: line)
        outputFile = (path, sink, sink.startedEmpty)
        more = nil
        emit(.output(Self.outputToFile(lang, path) + "\n"))
    }

    /// Puts the `:output` file in place (it was written to a temporary file beside it); a
    /// write that failed (a full disk) is reported, and the file is left as it was.
    func closeOutputFile(line: Int) {
        guard let current = outputFile else { return }
        outputFile = nil
        if let error = current.sink.close() { fail(Self.cannotWrite(lang, current.path, error.reason), line: line) }
    }

    // MARK: :more

    static let nothingMore = Localized(vi: "Không còn dòng nào để hiện.", en: "There are no more rows to show.")

    func commandMore(line: Int) {
        guard let (model, nextRow) = more else {
            emit(.output(Self.nothingMore(lang) + "\n"))
            return
        }
        showTablePage(model, from: nextRow)
    }

    // MARK: :timer

    static let timerOn = Localized(vi: "Đo thời gian: bật", en: "Timing is on")
    static let timerOff = Localized(vi: "Đo thời gian: tắt", en: "Timing is off")

    func commandTimer(_ argument: String, line: Int) {
        switch argument.lowercased() {
        case "on": settings.timer = true
        case "off": settings.timer = false
        case "": break
        default: return usageError("timer", line: line)
        }
        emit(.output((settings.timer ? Self.timerOn : Self.timerOff)(lang) + "\n"))
    }

    // MARK: :history

    static let historyEmpty = Localized(vi: "Lịch sử còn trống.", en: "The history is empty.")

    func commandHistory() {
        let entries = environment.history()
        guard !entries.isEmpty else {
            emit(.output(Self.historyEmpty(lang) + "\n"))
            return
        }
        let width = String(entries.count).count
        var text = ""
        for (index, entry) in entries.enumerated() {
            let number = String(index + 1)
            let margin = String(repeating: " ", count: width - number.count) + number + "  "
            let indent = String(repeating: " ", count: margin.count)
            let lines = entry.split(separator: "\n", omittingEmptySubsequences: false)
            for (lineIndex, content) in lines.enumerated() {
                text += (lineIndex == 0 ? margin : indent) + content + "\n"
            }
        }
        emit(.output(text))
    }

    // MARK: :lang

    static let langNow = Localized(vi: "Ngôn ngữ: tiếng Việt", en: "Language: English")

    func commandLang(_ argument: String, line: Int) {
        if !argument.isEmpty {
            guard let chosen = Lang(rawValue: argument.lowercased()) else { return usageError("lang", line: line) }
            settings.lang = chosen
        }
        emit(.output(Self.langNow(lang) + "\n"))
    }

    // MARK: :explain

    func commandExplain(_ argument: String, line: Int) {
        guard !argument.isEmpty else { return usageError("explain", line: line) }
        switch evaluator.explain(argument, lang: lang) {
        case .value(.text(let text)): emit(.output(text + "\n"))
        case .error(let message): emit(.error(message))
        default: break
        }
    }
}
