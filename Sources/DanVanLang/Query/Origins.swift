// Where the fields of the records a pipeline makes come from (`ColumnOrigin`), decided when
// the stage is compiled from the same name resolution as its closures: a `select` item that
// is a plain path (`parent.name`, `it.year`, a field of an earlier `select`, a group's `key`)
// and each key of `group by` carry the column they copy; anything computed has none. The
// in-memory stages put these origins into the records' `Shape`, and the planner into each
// `PlanField`, so records made by SQL carry the very same origins.
import VietText

extension Compiler {
    /// The column `expr` copies, seen from the innermost stage's items; nil when it computes
    /// something, or names a variable.
    func origin(of expr: Expr) -> ColumnOrigin? {
        guard let stage = function.stages.last else { return nil }
        switch stage.shape {
        case .rows(let schema):
            return rowOrigin(expr, schema)
        case .records(let names, let origins):
            // A field the select made (as `planPath` reads it).
            guard let path = Parser.pathName(expr), let root = path.split(separator: ".").first,
                  !isUserVariable(resolve(String(root))),
                  let index = names.firstIndex(of: path), index < origins.count else { return nil }
            return origins[index]
        case .groups(_, let key):
            guard !isUserVariable(resolve("key")) else { return nil }
            if case .name("key") = expr.kind, key.names == nil { return key.origins.first ?? nil }
            if case .member(let base, let field, _) = expr.kind, case .name("key") = base.kind,
               let names = key.names, let index = names.firstIndex(of: field), index < key.origins.count {
                return key.origins[index]
            }
            return nil
        case .unknown:
            return nil
        }
    }

    /// A path from the stage's row (`year`, `it.year`, `unit.parent.name`) through references
    /// to a column, with canonical names.
    private func rowOrigin(_ expr: Expr, _ root: RowSchema) -> ColumnOrigin? {
        var names: [String] = []
        var current = expr
        while case .member(let base, let field, _) = current.kind {
            names.insert(field, at: 0)
            current = base
        }
        guard case .name(let first) = current.kind else { return nil }
        if first == "it" {
            guard case .local = resolve("it") else { return nil }
        } else {
            guard case .item(let index) = stageName(first), index == function.stages.count - 1,
                  !isUserVariable(resolve(first)) else { return nil }
            names.insert(first, at: 0)
        }
        guard let last = names.popLast() else { return nil }
        var schema = root
        var path: [String] = []
        for name in names {
            guard case .reference(let column, let table)? = schema.links[name], column < schema.columns.count,
                  let target = vm.host?.table(named: table)?.schema else { return nil }
            path.append(schema.columns[column])
            schema = target
        }
        guard let column = schema.columnIndex[last], column < schema.columns.count else { return nil }
        path.append(schema.columns[column])
        return ColumnOrigin(table: root.table, path: path)
    }

    /// The origins of a `select`'s items over items of `shape`.
    func selectOrigins(_ items: [SelectItem], over shape: ItemShape) -> [ColumnOrigin?] {
        withStage(shape) { items.map { origin(of: $0.value)?.heading($0.isHeading) } }
    }

    /// What `group by keys` over items of `shape` tells of each group's `key`.
    func groupKeyShape(_ keys: [GroupKey], over shape: ItemShape) -> GroupKeyShape {
        let origins = withStage(shape) { keys.map { origin(of: $0.value) } }
        if keys.count == 1 { return GroupKeyShape(names: nil, origins: origins) }
        return GroupKeyShape(names: keys.map { $0.name ?? "" }, origins: origins)
    }
}
