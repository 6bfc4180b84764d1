// The same pipelines run two ways on the demo data — answered by SQL as far as the host can,
// and wholly in memory (`pushdown: false`, what DANVAN_PUSHDOWN=off selects) — must print the
// same, byte for byte, errors included. Two sources of pipelines: the hand-written programs in
// Pipelines/*.dv (the typical questions, edge cases: NULL, ties, NFD text, integer vs decimal,
// empty inputs) and a generator of random pipelines over several tables (filters with
// and/or/not, navigations, relations, `~`, sorts, groups by one or two keys with aggregates, take/skip, select,
// count, first), seeded so that a failure can be replayed.
import Foundation
import GRDB
import Testing
import DanVanDemo
import DanVanLang
import DanVanStore
import VietText
@testable import DanVanDomain

private let demo: Result<Store, Error> = Result {
    let dir = NSTemporaryDirectory() + "danvan-pushdown-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let store = try Store(path: dir + "/demo.db")
    _ = try DemoData.generate(into: store, options: DemoOptions(), progress: nil)
    return store
}

/// Runs programs on one host, keeping its caches between them (the data does not change).
private final class Runner {
    let host: DomainHost
    var printed: [String] = []
    let interpreter: Interpreter

    init(store: Store, pushdown: Bool) {
        host = DomainHost(store: store, pushdown: pushdown)
        let box = Box()
        interpreter = Interpreter(host: host, lang: .en, output: { box.lines.append($0) })
        self.box = box
    }

    private let box: Box
    private final class Box { var lines: [String] = [] }

    /// What `code` printed, or its error as the user would see it.
    func run(_ code: String, name: String = "<test>") -> String {
        box.lines = []
        do {
            try host.snapshot {
                do throws(LangError) {
                    try interpreter.run(SourceText(name: name, text: code))
                } catch {
                    box.lines.append("error: " + interpreter.render(error))
                }
            }
        } catch {
            box.lines.append("host error: \(error)")
        }
        return box.lines.joined(separator: "\n")
    }
}

@Suite struct PushdownDifferentialTests {
    @Test func handWrittenProgramsPrintTheSameBothWays() throws {
        let store = try demo.get()
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Pipelines")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".dv") }.sorted()
        #expect(files.count >= 3)
        for file in files {
            let code = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            // Each file is a script of its own: its globals must not reach the next one.
            let sql = Runner(store: store, pushdown: true), memory = Runner(store: store, pushdown: false)
            let pushed = sql.run(code, name: file), inMemory = memory.run(code, name: file)
            #expect(pushed == inMemory, "\(file): SQL and memory differ")
            #expect(!pushed.isEmpty, "\(file) printed nothing")
            #expect(!pushed.contains("error:"), "\(file): \(pushed)")
        }
    }

    /// Every golden program of the language's suite, run on the demo data both ways: their
    /// expectations are written for the language's test host, so here only the two paths are
    /// compared with each other, output and errors alike.
    @Test func everyGoldenProgramPrintsTheSameBothWays() throws {
        let store = try demo.get()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DanVanLangTests/Golden")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else {
            Issue.record("no golden folder at \(root.path)")
            return
        }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            if path.hasSuffix(".dv") { files.append(path) }
        }
        files.sort()
        #expect(files.count > 100)
        var readingTables = 0
        for file in files {
            let code = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let sql = Runner(store: store, pushdown: true), memory = Runner(store: store, pushdown: false)
            let pushed = sql.run(code, name: file), inMemory = memory.run(code, name: file)
            #expect(pushed == inMemory, "\(file): SQL and memory differ\n--- SQL:\n\(pushed.prefix(800))\n--- memory:\n\(inMemory.prefix(800))")
            if sql.host.statements > 0 { readingTables += 1 }
        }
        #expect(readingTables >= 10, "golden programs that read tables: \(readingTables)")
    }

    /// The README's examples of the language answer on the demo data, the same both ways.
    @Test func readmeExamplesAnswerBothWays() throws {
        let store = try demo.get()
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let start = text.range(of: "Examples of the language") else {
            Issue.record("the README has no examples of the language")
            return
        }
        let examples = text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasPrefix("    ") }.prefix { $0.hasPrefix("    ") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(examples.count >= 4)
        for example in examples {
            let sql = Runner(store: store, pushdown: true), memory = Runner(store: store, pushdown: false)
            let pushed = sql.run("print(\(example))"), inMemory = memory.run("print(\(example))")
            #expect(pushed == inMemory, "\(example)")
            #expect(!pushed.contains("error") && pushed != "[]" && pushed != "0", "\(example): \(pushed)")
        }
    }

    @Test func randomPipelinesPrintTheSameBothWays() throws {
        let store = try demo.get()
        let sql = Runner(store: store, pushdown: true), memory = Runner(store: store, pushdown: false)
        let seed = UInt64(ProcessInfo.processInfo.environment["DANVAN_FUZZ_SEED"] ?? "") ?? 20261201
        let count = Int(ProcessInfo.processInfo.environment["DANVAN_FUZZ_COUNT"] ?? "") ?? 400
        var generator = try PipelineGenerator(store: store, host: sql.host, seed: seed)
        var differing = 0, answered = 0
        for index in 0..<count {
            let code = generator.next()
            let pushed = sql.run(code), inMemory = memory.run(code)
            if pushed != inMemory {
                differing += 1
                if let path = ProcessInfo.processInfo.environment["DANVAN_FUZZ_LOG"] {
                    let entry = "=== #\(index)\n\(code)\n--- SQL:\n\(pushed)\n--- memory:\n\(inMemory)\n"
                    if let handle = FileHandle(forWritingAtPath: path) {
                        handle.seekToEndOfFile()
                        handle.write(Data(entry.utf8))
                        handle.closeFile()
                    } else {
                        FileManager.default.createFile(atPath: path, contents: Data(entry.utf8))
                    }
                }
                if differing <= 5 {
                    Issue.record("""
                        pipeline #\(index) (seed \(seed)) differs:
                        \(code)
                        --- SQL:
                        \(pushed.prefix(1500))
                        --- memory:
                        \(inMemory.prefix(1500))
                        """)
                }
            }
            if !pushed.hasPrefix("error:") { answered += 1 }
        }
        #expect(differing == 0)
        // Most generated pipelines must be valid programs, or the test checks little.
        #expect(answered * 10 >= count * 7, "only \(answered) of \(count) generated pipelines ran")
    }
}

