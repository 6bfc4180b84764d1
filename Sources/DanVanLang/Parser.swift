// The parser: tokens in, a syntax tree and every diagnostic out. Recursive descent with
// precedence climbing for binary operators (one native frame per precedence step, not one per
// level). After an error it skips to the next statement (clox's panic mode) and goes on, so a
// parse reports all its errors. An error at the end of the input has the kind
// `.unexpectedEnd`, which is how the REPL knows the entry is incomplete.
import VietText

/// Whether REPL input is a whole program yet.
public enum Completeness: Sendable, Equatable {
    case complete
    /// Only "unexpected end of input" errors: an open bracket or string, a trailing `|` or operator.
    case incomplete
    case invalid
}

public final class Parser {
    /// Deepest nesting of expressions and blocks. Each level costs about six native frames of
    /// a few hundred bytes in the parser and as many again in the compiler and at run time; 200
    /// levels stay well under the 512 KB stack of a secondary thread, far beyond what a person
    /// writes. The `StackGuard` catches a thread smaller still.
    static let maxDepth = 200
    /// Program text larger than this is refused: positions are kept as 32-bit offsets.
    static let maxSourceBytes = 1 << 30

    let source: SourceText
    var tokens: [Token]
    var index = 0
    var depth: Int
    let stackGuard: StackGuard
    /// True inside `{...}` of a string: the end of that code is not the end of the input.
    let inInterpolation: Bool
    var diagnostics: [Diagnostic] = []
    /// Set once nesting has gone too deep: the rest of the parse reports nothing more.
    var abandoned = false

    /// Thrown to unwind to the statement level after an error has been recorded.
    struct Panic: Error {}

    init(source: SourceText, range: SourceRange? = nil, depth: Int = 0, stackGuard: StackGuard, inInterpolation: Bool = false) {
        self.source = source
        self.depth = depth
        self.stackGuard = stackGuard
        self.inInterpolation = inInterpolation
        var lexer = Lexer(source: source, range: range)
        self.tokens = lexer.all()
        for problem in lexer.diagnostics {
            let kind: Diagnostic.Kind = problem.atEnd && !inInterpolation ? .unexpectedEnd : .syntax
            diagnostics.append(Diagnostic(kind: kind, location: source.location(of: problem.offset), message: problem.message))
        }
    }

    /// Parses a whole program.
    public static func parse(_ source: SourceText) -> (statements: [Stmt], diagnostics: [Diagnostic]) {
        parse(source, stackGuard: StackGuard.forCurrentThread())
    }

    /// Parses a whole program with the calling thread's guard already known (finding the
    /// thread's stack reads /proc/self/maps, so a run finds it once, not per phase).
    static func parse(_ source: SourceText, stackGuard: StackGuard) -> (statements: [Stmt], diagnostics: [Diagnostic]) {
        if source.bytes.count > maxSourceBytes {
            let diagnostic = Diagnostic(kind: .syntax, location: SourceLocation(file: source.name, line: 1, column: 1),
                                        message: Message(ParseMessages.programTooLarge, [.plain(String(maxSourceBytes))]))
            return ([], [diagnostic])
        }
        let parser = Parser(source: source, stackGuard: stackGuard)
        let statements = parser.program()
        return (statements, parser.diagnostics)
    }

    /// Is `text` a complete entry? The REPL asks before running or reading another line.
    public static func completeness(of text: String) -> Completeness {
        let (_, diagnostics) = parse(SourceText(name: "<repl>", text: text))
        if diagnostics.isEmpty { return .complete }
        return diagnostics.allSatisfy { $0.kind == .unexpectedEnd } ? .incomplete : .invalid
    }

    // MARK: tokens

    var current: Token { tokens[index] }
    var previous: Token { tokens[max(0, index - 1)] }

    var atEnd: Bool {
        if case .end = current.kind { return true }
        return false
    }

    @discardableResult
    func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func check(_ symbol: Symbol) -> Bool {
        if case .symbol(let found) = current.kind { return found == symbol }
        return false
    }

