// A script's parameters: what `param year: int = 2024  # the review year` declares, read
// without running anything (`Interpreter.parameters(of:)`, for `danvan run FILE --help` and
// for checking `--set` values before the database is opened), and the rules the compiler
// enforces on them: at the top of the script, once each, a known type, a default of that type.
import VietText

/// The types a parameter may have: what can be typed on a command line.
public enum ParameterType: String, Sendable, CaseIterable {
    case int, number, text, date, bool

    /// The type's name in messages and in `run FILE --help`.
    public var label: Localized {
        switch self {
        case .int: return TypeNames.int
        case .number: return TypeNames.number
        case .text: return TypeNames.text
        case .date: return TypeNames.date
        case .bool: return TypeNames.bool
        }
    }

    /// How a value of this type is written on the command line, for usage errors.
    public var example: String {
        switch self {
        case .int: return "2024"
        case .number: return "2.5"
        case .text: return "Hà Nội"
        case .date: return "2024-06-30, 30/06/2024"
        case .bool: return "true, false"
        }
    }

    /// Command-line text as a value of this type, or nil when it is not one. Dates are ISO
    /// (2024-06-30) or written the Vietnamese way (30/06/2024); booleans true/false, yes/no,
    /// có/không, 1/0.
    public func value(from text: String) -> Value? {
        let trimmed = text.trimmingCharacters(in: " \t")
        switch self {
        case .text: return .text(text)
        case .int: return Int64(trimmed).map(Value.int)
        case .number:
            // As `number()` reads text: a whole number too large for an integer is refused,
            // not turned into an approximate decimal.
            if case .number(let value) = NumberText.parse(trimmed) { return value }
            return nil
        case .date: return ParameterType.date(trimmed).map(Value.date)
        case .bool:
            switch trimmed.lowercased() {
            case "true", "yes", "1", "có", "đúng": return .bool(true)
            case "false", "no", "0", "không", "sai": return .bool(false)
            default: return nil
            }
        }
    }

    /// Whether `value` may be this parameter's value (null is allowed: a default of null
    /// makes an optional parameter).
    func accepts(_ value: Value) -> Bool {
        switch (self, value) {
        case (_, .null), (.int, .int), (.number, .int), (.number, .double), (.text, .text), (.date, .date),
             (.bool, .bool):
            return true
        default:
            return false
        }
    }

    /// "2024-06-30" or "30/06/2024" as a date.
    static func date(_ text: String) -> CalendarDate? {
        if let iso = CalendarDate(iso: text) { return iso }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]), parts[2].count == 4 else {
            return nil
        }
        return CalendarDate(year: year, month: month, day: day)
    }
}

/// One `param` of a script, as `danvan run FILE --help` lists it.
public struct ScriptParameter {
    public let name: String
    public let type: ParameterType
    /// The default as written in the script (`2024`, `"Hà Nội"`); nil when the parameter is required.
    public let defaultSource: String?
    /// The default's value; nil when the parameter is required.
    public let defaultValue: Value?
    /// The comment after the declaration on its line, without the `#`; nil when there is none.
    public let help: String?
    public let location: SourceLocation

    public var isRequired: Bool { defaultValue == nil }
}

enum ScriptParameters {
    /// The parameters of a parsed program and what is wrong with them: a `param` after
    /// another statement, a name given twice, an unknown type, a default that is not a
    /// constant of the type. Declarations inside blocks are the compiler's to report.
    static func declarations(in statements: [Stmt], source: SourceText) -> ([ScriptParameter], [Diagnostic]) {
        var parameters: [ScriptParameter] = []
        var diagnostics: [Diagnostic] = []
        var seenOther = false
        func report(_ range: SourceRange, _ message: Message) {
            diagnostics.append(Diagnostic(kind: .compile, location: source.location(of: range.start), message: message))
        }
        for statement in statements {
            guard case .param(let declaration) = statement.kind else {
                seenOther = true
                continue
            }
            if seenOther {
                report(statement.range, Message(ScriptMessages.paramAfterStatements, [.plain(declaration.name)]))
            }
            if parameters.contains(where: { $0.name == declaration.name }) {
                report(declaration.nameRange, Message(ScriptMessages.duplicateParam, [.plain(declaration.name)]))
                continue
            }
            guard let type = ParameterType(rawValue: declaration.typeName) else {
                report(declaration.typeRange, Suggest.message(
                    ScriptMessages.unknownParamType, [.plain(declaration.typeName), .plain(declaration.name)],
                    name: declaration.typeName, candidates: ParameterType.allCases.map(\.rawValue)))
                continue
            }
            var defaultValue: Value?
            var defaultSource: String?
            if let expr = declaration.defaultValue {
                defaultSource = text(of: expr.range, in: source)
                guard let value = constant(expr, type: type), type.accepts(value) else {
                    report(expr.range, Message(ScriptMessages.badDefault,
                                               [.plain(declaration.name), .localized(type.label), .plain(defaultSource ?? "")]))
                    continue
                }
                defaultValue = value
            }
            parameters.append(ScriptParameter(
                name: declaration.name, type: type, defaultSource: defaultSource, defaultValue: defaultValue,
                help: help(after: statement.range, in: source), location: source.location(of: statement.range.start)))
        }
        return (parameters, diagnostics)
    }

    /// A default's value, when it is a constant: a number (maybe negative), a plain string,
    /// true, false, null, or for a date a string or `date("…")` holding a date.
    static func constant(_ expr: Expr, type: ParameterType) -> Value? {
        switch expr.kind {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .decimal(let number): return .double(number)
        case .unary(.negate, let inner):
            switch inner.kind {
            case .int(let number): return .int(0 - number)
            case .decimal(let number): return .double(-number)
            default: return nil
            }
        case .text(let parts):
            var text = ""
            for part in parts {
                guard case .text(let literal) = part else { return nil }
                text += literal
            }
            if type == .date { return ParameterType.date(text).map(Value.date) }
            return .text(text)
        case .call(let callee, let arguments):
            guard type == .date, case .name("date") = callee.kind, arguments.count == 1 else { return nil }
            return constant(arguments[0], type: .date)
        default:
            return nil
        }
    }

    /// The source text of `range`.
    static func text(of range: SourceRange, in source: SourceText) -> String {
        let start = max(0, min(range.start, source.bytes.count))
        let end = max(start, min(range.end, source.bytes.count))
        return String(decoding: source.bytes[start..<end], as: UTF8.self)
    }

    /// The comment that follows `range` on its last line (`# the review year`), trimmed.
    static func help(after range: SourceRange, in source: SourceText) -> String? {
        var offset = max(0, min(range.end, source.bytes.count))
        while offset < source.bytes.count, source.bytes[offset] == 0x20 || source.bytes[offset] == 0x09 { offset += 1 }
        guard offset < source.bytes.count, source.bytes[offset] == UInt8(ascii: "#") else { return nil }
        var end = offset
        while end < source.bytes.count, source.bytes[end] != 0x0A { end += 1 }
        let text = String(decoding: source.bytes[(offset + 1)..<end], as: UTF8.self).trimmingCharacters(in: " \t\r")
        return text.isEmpty ? nil : text
    }
}
