// The meta-commands, from one table: name, arguments, help and action (STYLE §9, against the
// SQLite shell's thousand-line if/else chain). `:help`, completion after `:` and the docs are
// all generated from `MetaCommand.all`, so a command cannot exist without its help.
import VietText

public struct MetaCommand: Sendable {
    /// What the argument is, for completion.
    public enum Argument: Sendable, Equatable {
        case none, path, mode, lang, onOff, table, helpTopic
    }

    /// Without the colon: "schema".
    public let name: String
    /// Other names that run it: "q" and "exit" for "quit".
    public let aliases: [String]
    /// The arguments as `:help` shows them ("[table]"), empty when none.
    public let usage: Localized
    public let help: Localized
    public let argument: Argument
    /// Runs the command with the text after its name, trimmed, and the input line it is on.
    let action: @Sendable (REPLEngine, String, Int) -> Void

    /// The line `:help` lists: ":schema [table]".
    public func synopsis(_ lang: Lang) -> String {
        let arguments = usage(lang)
        return arguments.isEmpty ? ":" + name : ":" + name + " " + arguments
    }

    public static func named(_ name: String) -> MetaCommand? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }

    private static func L(_ vi: String, _ en: String) -> Localized { Localized(vi: vi, en: en) }

    public static let all: [MetaCommand] = [
        MetaCommand(
            name: "help", aliases: ["h", "?"], usage: L("[chủ đề]", "[topic]"),
            help: L("Danh sách lệnh, hoặc trợ giúp về một lệnh, một bảng hay một hàm có sẵn",
                    "This list, or help on a command, a table or a built-in function"),
            argument: .helpTopic, action: { $0.commandHelp($1, line: $2) }),
        MetaCommand(
            name: "tables", aliases: [], usage: L("", ""),
            help: L("Các bảng dữ liệu, tên tiếng Việt và số dòng",
                    "The data tables, their Vietnamese names and row counts"),
            argument: .none, action: { engine, _, _ in engine.commandTables() }),
        MetaCommand(
            name: "schema", aliases: [], usage: L("[bảng]", "[table]"),
            help: L("Các cột của một bảng (kiểu, nhãn, tham chiếu, quan hệ), hoặc của mọi bảng",
                    "A table's columns (types, labels, references, relations), or every table's"),
            argument: .table, action: { $0.commandSchema($1, line: $2) }),
        MetaCommand(
            name: "explain", aliases: [], usage: L("MÃ", "CODE"),
            help: L("Cách một truy vấn chạy: câu SQL, giá trị gắn vào, chỉ mục dùng, bước nào chạy trong bộ nhớ và vì sao",
                    "How a query runs: its SQL, bound values, indexes used, which stages run in memory and why"),
            argument: .none, action: { $0.commandExplain($1, line: $2) }),
        MetaCommand(
            name: "load", aliases: ["run"], usage: L("TỆP", "FILE"),
            help: L("Chạy một tệp lệnh; các tên nó định nghĩa còn lại trong phiên",
                    "Run a script file; the names it defines stay in the session"),
            argument: .path, action: { $0.commandLoad($1, line: $2) }),
        MetaCommand(
            name: "mode", aliases: [], usage: L("table|csv|json|markdown|line", "table|csv|json|markdown|line"),
            help: L("Cách hiện kết quả dạng bảng", "How table results are shown"),
            argument: .mode, action: { $0.commandMode($1, line: $2) }),
        MetaCommand(
            name: "output", aliases: [], usage: L("[TỆP]", "[FILE]"),
            help: L("Ghi kết quả vào tệp; không có tệp: trở lại màn hình",
                    "Write results to a file; without a file: back to the screen"),
            argument: .path, action: { $0.commandOutput($1, line: $2) }),
        MetaCommand(
            name: "more", aliases: [], usage: L("", ""),
            help: L("Hiện tiếp các dòng của bảng vừa rồi", "Show the next rows of the last table"),
            argument: .none, action: { engine, _, line in engine.commandMore(line: line) }),
        MetaCommand(
            name: "timer", aliases: [], usage: L("on|off", "on|off"),
            help: L("Bật hoặc tắt việc đo thời gian mỗi câu lệnh", "Turn timing of each statement on or off"),
            argument: .onOff, action: { $0.commandTimer($1, line: $2) }),
        MetaCommand(
            name: "history", aliases: [], usage: L("", ""),
            help: L("Các câu lệnh đã gõ (cả các phiên trước)", "Statements typed so far, earlier sessions included"),
            argument: .none, action: { engine, _, _ in engine.commandHistory() }),
        MetaCommand(
            name: "lang", aliases: [], usage: L("vi|en", "vi|en"),
            help: L("Ngôn ngữ của thông báo và nhãn cột", "The language of messages and column labels"),
            argument: .lang, action: { $0.commandLang($1, line: $2) }),
        MetaCommand(
            name: "clear", aliases: [], usage: L("", ""),
            help: L("Xóa màn hình", "Clear the screen"),
            argument: .none, action: { engine, _, _ in engine.emit(.clearScreen) }),
        MetaCommand(
            name: "quit", aliases: ["q", "exit"], usage: L("", ""),
            help: L("Thoát (Ctrl-D cũng được)", "Leave (Ctrl-D does too)"),
            argument: .none, action: { engine, _, _ in engine.finish() }),
    ]
}
