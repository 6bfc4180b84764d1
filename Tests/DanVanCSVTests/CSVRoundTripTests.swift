// Export then import gives back every row: `export --all` into a directory and `import --all`
// into a fresh database reproduce every table byte for byte (derived columns included, after
// the importer recomputes them); single tables too, with Vietnamese headers and no BOM.
import DanVanCSV
import DanVanStore
import Foundation
import GRDB
import Testing

@Suite struct CSVRoundTripTests {
    @Test func fixtureCoversEveryTable() throws {
        let directory = try CSVFixtures.temporaryDirectory()
        defer { CSVFixtures.cleanUp(directory) }
        let store = try CSVFixtures.filledStore(in: directory)
        for table in Catalog.tables {
            #expect(try store.count(table.name) >= 1, "no fixture row in \(table.name)")
        }
    }

    @Test func exportAllThenImportAllReproducesEveryRow() throws {
        let directory = try CSVFixtures.temporaryDirectory()
        defer { CSVFixtures.cleanUp(directory) }
        let source = try CSVFixtures.filledStore(in: directory)
        let exportDirectory = directory + "/export"
        let counts = try CSVExporter.exportAll(from: source, to: exportDirectory)
        #expect(counts.map(\.table) == Catalog.tables.map(\.name))
        let files = try FileManager.default.contentsOfDirectory(atPath: exportDirectory).sorted()
        // One file per table, and the manifest written last, which the folder passes.
        #expect(files == (Catalog.tables.map { $0.name + ".csv" } + [ExportManifest.fileName]).sorted())
        #expect(ExportManifest.verify(directory: exportDirectory) == nil)

        let found = CSVImporter.sources(inDirectory: exportDirectory) { FileManager.default.fileExists(atPath: $0) }
        #expect(found.missing.isEmpty)
        let target = try Store(path: directory + "/target.db")
        let report = try CSVImporter.importFiles(found.sources, into: target,
                                                 options: CSVImportOptions(normalizeText: false))
        #expect(report.normalizedValues == 0)
        for table in Catalog.tables {
            let before = try CSVFixtures.rows(table.name, in: source)
            let after = try CSVFixtures.rows(table.name, in: target)
            #expect(before == after, "table \(table.name) differs after the round trip")
            let imported = report.rows.first { $0.table == table.name }?.count
            #expect(imported == before.count)
        }
        // The NFD name survived as NFD (an exact restore).
        let name = try target.pool.read { db in try String.fetchOne(db, sql: "SELECT name FROM units WHERE id = 2") }
        #expect(name.map { Array($0.utf8) } == Array(CSVFixtures.nfdWard.utf8))
    }

    @Test func importAllIsAllOrNothingAcrossFiles() throws {
        let directory = try CSVFixtures.temporaryDirectory()
        defer { CSVFixtures.cleanUp(directory) }
        let source = try CSVFixtures.filledStore(in: directory)
        let exportDirectory = directory + "/export"
        try CSVExporter.exportAll(from: source, to: exportDirectory)
        let found = CSVImporter.sources(inDirectory: exportDirectory) { FileManager.default.fileExists(atPath: $0) }

        // A second restore into the same database clashes on every id: nothing changes.
        let before = try Catalog.tables.map { try CSVFixtures.rows($0.name, in: source) }
        do {
            try CSVImporter.importFiles(found.sources, into: source, options: CSVImportOptions(normalizeText: false))
            Issue.record("importing the same rows twice must fail")
        } catch {
            guard case .invalid(let problems, let total) = error else { throw error }
            #expect(problems.count == 20)
            #expect(total > 20)
            #expect(problems.first?.line == 2)
            #expect(problems.first?.file.hasSuffix("clusters.csv") == true)
        }
        #expect(try Catalog.tables.map { try CSVFixtures.rows($0.name, in: source) } == before)

        // One bad row in the last file keeps every earlier file out of a fresh database.
        let last = try #require(found.sources.last)
        var text = try String(contentsOfFile: last.path, encoding: .utf8)
        text += "99,2,2025-13-45,Đoàn,Nội dung,,,\r\n"
        try text.write(toFile: last.path, atomically: true, encoding: .utf8)
        let target = try Store(path: directory + "/target.db")
        do {
            try CSVImporter.importFiles(found.sources, into: target, options: CSVImportOptions(normalizeText: false))
            Issue.record("a bad row must stop the import")
        } catch {
            guard case .invalid(let problems, _) = error else { throw error }
            #expect(problems.map(\.line) == [3])
            #expect(problems.first?.column == "inspected_on")
        }
        for table in Catalog.tables {
            #expect(try target.count(table.name) == 0, "\(table.name) got rows")
        }
    }

