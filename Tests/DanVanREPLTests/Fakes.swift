// Small fakes for the engine tests: an evaluator with a toy grammar, an in-memory file
// system and a clock that advances by a fixed step.
import DanVanOutput
import DanVanREPL
import VietText

/// Its "language": a statement is complete when its parentheses balance; `!!` makes it
/// invalid; `rows N` gives a table of N rows; `say X` prints X; `err` fails; `spin` is
/// interrupted; anything else evaluates to "=" followed by the text.
final class FakeEvaluator: Evaluator {
    var requests: [(text: String, origin: SourceOrigin, lang: Lang)] = []
    var evaluated: [String] { requests.map(\.text) }

    func completeness(of text: String) -> InputCompleteness {
        if text.contains("!!") { return .invalid }
        let open = text.filter { $0 == "(" }.count
        let close = text.filter { $0 == ")" }.count
        return open > close ? .incomplete : .complete
    }

    func evaluate(_ request: EvalRequest) -> EvalResult {
        requests.append((request.text, request.origin, request.lang))
        let text = request.text
        if text == "err" { return .error("1:1: error: boom") }
        if text == "spin" { return .interrupted }
        if text.hasPrefix("say ") {
            request.write(String(text.dropFirst(4)) + "\n")
            return .nothing
        }
        if text.hasPrefix("rows "), let count = Int(text.dropFirst(5)) {
            let rows: [[CellValue]] = (0..<count).map { [.integer(Int64($0 + 1))] }
            return .value(.table(TableModel(columns: [TableModel.Column(name: "n", label: "n")], rows: rows)))
        }
        return .value(.text("=" + text))
    }

    var completionRequests: [(line: String, cursor: Int)] = []

    /// Offers "from-language" for the last character before the cursor.
    func completions(line: String, cursor: Int) -> CompletionList {
        completionRequests.append((line, cursor))
        return CompletionList(range: max(0, cursor - 1)..<cursor, items: [CompletionList.Item("from-language")])
    }

    var globalNames: [String] { ["x"] }

    func help(topic: String, lang: Lang) -> String? {
        topic == "print" ? "print(value): writes the value" : nil
    }

    var helpTopics: [String] { ["print"] }
}

final class MemorySink: TextSink {
    var text = ""
    var closed = false
    var startedEmpty: Bool { true }
    func write(_ text: String) { self.text += text }
    func close() -> FileAccessError? {
        closed = true
        return nil
    }
}

final class MemoryFiles: FileAccess {
    var files: [String: String] = [:]
    var directories: [String: [DirectoryEntry]] = [:]
    var opened: [String: MemorySink] = [:]

    func read(_ path: String) throws(FileAccessError) -> String {
        guard let text = files[path] else { throw FileAccessError(reason: "No such file or directory") }
        return text
    }

    func openForWriting(_ path: String, mode: WriteMode) throws(FileAccessError) -> any TextSink {
        if path.hasPrefix("/forbidden") { throw FileAccessError(reason: "Permission denied") }
        if mode == .create, opened[path] != nil || files[path] != nil {
            throw FileAccessError(reason: "File exists", exists: true)
        }
        if mode == .append, let existing = opened[path] { return existing }
        let sink = MemorySink()
        opened[path] = sink
        return sink
    }

    func list(directory: String) -> [DirectoryEntry] { directories[directory] ?? [] }
}

/// An engine over the fakes that records its events.
final class Harness {
    let evaluator = FakeEvaluator()
    let files = MemoryFiles()
    var events: [REPLEvent] = []
    var history: [String] = []
    var clock = Duration.zero
    var clockStep = Duration.milliseconds(12) + .microseconds(340)
    var size = (rows: 24, columns: 80)
    let engine: REPLEngine

    init(interactive: Bool = true, lang: Lang = .en, color: Bool = false, rowCount: @escaping (String) -> Int? = { _ in nil }) {
        var historyBox: () -> [String] = { [] }
        var sizeBox: () -> (rows: Int, columns: Int) = { (24, 80) }
        var nowBox: () -> Duration = { .zero }
        let environment = REPLEnvironment(
            files: files,
            history: { historyBox() },
            terminalSize: { sizeBox() },
            now: { nowBox() },
            rowCount: rowCount,
            home: "/home/staff")
        engine = REPLEngine(evaluator: evaluator, environment: environment,
                            settings: REPLEngine.Settings(lang: lang, interactive: interactive, color: color))
        historyBox = { [unowned self] in self.history }
        sizeBox = { [unowned self] in self.size }
        nowBox = { [unowned self] in
            self.clock += self.clockStep
            return self.clock
        }
        engine.onEvent = { [unowned self] in self.events.append($0) }
    }

    /// Feeds lines and returns the events they caused.
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

    /// All `.output` text of `events`, joined.
    static func output(_ events: [REPLEvent]) -> String {
        events.compactMap { if case .output(let text) = $0 { return text } else { return nil } }.joined()
    }

    static func errors(_ events: [REPLEvent]) -> String {
        events.compactMap { if case .error(let text) = $0 { return text } else { return nil } }.joined()
    }
}
