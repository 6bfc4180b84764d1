// The lexer: UTF-8 bytes in, tokens out. The REPL reuses it for completion and highlighting
// (`Lexer.tokens(of:keepComments:)`), so it never stops at an error: it reports a diagnostic,
// emits an `.invalid` token and goes on.
//
// A string literal is one token whose parts are literal text and the byte ranges of its
// `{expression}`s; the parser lexes and parses those ranges itself. Interpolations may nest
// strings: "total {join(names, ", ")}".

import VietText

public struct Lexer {
    let source: SourceText
    let bytes: [UInt8]
    var position: Int
    let end: Int
    let keepComments: Bool
    private(set) var diagnostics: [LexProblem] = []
    /// Strings inside `{...}` inside strings: scanning them recurses, so it is bounded like
    /// the parser's nesting.
    var stringDepth = 0
    /// Set when that bound was passed (reported once, not as an unterminated string).
    var tooDeep = false

    /// A problem found while lexing, kept as data; the parser turns it into a diagnostic.
    struct LexProblem {
        let message: Message
        let offset: Int
        let atEnd: Bool
    }

    init(source: SourceText, range: SourceRange? = nil, keepComments: Bool = false) {
        self.source = source
        self.bytes = source.bytes
        self.position = range?.start ?? 0
        self.end = range?.end ?? source.bytes.count
        self.keepComments = keepComments
    }

    /// Every token of `source` up to and including `.end`. Never fails: unreadable text
    /// becomes `.invalid` tokens. For completion and highlighting.
    public static func tokens(of source: SourceText, keepComments: Bool = true) -> [Token] {
        var lexer = Lexer(source: source, keepComments: keepComments)
        return lexer.all()
    }

    mutating func all() -> [Token] {
        var out: [Token] = []
        while true {
            let token = next()
            out.append(token)
            if case .end = token.kind { return out }
        }
    }

    private func peek(_ ahead: Int = 0) -> UInt8 {
        let index = position + ahead
        return index < end ? bytes[index] : 0
    }

    private mutating func problem(_ message: Localized, _ args: [MessageArg] = [], at offset: Int, atEnd: Bool = false) {
        diagnostics.append(LexProblem(message: Message(message, args), offset: offset, atEnd: atEnd))
    }

    /// The next token.
    mutating func next() -> Token {
        var newline = false
        // Skip spaces, line breaks and comments.
        while position < end {
            let byte = bytes[position]
            // A line ends with LF, CRLF or a lone CR (old Mac files): SourceText numbers lines the same way.
            if byte == 0x0A || byte == 0x0D { newline = true; position += 1; continue }
            if byte == 0x20 || byte == 0x09 { position += 1; continue }
            if byte == UInt8(ascii: "#") {
                let start = position
                while position < end, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
                if keepComments {
                    return Token(kind: .comment, range: SourceRange(start: start, end: position), text: "", newlineBefore: newline)
                }
                continue
            }
            // A byte-order mark at the very start of a file is not text. Anywhere else it is an
            // invisible character that would silently split or join what is around it: an error.
            if byte == 0xEF, peek(1) == 0xBB, peek(2) == 0xBF {
                if position != 0 { problem(LexMessages.invisibleCharacter, [.plain("U+FEFF")], at: position) }
                position += 3
                continue
            }
            break
        }
        let start = position
        guard position < end else {
            return Token(kind: .end, range: SourceRange(start: end, end: end), text: "", newlineBefore: newline)
        }
        let byte = bytes[position]
        func token(_ kind: TokenKind, text: String = "") -> Token {
            Token(kind: kind, range: SourceRange(start: start, end: position), text: text, newlineBefore: newline)
        }
        if Lexer.isDigit(byte) {
            return token(number())
        }
        if byte == UInt8(ascii: "\"") {
            position += 1
            let parts = stringBody(start: start)
            return token(parts.map { .string($0) } ?? .invalid)
        }
        if let length = identifierStartLength(at: position) {
            position += length
            while position < end, let more = identifierPartLength(at: position) { position += more }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            if let keyword = Keyword(rawValue: text) { return token(.keyword(keyword), text: text) }
            return token(.name, text: text)
        }
        if let habit = habit(start: start) {
            return token(habit.kind, text: habit.text)
        }
        if let symbol = symbol() {
            return token(.symbol(symbol))
        }
        // Anything else: one whole character, reported.
        let length = Lexer.scalarLength(bytes[position])
        position = min(end, position + length)
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        problem(LexMessages.unexpectedCharacter, [.plain(text)], at: start)
        return token(.invalid)
    }

