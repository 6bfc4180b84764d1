// Tests of what makes a file a script: `param` (declarations read without running, their
// rules, values from the embedder, defaults, required ones), `import` (relative paths through
// the embedder's loader, each file once, cycles, missing files, diagnostics in the imported
// file, the call frames of an error inside an imported function), `show` and the shown
// top-level values, and `args`.
import DanVanLang
import Testing
import VietText

/// An in-memory file system for `import`: paths resolved against the importer's folder,
/// each read counted.
final class MemoryFiles {
    var files: [String: String]
    var reads: [String: Int] = [:]

    init(_ files: [String: String]) { self.files = files }

    func load(_ path: String, importer: String) throws -> SourceText {
        let folder = importer.contains("/") ? String(importer[...(importer.lastIndex(of: "/") ?? importer.startIndex)]) : ""
        var parts: [Substring] = []
        for part in (folder + path).split(separator: "/") {
            if part == "." { continue }
            if part == "..", !parts.isEmpty { parts.removeLast(); continue }
            parts.append(part)
        }
        let resolved = parts.joined(separator: "/")
        guard let text = files[resolved] else {
            throw ModuleLoadError(Localized(vi: "không có tệp \(resolved)", en: "there is no file \(resolved)"))
        }
        reads[resolved, default: 0] += 1
        return SourceText(name: resolved, text: text)
    }
}

/// Runs `main.dv` (or `text`) with `files` importable; returns printed lines, shown values
/// and the rendered error.
func runScript(_ text: String, files: [String: String] = [:], parameters: [String: Value] = [:],
               arguments: [String]? = nil, showing: Bool = false)
    -> (output: [String], shown: [String], error: String?, files: MemoryFiles) {
    var output: [String] = []
    var shown: [String] = []
    let memory = MemoryFiles(files)
    let interpreter = Interpreter(host: TestHost(), lang: .en, output: { output.append($0) }, interrupt: InterruptFlag())
    interpreter.show = { shown.append($0.description) }
    interpreter.moduleLoader = memory.load
    interpreter.parameterValues = parameters
    if let arguments { interpreter.arguments = arguments }
    do {
        try interpreter.run(SourceText(name: "main.dv", text: text), showingValues: showing)
        return (output, shown, nil, memory)
    } catch {
        return (output, shown, interpreter.render(error), memory)
    }
}

@Suite struct ParamTests {
    @Test func declarationsAreReadWithoutRunning() throws {
        let script = """
            #!/usr/bin/env danvan
            param year: int = 2024  # the review year
            param unit: text        # the unit's name
            param since: date = "30/06/2024"
            param ratio: number = -2.5
            param full: bool = false
            param until: date = date("2024-12-31")
            print(year)
            """
        let parameters = try Interpreter.parameters(of: SourceText(name: "r.dv", text: script))
        #expect(parameters.map(\.name) == ["year", "unit", "since", "ratio", "full", "until"])
        #expect(parameters.map(\.type) == [.int, .text, .date, .number, .bool, .date])
        #expect(parameters[0].defaultSource == "2024")
        #expect(parameters[0].help == "the review year")
        #expect(parameters[0].location == SourceLocation(file: "r.dv", line: 2, column: 1))
        #expect(parameters[1].isRequired && parameters[1].help == "the unit's name")
        #expect(parameters[2].defaultValue?.description == "2024-06-30")
        #expect(parameters[2].help == nil)
        #expect(parameters[3].defaultValue?.description == "-2.5")
        #expect(parameters[5].defaultValue?.description == "2024-12-31")
    }

    @Test func valuesDefaultsAndRequired() {
        let script = "param year: int = 2024\nparam unit: text = null\nprint(year, unit)"
        #expect(runScript(script).output == ["2024 null"])
        #expect(runScript(script, parameters: ["year": .int(2023), "unit": .text("Sở")]).output == ["2023 Sở"])
        let required = runScript("param unit: text\nprint(unit)")
        #expect(required.error?.contains("main.dv:1:7: error: the parameter 'unit' (text) has no default and no value was given") == true)
        let wrong = runScript("param year: int = 1\nprint(year)", parameters: ["year": .text("x")])
        #expect(wrong.error?.contains("main.dv:1:7: error: the parameter 'year' takes a value of type integer, not text") == true)
        #expect(wrong.output.isEmpty)
    }

