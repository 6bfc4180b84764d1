// Pipeline stages after `|`. Stage words are recognised only here, so `first(xs)` and a
// variable called `count` (or `update`) still work elsewhere. A stage's expressions stop at the next `|`.
import VietText

extension Parser {
    /// stage → "where" expr | "select" item ("," item)* | "sort" (key ("," key)*)?
    ///       | "group" "by" groupKey ("," groupKey)* | "take" expr | "skip" expr | "distinct" | "first" | "count"
    ///       | "expect" expr | updateStage | deleteStage          (Parser+Writes.swift)
    ///       | postfix                                  (a function: `xs | f(a)` is `f(xs, a)`)
    func stage() throws -> Stage {
        let start = current.range
        guard case .name = current.kind else {
            if atEnd || check(.pipe) || check(.rightParen) || check(.rightBrace) {
                throw error(ParseMessages.expectedStage)
            }
            let call = try postfix()
            return callStage(call, start: start)
        }
        let word = current.text
        func make(_ kind: Stage.Kind) -> Stage { Stage(kind: kind, range: start.to(previous.range)) }
        switch word {
        case "where":
            advance()
            return make(.filter(try binary(1)))
        case "select":
            advance()
            var items: [SelectItem] = []
            repeat { items.append(try selectItem()) } while match(.comma)
            return make(.select(items))
        case "sort":
            advance()
            return make(.sort(try sortKeys()))
        case "group":
            advance()
            guard checkName("by") else { throw error(ParseMessages.expectedBy) }
            advance()
            var keys: [GroupKey] = []
            repeat { keys.append(try groupKey()) } while match(.comma)
            if keys.count > 1, let unnamed = keys.first(where: { $0.name == nil }) {
                report(.syntax, at: unnamed.range.start, Message(ParseMessages.groupKeyNeedsName))
                throw Panic()
            }
            return make(.group(keys))
        case "take":
            advance()
            return make(.take(try binary(1)))
        case "skip":
            advance()
            return make(.skip(try binary(1)))
        case "distinct":
            advance()
            return make(.distinct)
        case "first":
            advance()
            return make(.first)
        case "count":
            advance()
            return make(.count)
        case "expect":
            advance()
            return make(.expect(try binary(1)))
        case "update":
            advance()
            return make(.update(try updateAssignments()))
        case "delete":
            advance()
            return make(.delete(cascade: try deleteCascade()))
        default:
            let call = try postfix()
            return callStage(call, start: start)
        }
    }

    func callStage(_ expr: Expr, start: SourceRange) -> Stage {
        if case .call(let function, let arguments) = expr.kind {
            return Stage(kind: .call(function, arguments), range: start.to(expr.range))
        }
        return Stage(kind: .call(expr, []), range: start.to(expr.range))
    }

    /// item → NAME ":" value | STRING ":" value | path   (a path `unit.name` names its column
    /// "unit.name"; a string names it with any text: `"Số mô hình": count()`)
    /// value → lambda | expr   (a function, as in a record: `f: x => x * it`)
    func selectItem() throws -> SelectItem {
        if case .name = current.kind, case .symbol(.colon) = peekKind(1) {
            let name = advance().text
            advance()
            return SelectItem(name: name, value: try lambdaIfPresent(inStage: true) ?? binary(1))
        }
        if case .string(let parts) = current.kind, case .symbol(.colon) = peekKind(1) {
            let token = advance()
            var name = ""
            for part in parts {
                guard case .text(let text) = part else {
                    report(.syntax, at: token.range.start, Message(ParseMessages.selectHeadingIsPlain))
                    throw Panic()
                }
                name += text
            }
            if name.trimmingCharacters(in: .whitespaces).isEmpty {
                report(.syntax, at: token.range.start, Message(ParseMessages.selectHeadingIsPlain))
                throw Panic()
            }
            advance()
            return SelectItem(name: name, value: try lambdaIfPresent(inStage: true) ?? binary(1), isHeading: true)
        }
        let start = current.range.start
        let value = try binary(1)
        guard let name = Parser.pathName(value) else {
            report(.syntax, at: start, Message(ParseMessages.selectNeedsName))
            throw Panic()
        }
        return SelectItem(name: name, value: value)
    }

    /// groupKey → NAME ":" expr | expr      (a path `unit.cluster.name` names its field "name")
    func groupKey() throws -> GroupKey {
        let start = current.range
        if case .name = current.kind, case .symbol(.colon) = peekKind(1) {
            let name = advance().text
            advance()
            let value = try binary(1)
            return GroupKey(name: name, value: value, range: start.to(value.range))
        }
        let value = try binary(1)
        let name = Parser.pathName(value).map { path in String(path.split(separator: ".").last ?? Substring(path)) }
        return GroupKey(name: name, value: value, range: value.range)
    }

    /// "a" for a name, "a.b.c" for a member path, nil for anything else.
    static func pathName(_ expr: Expr) -> String? {
        switch expr.kind {
        case .name(let name): return name
        case .member(let base, let name, _):
            guard let prefix = pathName(base) else { return nil }
            return prefix + "." + name
        default: return nil
        }
    }

    /// keys → (key ("," key)*)?   key → ("asc" | "desc") | expr ("asc" | "desc")?
    /// Keys must start on the `sort` line; with none, the items themselves are sorted.
    func sortKeys() throws -> [SortKey] {
        if stageEnds() { return [SortKey(value: nil, descending: false)] }
        var keys: [SortKey] = []
        repeat {
            if let direction = directionWord(), directionEndsKey() {
                advance()
                keys.append(SortKey(value: nil, descending: direction))
                continue
            }
            let keyStart = current.range.start
            let value = try binary(1)
            // A constant orders nothing: `sort "Số mô hình"` would quietly keep the order.
            switch value.kind {
            case .text(let parts) where parts.allSatisfy({ if case .text = $0 { return true } else { return false } }):
                let name = parts.map { if case .text(let text) = $0 { return text } else { return "" } }.joined()
                report(.syntax, at: keyStart, Message(ParseMessages.sortByText, [.plain(name)]))
                throw Panic()
            case .int, .decimal, .bool, .null:
                report(.syntax, at: keyStart, Message(ParseMessages.sortByConstant))
                throw Panic()
            default:
                break
            }
            var descending = false
            if let direction = directionWord(), !current.newlineBefore {
                advance()
                descending = direction
            }
            keys.append(SortKey(value: value, descending: descending))
        } while match(.comma)
        return keys
    }

    /// True for "desc", false for "asc", nil for anything else.
    func directionWord() -> Bool? {
        guard case .name = current.kind else { return nil }
        switch current.text {
        case "asc": return false
        case "desc": return true
        default: return nil
        }
    }

    /// After a direction word: is that the whole key (`sort desc`, `sort desc, name`)?
    func directionEndsKey() -> Bool {
        let next = tokens[min(index + 1, tokens.count - 1)]
        if next.newlineBefore { return true }
        switch next.kind {
        case .end, .symbol(.pipe), .symbol(.comma), .symbol(.rightParen), .symbol(.rightBrace),
             .symbol(.rightBracket), .symbol(.semicolon), .symbol(.leftBrace):
            return true
        default: return false
        }
    }

    /// True when nothing follows a stage word on its line (`xs | sort | take 3`).
    func stageEnds() -> Bool {
        if current.newlineBefore { return true }
        switch current.kind {
        case .end, .symbol(.pipe), .symbol(.rightParen), .symbol(.rightBrace), .symbol(.rightBracket),
             .symbol(.semicolon), .symbol(.comma), .symbol(.leftBrace):
            return true
        default: return false
        }
    }
}