    /// The spellings of other languages that a newcomer types by habit: `&&`, `||`, `!x` and
    /// `'text'`. Each is reported once, with the DanVan way, and read as what it meant (`and`,
    /// `or`, `not`, a string) so that the parser carries on without a second, confusing error.
    private mutating func habit(start: Int) -> (kind: TokenKind, text: String)? {
        let byte = bytes[position]
        let next = peek(1)
        func word(_ keyword: Keyword, length: Int, _ message: Localized) -> (kind: TokenKind, text: String) {
            position += length
            problem(message, at: start)
            return (.keyword(keyword), keyword.rawValue)
        }
        switch byte {
        case UInt8(ascii: "&") where next == UInt8(ascii: "&"):
            return word(.and, length: 2, LexMessages.useAnd)
        case UInt8(ascii: "|") where next == UInt8(ascii: "|"):
            return word(.or, length: 2, LexMessages.useOr)
        case UInt8(ascii: "!") where next != UInt8(ascii: "="):
            return word(.not, length: 1, LexMessages.useNot)
        case UInt8(ascii: "'"):
            // Up to the closing quote on the same line; an unclosed one ends at the line's end.
            var cursor = position + 1
            while cursor < end, bytes[cursor] != UInt8(ascii: "'"), bytes[cursor] != 0x0A, bytes[cursor] != 0x0D { cursor += 1 }
            let text = String(decoding: bytes[(position + 1)..<cursor], as: UTF8.self)
            position = cursor < end && bytes[cursor] == UInt8(ascii: "'") ? cursor + 1 : cursor
            problem(LexMessages.useDoubleQuotes, [.plain(text)], at: start)
            return (.string([.text(text)]), "")
        default:
            return nil
        }
    }

