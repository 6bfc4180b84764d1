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

    /// What is left to scan, with whether it is inside a nested function and inside a stage.
    /// The scan keeps its own stack: a tree as deep as the parser allows must not need native
    /// frames a small thread lacks (a debug build's frame here is several KB).
    private enum Work {
        case statement(Stmt, nested: Bool, inStage: Bool)
        case expression(Expr, nested: Bool, inStage: Bool)
        case function(FunctionDecl, inStage: Bool)
    }

    static func scan(_ body: [Stmt]) -> Result {
        var result = Result()
        var work: [Work] = body.reversed().map { .statement($0, nested: false, inStage: false) }
        while let next = work.popLast() {
            switch next {
            case .statement(let statement, let nested, let inStage):
                visit(statement, nested: nested, inStage: inStage, &result, &work)
            case .expression(let expr, let nested, let inStage):
                visit(expr, nested: nested, inStage: inStage, &result, &work)
            case .function(let declaration, let inStage):
                if inStage { result.lambdaInStage = true }
                for param in declaration.params { result.names.insert(param.name) }
                for statement in declaration.body { work.append(.statement(statement, nested: true, inStage: inStage)) }
            }
        }
        return result
    }

    private static func visit(_ statement: Stmt, nested: Bool, inStage: Bool, _ result: inout Result, _ work: inout [Work]) {
        func expr(_ expr: Expr) { work.append(.expression(expr, nested: nested, inStage: inStage)) }
        func block(_ body: [Stmt]) { for inner in body { work.append(.statement(inner, nested: nested, inStage: inStage)) } }
        switch statement.kind {
        case .expression(let value): expr(value)
        case .let(let name, _, let value):
            if nested { result.names.insert(name) }
            expr(value)
        case .assign(let target, let value):
            expr(target)
            expr(value)
        case .function(let declaration):
            if let name = declaration.name { result.names.insert(name) }
            work.append(.function(declaration, inStage: inStage))
        case .if(let condition, let then, let otherwise):
            expr(condition)
            block(then)
            block(otherwise ?? [])
        case .while(let condition, let body):
            expr(condition)
            block(body)
        case .for(let name, _, let sequence, let body):
            if nested { result.names.insert(name) }
            expr(sequence)
            block(body)
        case .transaction(let body): block(body)
        case .break, .continue, .param, .import: break
        case .return(let value):
            if let value { expr(value) }
        }
    }

    private static func visit(_ expr: Expr, nested: Bool, inStage: Bool, _ result: inout Result, _ work: inout [Work]) {
        func visit(_ expr: Expr) { work.append(.expression(expr, nested: nested, inStage: inStage)) }
        func inside(_ expr: Expr) { work.append(.expression(expr, nested: nested, inStage: true)) }
        switch expr.kind {
        case .null, .bool, .int, .decimal: break
        case .text(let parts):
            for case .expr(let inner) in parts { visit(inner) }
        case .name(let name):
            if nested { result.names.insert(name) }
        case .list(let items):
            for item in items { visit(item) }
        case .record(let fields):
            for field in fields { visit(field.value) }
        case .unary(_, let operand): visit(operand)
        case .binary(_, let left, let right), .logical(_, let left, let right):
            visit(left)
            visit(right)
        case .call(let callee, let arguments):
            visit(callee)
            for argument in arguments { visit(argument) }
        case .index(let base, let index):
            visit(base)
            visit(index)
        case .member(let base, _, _): visit(base)
        case .lambda(let declaration): work.append(.function(declaration, inStage: inStage))
        case .labelled(_, _, let value), .insert(_, _, let value): visit(value)
        case .pipeline(let source, let stages):
            visit(source)
            if nested { result.names.insert("it") }
            for stage in stages {
                switch stage.kind {
                case .filter(let expr): inside(expr)
                case .group(let keys): for key in keys { inside(key.value) }
                case .take(let expr), .skip(let expr), .expect(let expr): visit(expr)
                case .update(let assignments): for assignment in assignments { inside(assignment.value) }
                case .delete: break
                case .select(let items): for item in items { inside(item.value) }
                case .sort(let keys): for key in keys { if let value = key.value { inside(value) } }
                case .distinct, .first, .count: break
                case .call(let function, let arguments):
                    visit(function)
                    for argument in arguments { visit(argument) }
                }
            }
        }
    }
}
