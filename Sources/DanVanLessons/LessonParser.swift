// Reads a lesson file (the format of docs/lessons.md). Everything outside the fenced blocks
// of a step is the author's own notes and is skipped; everything wrong is reported, all of
// it at once and each with its file and line, in both languages, so that a trainer who is not
// a programmer can fix a lesson from the messages alone.
import DanVanStore
import Foundation
import VietText

/// A mistake in a lesson file.
public struct LessonProblem: Error, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var message: Localized

    /// `Lessons/01-first-steps.md:12: error: …`, the format of every DanVan diagnostic.
    public func text(_ lang: Lang) -> String {
        "\(file):\(line): " + LessonParser.errorWord(lang) + ": " + message(lang)
    }
}

/// Every mistake found in one lesson file.
public struct LessonProblems: Error, Sendable {
    public var all: [LessonProblem]
}

/// A check line that cannot be read.
struct CheckProblem: Error {
    var message: Localized
}

public enum LessonParser {
    static let errorWord = Localized(vi: "lỗi", en: "error")
    static let blockKinds = ["vi", "en", "solution", "check", "hint.vi", "hint.en", "wrong", "setup"]

    static let missingTitle = Localized(
        vi: "bài học phải mở đầu bằng hai dòng tên bài: `# vi: …` rồi `# en: …`",
        en: "a lesson must start with its title on two lines: `# vi: …` then `# en: …`")
    static let badStepID = Localized(
        vi: "tên bước '{0}' chỉ được gồm chữ cái không dấu, chữ số, '-' và '_'",
        en: "the step name '{0}' may hold only ASCII letters, digits, '-' and '_'")
    static let duplicateStep = Localized(vi: "bước '{0}' đã có ở dòng {1}", en: "the step '{0}' is already at line {1}")
    static let blockOutsideStep = Localized(
        vi: "khối ```{0} nằm ngoài mọi bước: đặt nó sau một dòng `## step: TÊN`",
        en: "the ```{0} block is outside any step: put it after a `## step: NAME` line")
    static let unknownBlock = Localized(
        vi: "không có loại khối '{0}'; các loại là: {1}",
        en: "there is no block kind '{0}'; the kinds are: {1}")
    static let unclosedBlock = Localized(
        vi: "khối ```{0} không được đóng bằng một dòng ```",
        en: "the ```{0} block is never closed by a ``` line")
    static let repeatedBlock = Localized(
        vi: "bước '{0}' có hai khối ```{1}",
        en: "the step '{0}' has two ```{1} blocks")
    static let missingText = Localized(
        vi: "bước '{0}' thiếu khối ```{1}",
        en: "the step '{0}' has no ```{1} block")
    static let solutionWithoutCheck = Localized(
        vi: "bước '{0}' có lời giải nhưng không có khối ```check",
        en: "the step '{0}' has a solution but no ```check block")
    static let checkWithoutSolution = Localized(
        vi: "bước '{0}' có kiểm tra nhưng không có khối ```solution",
        en: "the step '{0}' has checks but no ```solution block")
    static let hintCounts = Localized(
        vi: "bước '{0}' có {1} gợi ý tiếng Việt nhưng {2} gợi ý tiếng Anh: mỗi gợi ý cần cả hai thứ tiếng",
        en: "the step '{0}' has {1} Vietnamese hints but {2} English ones: every hint needs both languages")
    static let noHint = Localized(
        vi: "bước '{0}' là một nhiệm vụ nhưng chưa có gợi ý nào (```hint.vi và ```hint.en)",
        en: "the step '{0}' is a task but has no hint (```hint.vi and ```hint.en)")
    static let wrongInReadingStep = Localized(
        vi: "bước '{0}' không có lời giải nên không thể có câu trả lời sai (```wrong)",
        en: "the step '{0}' has no solution, so it cannot have wrong answers (```wrong)")
    static let noSteps = Localized(vi: "bài học chưa có bước nào (`## step: TÊN`)",
                                   en: "the lesson has no steps (`## step: NAME`)")
    static let emptyBlock = Localized(vi: "khối ```{0} trống", en: "the ```{0} block is empty")

    /// A step while its blocks are read.
    private struct Draft {
        var id: String
        var line: Int
        var blocks: [String: (text: String, line: Int)] = [:]
        var hintsVi: [String] = []
        var hintsEn: [String] = []
        var wrongs: [(text: String, line: Int)] = []
        var checkLines: [(text: String, line: Int)] = []
    }

