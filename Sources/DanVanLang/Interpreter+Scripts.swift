// The embedding API for scripts: the hooks `show(v)` and top-level values go to, the values of
// a script's `param`s, its `args`, and the loader `import` reads files through. The core reads
// no file and prints nothing itself: the embedder (`danvan run`, the REPL) supplies these.
import VietText

extension Interpreter {
    /// Where `show(v)`, and the top-level values of `run(_:showingValues: true)`, go: the
    /// embedder renders a value as its REPL would. An error it throws becomes the script's
    /// runtime error at the statement. nil: values are printed through `output` as `print`
    /// would print them.
    public var show: ((Value) throws -> Void)? {
        get { vm.show }
        set { vm.show = newValue }
    }

    /// The values of the script's `param`s by name; a parameter not given here takes its
    /// default. Check them first with `parameters(of:)` and `ParameterType.value(from:)`:
    /// a value of the wrong type, or none for a parameter without a default, is a runtime
    /// error at the `param`.
    public var parameterValues: [String: Value] {
        get { vm.parameterValues }
        set { vm.parameterValues = newValue }
    }

    /// Reads the file an `import` names. It gets the path as written and the name of the
    /// importing file (a `SourceText.name`), resolves the path against that file's folder,
    /// and returns the text named by the resolved path: the same file must always get the
    /// same name, which is how a file is imported once and a cycle is found. It throws a
    /// `ModuleLoadError` (or any error) for a file it cannot read. nil: `import` is an error.
    public var moduleLoader: ((_ path: String, _ importer: String) throws -> SourceText)? {
        get { vm.moduleLoader }
        set { vm.moduleLoader = newValue }
    }

    /// The script's arguments (`danvan run FILE -- a b`), the global `args`: a list of texts.
    public var arguments: [String] {
        get {
            guard let value = global("args"), case .list(let list) = value else { return [] }
            return list.items.compactMap { if case .text(let text) = $0 { return text } else { return nil } }
        }
        set { setGlobal("args", .list(newValue.map(Value.text))) }
    }

    /// The `param`s a script declares, read without running it (`danvan run FILE --help`, and
    /// checking `--set` values before the database is opened). Throws the script's syntax
    /// errors and what is wrong with its parameters (misplaced, declared twice, an unknown
    /// type, a default of another type).
    public static func parameters(of source: SourceText) throws(LangError) -> [ScriptParameter] {
        let (statements, parseDiagnostics) = Parser.parse(source)
        if !parseDiagnostics.isEmpty { throw LangError(parseDiagnostics) }
        let (parameters, problems) = ScriptParameters.declarations(in: statements, source: source)
        if !problems.isEmpty { throw LangError(problems) }
        return parameters
    }
}
