// Issue 12 in the CSV layer: formula marks on export and their removal on import (export →
// import gives back every text byte for byte, `raw` writes texts as stored); the reader's
// field and record limits, which end the reading with the record's line; infinity and NaN
// refused in a number column.
@testable import DanVanCSV
import DanVanStore
import Foundation
import GRDB
import Testing

@Suite struct CSVSafetyTests {
    /// Unit names a spreadsheet would run, and one a person wrote with their own quote.
    static let names = ["=HYPERLINK(\"http://evil\",\"x\")", "+SUM(1,2)", "-5 điểm", "@SUM(1)",
                        "=cmd|' /C calc'!A0", "\tTab", "\rCR", "'=quoted", "'plain"]

    static func storeWithFormulaNames(in directory: String) throws -> Store {
        let store = try CSVFixtures.filledStore(in: directory)
        try store.pool.write { db in
            try db.execute(sql: "UPDATE units SET name = ? WHERE id = 1", arguments: [names[0]])
            for (index, name) in names.enumerated().dropFirst() {
                try db.execute(sql: "INSERT INTO units (id, code, name, kind, level, status) VALUES (?, ?, ?, 'ward', 'commune', 'active')",
                               arguments: [100 + index, "F\(index)", name])
            }
            try db.execute(sql: "UPDATE units SET short_name = ?, phone = ? WHERE id = 2", arguments: ["-x", "+84 203"])
            try Store.refreshSearchKeys(db)
        }
        return store
    }

    static func export(_ store: Store, raw: Bool) throws -> String {
        let units = try #require(CSVNames.table(named: "units"))
        let output = ByteOutput()
        try CSVExporter.export(table: units, from: store, to: output, options: CSVExportOptions(bom: false, raw: raw))
        return String(decoding: output.memory, as: UTF8.self)
    }

    @Test func exportMarksFormulaTextsAndRawDoesNot() throws {
        let directory = try CSVFixtures.temporaryDirectory()
        defer { CSVFixtures.cleanUp(directory) }
        let store = try Self.storeWithFormulaNames(in: directory)
        let marked = try Self.export(store, raw: false)
        #expect(marked.contains("\r\n1,TP,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","))
        #expect(marked.contains(",'-5 điểm,"))
        #expect(marked.contains(",'@SUM(1),"))
        #expect(marked.contains(",'+SUM(1,2)") || marked.contains(",\"'+SUM(1,2)\","))
        #expect(marked.contains(",'\tTab,"))
        #expect(marked.contains(",\"'\rCR\","))
        #expect(marked.contains(",''=quoted,"))
        #expect(marked.contains(",'plain,"))
        #expect(marked.contains(",'-x,") && marked.contains(",'+84 203\r\n"))
        // No field of the marked file starts with a formula character.
        var reader = CSVReader(text: marked)
        var record = CSVRecord()
        while try reader.next(into: &record) {
            for field in record.strings {
                #expect(!["=", "+", "-", "@", "\t", "\r"].contains(field.first.map(String.init) ?? ""), "\(field)")
            }
        }
        let raw = try Self.export(store, raw: true)
        #expect(raw.contains("\r\n1,TP,\"=HYPERLINK("))
        #expect(raw.contains(",-5 điểm,") && raw.contains(",'=quoted,"))
        #expect(!raw.contains("''"))
    }