    /// Reads the lesson in `text`; `file` names it in messages, `key` is its progress key.
    public static func parse(_ text: String, file: String, key: String) -> Result<Lesson, LessonProblems> {
        var problems: [LessonProblem] = []
        func problem(_ line: Int, _ message: Localized, _ args: CustomStringConvertible...) {
            let strings = args.map(\.description)
            problems.append(LessonProblem(file: file, line: line,
                                          message: Localized(vi: message.format(.vi, strings), en: message.format(.en, strings))))
        }
        // "\r\n" is one Character, so both line ends split here.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        var titleVi: String?
        var titleEn: String?
        var drafts: [Draft] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            index += 1
            if drafts.isEmpty, line.hasPrefix("# vi:"), titleVi == nil {
                titleVi = line.dropFirst(5).trimmingSpaces()
            } else if drafts.isEmpty, line.hasPrefix("# en:"), titleEn == nil {
                titleEn = line.dropFirst(5).trimmingSpaces()
            } else if line.hasPrefix("## step:") {
                let id = line.dropFirst("## step:".count).trimmingSpaces()
                if id.isEmpty || !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                    problem(number, badStepID, id)
                }
                if let earlier = drafts.first(where: { $0.id == id }) { problem(number, duplicateStep, id, earlier.line) }
                drafts.append(Draft(id: id, line: number))
            } else if line.hasPrefix("```") {
                let kind = line.dropFirst(3).trimmingSpaces()
                var body: [String] = []
                var closed = false
                while index < lines.count {
                    let inner = lines[index]
                    index += 1
                    if inner.trimmingSpaces() == "```" {
                        closed = true
                        break
                    }
                    body.append(inner)
                }
                if !closed { problem(number, unclosedBlock, kind) }
                guard var draft = drafts.popLast() else {
                    problem(number, blockOutsideStep, kind)
                    continue
                }
                defer { drafts.append(draft) }
                guard blockKinds.contains(kind) else {
                    problem(number, unknownBlock, kind, blockKinds.joined(separator: ", "))
                    continue
                }
                let content = trimmedBlock(body)
                if content.isEmpty { problem(number, emptyBlock, kind) }
                switch kind {
                case "hint.vi": draft.hintsVi.append(content)
                case "hint.en": draft.hintsEn.append(content)
                case "wrong": draft.wrongs.append((content, number + 1))
                case "check":
                    if draft.blocks[kind] != nil { problem(number, repeatedBlock, draft.id, kind) }
                    draft.blocks[kind] = (content, number)
                    for (offset, checkLine) in body.enumerated() {
                        let trimmed = checkLine.trimmingSpaces()
                        if !trimmed.isEmpty && !trimmed.hasPrefix("#") { draft.checkLines.append((trimmed, number + 1 + offset)) }
                    }
                default:
                    if draft.blocks[kind] != nil { problem(number, repeatedBlock, draft.id, kind) }
                    // A block's line is its first line of content: a solution's `# expect`
                    // lines are numbered from it.
                    let leading = body.prefix { $0.trimmingSpaces().isEmpty }.count
                    draft.blocks[kind] = (content, number + 1 + leading)
                }
            }
        }
        guard let titleVi, let titleEn, !titleVi.isEmpty, !titleEn.isEmpty else {
            problem(1, missingTitle)
            return .failure(LessonProblems(all: problems.sorted { $0.line < $1.line }))
        }
        if drafts.isEmpty { problem(1, noSteps) }
        var steps: [Step] = []
        for draft in drafts {
            for kind in ["vi", "en"] where draft.blocks[kind] == nil { problem(draft.line, missingText, draft.id, kind) }
            let solution = draft.blocks["solution"]?.text
            var checks: [Check] = []
            for (text, line) in draft.checkLines {
                switch CheckParser.parse(text) {
                case .success(let check): checks.append(check)
                case .failure(let problem): problems.append(LessonProblem(file: file, line: line, message: problem.message))
                }
            }
            if solution != nil && draft.blocks["check"] == nil { problem(draft.line, solutionWithoutCheck, draft.id) }
            if solution == nil && draft.blocks["check"] != nil { problem(draft.line, checkWithoutSolution, draft.id) }
            if solution == nil && !draft.wrongs.isEmpty { problem(draft.line, wrongInReadingStep, draft.id) }
            if draft.hintsVi.count != draft.hintsEn.count {
                problem(draft.line, hintCounts, draft.id, draft.hintsVi.count, draft.hintsEn.count)
            } else if solution != nil && draft.hintsVi.isEmpty {
                problem(draft.line, noHint, draft.id)
            }
            let hints = zip(draft.hintsVi, draft.hintsEn).map { Localized(vi: $0.0, en: $0.1) }
            steps.append(Step(id: draft.id, line: draft.line,
                              text: Localized(vi: draft.blocks["vi"]?.text ?? "", en: draft.blocks["en"]?.text ?? ""),
                              setup: draft.blocks["setup"]?.text, solution: solution, checks: checks, hints: hints,
                              wrongs: draft.wrongs, solutionLine: draft.blocks["solution"]?.line ?? draft.line))
        }
        guard problems.isEmpty else { return .failure(LessonProblems(all: problems.sorted { $0.line < $1.line })) }
        return .success(Lesson(file: file, key: key, title: Localized(vi: titleVi.nfc, en: titleEn), steps: steps))
    }

    /// A block's lines without the blank lines around them, NFC (as the REPL reads input).
    static func trimmedBlock(_ body: [String]) -> String {
        var lines = body
        while lines.first?.trimmingSpaces().isEmpty == true { lines.removeFirst() }
        while lines.last?.trimmingSpaces().isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n").nfc
    }
}

