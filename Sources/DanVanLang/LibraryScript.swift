// The script library: `show(v)`, which hands a value to the embedder to be shown the way the
// REPL shows it (a table, a record, text), where `print` writes the language's plain format.

enum ScriptLibrary {
    static let functions: [Builtin] = [
        /// show(v): v as the REPL would show it (through `Interpreter.show`); returns null.
        Builtin("show", 1...1) { args in
            try args.vm.show(args[0], at: args.span)
            return .null
        },
    ]
}