    @Test func exportIsDeterministicAndMarksNullApartFromEmptyText() throws {
        let directory = try CSVFixtures.temporaryDirectory()
        defer { CSVFixtures.cleanUp(directory) }
        let store = try CSVFixtures.filledStore(in: directory)
        let units = try #require(CSVNames.table(named: "don_vi"))
        let first = ByteOutput()
        try CSVExporter.export(table: units, from: store, to: first)
        let second = ByteOutput()
        try CSVExporter.export(table: units, from: store, to: second)
        #expect(first.memory == second.memory)
        #expect(Array(first.memory.prefix(3)) == CSVWriter.byteOrderMark)
        let text = String(decoding: first.memory.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "id,code,name,short_name,kind,level,parent,status,valid_from,valid_to,phone")
        // Unit 1: short_name NULL (empty field), valid_to NULL; unit 3: short_name "" (quoted).
        #expect(lines[1] == "1,TP,Thành phố Hòa Bình,,city,city,,active,2009-01-01,,0203 3852 111")
        #expect(lines[3] == "3,P-TH-02,Phường 'Xanh – Sạch – Đẹp',\"\",ward,commune,4,active,,,")
    }

    @Test func singleTablesRoundTripWithVietnameseHeadersAndNoBOM() throws {
        let directory = try CSVFixtures.temporaryDirectory()
        defer { CSVFixtures.cleanUp(directory) }
        let source = try CSVFixtures.filledStore(in: directory)
        let target = try Store(path: directory + "/target.db")
        let options = CSVExportOptions(bom: false, header: .vietnamese)
        for name in ["units", "fields", "people", "movements", "models"] {
            let table = try #require(CSVNames.table(named: name))
            let path = directory + "/\(name).csv"
            try CSVExporter.export(table: table, from: source, toFile: path, options: options)
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(Array(bytes.prefix(3)) != CSVWriter.byteOrderMark)
            #expect(bytes.starts(with: Array("id,ma,".utf8)) || bytes.starts(with: Array("id,ten".utf8))
                    || bytes.starts(with: Array("id,ho,".utf8)))
            try CSVImporter.importFiles([ImportSource(table: table, path: path)], into: target,
                                        options: CSVImportOptions(normalizeText: false))
            #expect(try CSVFixtures.rows(name, in: source) == CSVFixtures.rows(name, in: target))
        }
    }

    @Test func everyColumnIsFoundByItsNameAndItsAlias() {
        for table in Catalog.tables {
            #expect(CSVNames.table(named: table.name)?.name == table.name)
            #expect(CSVNames.table(named: table.alias)?.name == table.name)
            for column in table.columns {
                #expect(CSVNames.column(in: table, header: column.name)?.name == column.name,
                        "\(table.name).\(column.name)")
                #expect(CSVNames.column(in: table, header: column.alias)?.name == column.name,
                        "\(table.name).\(column.alias)")
            }
        }
    }

    @Test func reals() throws {
        // The shortest form that reads back as the same Double: what export writes.
        for value in [0.1, 1e-7, 123456789.125, -2.5, 1e300, 0.3333333333333333, Double.leastNonzeroMagnitude, 30.0] {
            #expect(Double(value.description) == value)
        }
        #expect(1e-7.description == "1e-07")
    }
}
