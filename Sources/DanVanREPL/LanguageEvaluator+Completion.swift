// Tab completion for code, from the real lexer's tokens and the shapes CompletionScan finds:
// - right after `|`: the stage words and functions;
// - inside a stage (`where`, `select`, `sort`, `group by`): the columns of the rows flowing in,
//   when some match; else keywords and names in scope;
// - after `x.`: the columns, references and relations of the row `x` holds (`unit.na` → name);
// - inside a string compared to a column (`name == "Phuong Tan`): that column's values,
//   matched without diacritics, listed with them, in Vietnamese order; or its codes;
// - anywhere else: keywords, variables, functions and tables (with their Vietnamese aliases).
// Names match ignoring case and diacritics (VietFold), as the line editor's common prefix does.
import DanVanLang
import DanVanStore
import VietText

extension LanguageEvaluator: ShapeResolver {
    /// At most this many data values are listed; the line editor notes how many more there
    /// are. A longer list scrolls off the screen: typing more letters is quicker.
    static let maxValuesListed = 50

    public func completions(line: String, cursor: Int) -> CompletionList {
        let characters = Array(line)
        let end = min(max(cursor, 0), characters.count)
        let before = String(characters[0..<end])
        var tokens = Lexer.tokens(of: SourceText(name: "<tab>", text: before), keepComments: true)
        if let last = tokens.last, case .end = last.kind { tokens.removeLast() }
        let bytes = Array(before.utf8)
        let offsets = CharacterOffsets(before)

        guard let last = tokens.last, last.range.end == bytes.count else {
            // After a space or at the start: every name may come next.
            let onNewLine = bytes[min(tokens.last?.range.end ?? 0, bytes.count)...].contains(UInt8(ascii: "\n"))
            return names(prefix: "", scan: CompletionScan(tokens: tokens, resolver: self),
                         statementStart: Self.startsStatement(after: tokens, onNewLine: onNewLine), range: end..<end)
        }
        switch last.kind {
        case .comment, .int, .decimal, .string:
            return .empty
        case .invalid:
            // An unterminated string: complete a data value if a column is compared to it.
            guard last.range.start < bytes.count, bytes[last.range.start] == UInt8(ascii: "\"") else { return .empty }
            let typed = String(decoding: bytes[(last.range.start + 1)...], as: UTF8.self)
            let start = offsets.character(atByte: last.range.start + 1)
            return values(typed: typed, tokens: Array(tokens.dropLast()), range: start..<end)
        case .name, .keyword:
            let preceding = Array(tokens.dropLast())
            let start = offsets.character(atByte: last.range.start)
            let prefix = String(characters[start..<end])
            return complete(prefix: prefix, preceding: preceding,
                            statementStart: Self.startsStatement(after: preceding, onNewLine: last.newlineBefore),
                            range: start..<end)
        case .symbol(.dot):
            return complete(prefix: "", preceding: tokens, statementStart: false, range: end..<end)
        case .symbol:
            return names(prefix: "", scan: CompletionScan(tokens: tokens, resolver: self),
                         statementStart: Self.startsStatement(after: tokens, onNewLine: false), range: end..<end)
        case .end:
            return .empty
        }
    }

    /// A word being typed after `preceding`.
    private func complete(prefix: String, preceding: [Token], statementStart: Bool,
                          range: Range<Int>) -> CompletionList {
        if let dot = preceding.last, case .symbol(.dot) = dot.kind {
            // `x.y.` : the fields of what the path before the dot holds.
            let path = Self.trailingPath(Array(preceding.dropLast()))
            guard let first = path.first else { return .empty }
            let scan = CompletionScan(tokens: Array(preceding.dropLast(2 * path.count)), resolver: self)
            var shape = scan.shape(ofName: first)
            for name in path.dropFirst() { shape = scan.member(name, of: shape) }
            return CompletionList(range: range, items: Self.fields(of: shape, prefix: prefix).map { CompletionList.Item($0) })
        }
        return names(prefix: prefix, scan: CompletionScan(tokens: preceding, resolver: self),
                     statementStart: statementStart, range: range)
    }

    /// Whether a statement may start after `tokens`: at the start, after `;`, `{` or `}`, or
    /// on a new line that does not continue the expression before it.
    static func startsStatement(after tokens: [Token], onNewLine: Bool) -> Bool {
        guard let last = tokens.last(where: { $0.kind != .comment }) else { return true }
        switch last.kind {
        case .symbol(.semicolon), .symbol(.leftBrace), .symbol(.rightBrace): return true
        default: return onNewLine && !CompletionScan.continuesLine(last)
        }
    }

