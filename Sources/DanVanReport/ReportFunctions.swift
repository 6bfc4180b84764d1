// The report functions a script calls (docs/reports.md): `document` makes a document record,
// the builders (`heading`, `paragraph`, `placeholder`, `page_break`, `figures`, `table`,
// `chart`) append a checked block to its `blocks` and give null, `save` writes it in the
// format its file name says, `progress` tells a person at a terminal how far a long report is.
// `chart` without a document gives the chart drawn in text, for the REPL. They are host
// functions with labelled parameters, registered on a DomainHost by `install(on:)`.
import DanVanDomain
import DanVanLang
import DanVanOutput
import Foundation
import VietText

public enum ReportFunctions {
    /// Registers the report functions on `host`. `lang` gives the session's language (for a
    /// chart drawn without a document and a bare table saved); `progress` shows a status line.
    /// `replacing` decides whether `save` may write over a file that is there (the default:
    /// yes, a report is made again each month; a lesson's practice session: only a file the
    /// lessons made, never one of the learner's own).
    public static func install(on host: DomainHost, lang: @escaping () -> Lang = { .vi },
                               progress: @escaping (String) -> Void = ReportFunctions.terminalProgress,
                               replacing: SaveReplacing = .always) {
        host.register(functions(lang: lang, progress: progress, names: { [weak host] in host }, replacing: replacing))
    }

    /// Every report function, for a host to register. `names` gives the host that finds the
    /// names of the rows references point at (a table shows "Phường Tân Hòa", not 549).
    public static func functions(lang: @escaping () -> Lang, progress: @escaping (String) -> Void,
                                 names: @escaping () -> (any DisplayNameSource)? = { nil },
                                 replacing: SaveReplacing = .always) -> [HostFunction] {
        [
            HostFunction(name: "document", parameters: documentFields, required: 1, writes: false,
                         summary: Localized(vi: "tạo một tài liệu báo cáo (tiêu đề, cơ quan ban hành, số, nơi và ngày, người ký)",
                                            en: "make a report document (title, issuer, number, place and date, signer)")) { arguments, _ in
                try document(arguments)
            },
            builder("heading", ["doc", "text", "level"], required: 2,
                    Localized(vi: "thêm một đề mục vào tài liệu (level: 1 đến 4)", en: "add a heading to a document (level: 1 to 4)")) {
                record(["kind": .text("heading"), "text": $0[1], "level": $0[2]])
            },
            builder("paragraph", ["doc", "text"], required: 2,
                    Localized(vi: "thêm một đoạn văn vào tài liệu", en: "add a paragraph to a document")) {
                record(["kind": .text("paragraph"), "text": try required($0[1], "paragraph")])
            },
            builder("placeholder", ["doc", "text"], required: 2,
                    Localized(vi: "thêm một khung \"phần viết tay\" cho đoạn người soạn tự viết",
                              en: "add a framed part for the author to write by hand")) {
                record(["kind": .text("placeholder"), "text": try required($0[1], "placeholder")])
            },
            builder("page_break", ["doc"], required: 1,
                    Localized(vi: "sang trang mới khi in", en: "start a new page when printed")) { _ in
                record(["kind": .text("page_break")])
            },
            builder("figures", ["doc", "rows", "title"], required: 2,
                    Localized(vi: "thêm các số liệu chính {label, value, previous}, có so sánh với kỳ trước",
                              en: "add key figures {label, value, previous}, compared with the period before")) {
                record(["kind": .text("figures"), "rows": $0[1], "title": $0[2]])
            },
            builder("table", ["doc", "rows", "title", "note", "headings"], required: 2,
                    Localized(vi: "thêm một bảng (kết quả một truy vấn hoặc cả một bảng); headings: {cột: \"tiêu đề\"}",
                              en: "add a table (a query's result or a whole table); headings: {column: \"heading\"}")) {
                record(["kind": .text("table"), "rows": $0[1], "title": $0[2], "note": $0[3], "headings": $0[4]])
            },
            HostFunction(name: "chart", parameters: ["doc", "rows", "kind", "x", "y", "title", "headings"], required: 1, writes: false,
                         summary: Localized(vi: "thêm biểu đồ (bar, stacked, line, pie) vào tài liệu; không có tài liệu thì vẽ bằng chữ",
                                            en: "add a chart (bar, stacked, line, pie) to a document; without one, draw it as text")) { arguments, _ in
                try chart(arguments, lang: lang(), names: names())
            },
            HostFunction(name: "save", parameters: ["doc", "path"], required: 2, writes: false,
                         summary: Localized(vi: "ghi tài liệu (hoặc một bảng) ra tệp .md, .html, .csv hoặc .xlsx; trả về đường dẫn",
                                            en: "write a document (or a table) to a .md, .html, .csv or .xlsx file; gives the path")) { arguments, _ in
                try save(arguments, lang: lang(), names: names(), replacing: replacing)
            },
            HostFunction(name: "progress", parameters: ["text"], required: 1, writes: false,
                         summary: Localized(vi: "báo tiến độ trên terminal (dòng trạng thái)", en: "show progress on a terminal (a status line)")) { arguments, _ in
                let value = arguments.first ?? .null
                if case .text(let text) = value { progress(text) } else { progress(value.description) }
                return .null
            },
        ]
    }

    static let documentFields = ["title", "subtitle", "issuer", "parent_issuer", "number", "place", "date", "motto",
                                 "signer", "signer_title", "recipients", "lang"]

