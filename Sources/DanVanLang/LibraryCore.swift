// The core library: printing, types and conversions, length.
import VietText

enum CoreLibrary {
    static let functions: [Builtin] = [
        /// print(a, b, ...): the values on one line, separated by a space.
        Builtin("print", 0...Int.max) { args in
            var line = ""
            for position in 0..<args.count {
                if position > 0 { line += " " }
                try args[position].write(checked: &line)
            }
            args.vm.output(line)
            return .null
        },
        /// type(v): the type's name in English ("integer", "text", ...), stable for scripts.
        Builtin("type", 1...1) { args in .text(args[0].typeName.en) },
        /// text(v): the value as print shows it.
        Builtin("text", 1...1) { args in
            if case .text = args[0] { return args[0] }
            return .text(try args[0].printed())
        },
        /// number(t): text to an integer or decimal ("42", "2.5", " 7 "); a number stays as it is.
        /// Text that a literal could not be is an error, as the literal is: a whole number past
        /// ±9,223,372,036,854,775,807 or a decimal past ±1.8e308 ("number too large"), and
        /// "inf", "nan" or hexadecimal ("not a number").
        Builtin("number", 1...1) { args in
            switch args[0] {
            case .int, .double: return args[0]
            case .text(let text):
                let trimmed = text.trimmingCharacters(in: " \t\n")
                switch NumberText.parse(trimmed) {
                case .number(let value): return value
                case .tooLarge: throw args.bad(0, because: LexMessages.numberTooLarge, [trimmed])
                case .notANumber: throw args.bad(0, because: CoreMessages.notANumber, [trimmed])
                }
            default: throw args.bad(0, expected: TypeNames.text)
            }
        },
        /// len(x): characters of text, items of a list, fields of a record, rows of a table.
        Builtin("len", 1...1) { args in
            switch args[0] {
            case .text(let text): return .int(Int64(TextLength.characters(text)))
            case .list(let list): return .int(Int64(list.items.count))
            case .record(let record): return .int(Int64(record.count))
            case .table: return .int(try args.count(0))
            default: throw args.bad(0, expected: CoreMessages.lengthTypes)
            }
        },
        /// keys(r): a record's field names (a row's column names), in order.
        Builtin("keys", 1...1) { args in
            switch args[0] {
            case .record(let record): return .list(record.shape.names.map(Value.text))
            case .row(let row): return .list(row.schema.columns.map(Value.text))
            default: throw args.bad(0, expected: TypeNames.record)
            }
        },
    ]
}

enum CoreMessages {
    static let notANumber = Localized(vi: "'{0}' không phải là số", en: "'{0}' is not a number")
    static let lengthTypes = Localized(vi: "văn bản, danh sách, bản ghi hoặc bảng", en: "text, list, record or table")
}

/// Text to a number by the rules of a number literal, with an optional sign: digits make a
/// whole number (exact, or too large); digits with a "." or an exponent make a decimal (finite,
/// or too large). Anything else, "inf", "nan" and "0x1F" included, is not a number.
enum NumberText {
    enum Parsed { case number(Value), tooLarge, notANumber }

    static func parse(_ text: String) -> Parsed {
        let bytes = Array(text.utf8)
        var position = 0
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9") }
        func isSign(_ at: Int) -> Bool { at < bytes.count && (bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-")) }
        if isSign(position) { position += 1 }
        var mantissaDigits = 0, isWhole = true
        while isDigit(position) { position += 1; mantissaDigits += 1 }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isWhole = false
            position += 1
            while isDigit(position) { position += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return .notANumber }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isWhole = false
            position += 1
            if isSign(position) { position += 1 }
            guard isDigit(position) else { return .notANumber }
            while isDigit(position) { position += 1 }
        }
        guard position == bytes.count else { return .notANumber }
        if isWhole { return Int64(text).map { .number(.int($0)) } ?? .tooLarge }
        guard let value = Double(text) else { return .notANumber }
        return value.isFinite ? .number(.double(value)) : .tooLarge
    }
}

extension String {
    /// Trims the given characters from both ends (without Foundation).
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var start = startIndex, end = endIndex
        while start < end, characters.contains(self[start]) { start = index(after: start) }
        while end > start, characters.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