    func check(_ keyword: Keyword) -> Bool {
        if case .keyword(let found) = current.kind { return found == keyword }
        return false
    }

    func checkName(_ word: String) -> Bool {
        if case .name = current.kind { return current.text == word }
        return false
    }

    func match(_ symbol: Symbol) -> Bool {
        if check(symbol) { advance(); return true }
        return false
    }

    func match(_ keyword: Keyword) -> Bool {
        if check(keyword) { advance(); return true }
        return false
    }

    func peekKind(_ ahead: Int) -> TokenKind {
        tokens[min(index + ahead, tokens.count - 1)].kind
    }

    /// Consumes `symbol` or reports `message` and panics.
    @discardableResult
    func expect(_ symbol: Symbol, _ message: Localized) throws -> Token {
        if check(symbol) { return advance() }
        // `if year = 2024 {`, `where(it = 2)`: a `=` where none can be is meant as "equals".
        if check(.assign) { throw error(ParseMessages.unexpectedAssign) }
        throw error(message)
    }

    /// Records an error at the current token and returns the panic to throw. At the end of the
    /// input the error becomes "unexpected end of input", with `message` as its hint.
    func error(_ message: Localized, _ args: [MessageArg] = []) -> Panic {
        // The lexer has reported this token already.
        if case .invalid = current.kind { return Panic() }
        if atEnd && !inInterpolation {
            report(.unexpectedEnd, at: current.range.start,
                   Message(ParseMessages.unexpectedEnd, hint: message, hintArgs: args))
        } else if current.newlineBefore && index > 0 {
            // The next line starts something new: what is missing belongs after the previous token.
            report(.syntax, at: previous.range.end, Message(message, args))
        } else {
            report(.syntax, at: current.range.start, Message(message, args))
        }
        return Panic()
    }

    func report(_ kind: Diagnostic.Kind, at offset: Int, _ message: Message) {
        if abandoned { return }
        diagnostics.append(Diagnostic(kind: kind, location: source.location(of: offset), message: message))
    }

    /// Enters one level of nesting; panics past the limit or when the native stack runs low.
    /// Too deep is reported once, where the limit was first passed: every level still open
    /// around it would fail the same way, and each enclosing block would report it again.
    func nest() throws {
        if depth + 1 > Parser.maxDepth || !stackGuard.hasRoom() {
            report(.syntax, at: current.range.start, Message(ParseMessages.tooDeep, [.plain(String(Parser.maxDepth))]))
            abandoned = true
            throw Panic()
        }
        depth += 1
    }

    func unnest() { depth -= 1 }

    /// Skips tokens after an error up to where a new statement can start: a token on a new
    /// line, a statement keyword, a `;`, or a `}` that closes the enclosing block (not one that
    /// closes a `{` of the failed statement itself).
    func synchronize(from start: Int) {
        var braces = 0
        for position in start..<index { braces += Parser.braceChange(tokens[position]) }
        if index == start || !current.newlineBefore {
            braces += Parser.braceChange(current)
            advance()
        }
        while !atEnd {
            if current.newlineBefore || check(.semicolon) { return }
            if check(.rightBrace) && braces <= 0 { return }
            switch current.kind {
            case .keyword(.let), .keyword(.fn), .keyword(.if), .keyword(.for), .keyword(.while), .keyword(.return):
                return
            default:
                braces += Parser.braceChange(current)
                advance()
            }
        }
    }

    static func braceChange(_ token: Token) -> Int {
        switch token.kind {
        case .symbol(.leftBrace): return 1
        case .symbol(.rightBrace): return -1
        default: return 0
        }
    }

    /// A token's text for "unexpected 'x'".
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .end: return "end"
        case .name, .keyword: return token.text
        case .symbol(let symbol): return symbol.rawValue
        default:
            let bytes = source.bytes[token.range.start..<min(token.range.end, token.range.start + 20)]
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
