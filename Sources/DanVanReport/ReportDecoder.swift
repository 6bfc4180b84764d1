// From the language's values to the document model. A document is an ordinary record
// (`kind: "document"`, the heading fields, `blocks`), so a script may read or change it; every
// field and block is checked here, when a builder adds it and again when the document is
// saved, and anything malformed is a bilingual error naming the function, never a trap.
import DanVanDomain
import DanVanLang
import DanVanOutput
import VietText

public enum ReportDecoder {
    /// The record of a document value, or nil when `value` is not one.
    static func documentRecord(_ value: Value) -> Record? {
        guard case .record(let record) = value, case .text("document")? = record["kind"],
              case .list? = record["blocks"] else { return nil }
        return record
    }

    /// The document `value` holds, every block checked.
    /// - Parameter names: where references find the names of their rows (the host).
    public static func document(_ value: Value, function: String = "save",
                                names: (any DisplayNameSource)? = nil) throws -> ReportDocument {
        guard let record = documentRecord(value) else {
            throw ReportError(ReportMessages.notDocument, [function, value.typeName.en])
        }
        let lang = try language(record["lang"] ?? .null, function: function)
        var document = ReportDocument(lang: lang)
        document.title = try text(record["title"], "title", function)
        document.subtitle = try text(record["subtitle"], "subtitle", function)
        document.issuer = try text(record["issuer"], "issuer", function)
        document.parentIssuer = try text(record["parent_issuer"], "parent_issuer", function)
        document.number = try text(record["number"], "number", function)
        document.place = try text(record["place"], "place", function)
        document.date = try date(record["date"] ?? .null, function: function)
        document.motto = try choice(record["motto"], "motto", function, default: ReportDocument.Motto.state)
        document.signer = try text(record["signer"], "signer", function)
        document.signerTitle = try text(record["signer_title"], "signer_title", function)
        document.recipients = try recipients(record["recipients"] ?? .null, function: function)
        if case .list(let blocks)? = record["blocks"] {
            document.blocks = try blocks.items.enumerated().map { try block($1, number: $0 + 1, lang: lang, names: names) }
        }
        return document
    }

    /// One block record (as the builders make them) as a model block.
    static func block(_ value: Value, number: Int, lang: Lang, names: (any DisplayNameSource)? = nil) throws -> ReportBlock {
        guard case .record(let record) = value, case .text(let kind)? = record["kind"] else {
            throw ReportError(ReportMessages.badBlock, [String(number), value.typeName.en])
        }
        switch kind {
        case "heading":
            let level = try headingLevel(record["level"] ?? .null, function: "heading")
            return .heading(try text(record["text"], "text", "heading") ?? "", level: level)
        case "paragraph": return .paragraph(try text(record["text"], "text", "paragraph") ?? "")
        case "placeholder": return .placeholder(try text(record["text"], "text", "placeholder") ?? "")
        case "page_break": return .pageBreak
        case "figures":
            return .figures(try figures(record["rows"] ?? .null, title: try text(record["title"], "title", "figures")))
        case "table":
            let title = try text(record["title"], "title", "table")
            let note = try text(record["note"], "note", "table")
            let rows: Value = record["rows"] ?? .null
            let headings: Value = record["headings"] ?? .null
            return .table(try table(rows, title: title, note: note, headings: headings, lang: lang, function: "table",
                                    names: names))
        case "chart":
            let rows: Value = record["rows"] ?? .null
            let kind: Value = record["chart"] ?? .null
            let x: Value = record["x"] ?? .null
            let y: Value = record["y"] ?? .null
            let title: Value = record["title"] ?? .null
            let headings: Value = record["headings"] ?? .null
            return .chart(try chart(rows, kind: kind, x: x, y: y, title: title, headings: headings, lang: lang,
                                    function: "chart", names: names))
        default:
            throw ReportError(ReportMessages.unknownBlock, [String(number), kind])
        }
    }

    // MARK: Fields

    /// Optional text: nil for a missing field or null.
    static func text(_ value: Value?, _ name: String, _ function: String) throws -> String? {
        switch value ?? .null {
        case .null: return nil
        case .text(let text): return text
        case let other: throw ReportError(ReportMessages.expectedText, [function, name, other.typeName.en])
        }
    }

    static func headingLevel(_ value: Value, function: String) throws -> Int {
        switch value {
        case .null: return 1
        case .int(let level) where (1...4).contains(level): return Int(level)
        default: throw ReportError(ReportMessages.expectedLevel, [function, value.description])
        }
    }

    /// One of an enum's raw values (`motto: "party"`), with a did-you-mean.
    static func choice<T: RawRepresentable & CaseIterable>(_ value: Value?, _ name: String, _ function: String,
                                                           default fallback: T) throws -> T where T.RawValue == String {
        guard let given = try text(value, name, function) else { return fallback }
        if let found = T(rawValue: given) { return found }
        let names = T.allCases.map(\.rawValue)
        throw ReportError.unknown(ReportMessages.unknownChoice, [function, name, given, names.joined(separator: ", ")],
                                  name: given, candidates: names)
    }

