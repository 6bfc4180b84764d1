// What the code before the cursor says about the place being completed, read from the real
// lexer's tokens (STYLE: no second lexer). One forward pass keeps a stack of bracket frames;
// each frame holds the pipeline being written at that level, split at `|`, and the names the
// code has bound so far (`let ms = models | where …`, `for m in units {`, `m => …`), so that
// Tab after `|`, inside a stage, after `row.` or inside a compared string knows which table's
// columns apply. It is a best effort over unfinished code: anything it cannot follow gives
// `.unknown` and completion falls back to names in scope.
import DanVanLang

/// What a name or an expression holds, as far as completion needs to know.
indirect enum Shape {
    /// A table, or a list of rows of one table.
    case rows(RowSchema)
    case row(RowSchema)
    /// A list of records with these fields (after `select` or `group by`).
    case records([String])
    case record([String])
    case unknown

    /// What one item of a list or table is (what `for x in` or `m =>` binds).
    var element: Shape {
        switch self {
        case .rows(let schema): return .row(schema)
        case .records(let names): return .record(names)
        default: return .unknown
        }
    }

    /// What a stage sees as its row.
    var item: Shape {
        switch self {
        case .rows, .records: return element
        default: return self
        }
    }
}

/// How the scan turns a name into a shape: tables, the session's globals.
protocol ShapeResolver {
    func schema(ofTable name: String) -> RowSchema?
    func shape(ofGlobal name: String) -> Shape
}

struct CompletionScan {
    /// One bracket level: the pipeline being written in it, and the names bound in it.
    struct Frame {
        var opener: Symbol?
        /// The current expression's tokens, split at `|`.
        var segments: [[Token]] = [[]]
        var bindings: [(name: String, shape: Shape)] = []
        /// A `let NAME =` or `for NAME in` waiting for its expression to end.
        var pendingLet: String?
        var pendingFor: String?
        /// Inside `(`: which argument is being written, and the first one's pipeline.
        var argumentIndex = 0
        var firstArgument: [[Token]] = []
    }

    let text: String
    let bytes: [UInt8]
    let resolver: any ShapeResolver
    private(set) var frames: [Frame] = [Frame()]

    /// Scans `tokens` (already without the word being completed).
    init(text: String, tokens: [Token], resolver: any ShapeResolver) {
        self.text = text
        self.bytes = Array(text.utf8)
        self.resolver = resolver
        var previous: Token?
        for token in tokens {
            step(token, previous: previous)
            previous = token
        }
    }

    var current: Frame { frames[frames.count - 1] }

    /// Stage words whose expressions see the row's columns by their bare names.
    static let rowStages: Set<String> = ["where", "select", "sort", "group"]

    /// The frame whose pipeline stage the cursor is in: the innermost frame with a `|`, or an
    /// outer one whose stage reads columns (`where len(na` is still inside `where`).
    var stageFrame: Int? {
        for index in frames.indices.reversed() where frames[index].segments.count > 1 {
            if index == frames.count - 1 { return index }
            if let word = Self.stageWord(frames[index].segments.last ?? []), Self.rowStages.contains(word) {
                return index
            }
            return nil
        }
        return nil
    }

    /// The stage being written: its first word (nil for a function stage) and its tokens.
    var stage: (word: String?, tokens: [Token])? {
        guard let index = stageFrame, let last = frames[index].segments.last else { return nil }
        return (Self.stageWord(last), last)
    }

    static func stageWord(_ tokens: [Token]) -> String? {
        guard let first = tokens.first, case .name = first.kind, Token.stageWords.contains(first.text) else { return nil }
        return first.text
    }

    /// True right after `|`: a stage starts here.
    var atStageStart: Bool {
        current.segments.count > 1 && (current.segments.last?.isEmpty ?? false)
    }

    /// The shape of the items that enter the current stage.
    var stageInput: Shape {
        guard let index = stageFrame else { return .unknown }
        return shape(of: Array(frames[index].segments.dropLast()))
    }