    @Test(arguments: [
        ("print(1)\nparam year: int = 1", "main.dv:2:1: error: the parameter 'year' must be declared at the top of the script"),
        ("param a: int = 1\nparam a: int = 2", "main.dv:2:7: error: the parameter 'a' is declared twice"),
        ("param a: integer = 1", "main.dv:1:10: error: unknown type 'integer' for the parameter 'a' (use int, number, text, date or bool)"),
        ("param a: nuber = 1", "unknown type 'nuber' for the parameter 'a' (use int, number, text, date or bool) (did you mean 'number'?)"),
        ("param a: int = \"2024\"", "main.dv:1:16: error: the default of the parameter 'a' must be a constant integer, not \"2024\""),
        ("param a: int = 2.5", "the default of the parameter 'a' must be a constant integer, not 2.5"),
        ("param a: date = \"2024-02-30\"", "the default of the parameter 'a' must be a constant date"),
        ("param a: int = 1 + 1", "the default of the parameter 'a' must be a constant integer, not 1 + 1"),
        ("if true { param a: int = 1 }", "main.dv:1:11: error: 'param' is only allowed at the top of a script"),
    ])
    func rules(_ script: String, _ message: String) {
        let result = runScript(script)
        #expect(result.error?.contains(message) == true, "\(result.error ?? "no error")")
    }

    @Test func theRulesAlsoHoldWhenOnlyListing() {
        #expect(throws: LangError.self) {
            try Interpreter.parameters(of: SourceText(name: "x.dv", text: "print(1)\nparam a: int = 1"))
        }
    }

    @Test func paramAndImportStayUsableAsNames() {
        #expect(runScript("let param = 1\nlet import = 2\nprint(param + import)").output == ["3"])
    }

    @Test func commandLineTextBecomesTypedValues() {
        #expect(ParameterType.int.value(from: "2023")?.description == "2023")
        #expect(ParameterType.int.value(from: "20x") == nil)
        #expect(ParameterType.number.value(from: "2.5")?.description == "2.5")
        #expect(ParameterType.number.value(from: "nan") == nil)
        #expect(ParameterType.date.value(from: "2024-06-30")?.description == "2024-06-30")
        #expect(ParameterType.date.value(from: "30/06/2024")?.description == "2024-06-30")
        #expect(ParameterType.date.value(from: "31/02/2024") == nil)
        #expect(ParameterType.date.value(from: "2024") == nil)
        #expect(ParameterType.bool.value(from: "có")?.description == "true")
        #expect(ParameterType.bool.value(from: "no")?.description == "false")
        #expect(ParameterType.bool.value(from: "maybe") == nil)
        #expect(ParameterType.text.value(from: " Hà Nội ")?.description == " Hà Nội ")
    }
}

@Suite struct ImportTests {
    @Test func importedFunctionsAndLetsBecomeGlobalsAndEachFileLoadsOnce() {
        let files = [
            "lib/common.dv": "import \"util.dv\"\nfn double(x) { return twice(x) }\nlet unit = \"Sở\"\nprint(\"loaded common\")\n99",
            "lib/util.dv": "fn twice(x) { return x * 2 }\nprint(\"loaded util\")",
        ]
        let script = "import \"lib/common.dv\"\nimport \"lib/util.dv\"\nimport \"./lib/../lib/common.dv\"\nprint(double(21), unit)"
        let result = runScript(script, files: files, showing: true)
        #expect(result.error == nil, "\(result.error ?? "")")
        #expect(result.output == ["loaded util", "loaded common", "42 Sở"])
        // The imported file's top-level value (99) is not shown.
        #expect(result.shown.isEmpty)
        // The loader is asked each time (it alone knows which file a path names), but each
        // file is compiled and run once: "loaded util" is printed once above.
        #expect(result.files.reads["lib/util.dv"] == 2)
    }