    /// Keywords that can appear inside an expression; the others start statements.
    static let expressionKeywords: Set<String> = ["and", "or", "not", "true", "false", "null", "in"]

    /// A name at an expression's place: stage words after `|`, columns in a stage, else
    /// keywords and names in scope.
    private func names(prefix: String, scan: CompletionScan, statementStart: Bool, range: Range<Int>) -> CompletionList {
        var items: [CompletionList.Item] = []
        if scan.atStageStart {
            items = Self.stageWords.filter { Self.matches($0, prefix) }.map { CompletionList.Item($0 + " ", display: $0) }
            items += functionNames(prefix)
            return CompletionList(range: range, items: items)
        }
        if let stage = scan.stage {
            if stage.word == "group" && stage.tokens.count == 1 {
                return CompletionList(range: range, items: Self.matches("by", prefix) ? [CompletionList.Item("by ", display: "by")] : [])
            }
            let columns = Self.fields(of: scan.stageInput.item, prefix: prefix)
            if !columns.isEmpty { return CompletionList(range: range, items: columns.map { CompletionList.Item($0) }) }
            if stage.word == "sort" {
                items += ["asc", "desc"].filter { Self.matches($0, prefix) }.map { CompletionList.Item($0 + " ", display: $0) }
            }
        }
        items += Keyword.allCases.map(\.rawValue)
            .filter { (statementStart || Self.expressionKeywords.contains($0)) && Self.matches($0, prefix) }
            .map { CompletionList.Item($0 + " ", display: $0) }
        let tables = Set(host?.tableNames ?? [])
        for name in interpreter.globalNames() where Self.matches(name, prefix) && name != Self.lastValueName {
            if tables.contains(name) {
                if Self.detailTables.contains(name) && !prefix.contains("_") { continue }
                items.append(CompletionList.Item(name + " ", display: name))
            } else if isFunction(name) {
                items.append(CompletionList.Item(name + "(", display: name))
            } else {
                items.append(CompletionList.Item(name))
            }
        }
        return CompletionList(range: range, items: Self.unique(items))
    }

    /// Built-in and user functions whose names match.
    private func functionNames(_ prefix: String) -> [CompletionList.Item] {
        interpreter.globalNames().filter { Self.matches($0, prefix) && isFunction($0) }
            .map { CompletionList.Item($0 + "(", display: $0) }
    }

    private func isFunction(_ name: String) -> Bool {
        if builtinNames.contains(name) { return true }
        if case .function = interpreter.global(name) { return true }
        return false
    }

    /// Tables that detail another table's rows, named after their reference to it and "_"
    /// (`model_tags`, `model_partners`, `unit_aliases`, `cluster_members`). They are normally
    /// reached from the row (`m.model_tags`), so they are offered by name only once "_" is
    /// typed: `mod<Tab>` gives `models`, `model_<Tab>` the rest. Their Vietnamese aliases
    /// (`chu_de`) do not share the stem and are always offered.
    static let detailTables: Set<String> = Set(Catalog.tables.filter { table in
        guard let underscore = table.name.firstIndex(of: "_") else { return false }
        let stem = String(table.name[..<underscore])
        return table.columns.contains { $0.name == stem && $0.referencedTable != nil }
    }.map(\.name))

    /// The stage words, `group by` as one.
    static let stageWords = ["where", "select", "sort", "group by", "take", "skip", "distinct", "first", "count"]

    // MARK: - Fields

    /// Columns, references and relations of a row (canonical names; the Vietnamese aliases
    /// only when the typed prefix is one of theirs), or a record's fields.
    static func fields(of shape: Shape, prefix: String) -> [String] {
        switch shape {
        case .row(let schema), .rows(let schema):
            var names = schema.columns
            let relations = schema.links.keys.filter { schema.columnIndex[$0] == nil }.sorted()
            var seen = Set(names)
            for relation in relations where !isAlias(relation, in: schema) && seen.insert(relation).inserted {
                names.append(relation)
            }
            var result = names.filter { matches($0, prefix) }
            if !prefix.isEmpty {
                let aliases = (Array(schema.columnIndex.keys) + Array(schema.links.keys)).filter { !seen.contains($0) }
                for alias in Set(aliases).sorted() where matches(alias, prefix) { result.append(alias) }
            }
            return result
        case .record(let names), .records(let names):
            return names.filter { matches($0, prefix) }
        case .unknown:
            return []
        }
    }

