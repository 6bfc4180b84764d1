// A script's parameters on the command line: `--set name=value` (repeatable) gives a `param`
// its value, checked against the script's declarations before the database is opened: an
// unknown name (with "did you mean"), a value that is not of the parameter's type, and a
// parameter without a default that was not given are usage errors (exit code 2) naming the
// parameter. `danvan run FILE --help` lists the parameters; ArgumentParser would answer
// `--help` with the help of `run` itself, so `DanVan.main` asks `ScriptHelp` first.
// Everything after `--` is the script's `args`.
import ArgumentParser
import DanVanLang
import Foundation
import VietText

struct ScriptOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: HelpText.Params.set.argumentHelp(valueName: HelpText.Params.setValue))
    var settings: [String] = []

    @Argument(parsing: .postTerminator, help: HelpText.Params.arguments.argumentHelp())
    var arguments: [String] = []

    /// The parameters `source` declares; its syntax errors and wrong declarations are a
    /// script error (exit code 1), shown as diagnostics.
    static func parameters(of source: SourceText, lang: Lang) throws -> [ScriptParameter] {
        do {
            return try Interpreter.parameters(of: source)
        } catch {
            throw CLIError(message: DiagnosticRenderer.render(error.diagnostics, sources: [source], lang: lang),
                           code: .scriptError)
        }
    }

    /// The values of the parameters `source` declares, from `--set`, each of its parameter's type.
    func values(for source: SourceText, script: String, lang: Lang) throws -> [String: Value] {
        try values(for: Self.parameters(of: source, lang: lang), script: script, lang: lang)
    }

    /// The values of `parameters` from `--set`, each of its parameter's type.
    func values(for parameters: [ScriptParameter], script: String, lang: Lang) throws -> [String: Value] {
        var values: [String: Value] = [:]
        for setting in settings {
            guard let equals = setting.firstIndex(of: "="), equals != setting.startIndex else {
                throw CLIError(message: HelpText.Params.setShape(lang, setting), code: .usage)
            }
            let name = String(setting[..<equals]).trimmingCharacters(in: .whitespaces)
            let text = String(setting[setting.index(after: equals)...])
            guard let parameter = parameters.first(where: { $0.name == name }) else {
                throw CLIError(message: HelpText.Params.unknown(name, script: script, parameters: parameters, lang),
                               code: .usage)
            }
            guard let value = parameter.type.value(from: text) else {
                throw CLIError(message: HelpText.Params.badValue(lang, name, parameter.type.label(lang),
                                                                 parameter.type.example, text), code: .usage)
            }
            values[name] = value
        }
        for parameter in parameters where parameter.isRequired && values[parameter.name] == nil {
            throw CLIError(message: HelpText.Params.missing(lang, parameter.name, parameter.type.rawValue, script),
                           code: .usage)
        }
        return values
    }
}

/// `danvan run FILE --help`: the help of `run`, then the script's parameters.
enum ScriptHelp {
    /// Options of `run` that take a value: their value is not the script's file.
    static let valueOptions: Set<String> = ["--db", "--lang", "--user", "--set", "--mode", "--output"]

    /// The script file of `danvan run … FILE … --help` (before any `--`), or nil when the
    /// command line is not that.
    static func scriptAskingForHelp(in arguments: [String]) -> String? {
        guard arguments.count > 2, arguments[1] == "run" else { return nil }
        var file: String?
        var wantsHelp = false
        var index = 2
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--help" || argument == "-h" {
                wantsHelp = true
            } else if valueOptions.contains(argument) {
                index += 1
            } else if !argument.hasPrefix("-"), file == nil {
                file = argument
            }
            index += 1
        }
        return wantsHelp ? file : nil
    }

    /// The help screen, or the error that kept the script from being read.
    static func screen(for file: String, lang: Lang) throws -> String {
        let source = try Scripts.read(file, lang: lang)
        let parameters = try ScriptOptions.parameters(of: source, lang: lang)
        let runHelp = ParserText.helpScreen(DanVan.helpMessage(for: Run.self), lang)
        return runHelp.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n" + section(parameters, file: source.name, lang: lang)
    }

    /// The parameters as an aligned list: name, type, default (or "required"), help.
    static func section(_ parameters: [ScriptParameter], file: String, lang: Lang) -> String {
        var lines = [HelpText.Params.heading(lang, file)]
        guard !parameters.isEmpty else { return (lines + ["  " + HelpText.Params.none(lang)]).joined(separator: "\n") }
        let header = [HelpText.Params.nameColumn(lang), HelpText.Params.typeColumn(lang),
                      HelpText.Params.defaultColumn(lang), HelpText.Params.helpColumn(lang)]
        let rows = parameters.map { parameter in
            [parameter.name, parameter.type.rawValue,
             parameter.defaultSource ?? HelpText.Params.required(lang), parameter.help ?? ""]
        }
        let widths = (0..<3).map { column in ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        for row in [header] + rows {
            var line = "  "
            for column in 0..<3 {
                line += row[column] + String(repeating: " ", count: widths[column] - DisplayWidth.of(row[column]) + 2)
            }
            lines.append((line + row[3]).replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression))
        }
        lines.append("")
        let first = parameters[0]
        var example = first.type.example.components(separatedBy: ", ").first ?? ""
        if example.contains(" ") { example = "'\(example)'" }
        lines.append(HelpText.Params.example(lang, file, first.name, example))
        return lines.joined(separator: "\n")
    }
}
