// The demo data set survives `export --all` then `import --all` into a fresh database: every
// row of every table, the seeded anomalies (NFD text, "Ð", stray spaces) included.
import DanVanCSV
import DanVanDemo
import DanVanStore
import Foundation
import GRDB
import Testing

@Test func demoDataRoundTripsThroughCSV() throws {
    let directory = try CSVFixtures.temporaryDirectory()
    defer { CSVFixtures.cleanUp(directory) }
    let source = try Store(path: directory + "/demo.db")
    _ = try DemoData.generate(into: source, options: DemoOptions(), progress: nil)
    let exportDirectory = directory + "/export"
    _ = try CSVExporter.exportAll(from: source, to: exportDirectory)
    let found = CSVImporter.sources(inDirectory: exportDirectory) { FileManager.default.fileExists(atPath: $0) }
    #expect(found.missing.isEmpty)
    let target = try Store(path: directory + "/copy.db")
    _ = try CSVImporter.importFiles(found.sources, into: target, options: CSVImportOptions(normalizeText: false))
    var total = 0
    for table in Catalog.tables {
        let before = try CSVFixtures.rows(table.name, in: source)
        let after = try CSVFixtures.rows(table.name, in: target)
        total += before.count
        #expect(before == after, "table \(table.name) differs after the round trip")
    }
    #expect(total > 10_000)
}
