// What newcomers type at the prompt by habit from other tools: `help`, `exit` and `quit`
// (Python, psql), `.tables` and `.schema` (the sqlite3 shell), `\d`, `\dt`, `\q` (psql). Each
// gets one line naming the DanVan command instead of "unknown name" or "unexpected character".
// A variable the user named `help` (or `exit`, `quit`) is left alone: then the word is code.
import VietText

extension REPLEngine {
    static let useHelp = Localized(vi: "Các lệnh bắt đầu bằng dấu hai chấm: gõ :help để xem trợ giúp.",
                                   en: "Commands start with a colon: type :help for help.")
    static let useQuit = Localized(vi: "Gõ :quit (hoặc Ctrl-D) để thoát.", en: "Type :quit (or Ctrl-D) to leave.")
    static let useCommand = Localized(vi: "Trong DanVan lệnh này là {0}", en: "In DanVan this command is {0}")

    /// The hint for `line` when it is one of those habits, else nil.
    func habitHint(_ line: String) -> String? {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first?.lowercased() else { return nil }
        let argument = words.count > 1 ? " " + words[1] : ""
        switch first {
        case "help", "help()", "?":
            return isDefined(first) ? nil : Self.useHelp(lang)
        case "exit", "quit", "exit()", "quit()", "\\q", ".quit", ".exit":
            return isDefined(first) ? nil : Self.useQuit(lang)
        case ".tables", "\\dt", "\\d" where words.count == 1:
            return Self.useCommand(lang, ":tables")
        case ".schema", "\\d", "\\d+":
            return Self.useCommand(lang, ":schema" + argument)
        case ".help", "\\?", "\\h":
            return Self.useHelp(lang)
        case ".mode":
            return Self.useCommand(lang, ":mode" + argument)
        case ".read", "\\i":
            return Self.useCommand(lang, ":load" + argument)
        case ".output", "\\o":
            return Self.useCommand(lang, ":output" + argument)
        default:
            return nil
        }
    }

    /// True when `name` is a variable or function of the session (then it is not a habit).
    private func isDefined(_ name: String) -> Bool {
        evaluator.globalNames.contains(name)
    }
}
