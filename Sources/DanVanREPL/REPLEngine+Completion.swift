// Tab completion that needs no lexer: meta-command names after ":", and each command's
// argument (modes, languages, on/off, table names, help topics, file paths after `:load`
// and `:output`). Everything else is the language's (Evaluator.completions), which uses the
// real lexer so that completion and parsing never disagree.
import DanVanOutput
import DanVanStore
import Foundation
import VietText

extension REPLEngine {
    /// Completions for `line` with the cursor after `cursor` characters.
    public func complete(line: String, cursor: Int) -> CompletionList {
        let characters = Array(line)
        let end = min(max(cursor, 0), characters.count)
        let before = characters[0..<end]
        let leading = before.prefix { $0 == " " || $0 == "\t" }.count
        guard pending.isEmpty, leading < end, before[leading] == ":" else {
            return languageCompletions(line: line, cursor: end)
        }
        let commandEnd = before[leading...].firstIndex { $0 == " " || $0 == "\t" }
        guard let commandEnd else {
            // Still typing the command's name.
            let typed = String(before[(leading + 1)...])
            let items = (MetaCommand.all.map(\.name) + extraCommands.map(\.name))
                .filter { $0.hasPrefix(typed) }
                .map { CompletionList.Item(":" + $0 + " ", display: ":" + $0) }
            return CompletionList(range: leading..<end, items: items)
        }
        let name = String(before[(leading + 1)..<commandEnd])
        guard let command = MetaCommand.named(name) else { return .empty }
        let argumentStart = before[commandEnd...].firstIndex { $0 != " " && $0 != "\t" } ?? end
        let typed = String(before[argumentStart...])
        let range = argumentStart..<end
        switch command.argument {
        case .none:
            return .empty
        case .path:
            return CompletionList(range: range, items: pathItems(typed))
        case .mode:
            return words(OutputMode.allCases.map(\.rawValue), typed, range)
        case .lang:
            return words(Lang.allCases.map(\.rawValue), typed, range)
        case .onOff:
            return words(["on", "off"], typed, range)
        case .table:
            return words(Self.tableWords, typed, range)
        case .helpTopic:
            let topics = MetaCommand.all.map { ":" + $0.name } + Self.tableWords + evaluator.helpTopics
            return words(topics, typed, range)
        }
    }

    /// The language's completions. On a continuation line the statement's earlier lines
    /// come first, so `models |` Enter `where fi<Tab>` knows the table; the answer's range
    /// is moved back onto the line being edited.
    private func languageCompletions(line: String, cursor: Int) -> CompletionList {
        guard !pending.isEmpty else { return evaluator.completions(line: line, cursor: cursor) }
        let earlier = pending.joined(separator: "\n") + "\n"
        let shift = earlier.count
        var list = evaluator.completions(line: earlier + line, cursor: shift + cursor)
        guard list.range.lowerBound >= shift else { return .empty }
        list.range = (list.range.lowerBound - shift)..<(list.range.upperBound - shift)
        return list
    }

    static let moreCandidates = Localized(vi: "… và {0} gợi ý nữa", en: "… and {0} more")

    /// The note under a completion list the line editor had to cut, in the session's language.
    public func moreCandidatesNote(_ count: Int) -> String {
        Self.moreCandidates(lang, NumberText.integer(Int64(count), lang))
    }

    /// Canonical table names and their Vietnamese aliases.
    static let tableWords = Catalog.tables.map(\.name) + Catalog.tables.map(\.alias)

    private func words(_ candidates: [String], _ typed: String, _ range: Range<Int>) -> CompletionList {
        let items = candidates
            .filter { $0.hasPrefix(typed) }
            .sorted()
            .map { CompletionList.Item($0 + " ", display: $0) }
        return CompletionList(range: range, items: items)
    }

    /// Files and directories whose names start with the last component of `typed`;
    /// a directory completes with "/" so Tab can go on into it. Hidden entries only when the
    /// typed name starts with ".".
    func pathItems(_ typed: String) -> [CompletionList.Item] {
        let directoryPart: String
        let namePart: String
        if let slash = typed.lastIndex(of: "/") {
            directoryPart = String(typed[...slash])
            namePart = String(typed[typed.index(after: slash)...])
        } else {
            directoryPart = ""
            namePart = typed
        }
        let listed = directoryPart.isEmpty ? "" : expandingTilde(directoryPart)
        return environment.files.list(directory: listed)
            .filter { $0.name.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .map { entry in
                let suffix = entry.isDirectory ? "/" : ""
                return CompletionList.Item(directoryPart + entry.name + suffix, display: entry.name + suffix)
            }
    }
}
