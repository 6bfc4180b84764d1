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
            name: "output", aliases: [], usage: L("[TỆP [--append]]", "[FILE [--append]]"),
            help: L("Ghi kết quả vào một tệp mới (--append: ghi tiếp vào cuối; :output! TỆP: thay tệp đã có); không có tệp: trở lại màn hình",
                    "Write results to a new file (--append: add to its end; :output! FILE: replace it); without a file: back to the screen"),
            argument: .path, action: { $0.commandOutput($1, line: $2) }),
        MetaCommand(
            name: "more", aliases: [], usage: L("", ""),
            help: L("Hiện tiếp các dòng của bảng vừa rồi", "Show the next rows of the last table"),
            argument: .none, action: { engine, _, line in engine.commandMore(line: line) }),
        MetaCommand(
            name: "changes", aliases: [], usage: L("[N]", "[N]"),
            help: L("N lần thay đổi dữ liệu gần nhất (mặc định 10): ai, lúc nào, từ đâu, bao nhiêu dòng",
                    "The last N change sets of the data (default 10): who, when, from where, how many rows"),
            argument: .none, action: { $0.commandChanges($1, line: $2) }),
        MetaCommand(
            name: "undo", aliases: [], usage: L("[ID]", "[ID]"),
            help: L("Hoàn tác lần thay đổi cuối cùng của phiên này (hoặc lần ID) bằng một lần thay đổi mới",
                    "Undo this session's last change set (or change set ID), as a new change set"),
            argument: .none, action: { $0.commandUndo($1, line: $2) }),
        MetaCommand(
            name: "dry-run", aliases: [], usage: L("on|off", "on|off"),
            help: L("Chạy thử: mỗi câu lệnh cho biết nó sẽ thay đổi gì, rồi không lưu gì",
                    "Dry run: each entry shows what it would change, then nothing is kept"),
            argument: .onOff, action: { $0.commandDryRun($1, line: $2) }),
        MetaCommand(
            name: "confirm", aliases: [], usage: L("[N|off]", "[N|off]"),
            help: L("Hỏi trước khi áp dụng câu lệnh thay đổi hơn N dòng (mặc định 20; 0: luôn hỏi; off: không hỏi)",
                    "Ask before applying a statement that changes more than N rows (default 20; 0: always; off: never)"),
            argument: .none, action: { $0.commandConfirm($1, line: $2) }),
        MetaCommand(
            name: "begin", aliases: [], usage: L("", ""),
            help: L("Mở một giao dịch: các câu lệnh sau được giữ chung cho tới :commit hoặc :rollback",
                    "Open a transaction: the entries that follow are kept together until :commit or :rollback"),
            argument: .none, action: { engine, _, line in engine.commandBegin(line: line) }),
        MetaCommand(
            name: "commit", aliases: [], usage: L("", ""),
            help: L("Lưu mọi thay đổi của giao dịch đang mở thành một lần thay đổi",
                    "Save everything the open transaction changed, as one change set"),
            argument: .none, action: { engine, _, line in engine.commandCommit(line: line) }),
        MetaCommand(
            name: "rollback", aliases: [], usage: L("", ""),
            help: L("Bỏ mọi thay đổi của giao dịch đang mở", "Drop everything the open transaction changed"),
            argument: .none, action: { engine, _, line in engine.commandRollback(line: line) }),
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
