// The common one-shot commands read without ArgumentParser: `danvan eval CODE` and
// `danvan run FILE` (and `danvan FILE`, which `DanVan.arguments` has made `run FILE`) with
// only the plain options below, each given once. ArgumentParser builds every command's
// definition by reflection before it reads a single argument, and on Linux each first cast
// of a type scans every protocol conformance in the binary: that was a third of
// `danvan eval '1'` (issue 11). A command line this reader does not take in full (help, `--`,
// `--set`, an unknown or repeated option, an option value starting with `-`, a second
// operand) goes to ArgumentParser as before, so its errors and help screens are unchanged;
// what this reader takes, ArgumentParser would read the same way.
import VietText

enum QuickCommand {
    /// Options that take a value, as `--name value` or `--name=value`.
    static let valueOptions: Set<String> = ["--db", "--lang", "--mode", "--output", "--user"]
    /// Flags both commands take; `run` also takes `--no-transaction`.
    static let flags: Set<String> = ["--dry-run", "--read-only", "--sandbox", "--replace", "--append"]

    /// A command line this reader takes in full.
    struct Line: Equatable {
        /// `eval` (the operand is code) or `run` (the operand is a file).
        var isEval: Bool
        var operand: String
        var values: [String: String] = [:]
        var flags: Set<String> = []
    }

    /// The command line `arguments` (the program first) read, or nil when ArgumentParser must read it.
    static func parse(_ arguments: [String]) -> Line? {
        guard arguments.count >= 3 else { return nil }
        let isEval: Bool
        switch arguments[1] {
        case "eval": isEval = true
        case "run": isEval = false
        default: return nil
        }
        var operand: String?
        var values: [String: String] = [:]
        var given: Set<String> = []
        var index = 2
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-") else {
                guard operand == nil else { return nil }
                operand = argument
                continue
            }
            var name = argument
            var value: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            if valueOptions.contains(name) {
                if value == nil {
                    guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
                    value = arguments[index]
                    index += 1
                }
                guard values[name] == nil, let value else { return nil }
                values[name] = value
            } else if value == nil, flags.contains(name) || (!isEval && name == "--no-transaction") {
                guard !given.contains(name) else { return nil }
                given.insert(name)
            } else {
                return nil
            }
        }
        guard let operand else { return nil }
        return Line(isEval: isEval, operand: operand, values: values, flags: given)
    }

    /// Runs `arguments` when this reader takes them; false when ArgumentParser must.
    static func run(_ arguments: [String]) throws -> Bool {
        guard let line = parse(arguments) else { return false }
        // An unknown --lang is a usage error, which ArgumentParser's path words and exits 2.
        if let lang = line.values["--lang"], Lang(rawValue: lang.lowercased()) == nil { return false }
        // Every option is set, given or not: an option struct made with `init()` and not
        // filled by ArgumentParser traps when a property never set is read.
        var options = DatabaseOptions()
        options.db = line.values["--db"]
        options.lang = line.values["--lang"]
        try options.checkPath()
        var session = SessionOptions()
        session.readOnly = line.flags.contains("--read-only")
        session.sandbox = line.flags.contains("--sandbox")
        session.user = line.values["--user"]
        // --max-memory and --timeout are not in the quick path's options: given, ArgumentParser reads them.
        session.maxMemory = nil
        session.timeout = nil
        var output = OutputOptions()
        output.mode = line.values["--mode"]
        output.output = line.values["--output"]
        output.replace = line.flags.contains("--replace")
        output.append = line.flags.contains("--append")
        var script = ScriptOptions()
        script.settings = []
        script.arguments = []
        let dryRun = line.flags.contains("--dry-run")
        if line.isEval {
            try Eval.run(code: line.operand, dryRun: dryRun, options: options, session: session, output: output,
                         script: script)
        } else {
            try Run.run(file: line.operand, dryRun: dryRun, noTransaction: line.flags.contains("--no-transaction"),
                        options: options, session: session, output: output, script: script)
        }
        return true
    }
}