    @Test func importTakesTheMarkOffSoExportThenImportLosesNothing() throws {
        let directory = try CSVFixtures.temporaryDirectory()
        defer { CSVFixtures.cleanUp(directory) }
        let source = try Self.storeWithFormulaNames(in: directory)
        _ = try CSVExporter.exportAll(from: source, to: directory + "/csv")
        let target = try Store(path: directory + "/target.db")
        let sources = Catalog.tables.map { ImportSource(table: $0, path: directory + "/csv/" + CSVExporter.fileName(of: $0)) }
        try CSVImporter.importFiles(sources, into: target, options: CSVImportOptions(normalizeText: false))
        for table in Catalog.tables {
            #expect(try CSVFixtures.rows(table.name, in: source) == CSVFixtures.rows(table.name, in: target), "\(table.name)")
        }
        let names = try target.pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM units ORDER BY id") }
        for name in Self.names { #expect(names.contains(name), "\(name)") }
    }

    @Test func aRawExportImportedRawIsKeptAsItIs() throws {
        let directory = try CSVFixtures.temporaryDirectory()
        defer { CSVFixtures.cleanUp(directory) }
        let units = try #require(CSVNames.table(named: "units"))
        let path = try CSVFixtures.write("id,code,name,kind,level,status\r\n1,A,'=x,ward,commune,active\r\n2,B,'-5,ward,commune,active\r\n",
                                         to: directory, name: "units.csv")
        let kept = try Store(path: directory + "/kept.db")
        try CSVImporter.importFiles([ImportSource(table: units, path: path)], into: kept, options: CSVImportOptions(raw: true))
        #expect(try kept.pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM units ORDER BY id") } == ["'=x", "'-5"])
        let unmarked = try Store(path: directory + "/unmarked.db")
        try CSVImporter.importFiles([ImportSource(table: units, path: path)], into: unmarked)
        #expect(try unmarked.pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM units ORDER BY id") } == ["=x", "-5"])
    }

    // MARK: - Limits

    static func records(_ text: String, _ limits: CSVLimits) throws -> [(line: Int, fields: Int, problem: CSVSyntaxProblem?)] {
        var reader = CSVReader(text: text, limits: limits)
        var record = CSVRecord()
        var out: [(Int, Int, CSVSyntaxProblem?)] = []
        while try reader.next(into: &record) { out.append((record.line, record.count, record.problem)) }
        return out
    }

    @Test func aFieldPastTheLimitEndsTheReadingAtItsLine() throws {
        let limits = CSVLimits(fieldBytes: 8, recordBytes: 100)
        // Exactly at the limit is fine, quoted or not.
        let fits = try Self.records("12345678,\"abcdefgh\"\r\nx\r\n", limits)
        #expect(fits.map(\.problem) == [nil, nil])
        let unquoted = try Self.records("a,b\r\nc,123456789,d\r\nnever,read\r\n", limits)
        #expect(unquoted.map(\.line) == [1, 2])
        #expect(unquoted.last?.problem == .tooLarge(.field, limit: 8))
        let quoted = try Self.records("a\r\n\"1\n2\n3\n4\n5\"\r\n", limits)
        #expect(quoted.last?.line == 2 && quoted.last?.problem == .tooLarge(.field, limit: 8))
        // The last field of a file without a line end.
        let last = try Self.records("a\r\n123456789", limits)
        #expect(last.last?.problem == .tooLarge(.field, limit: 8))
    }

    @Test func aRecordPastTheLimitEndsTheReadingToo() throws {
        let limits = CSVLimits(fieldBytes: 8, recordBytes: 20)
        let wide = try Self.records("a\r\n" + Array(repeating: "abcdef", count: 4).joined(separator: ",") + "\r\nb\r\n", limits)
        #expect(wide.count == 2 && wide.last?.line == 2 && wide.last?.problem == .tooLarge(.record, limit: 20))
        // A line of commas alone counts: each field is one.
        let commas = try Self.records(String(repeating: ",", count: 50), limits)
        #expect(commas.count == 1 && commas.first?.problem == .tooLarge(.record, limit: 20))
    }

    @Test func theDefaultLimitsAreGenerous() throws {
        #expect(CSVLimits.standard.fieldBytes == 1 << 20 && CSVLimits.standard.recordBytes == 16 << 20)
        let big = String(repeating: "x", count: 1 << 20)
        let records = try Self.records("a,b\r\n" + big + ",y\r\n", .standard)
        #expect(records.map(\.problem) == [nil, nil])
        let over = try Self.records("a,b\r\n" + big + "x,y\r\n", .standard)
        #expect(over.last?.problem == .tooLarge(.field, limit: 1 << 20))
    }

    @Test func aTooLargeFieldIsABadFileWithItsLineAndNothingImported() throws {
        let directory = try CSVFixtures.temporaryDirectory()
        defer { CSVFixtures.cleanUp(directory) }
        let units = try #require(CSVNames.table(named: "units"))
        let path = try CSVFixtures.write("id,code,name,kind,level,status\r\n1,A,"
                                         + String(repeating: "y", count: (1 << 20) + 1) + ",ward,commune,active\r\n",
                                         to: directory, name: "units.csv")
        let store = try Store(path: directory + "/t.db")
        var messages: (en: String, vi: String) = ("", "")
        do {
            try CSVImporter.importFiles([ImportSource(table: units, path: path)], into: store)
            Issue.record("a field past the limit was imported")
        } catch {
            // (Binding the typed error in a `catch let` crashes the Swift 6.3.1 compiler here.)
            messages = (error.messages(.en).joined(separator: "\n"), error.messages(.vi).joined(separator: "\n"))
        }
        #expect(messages.en.contains("units.csv:2: a field longer than 1048576 bytes; reading stopped here"), "\(messages.en)")
        #expect(messages.vi.contains("units.csv:2: một trường dài quá 1048576 byte"), "\(messages.vi)")
        #expect(try store.count("units") == 0)
    }

    // MARK: - Numbers

    @Test func infinityAndNaNAreRefusedInANumberColumn() throws {
        let points = CellParser(column: try CSVCellTests.column("scores", "points"))
        for text in ["1e999", "-1e999", "inf", "Infinity", "nan", "NaN", " 1e400 "] {
            guard case .problem(.notFinite(let value)) = points.parse(text, quoted: false) else {
                Issue.record("\(text) must be refused as not finite"); continue
            }
            #expect(value == text)
            #expect(CSVProblem.Reason.notFinite(value: text).message(.en) == "'\(text)' is not a finite number (too large, infinite or not a number)")
        }
        guard case .value(let large) = points.parse("1e308", quoted: false) else { Issue.record("1e308 is finite"); return }
        #expect(large == (1e308).databaseValue)
    }
}