    /// `document(title, ...)`: a record with every heading field and no blocks, checked now so
    /// that a wrong motto or date is reported at this line.
    static func document(_ arguments: [Value]) throws -> Value {
        var fields: [(String, Value)] = [("kind", .text("document"))]
        for (index, name) in documentFields.enumerated() {
            fields.append((name, index < arguments.count ? arguments[index] : .null))
        }
        fields.append(("blocks", .list([])))
        let value = Value.record(Record.make(fields: fields))
        _ = try ReportDecoder.document(value, function: "document")
        return value
    }

    /// A builder: checks the document, makes the block, checks it in the document's language,
    /// and appends it.
    static func builder(_ name: String, _ parameters: [String], required count: Int, _ summary: Localized,
                        block: @escaping ([Value]) throws -> Value) -> HostFunction {
        HostFunction(name: name, parameters: parameters, required: count, writes: false, summary: summary) { arguments, _ in
            let padded = arguments + Array(repeating: .null, count: max(0, parameters.count - arguments.count))
            try append(try block(padded), to: padded[0], function: name)
            return .null
        }
    }

    static func append(_ block: Value, to document: Value, function: String) throws {
        guard let record = ReportDecoder.documentRecord(document), case .list(let blocks)? = record["blocks"] else {
            throw ReportError(ReportMessages.notDocument, [function, document.typeName.en])
        }
        let lang = try ReportDecoder.language(record["lang"] ?? .null, function: function)
        _ = try ReportDecoder.block(block, number: blocks.items.count + 1, lang: lang)
        blocks.items.append(block)
    }

    static func record(_ fields: KeyValuePairs<String, Value>) -> Value {
        .record(Record.make(fields: fields.map { ($0.key, $0.value) }))
    }

    /// A text argument that must be given.
    static func required(_ value: Value, _ function: String) throws -> Value {
        guard case .text = value else { throw ReportError(ReportMessages.expectedText, [function, "text", value.typeName.en]) }
        return value
    }

    /// `chart(doc, rows, ...)` adds a chart block; `chart(rows, ...)` gives the chart as text.
    static func chart(_ arguments: [Value], lang: Lang, names: (any DisplayNameSource)? = nil) throws -> Value {
        let padded = arguments + Array(repeating: .null, count: max(0, 7 - arguments.count))
        if ReportDecoder.documentRecord(padded[0]) != nil {
            let block = record(["kind": .text("chart"), "rows": padded[1], "chart": padded[2], "x": padded[3],
                                "y": padded[4], "title": padded[5], "headings": padded[6]])
            try append(block, to: padded[0], function: "chart")
            return .null
        }
        // Without a document the first argument is the rows; a second positional one would
        // be read as rows too, which cannot be what was meant.
        guard case .null = padded[1] else {
            throw ReportError(ReportMessages.notDocument, ["chart", padded[0].typeName.en])
        }
        let drawn = try ReportDecoder.chart(padded[0], kind: padded[2], x: padded[3], y: padded[4], title: padded[5],
                                           headings: padded[6], lang: lang, function: "chart", names: names)
        return .text(drawn.terminalText(lang))
    }

    /// `save(doc, path)`, or `save(rows, path)` for a bare table: the path written.
    static func save(_ arguments: [Value], lang: Lang, names: (any DisplayNameSource)? = nil,
                     replacing: SaveReplacing = .always) throws -> Value {
        let target = arguments.first ?? .null
        guard arguments.count > 1, case .text(let path) = arguments[1] else {
            throw ReportError(ReportMessages.expectedText, ["save", "path", (arguments.count > 1 ? arguments[1] : .null).typeName.en])
        }
        let document: ReportDocument
        if ReportDecoder.documentRecord(target) != nil {
            document = try ReportDecoder.document(target, function: "save", names: names)
        } else {
            document = ReportDocument(lang: lang, blocks: [.table(try ReportDecoder.table(target, lang: lang, function: "save",
                                                                                          names: names))])
        }
        if case .onlyMade(let made) = replacing {
            let key = URL(fileURLWithPath: path).standardizedFileURL.path
            if FileManager.default.fileExists(atPath: path), !made.contains(key) {
                throw ReportError(ReportMessages.wontReplace, [path, URL(fileURLWithPath: path).lastPathComponent])
            }
            try ReportFile.write(document, to: path)
            made.insert(key)
        } else {
            try ReportFile.write(document, to: path)
        }
        return .text(path)
    }

    /// Writes `text` as a status line on stderr when stderr is a terminal, and nothing
    /// otherwise (a log or a pipe should not fill with progress lines).
    public static func terminalProgress(_ text: String) {
        guard isatty(2) != 0 else { return }
        FileHandle.standardError.write(Data(("… " + CellText.oneLine(text) + "\n").utf8))
    }
}

/// Whether `save` may write over a file that is already there.
public enum SaveReplacing: Sendable {
    /// Yes: a report made again replaces the last one (the write is atomic).
    case always
    /// Only a file that one of these saves made in this process (a lesson's practice
    /// session: the learner's own files are never touched).
    case onlyMade(MadeFiles)
}

/// The files saves have made, by absolute path; shared by the sessions of one process.
public final class MadeFiles: @unchecked Sendable {
    private var paths: Set<String> = []
    private let lock = NSLock()

    public init() {}

    func contains(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return paths.contains(path)
    }

    func insert(_ path: String) {
        lock.lock()
        paths.insert(path)
        lock.unlock()
    }
}
