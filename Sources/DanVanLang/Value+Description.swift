// The language's own print format, with no colour (the REPL colours its own rendering).
// `print("a")` writes text raw; inside a list or record text is quoted: `["a", 1, null]`,
// `{name: "x", score: 9.5}`. Decimals print their shortest round-trip form ("2.5", "0.1",
// "9.0"); dates print ISO ("2024-10-15"); a row on its own prints as a record of its columns,
// and inside another value as its display column.

extension Value: CustomStringConvertible {
    /// The longest text a value prints as. A list holding the same list twice, forty levels
    /// over (`x = [x, x]`), would print as 2^40 items: past this length printing stops, with
    /// "…" where it stopped, and `print`, `text`, `join` and `"{x}"` report an error instead.
    /// A run's text limit (`Limits.maxTextBytes`) lowers it: a printed value is a text.
    static let maxPrintedLength = 8 << 20

    /// The value as `print` writes it, or an error when it would pass the printing limit.
    func printed() throws -> String {
        var out = ""
        try write(checked: &out)
        return out
    }

    /// Writes the value as `print` does, or throws when it would pass the printing limit
    /// (`maxPrintedLength`, or the run's text limit when that is less) or when the run is
    /// interrupted while a long value prints.
    func write(checked out: inout String) throws {
        let limit = Swift.min(Value.maxPrintedLength, Limits.current.maxTextBytes)
        var poll = InterruptPoll()
        if try !write(to: &out, nested: false, limit: limit, poll: &poll) {
            throw RuntimeError(RuntimeMessages.tooLongToPrint, [.plain(Limits.size(limit))])
        }
    }

    public var description: String {
        var out = ""
        write(to: &out, nested: false)
        return out
    }

    /// The form used inside lists and records: text quoted, rows by their display column.
    public var nestedDescription: String {
        var out = ""
        write(to: &out, nested: true)
        return out
    }

    /// What is left to write, last first: the printer keeps its own stack, so a list nested
    /// 50,000 deep prints whole without 50,000 native frames. A list or record is written one
    /// item at a time (`items`, `fields`), so printing stops at the limit after as much work as
    /// it wrote, however long the list.
    private enum PrintStep {
        case value(Value, nested: Bool)
        case text(String)
        /// A list being written: its item `next` comes next.
        case items(ValueList, next: Int)
        /// A record's or row's fields being written: field `next` comes next.
        case fields(names: [String], values: [Value], next: Int)
        /// The end of a list or record: it is no longer among the ones being written.
        case leave(ObjectIdentifier)
    }

    /// Writes the value, stopping at `maxPrintedLength` (then false, the text ending with "…").
    @discardableResult
    func write(to out: inout String, nested: Bool) -> Bool {
        var poll = InterruptPoll(nil)
        return (try? write(to: &out, nested: nested, limit: Value.maxPrintedLength, poll: &poll)) ?? false
    }

    /// Writes the value. A list or record met again inside itself (`append(a, a)`) prints as
    /// `[...]` or `{...}`, as Python does, so a value that contains itself prints in bounded work.
    /// False when it stopped after `limit` more bytes (the text then ends with "…"); throws
    /// only when `poll` finds the run interrupted.
    private func write(to out: inout String, nested: Bool, limit: Int, poll: inout InterruptPoll) throws(RuntimeError) -> Bool {
        switch self {
        case .list, .record, .row: break
        default: writeScalar(to: &out, nested: nested); return true
        }
        let (end, overflow) = out.utf8.count.addingReportingOverflow(limit)
        let limit = overflow ? Int.max : end
        var steps: [PrintStep] = [.value(self, nested: nested)]
        var open: Set<ObjectIdentifier> = []
        while let step = steps.popLast() {
            if out.utf8.count > limit {
                out += "…"
                return false
            }
            try poll.tick()
            switch step {
            case .text(let text): out += text
            case .leave(let id): open.remove(id)
            case .items(let list, let next):
                guard next < list.items.count else { out += "]"; continue }
                if next > 0 { out += ", " }
                steps.append(.items(list, next: next + 1))
                steps.append(.value(list.items[next], nested: true))
            case .fields(let names, let values, let next):
                guard next < names.count, next < values.count else { out += "}"; continue }
                out += next > 0 ? ", " + names[next] + ": " : names[next] + ": "
                steps.append(.fields(names: names, values: values, next: next + 1))
                steps.append(.value(values[next], nested: true))
            case .value(let value, let nested):
                switch value {
                case .list(let list):
                    let id = ObjectIdentifier(list)
                    guard open.insert(id).inserted else { out += "[...]"; continue }
                    out += "["
                    steps.append(.leave(id))
                    steps.append(.items(list, next: 0))
                case .record(let record):
                    let id = ObjectIdentifier(record)
                    guard open.insert(id).inserted else { out += "{...}"; continue }
                    out += "{"
                    steps.append(.leave(id))
                    steps.append(.fields(names: record.shape.names, values: record.values, next: 0))
                case .row(let row) where !nested:
                    out += "{"
                    steps.append(.fields(names: row.schema.columns, values: row.values, next: 0))
                default:
                    value.writeScalar(to: &out, nested: nested)
                }
            }
        }
        return true
    }

    /// Writes a value that holds no list or record of its own (a row inside another value
    /// prints as its display column, which is a scalar).
    private func writeScalar(to out: inout String, nested: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += Value.format(value)
        case .text(let text):
            if nested { Value.quote(text, into: &out) } else { out += text }
        case .date(let date): out += date.description
        case .row(let row):
            if let column = row.schema.displayColumn, column < row.values.count {
                row.values[column].writeScalar(to: &out, nested: true)
            } else if let id = row.schema.columnIndex["id"], id < row.values.count {
                out += "<\(row.schema.table) \(row.values[id].description)>"
            } else {
                out += "<\(row.schema.table)>"
            }
        case .list, .record: _ = write(to: &out, nested: nested)
        case .function(let function):
            if function.builtin != nil { out += "<built-in \(function.name)>" }
            else if function.name.isEmpty { out += "<fn>" }
            else { out += "<fn \(function.name)>" }
        case .table(let table): out += "<table \(table.name)>"
        }
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