    private mutating func symbol() -> Symbol? {
        let byte = bytes[position]
        let next = peek(1)
        func take(_ symbol: Symbol, _ length: Int) -> Symbol { position += length; return symbol }
        switch byte {
        case UInt8(ascii: "("): return take(.leftParen, 1)
        case UInt8(ascii: ")"): return take(.rightParen, 1)
        case UInt8(ascii: "["): return take(.leftBracket, 1)
        case UInt8(ascii: "]"): return take(.rightBracket, 1)
        case UInt8(ascii: "{"): return take(.leftBrace, 1)
        case UInt8(ascii: "}"): return take(.rightBrace, 1)
        case UInt8(ascii: ","): return take(.comma, 1)
        case UInt8(ascii: "."): return take(.dot, 1)
        case UInt8(ascii: ":"): return take(.colon, 1)
        case UInt8(ascii: ";"): return take(.semicolon, 1)
        case UInt8(ascii: "|"): return take(.pipe, 1)
        case UInt8(ascii: "+"): return take(.plus, 1)
        case UInt8(ascii: "-"): return take(.minus, 1)
        case UInt8(ascii: "*"): return take(.star, 1)
        case UInt8(ascii: "/"): return take(.slash, 1)
        case UInt8(ascii: "%"): return take(.percent, 1)
        case UInt8(ascii: "~"): return take(.tilde, 1)
        case UInt8(ascii: "="):
            if next == UInt8(ascii: "=") { return take(.equal, 2) }
            if next == UInt8(ascii: ">") { return take(.arrow, 2) }
            return take(.assign, 1)
        case UInt8(ascii: "!"):
            if next == UInt8(ascii: "=") { return take(.notEqual, 2) }
            return nil
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "=") { return take(.lessEqual, 2) }
            return take(.less, 1)
        case UInt8(ascii: ">"):
            if next == UInt8(ascii: "=") { return take(.greaterEqual, 2) }
            return take(.greater, 1)
        default: return nil
        }
    }

    /// number → digits ("_" digits)* ("." digits)? (("e" | "E") ("+" | "-")? digits)?
    private mutating func number() -> TokenKind {
        let start = position
        var text = ""
        var isDecimal = false
        func digits() {
            while position < end {
                let byte = bytes[position]
                if Lexer.isDigit(byte) { text.append(Character(UnicodeScalar(byte))); position += 1 }
                else if byte == UInt8(ascii: "_"), Lexer.isDigit(peek(1)) { position += 1 }
                else { break }
            }
        }
        digits()
        if peek() == UInt8(ascii: "."), Lexer.isDigit(peek(1)) {
            isDecimal = true
            text.append(".")
            position += 1
            digits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            var ahead = 1
            if peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-") { ahead = 2 }
            if Lexer.isDigit(peek(ahead)) {
                isDecimal = true
                text.append("e")
                if ahead == 2 { text.append(Character(UnicodeScalar(peek(1)))) }
                position += ahead
                digits()
            }
        }
        if isDecimal {
            if let value = Double(text), value.isFinite { return .decimal(value) }
            problem(LexMessages.numberTooLarge, [.plain(text)], at: start)
            return .invalid
        }
        if let value = Int64(text) { return .int(value) }
        problem(LexMessages.numberTooLarge, [.plain(text)], at: start)
        return .invalid
    }

    /// The rest of a string literal after its opening quote. Returns nil (after reporting)
    /// when the literal is unterminated or has a bad escape.
    private mutating func stringBody(start: Int) -> [StringPart]? {
        var parts: [StringPart] = []
        var buffer: [UInt8] = []
        var ok = true
        func flush() {
            if !buffer.isEmpty {
                parts.append(.text(String(decoding: buffer, as: UTF8.self)))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        while position < end {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                flush()
                return ok ? parts : nil
            case UInt8(ascii: "\\"):
                let escape = peek(1)
                switch escape {
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    buffer.append(escape)
                default:
                    if position + 1 >= end { position += 1; continue }
                    let length = Lexer.scalarLength(escape)
                    let text = String(decoding: bytes[(position + 1)..<min(end, position + 1 + length)], as: UTF8.self)
                    problem(LexMessages.badEscape, [.plain(text)], at: position)
                    ok = false
                    position += length - 1
                }
                position += 2
            case UInt8(ascii: "{"):
                flush()
                let codeStart = position + 1
                position += 1
                guard skipInterpolation() else {
                    if !tooDeep { problem(LexMessages.unterminatedString, at: start, atEnd: true) }
                    position = end
                    return nil
                }
                let codeEnd = position
                position += 1 // the closing brace
                parts.append(.code(SourceRange(start: codeStart, end: codeEnd)))
            default:
                buffer.append(byte)
                position += 1
            }
        }
        problem(LexMessages.unterminatedString, at: start, atEnd: true)
        return nil
    }

    /// Moves to the `}` that closes an interpolation, stepping over nested braces, strings
    /// and comments. False when the text ends first.
    private mutating func skipInterpolation() -> Bool {
        var depth = 0
        while position < end {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "{"): depth += 1; position += 1
            case UInt8(ascii: "}"):
                if depth == 0 { return true }
                depth -= 1; position += 1
            case UInt8(ascii: "\""):
                let start = position
                position += 1
                if stringDepth >= Parser.maxDepth {
                    problem(ParseMessages.tooDeep, [.plain(String(Parser.maxDepth))], at: start)
                    tooDeep = true
                    return false
                }
                var nested = self
                nested.stringDepth += 1
                nested.diagnostics = []
                let body = nested.stringBody(start: start)
                if nested.tooDeep {
                    diagnostics += nested.diagnostics
                    tooDeep = true
                    return false
                }
                guard body != nil || nested.position < end else { return false }
                position = nested.position
            default: position += 1
            }
        }
        return false
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func scalarLength(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        if lead >= 0xC0 { return 2 }
        return 1
    }

    private func scalar(at index: Int) -> (Unicode.Scalar, Int)? {
        let length = Lexer.scalarLength(bytes[index])
        guard index + length <= end else { return nil }
        var decoder = UTF8()
        var iterator = bytes[index..<(index + length)].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return (scalar, length) }
        return nil
    }

    /// Letters (any script) and `_` start a name.
    private func identifierStartLength(at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x80 {
            let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
            return isLetter ? 1 : nil
        }
        guard let (scalar, length) = scalar(at: index), scalar.properties.isAlphabetic else { return nil }
        return length
    }

    /// Letters, digits, `_` and combining marks continue a name.
    private func identifierPartLength(at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x80 {
            return Lexer.isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F ? 1 : nil
        }
        guard let (scalar, length) = scalar(at: index) else { return nil }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.generalCategory == .nonspacingMark || properties.generalCategory == .decimalNumber {
            return length
        }
        return nil
    }
}
