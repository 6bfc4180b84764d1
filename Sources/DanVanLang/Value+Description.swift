// The language's own print format, with no colour (the REPL colours its own rendering).
// `print("a")` writes text raw; inside a list or record text is quoted: `["a", 1, null]`,
// `{name: "x", score: 9.5}`. Decimals print their shortest round-trip form ("2.5", "0.1",
// "9.0"); dates print ISO ("2024-10-15"); a row on its own prints as a record of its columns,
// and inside another value as its display column.

extension Value: CustomStringConvertible {
    /// Nesting printed before "..." is shown: stops a list that contains itself.
    static let maxPrintDepth = 40

    public var description: String {
        var out = ""
        write(to: &out, nested: false, depth: 0)
        return out
    }

    /// The form used inside lists and records: text quoted, rows by their display column.
    public var nestedDescription: String {
        var out = ""
        write(to: &out, nested: true, depth: 0)
        return out
    }

    func write(to out: inout String, nested: Bool, depth: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += Value.format(value)
        case .text(let text):
            if nested { Value.quote(text, into: &out) } else { out += text }
        case .date(let date): out += date.description
        case .row(let row):
            if nested {
                if let column = row.schema.displayColumn, column < row.values.count {
                    row.values[column].write(to: &out, nested: true, depth: depth + 1)
                } else if let id = row.schema.columnIndex["id"], id < row.values.count {
                    out += "<\(row.schema.table) \(row.values[id].description)>"
                } else {
                    out += "<\(row.schema.table)>"
                }
            } else {
                Value.writeFields(zip(row.schema.columns, row.values), to: &out, depth: depth)
            }
        case .list(let list):
            if depth >= Value.maxPrintDepth { out += "[...]"; return }
            out += "["
            for (position, item) in list.items.enumerated() {
                if position > 0 { out += ", " }
                item.write(to: &out, nested: true, depth: depth + 1)
            }
            out += "]"
        case .record(let record):
            Value.writeFields(zip(record.shape.names, record.values), to: &out, depth: depth)
        case .function(let function):
            if function.builtin != nil { out += "<built-in \(function.name)>" }
            else if function.name.isEmpty { out += "<fn>" }
            else { out += "<fn \(function.name)>" }
        case .table(let table): out += "<table \(table.name)>"
        }
    }

    static func writeFields<S: Sequence>(_ fields: S, to out: inout String, depth: Int) where S.Element == (String, Value) {
        if depth >= maxPrintDepth { out += "{...}"; return }
        out += "{"
        var first = true
        for (name, value) in fields {
            if !first { out += ", " }
            first = false
            out += name
            out += ": "
            value.write(to: &out, nested: true, depth: depth + 1)
        }
        out += "}"
    }

    /// Shortest round-trip form; integral values keep ".0" so a decimal looks like one.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value.description
    }

    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "{": out += "\\{"
            case "}": out += "\\}"
            default: out.append(character)
            }
        }
        out += "\""
    }
}