    @Test func aCycleNamesTheWholeChain() {
        let files = ["lib/a.dv": "import \"b.dv\"\nfn a() { return 1 }", "lib/b.dv": "import \"a.dv\""]
        let result = runScript("import \"lib/a.dv\"", files: files)
        #expect(result.error?.hasPrefix("lib/b.dv:1:8: error: import cycle: main.dv -> lib/a.dv -> lib/b.dv -> lib/a.dv") == true,
                "\(result.error ?? "")")
        let selfImport = runScript("import \"main.dv\"", files: ["main.dv": "import \"main.dv\""])
        #expect(selfImport.error?.contains("main.dv:1:8: error: import cycle: main.dv -> main.dv") == true)
    }

    @Test func aMissingFileIsAnErrorAtTheImport() {
        let result = runScript("print(1)\n  import \"lib/nope.dv\"", files: [:])
        #expect(result.error?.hasPrefix("main.dv:2:10: error: cannot import \"lib/nope.dv\": there is no file lib/nope.dv") == true,
                "\(result.error ?? "")")
        #expect(result.output.isEmpty)
    }

    @Test func errorsInsideAnImportedFileShowThatFile() {
        let syntax = runScript("import \"lib/x.dv\"", files: ["lib/x.dv": "fn f() {\n  return 1 +\n}"])
        #expect(syntax.error?.hasPrefix("lib/x.dv:2:13: error: expected an expression") == true, "\(syntax.error ?? "")")
        let unknown = runScript("import \"lib/x.dv\"", files: ["lib/x.dv": "fn f() { return nope }"])
        #expect(unknown.error?.contains("lib/x.dv:1:17: error: unknown name 'nope'") == true, "\(unknown.error ?? "")")
        let param = runScript("import \"lib/x.dv\"", files: ["lib/x.dv": "param year: int = 1"])
        #expect(param.error?.contains("lib/x.dv:1:1: error: an imported file cannot declare parameters ('year')") == true)
    }

    @Test func aRuntimeErrorInAnImportedFunctionListsTheFrames() {
        let files = ["lib/m.dv": "fn ratio(a, b) {\n  return a / b\n}"]
        let result = runScript("import \"lib/m.dv\"\nfn share(x) { return ratio(x, 0) }\nprint(share(3))", files: files)
        #expect(result.error == """
            lib/m.dv:2:10: error: division by zero
              return a / b
                     ^
              in ratio (lib/m.dv:2:10)
              in share (main.dv:2:22)
              in top level (main.dv:3:7)
            """, "\(result.error ?? "")")
    }

    @Test func aNameDefinedTwiceAcrossFilesIsAnError() {
        let result = runScript("import \"m.dv\"\nlet x = 2", files: ["m.dv": "let x = 1"])
        #expect(result.error?.contains("main.dv:2:5: error: 'x' is already defined in the imported file m.dv") == true,
                "\(result.error ?? "")")
    }

    @Test func importOnlyAtTheTopWithAPlainPathAndALoader() {
        #expect(runScript("if true { import \"m.dv\" }", files: ["m.dv": ""]).error?
            .contains("'import' is only allowed at the top level of a file") == true)
        #expect(runScript("let p = \"m\"\nimport \"{p}.dv\"").error?.contains("the path of 'import' must be written out") == true)
        let interpreter = Interpreter(host: nil, lang: .en, output: { _ in })
        do {
            try interpreter.run(SourceText(name: "a.dv", text: "import \"m.dv\""))
            Issue.record("expected an error")
        } catch {
            #expect(interpreter.render(error).contains("cannot import \"m.dv\": this program runs where files cannot be read"))
        }
    }
}

@Suite struct ShowTests {
    @Test func topLevelValuesAreShownWhenAsked() {
        let script = "1 + 1\nprint(\"p\")\nlet x = 3\nnull\nfn f() { 5 }\nf()\nif true { 7 }\n[x, \"a\"]"
        let result = runScript(script, showing: true)
        // Only top-level expression statements with a non-null value; not inside blocks.
        #expect(result.shown == ["2", "[3, \"a\"]"])
        #expect(result.output == ["p"])
        #expect(runScript(script).shown.isEmpty)
    }

    @Test func aStatementThatChangesDataShowsNothing() {
        let result = runScript("insert fields {code: \"X\", name: \"X\"}\nfields | count", showing: true)
        #expect(result.error == nil, "\(result.error ?? "")")
        #expect(result.shown.count == 1)
    }

    @Test func showHandsAnyValueToTheHookAndPrintStaysPlain() {
        let result = runScript("for i in range(2) { show({n: i}) }\nprint({n: 9})")
        #expect(result.shown == ["{n: 0}", "{n: 1}"])
        #expect(result.output == ["{n: 9}"])
    }

    @Test func withoutAHookShowPrints() {
        #expect(runProgram("show([1, 2])").output == ["[1, 2]"])
    }

    @Test func argsIsTheListOfArguments() {
        #expect(runScript("print(args, len(args))", arguments: ["a", "b c"]).output == ["[\"a\", \"b c\"] 2"])
        #expect(runScript("print(args)", arguments: []).output == ["[]"])
    }
}
