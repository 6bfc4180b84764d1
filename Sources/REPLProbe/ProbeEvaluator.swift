// A toy evaluator for the probe, standing in for the interpreter so the terminal side
// (line editing, history, completion, Ctrl-C, continuation prompts) can be proven under tmux
// before the language exists. Its "language": `print(TEXT)` prints TEXT; `show TEXT` echoes
// TEXT with its character and scalar counts; `table N` gives N rows; `loop` spins until
// Ctrl-C; `fail` reports an error; brackets and quotes must balance, and a trailing `|`
// continues the statement.
import DanVanREPL
import Synchronization
import LineEditor
import VietText

final class ProbeInterruptFlag: InterruptHook {
    let raised = Atomic<Bool>(false)
    func interruptRaised() { raised.store(true, ordering: .relaxed) }
}

final class ProbeEvaluator: Evaluator {
    let flag: ProbeInterruptFlag
    static let words = ["models", "mo_hinh", "movements", "Nguyễn", "Nguyễn Văn Thể",
                        "Phường Tân Định", "Phường Tân Hưng", "print", "table", "loop", "show"]

    init(flag: ProbeInterruptFlag) { self.flag = flag }

    func completeness(of text: String) -> InputCompleteness {
        var depth = 0
        var inString = false
        for character in text {
            if inString {
                if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            default: break
            }
            if depth < 0 { return .invalid }
        }
        if inString || depth > 0 { return .incomplete }
        if text.trimmingCharacters(in: .whitespaces).hasSuffix("|") { return .incomplete }
        return .complete
    }

    func evaluate(_ request: EvalRequest) -> EvalResult {
        flag.raised.store(false, ordering: .relaxed)
        let text = request.text.trimmingCharacters(in: .whitespaces)
        if text == "loop" {
            while !flag.raised.load(ordering: .relaxed) {}
            return .interrupted
        }
        if text == "fail" {
            return .error("\(request.origin): error: this fails on purpose")
        }
        if text.hasPrefix("print(") && text.hasSuffix(")") {
            var inner = String(text.dropFirst(6).dropLast())
            if inner.hasPrefix("\"") && inner.hasSuffix("\"") && inner.count >= 2 { inner = String(inner.dropFirst().dropLast()) }
            request.write(inner + "\n")
            return .nothing
        }
        if text.hasPrefix("table "), let count = Int(text.dropFirst(6)), count >= 0, count <= 100_000 {
            var rows: [[CellValue]] = []
            for index in 0..<count {
                let name = index % 2 == 0 ? "Phường Tân Định" : "Nguyễn Văn Thể"
                let row: [CellValue] = [.integer(Int64(index + 1)), .text(name), .decimal(Double(index) + 0.5)]
                rows.append(row)
            }
            return .value(.table(TableModel(columns: [
                TableModel.Column(name: "id", label: "id", groupsDigits: false),
                TableModel.Column(name: "name", label: request.lang == .vi ? "Tên" : "Name"),
                TableModel.Column(name: "score", label: request.lang == .vi ? "Điểm" : "Score"),
            ], rows: rows)))
        }
        if text.hasPrefix("show ") {
            let body = String(request.text.drop { $0 == " " }.dropFirst(5))
            return .value(.text("«\(body)» \(body.count) chars \(body.unicodeScalars.count) scalars"))
        }
        return .value(.text("«\(request.text)»"))
    }

    func completions(line: String, cursor: Int) -> CompletionList {
        let before = Array(line.prefix(cursor))
        // The word before the cursor; inside a quoted string, everything after the quote.
        var start = before.count
        if let quote = before.lastIndex(of: "\"") , before.filter({ $0 == "\"" }).count % 2 == 1 {
            start = quote + 1
        } else {
            while start > 0, before[start - 1].isLetter || before[start - 1] == "_" { start -= 1 }
        }
        let typed = VietFold.fold(String(before[start...]))
        let items = Self.words
            .filter { VietFold.fold($0).hasPrefix(typed) }
            .map { CompletionList.Item($0) }
        return CompletionList(range: start..<before.count, items: items)
    }

    var globalNames: [String] { [] }

    func help(topic: String, lang: Lang) -> String? {
        topic == "print" ? "print(TEXT): writes TEXT" : nil
    }

    var helpTopics: [String] { ["print"] }
}
