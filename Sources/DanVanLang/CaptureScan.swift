// Which locals of a function must live in cells: a syntactic pre-scan that collects every
// name used inside the function's nested functions (at any depth). Over-approximating is
// harmless (a cell is only slower than a slot); missing one would be a bug, so every
// expression kind is walked. It also notes whether a function is written inside a pipeline
// stage, since such a function may read the stage's current item.

enum CaptureScan {
    struct Result {
        var names: Set<String> = []
        var lambdaInStage = false
    }

    static func scan(_ body: [Stmt]) -> Result {
        var result = Result()
        for statement in body { visit(statement, nested: false, inStage: false, &result) }
        return result
    }

    static func visit(_ statement: Stmt, nested: Bool, inStage: Bool, _ result: inout Result) {
        switch statement.kind {
        case .expression(let expr): visit(expr, nested: nested, inStage: inStage, &result)
        case .let(let name, _, let value):
            if nested { result.names.insert(name) }
            visit(value, nested: nested, inStage: inStage, &result)
        case .assign(let target, let value):
            visit(target, nested: nested, inStage: inStage, &result)
            visit(value, nested: nested, inStage: inStage, &result)
        case .function(let declaration):
            if let name = declaration.name { result.names.insert(name) }
            visitFunction(declaration, inStage: inStage, &result)
        case .if(let condition, let then, let otherwise):
            visit(condition, nested: nested, inStage: inStage, &result)
            for inner in then { visit(inner, nested: nested, inStage: inStage, &result) }
            for inner in otherwise ?? [] { visit(inner, nested: nested, inStage: inStage, &result) }
        case .while(let condition, let body):
            visit(condition, nested: nested, inStage: inStage, &result)
            for inner in body { visit(inner, nested: nested, inStage: inStage, &result) }
        case .for(let name, _, let sequence, let body):
            if nested { result.names.insert(name) }
            visit(sequence, nested: nested, inStage: inStage, &result)
            for inner in body { visit(inner, nested: nested, inStage: inStage, &result) }
        case .transaction(let body):
            for inner in body { visit(inner, nested: nested, inStage: inStage, &result) }
        case .break, .continue, .param, .import: break
        case .return(let value):
            if let value { visit(value, nested: nested, inStage: inStage, &result) }
        }
    }

    static func visitFunction(_ declaration: FunctionDecl, inStage: Bool, _ result: inout Result) {
        if inStage { result.lambdaInStage = true }
        for param in declaration.params { result.names.insert(param.name) }
        for statement in declaration.body { visit(statement, nested: true, inStage: inStage, &result) }
    }

    static func visit(_ expr: Expr, nested: Bool, inStage: Bool, _ result: inout Result) {
        switch expr.kind {
        case .null, .bool, .int, .decimal: break
        case .text(let parts):
            for case .expr(let inner) in parts { visit(inner, nested: nested, inStage: inStage, &result) }
        case .name(let name):
            if nested { result.names.insert(name) }
        case .list(let items):
            for item in items { visit(item, nested: nested, inStage: inStage, &result) }
        case .record(let fields):
            for field in fields { visit(field.value, nested: nested, inStage: inStage, &result) }
        case .unary(_, let operand): visit(operand, nested: nested, inStage: inStage, &result)
        case .binary(_, let left, let right), .logical(_, let left, let right):
            visit(left, nested: nested, inStage: inStage, &result)
            visit(right, nested: nested, inStage: inStage, &result)
        case .call(let callee, let arguments):
            visit(callee, nested: nested, inStage: inStage, &result)
            for argument in arguments { visit(argument, nested: nested, inStage: inStage, &result) }
        case .index(let base, let index):
            visit(base, nested: nested, inStage: inStage, &result)
            visit(index, nested: nested, inStage: inStage, &result)
        case .member(let base, _, _): visit(base, nested: nested, inStage: inStage, &result)
        case .lambda(let declaration): visitFunction(declaration, inStage: inStage, &result)
        case .labelled(_, _, let value), .insert(_, _, let value): visit(value, nested: nested, inStage: inStage, &result)
        case .pipeline(let source, let stages):
            visit(source, nested: nested, inStage: inStage, &result)
            if nested { result.names.insert("it") }
            for stage in stages {
                func inside(_ expr: Expr) { visit(expr, nested: nested, inStage: true, &result) }
                switch stage.kind {
                case .filter(let expr): inside(expr)
                case .group(let keys): for key in keys { inside(key.value) }
                case .take(let expr), .skip(let expr), .expect(let expr): visit(expr, nested: nested, inStage: inStage, &result)
                case .update(let assignments): for assignment in assignments { inside(assignment.value) }
                case .delete: break
                case .select(let items): for item in items { inside(item.value) }
                case .sort(let keys): for key in keys { if let value = key.value { inside(value) } }
                case .distinct, .first, .count: break
                case .call(let function, let arguments):
                    visit(function, nested: nested, inStage: inStage, &result)
                    for argument in arguments { visit(argument, nested: nested, inStage: inStage, &result) }
                }
            }
        }
    }
}
