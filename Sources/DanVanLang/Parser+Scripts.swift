// The statements that make a file a script others can run and reuse: `param` (a value the
// person running it may give, `danvan run FILE --set year=2023`) and `import` (functions
// from another file). Both words are contextual, like `transaction`: `param` and `import`
// stay usable as names, because only `param NAME :` and `import "…"` start these statements.
import VietText

extension Parser {
    func atParam() -> Bool {
        guard checkName("param"), case .name = peekKind(1) else { return false }
        return peekKind(2) == .symbol(.colon)
    }

    func atImport() -> Bool {
        guard checkName("import"), case .string = peekKind(1) else { return false }
        return true
    }

    /// paramStatement → "param" NAME ":" NAME ("=" expression)?
    /// The help text is the comment after it on the same line (read by `ScriptParameters`).
    func paramStatement() throws -> Stmt {
        let start = advance().range
        let nameToken = advance()
        advance()  // the ":" atParam saw
        guard case .name = current.kind else { throw error(ScriptMessages.expectedParamType) }
        let typeToken = advance()
        var defaultValue: Expr?
        if match(.assign) { defaultValue = try expression() }
        let declaration = ParamDecl(name: nameToken.text, nameRange: nameToken.range, typeName: typeToken.text,
                                    typeRange: typeToken.range, defaultValue: defaultValue)
        return Stmt(kind: .param(declaration), range: start.to(previous.range))
    }

    /// importStatement → "import" STRING   (a plain string: the path cannot be computed)
    func importStatement() throws -> Stmt {
        let start = advance().range
        let pathToken = advance()
        guard case .string(let parts) = pathToken.kind else { throw error(ScriptMessages.expectedImportPath) }
        var path = ""
        for part in parts {
            switch part {
            case .text(let text): path += text
            case .code:
                report(.syntax, at: pathToken.range.start, Message(ScriptMessages.importPathInterpolated))
                throw Panic()
            }
        }
        return Stmt(kind: .import(path, pathToken.range), range: start.to(pathToken.range))
    }
}