    /// A relation's Vietnamese name (`mo_hinh` beside `models`) is listed only when typed.
    private static func isAlias(_ name: String, in schema: RowSchema) -> Bool {
        Catalog.relations(of: schema.table).contains { $0.alias == name && $0.name != name }
    }

    // MARK: - Data values

    /// Values of the column compared to the string being typed: `where name == "Phường T`.
    private func values(typed: String, tokens: [Token], range: Range<Int>) -> CompletionList {
        guard let comparison = tokens.last, case .symbol(let symbol) = comparison.kind,
              symbol == .equal || symbol == .notEqual || symbol == .tilde else { return .empty }
        let path = Self.trailingPath(Array(tokens.dropLast()))
        guard let first = path.first, let column = path.last else { return .empty }
        let scan = CompletionScan(tokens: Array(tokens.dropLast(1 + 2 * path.count - 1)), resolver: self)
        var shape = scan.shape(ofName: path.count == 1 ? "it" : first)
        if path.count == 1, case .unknown = shape { return .empty }
        for name in path.count == 1 ? [] : Array(path.dropFirst().dropLast()) { shape = scan.member(name, of: shape) }
        guard case .row(let schema) = shape, let index = schema.columnIndex[column] else { return .empty }

        if let codes = Catalog.table(named: schema.table)?.column(named: column)?.codes, !codes.isEmpty {
            let items = codes.filter { Self.matches($0.code, typed) || Self.matches($0.label(interpreter.lang), typed) }
                .map { CompletionList.Item($0.code + "\"", display: $0.code + " (" + $0.label(interpreter.lang) + ")") }
            return CompletionList(range: range, items: items)
        }
        guard let rows = try? host?.table(named: schema.table)?.rows() else { return .empty }
        let folded = VietFold.fold(typed)
        var seen: Set<String> = []
        var found: [String] = []
        for row in rows where index < row.values.count {
            guard case .text(let value) = row.values[index], seen.insert(value).inserted else { continue }
            let key = VietFold.fold(value)
            if symbol == .tilde ? (folded.isEmpty || key.contains(folded)) : key.hasPrefix(folded) {
                found.append(value)
            }
        }
        let sorted = VietCollation.sorted(found) { $0 }
        var list = CompletionList(range: range, items: sorted.map { CompletionList.Item($0 + "\"", display: $0) })
        list.listLimit = Self.maxValuesListed
        return list
    }

    // MARK: - ShapeResolver

    func schema(ofTable name: String) -> RowSchema? { host?.table(named: name)?.schema }

    func shape(ofGlobal name: String) -> Shape {
        guard let value = interpreter.global(name) else { return .unknown }
        switch value {
        case .table(let table): return .rows(table.schema)
        case .row(let row): return .row(row.schema)
        case .record(let record): return .record(record.shape.names)
        case .list(let list):
            switch list.items.first {
            case .row(let row): return .rows(row.schema)
            case .record:
                return Value.columns(of: list.items).map(Shape.records) ?? .unknown
            default: return .unknown
            }
        default: return .unknown
        }
    }

    // MARK: - Helpers

    /// The names of the `a.b.c` that `tokens` end with (empty when they end otherwise).
    static func trailingPath(_ tokens: [Token]) -> [String] {
        var names: [String] = []
        var index = tokens.count - 1
        while index >= 0, case .name = tokens[index].kind {
            names.insert(tokens[index].text, at: 0)
            guard index >= 1, case .symbol(.dot) = tokens[index - 1].kind else { break }
            index -= 2
        }
        return names
    }

    /// Whether `candidate` starts with `prefix`, ignoring case and diacritics.
    static func matches(_ candidate: String, _ prefix: String) -> Bool {
        prefix.isEmpty || VietFold.fold(candidate).hasPrefix(VietFold.fold(prefix))
    }

    static func unique(_ items: [CompletionList.Item]) -> [CompletionList.Item] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0.display).inserted }
    }
}

/// Converts the lexer's byte offsets to the `Character` offsets completion ranges use.
struct CharacterOffsets {
    private let starts: [Int]

    init(_ text: String) {
        var starts: [Int] = []
        var byte = 0
        for character in text {
            starts.append(byte)
            byte += character.utf8.count
        }
        self.starts = starts
    }

    /// The index of the character starting at or after `byte`.
    func character(atByte byte: Int) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < byte { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