/// One line of a ```check block.
enum CheckParser {
    static let unknownCheck = Localized(
        vi: "không hiểu kiểm tra '{0}'; các kiểm tra là: value, value unordered, rows N, data BẢNG…, output CHỮ, uses TỪ, no-error, meta LỆNH",
        en: "unknown check '{0}'; the checks are: value, value unordered, rows N, data TABLE…, output TEXT, uses WORD, no-error, meta COMMAND")
    static let badRows = Localized(vi: "'rows' cần một số dòng, ví dụ `rows 37`", en: "'rows' needs a number of rows, e.g. `rows 37`")
    static let unknownTable = Localized(vi: "không có bảng '{0}'", en: "there is no table '{0}'")
    static let needsArgument = Localized(vi: "'{0}' cần thêm một từ phía sau, ví dụ `{1}`",
                                         en: "'{0}' needs something after it, e.g. `{1}`")

    static func parse(_ line: String) -> Result<Check, CheckProblem> {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return .failure(CheckProblem(message: needs("value", "value"))) }
        let rest = line.dropFirst(first.count).trimmingSpaces()
        switch first {
        case "value":
            if rest.isEmpty { return .success(.value(unordered: false)) }
            if rest == "unordered" { return .success(.value(unordered: true)) }
        case "rows":
            guard words.count == 2, let count = Int(words[1]), count >= 0 else { return .failure(CheckProblem(message: badRows)) }
            return .success(.rows(count))
        case "data":
            guard words.count >= 2 else { return .failure(CheckProblem(message: needs("data", "data units"))) }
            var tables: [String] = []
            for name in words.dropFirst() {
                guard let table = Catalog.table(named: name) else { return .failure(CheckProblem(message: fill(unknownTable, name))) }
                tables.append(table.name)
            }
            return .success(.data(tables))
        case "output":
            guard !rest.isEmpty else { return .failure(CheckProblem(message: needs("output", "output 84"))) }
            return .success(.output(rest.nfc))
        case "uses":
            guard words.count == 2 else { return .failure(CheckProblem(message: needs("uses", "uses where"))) }
            return .success(.uses(words[1]))
        case "no-error":
            if rest.isEmpty { return .success(.noError) }
        case "meta":
            guard words.count >= 2 else { return .failure(CheckProblem(message: needs("meta", "meta :schema"))) }
            let name = words[1].hasPrefix(":") ? String(words[1].dropFirst()) : words[1]
            let argument = rest.dropFirst(words[1].count).trimmingSpaces()
            return .success(.meta(name: name, argument: argument))
        default:
            break
        }
        return .failure(CheckProblem(message: fill(unknownCheck, line)))
    }

    private static func needs(_ word: String, _ example: String) -> Localized { fill(needsArgument, word, example) }

    private static func fill(_ message: Localized, _ args: String...) -> Localized {
        Localized(vi: message.format(.vi, args), en: message.format(.en, args))
    }
}
