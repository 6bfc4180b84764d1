// What the code before the cursor says about the place being completed, read from the real
// lexer's tokens (STYLE: no second lexer). One forward pass keeps a stack of bracket frames;
// each frame holds the pipeline being written at that level, split at `|`, and the names the
// code has bound so far (`let ms = models | where …`, `for m in units {`, `m => …`), so that
// Tab after `|`, inside a stage, after `row.` or inside a compared string knows which table's
// columns apply. It is a best effort over unfinished code: anything it cannot follow gives
// `.unknown` and completion falls back to names in scope.
import DanVanLang

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

    let resolver: any ShapeResolver
    private(set) var frames: [Frame] = [Frame()]

    /// Scans `tokens` (already without the word being completed).
    init(tokens: [Token], resolver: any ShapeResolver) {
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
            case .let, .if, .while, .for, .return, .else, .fn:
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
}