/// Random pipelines over the demo data, with literals taken from the data itself so that
/// filters match something.
struct PipelineGenerator {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A column a pipeline can name from its source row: its path and kind.
    struct Path {
        let text: String
        let kind: ColumnKind
        let samples: [String]
    }

    var random: Generator
    var tables: [(name: String, paths: [Path], relations: [String])] = []

    init(store: Store, host: DomainHost, seed: UInt64) throws {
        random = Generator(state: seed)
        for name in ["models", "units", "people", "teams", "evaluations", "awards"] {
            guard let schema = host.table(named: name)?.schema else { continue }
            var paths: [Path] = []
            func add(_ schema: RowSchema, prefix: String, depth: Int) throws {
                for (index, column) in schema.columns.enumerated() {
                    let kind = schema.kinds[index]
                    if column == "search_key" || column == "description" || column == "method" || column == "result" { continue }
                    if case .reference(let target) = kind {
                        if depth < 1, let targetSchema = host.table(named: target)?.schema {
                            try add(targetSchema, prefix: prefix + column + ".", depth: depth + 1)
                        }
                        continue
                    }
                    let stored = Catalog.table(named: schema.table)?.columns.contains { $0.name == column } ?? false
                    let samples: [String] = stored ? try store.pool.read { db in
                        try String.fetchAll(db, sql: """
                            SELECT DISTINCT CAST(\(column.quotedDatabaseIdentifier) AS TEXT) FROM \(schema.table.quotedDatabaseIdentifier)
                            WHERE \(column.quotedDatabaseIdentifier) IS NOT NULL ORDER BY random() LIMIT 12
                            """)
                    } : []
                    paths.append(Path(text: prefix + column, kind: kind, samples: samples))
                }
            }
            try add(schema, prefix: "", depth: 0)
            let relations = schema.links.compactMap { name, link -> String? in
                if case .relation = link, !name.contains("_") || Catalog.table(named: name) != nil { return name }
                return nil
            }.sorted()
            tables.append((name, paths, relations))
        }
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    mutating func literal(_ path: Path) -> String {
        if path.samples.isEmpty || chance(8) { return "null" }
        let sample = pick(path.samples)
        switch path.kind {
        case .integer: return Int64(sample).map(String.init) ?? "0"
        case .decimal: return Double(sample).map { String($0) } ?? "0.5"
        case .bool: return sample == "1" ? "true" : "false"
        case .date: return "date(\"\(sample.prefix(10))\")"
        default:
            let escaped = sample.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "{", with: "\\{")
            return "\"" + escaped + "\""
        }
    }