    // MARK: - The pass

    private mutating func step(_ token: Token, previous: Token?) {
        switch token.kind {
        case .comment:
            return
        case .symbol(let symbol):
            switch symbol {
            case .leftParen, .leftBracket, .leftBrace:
                // `for NAME in EXPR {`: NAME is one item of EXPR, inside the braces.
                let loopBinding = symbol == .leftBrace ? takeForBinding() : nil
                append(token)
                var frame = Frame(opener: symbol)
                if let loopBinding { frame.bindings.append(loopBinding) }
                frames.append(frame)
                return
            case .rightParen, .rightBracket, .rightBrace:
                if frames.count > 1 { frames.removeLast() }
                append(token)
                return
            case .pipe:
                frames[frames.count - 1].segments.append([])
                return
            case .semicolon:
                endExpression()
                return
            case .assign:
                if let previous, case .name = previous.kind, isAssignedName(previous) {
                    frames[frames.count - 1].pendingLet = previous.text
                }
                endExpression(keepingLet: true)
                return
            case .arrow:
                bindLambdaParameter(previous)
                resetSegments()
                return
            case .comma:
                if let word = Self.stageWord(current.segments.last ?? []), current.segments.count > 1,
                   word == "select" || word == "sort" {
                    append(token)
                    return
                }
                if current.opener == .leftParen {
                    if current.argumentIndex == 0 { frames[frames.count - 1].firstArgument = current.segments }
                    frames[frames.count - 1].argumentIndex += 1
                }
                resetSegments()
                return
            default:
                break
            }
        case .keyword(let keyword):
            switch keyword {
            case .let, .if, .while, .return, .else, .fn:
                endExpression()
                return
            case .for:
                endExpression()
                return
            case .in:
                if let previous, case .name = previous.kind { frames[frames.count - 1].pendingFor = previous.text }
                resetSegments()
                return
            default:
                break
            }
        default:
            break
        }
        // A new line that does not go on with a pipeline starts a new statement.
        if token.newlineBefore, let previous, !Self.continuesLine(previous) { endExpression() }
        append(token)
    }

    private mutating func append(_ token: Token) {
        let last = current.segments.count - 1
        frames[frames.count - 1].segments[last].append(token)
    }

    private mutating func resetSegments() {
        frames[frames.count - 1].segments = [[]]
    }

    /// Ends the expression at this level, binding a pending `let` to its shape.
    private mutating func endExpression(keepingLet: Bool = false) {
        if !keepingLet, let name = current.pendingLet {
            let bound = shape(of: current.segments)
            frames[frames.count - 1].bindings.append((name, bound))
            frames[frames.count - 1].pendingLet = nil
        }
        resetSegments()
    }

    /// The pending `for` variable and the shape of one item of its expression.
    private mutating func takeForBinding() -> (name: String, shape: Shape)? {
        guard let name = current.pendingFor else { return nil }
        frames[frames.count - 1].pendingFor = nil
        return (name, shape(of: current.segments).element)
    }

    /// `m =>` inside `map(`, `filter(`, `sort(`: m is an item of the pipeline that enters the
    /// call (`models | map(m => …`), or of the call's first argument (`map(models, m => …`).
    private mutating func bindLambdaParameter(_ previous: Token?) {
        guard let previous, case .name = previous.kind else { return }
        guard frames.count > 1, current.opener == .leftParen else { return }
        var items: Shape = .unknown
        if current.argumentIndex > 0 {
            items = shape(of: current.firstArgument)
        } else {
            let outer = frames[frames.count - 2].segments
            if outer.count > 1 { items = shape(of: Array(outer.dropLast())) }
        }
        frames[frames.count - 1].bindings.append((previous.text, items.element))
    }

    /// True when `name` is all of the expression before `=` (`let NAME =` or `NAME =`; the
    /// expression was reset at `let`): then the value's shape is bound to it.
    private func isAssignedName(_ name: Token) -> Bool {
        current.segments.count == 1 && current.segments[0].count == 1
            && current.segments[0][0].range == name.range
    }

