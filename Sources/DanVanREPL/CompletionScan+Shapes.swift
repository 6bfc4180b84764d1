// The shapes completion reasons with: what a name or an expression holds (a table's rows,
// one row, records with known fields) and how pipeline stages and member paths change it.
// CompletionScan.swift finds the code's structure; this file reads its meaning.
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

extension CompletionScan {
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