    mutating func condition(_ table: (name: String, paths: [Path], relations: [String]), depth: Int = 0) -> String {
        if depth < 2, chance(30) {
            let op = pick(["and", "or"])
            return "(\(condition(table, depth: depth + 1)) \(op) \(condition(table, depth: depth + 1)))"
        }
        if depth < 2, chance(10) { return "not (\(condition(table, depth: depth + 1)))" }
        if chance(8) {
            let path = pick(table.paths)
            let items = (0..<Int(random.next() % 3)).map { _ in literal(path) }.filter { $0 != "null" }
            return "contains([\(items.joined(separator: ", "))], \(path.text))"
        }
        if !table.relations.isEmpty, chance(10) {
            return "len(\(pick(table.relations))) \(pick(["==", ">", "!="])) \(pick([0, 0, 1, 3]))"
        }
        let path = pick(table.paths)
        if path.kind == .text, !path.samples.isEmpty, chance(25) {
            let words = pick(path.samples).split(separator: " ")
            if let word = words.randomElement(using: &random) {
                return "\(path.text) ~ \"\(VietFold.fold(String(word.prefix(3))).replacingOccurrences(of: "\"", with: ""))\""
            }
        }
        let ops: [String]
        switch path.kind {
        case .integer, .decimal, .date: ops = ["==", "!=", "<", "<=", ">", ">="]
        case .text: ops = ["==", "!=", "==", "<", ">="]
        default: ops = ["==", "!="]
        }
        return "\(path.text) \(pick(ops)) \(literal(path))"
    }

    mutating func next() -> String {
        let table = pick(tables)
        var code = table.name
        for _ in 0..<Int(random.next() % 3) { code += " | where " + condition(table) }
        let ordered = table.paths.filter { $0.kind != .bool }
        if chance(50) {
            let keys = (0..<(chance(30) ? 2 : 1)).map { _ in pick(ordered).text + (chance(40) ? " desc" : "") }
            code += " | sort " + keys.joined(separator: ", ")
        }
        if chance(25) { code += " | skip \(pick([0, 1, 5, 40]))" }
        if chance(40) { code += " | take \(pick([0, 1, 3, 10, 50]))" }
        switch random.next() % 7 {
        case 6:
            let numbers = table.paths.filter { $0.kind == .integer || $0.kind == .decimal || $0.kind == .text }
            if let number = numbers.randomElement(using: &random) {
                let aggregate = number.kind == .text ? pick(["min", "max"]) : pick(["sum", "avg", "min", "max"])
                code += " | \(aggregate)(x => x.\(number.text))"
            } else {
                code += " | count"
            }
        case 0:
            code += " | count"
        case 1:
            code += " | first"
        case 2, 3:
            let key = pick(ordered)
            let numbers = table.paths.filter { $0.kind == .integer || $0.kind == .decimal }
            var fields = ["k: key", "n: count()"]
            if let number = numbers.randomElement(using: &random) {
                let aggregate = pick(["sum", "avg", "min", "max"])
                fields.append("a: \(aggregate)(\(number.text))")
            }
            if key.kind == .text, chance(50) { fields.append("m: min(\(key.text))") }
            if chance(40), let second = ordered.filter({ $0.text != key.text }).randomElement(using: &random) {
                // Two keys: `key` is a record, its fields named `a` and `b`.
                fields[0] = "ka: key.a, kb: key.b"
                code += " | group by a: \(key.text), b: \(second.text) | select \(fields.joined(separator: ", "))"
            } else {
                code += " | group by \(key.text) | select \(fields.joined(separator: ", "))"
            }
            if chance(50) { code += " | sort n desc" }
            if chance(30) { code += " | take 5" }
        default:
            let columns = (0..<Int(1 + random.next() % 3)).map { _ in pick(table.paths).text }
            var seen: Set<String> = []
            let unique = columns.filter { seen.insert($0).inserted }
            code += " | select " + unique.joined(separator: ", ")
            if chance(30) { code += " | count" }
        }
        return "print(\(code))"
    }
}

@Suite struct BatchedReferencesTests {
    /// References and relations met in memory are fetched for all the rows of a result at once
    /// (`WHERE id IN (...)`), not one statement per row nor the whole table, and the answers
    /// are those of whole tables in memory.
    @Test func referencesAndRelationsInMemoryComeInBatches() throws {
        let store = try demo.get()
        let code = """
            let good = evaluations | where score > 90 | distinct
            print(len(good))
            print(good | map(e => e.model.title + " / " + e.model.unit.name) | sort | take 5)
            print(units | where kind == "district" | distinct | map(u => len(u.models)))
            """
        let batched = DomainHost(store: store)
        var printed: [String] = []
        let interpreter = Interpreter(host: batched, lang: .en, output: { printed.append($0) })
        try interpreter.run(SourceText(name: "<test>", text: code))
        let whole = Runner(store: store, pushdown: false).run(code)
        #expect(printed.joined(separator: "\n") == whole)
        let rows = Int(printed.first ?? "") ?? 0
        #expect(rows > 50, "enough rows to tell a batch from a loop")
        #expect(batched.statements < 20, "\(batched.statements) statements for \(rows) rows")
    }
}