    /// A token after which a new line continues the same expression.
    static func continuesLine(_ token: Token) -> Bool {
        switch token.kind {
        case .symbol(let symbol):
            switch symbol {
            case .rightParen, .rightBracket, .rightBrace: return false
            default: return true
            }
        case .keyword(let keyword):
            return [.and, .or, .not, .in].contains(keyword)
        default:
            return false
        }
    }

    // MARK: - Shapes

    /// The shape of a pipeline given as its segments.
    func shape(of segments: [[Token]]) -> Shape {
        guard let source = segments.first else { return .unknown }
        var result = shape(ofExpression: source)
        for stage in segments.dropFirst() { result = apply(stage, to: result) }
        return result
    }

    /// What a stage makes of its input.
    func apply(_ stage: [Token], to input: Shape) -> Shape {
        guard let first = stage.first, case .name = first.kind else { return .unknown }
        switch first.text {
        case "where", "sort", "take", "skip", "distinct":
            return input
        case "first":
            return input.element
        case "select":
            return .records(selectNames(stage))
        case "group":
            return .records(["key", "rows"])
        default:
            return .unknown
        }
    }

    /// The names a `select` gives its records: `name: expr` gives name, a path `a.b` gives "a.b".
    func selectNames(_ stage: [Token]) -> [String] {
        var names: [String] = []
        var item: [Token] = []
        func finish() {
            if item.count >= 2, case .name = item[0].kind, case .symbol(.colon) = item[1].kind {
                names.append(item[0].text)
            } else if let path = Self.path(item) {
                names.append(path.joined(separator: "."))
            }
            item = []
        }
        for token in stage.dropFirst() {
            if case .symbol(.comma) = token.kind { finish() } else { item.append(token) }
        }
        finish()
        return names
    }

    /// The shape of a pipeline's source: a name or a member path.
    func shape(ofExpression tokens: [Token]) -> Shape {
        guard let path = Self.path(tokens), let first = path.first else { return .unknown }
        var result = boundShape(first)
        for name in path.dropFirst() { result = member(name, of: result) }
        return result
    }

    /// A name as the code at the cursor sees it: a column of the stage's row wins (the
    /// language's rule inside a stage), then `it`, then names bound here, then tables and globals.
    func shape(ofName name: String) -> Shape {
        if stage != nil {
            let row = stageInput.item
            if name == "it" { return row }
            if case .row(let schema) = row, schema.links[name] != nil || schema.columnIndex[name] != nil {
                return member(name, of: row)
            }
        }
        return boundShape(name)
    }

    /// A name bound by the code, else a table, else a global of the session.
    func boundShape(_ name: String) -> Shape {
        for frame in frames.reversed() {
            if let bound = frame.bindings.last(where: { $0.name == name }) { return bound.shape }
        }
        if let schema = resolver.schema(ofTable: name) { return .rows(schema) }
        return resolver.shape(ofGlobal: name)
    }

    /// `x.name`: a reference gives the row it points at, a relation the rows that point here.
    func member(_ name: String, of shape: Shape) -> Shape {
        guard case .row(let schema) = shape, let link = schema.links[name] else { return .unknown }
        switch link {
        case .reference(_, let table):
            return resolver.schema(ofTable: table).map(Shape.row) ?? .unknown
        case .relation(let childTable, _):
            return resolver.schema(ofTable: childTable).map(Shape.rows) ?? .unknown
        }
    }

    /// The names of `tokens` when they are exactly `a`, `a.b`, `a.b.c`…
    static func path(_ tokens: [Token]) -> [String]? {
        guard !tokens.isEmpty, tokens.count % 2 == 1 else { return nil }
        var names: [String] = []
        for (index, token) in tokens.enumerated() {
            if index % 2 == 0 {
                guard case .name = token.kind else { return nil }
                names.append(token.text)
            } else {
                guard case .symbol(.dot) = token.kind else { return nil }
            }
        }
        return names
    }
}