    static func language(_ value: Value, function: String) throws -> Lang {
        guard let given = try text(value, "lang", function) else { return .vi }
        if let lang = Lang(rawValue: given) { return lang }
        let names = Lang.allCases.map(\.rawValue)
        throw ReportError.unknown(ReportMessages.unknownChoice, [function, "lang", given, names.joined(separator: ", ")],
                                  name: given, candidates: names)
    }

    static func date(_ value: Value, function: String) throws -> CalendarDate? {
        switch value {
        case .null: return nil
        case .date(let date): return date
        case .text(let text):
            if let date = CalendarDate(iso: text) { return date }
        default: break
        }
        throw ReportError(ReportMessages.badDate, [function, value.description])
    }

    /// `recipients`: one text or a list of texts.
    static func recipients(_ value: Value, function: String) throws -> [String] {
        switch value {
        case .null: return []
        case .text(let text): return [text]
        case .list(let list): return try list.items.map { try text($0, "recipients", function) ?? "" }
        default: throw ReportError(ReportMessages.expectedText, [function, "recipients", value.typeName.en])
        }
    }

    // MARK: Tables, figures, charts

    /// Any pipeline result, one row or record, or a whole table, as the document shows it:
    /// headings and cells from ValueDisplay in the document's language, dates written as
    /// the language writes them and kept as dates for spreadsheets. `headings` (a record,
    /// column name → heading) replaces the headings of the columns it names (ReportHeadings.swift).
    public static func table(_ value: Value, title: String? = nil, note: String? = nil, headings: Value = .null,
                             lang: Lang, function: String = "table",
                             names: (any DisplayNameSource)? = nil) throws -> ReportTable {
        let items: [Value]
        switch value {
        case .table(let source): items = try source.rows().map(Value.row)
        case .list(let list): items = list.items
        case .row, .record: items = [value]
        default: throw ReportError(ReportMessages.notRows, [function, "rows", value.typeName.en])
        }
        guard !items.isEmpty else {
            var empty = TableModel(labels: [], rows: [])
            if case .table = value, case .table(let model)? = try ValueDisplay.display(value, lang: lang, names: names) {
                empty = model
            }
            try applyHeadings(headings, to: &empty, function: function)
            return ReportTable(title: title, note: note, model: empty)
        }
        guard var model = try ValueDisplay.model(items, lang: lang, names: names) else {
            let odd = items.first { item in
                if case .row = item { return false }
                if case .record = item { return false }
                return true
            } ?? value
            throw ReportError(ReportMessages.notRows, [function, "rows", "list of " + odd.typeName.en])
        }
        try applyHeadings(headings, to: &model, function: function)
        var dates: [Int: [Int: DateParts]] = [:]
        for (rowIndex, item) in items.enumerated() where rowIndex < model.rows.count {
            for (columnIndex, column) in model.columns.enumerated() {
                guard case .date(let date)? = item.field(column.name), columnIndex < model.rows[rowIndex].count else { continue }
                let parts = DateParts(date)
                dates[rowIndex, default: [:]][columnIndex] = parts
                model.rows[rowIndex][columnIndex] = .text(ReportText.date(parts, lang))
            }
        }
        return ReportTable(title: title, note: note, model: model, dates: dates)
    }

    /// Key figures from a list of `{label, value, previous}` records.
    static func figures(_ value: Value, title: String?) throws -> ReportFigures {
        guard case .list(let list) = value else {
            throw ReportError(ReportMessages.notRows, ["figures", "rows", value.typeName.en])
        }
        let known = ["label", "value", "previous"]
        let items = try list.items.enumerated().map { offset, item -> ReportFigures.Item in
            let number = String(offset + 1)
            guard case .record(let record) = item else {
                throw ReportError(ReportMessages.figureItem, [number, item.typeName.en])
            }
            for (name, _) in record.fields where !known.contains(name) {
                throw ReportError.unknown(ReportMessages.figureField, [number, name], name: name, candidates: known)
            }
            let label: String
            switch record["label"] ?? .null {
            case .null: throw ReportError(ReportMessages.figureNoLabel, [number])
            case .text(let text): label = text
            case let other: label = other.description
            }
            return ReportFigures.Item(label: label, value: try figureNumber(record["value"], "value", number),
                                      previous: try figureNumber(record["previous"], "previous", number))
        }
        return ReportFigures(title: title, items: items)
    }

    static func figureNumber(_ value: Value?, _ name: String, _ item: String) throws -> CellValue {
        switch value ?? .null {
        case .null: return .null
        case .int(let number): return .integer(number)
        case .double(let number): return .decimal(number)
        case let other: throw ReportError(ReportMessages.figureValue, [item, name, other.typeName.en])
        }
    }
}
