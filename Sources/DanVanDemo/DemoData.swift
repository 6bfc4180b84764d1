// The entry point of the demo data set (issue #2, domain.md §4): one call writes a whole
// fictional city, Thành phố Đông Sơn, from 2009 to the end of November 2025, inside one
// write transaction, so that a failure leaves the database as it was. The phases live in
// the `DemoBuilder+*.swift` files, in the order they run.
import DanVanStore
import GRDB
import VietText

public enum DemoData {
    /// Writes the demo data set into `store`, which must hold no rows yet, and returns what it wrote.
    /// `progress` is called now and then with the work done and the total, both in rows.
    public static func generate(into store: Store, options: DemoOptions,
                                progress: ((_ done: Int, _ total: Int) -> Void)?) throws -> DemoSummary {
        guard (1...DemoOptions.maxScale).contains(options.scale) else { throw DemoError.badScale(options.scale) }
        let anomalies = try store.pool.write { db -> [DemoAnomaly] in
            if try !isEmpty(db) { throw DemoError.notEmpty(path: store.path) }
            // A larger page cache for this connection while it writes: the indexes of `models`
            // take random inserts, and at `--scale 100` they outgrow SQLite's 2 MB default.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = \(Self.writingCacheSize)")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            let builder = try DemoBuilder(db: db, options: options, progress: progress)
            try builder.run()
            return builder.anomalies
        }
        let counts = try store.pool.read { db in
            try Catalog.tables.map { table in
                DemoSummary.TableCount(
                    table: table.name,
                    count: try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name.quotedDatabaseIdentifier)") ?? 0)
            }
        }
        return DemoSummary(options: options, counts: counts, anomalies: anomalies)
    }

    /// The page cache while writing, in KiB (SQLite's negative form): 256 MB.
    static let writingCacheSize = -262_144

    /// True when no table of the catalog holds a row.
    static func isEmpty(_ db: Database) throws -> Bool {
        for table in Catalog.tables where try db.tableExists(table.name) {
            let any = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.name.quotedDatabaseIdentifier))") ?? false
            if any { return false }
        }
        return true
    }
}

/// Holds the state of one generation run; each phase is an extension in its own file.
final class DemoBuilder {
    let options: DemoOptions
    let scale: Int
    let writer: DemoWriter
    private let progressHandler: ((Int, Int) -> Void)?
    private var progressDone = 0
    private var progressTotal = 0
    private var lastReported = -1

    var anomalies: [DemoAnomaly] = []

    // Organisation (indices into `units`).
    var units: [DemoUnit] = []
    var city = 0, thanhUy = 0, danVanBoard = 0, propagandaBoard = 0, mergedBoard = 0, peoplesCommittee = 0, cityFront = 0
    var cityOrgs: [Int] = []
    var blocsBefore: [Int] = [], blocsAfter: [Int] = []
    var departmentsBefore: [Int] = [], departmentsAfter: [Int] = []
    var districts: [Int] = []
    var oldCommunes: [Int] = [], newCommunes: [Int] = []
    var oldMassOrgs: [Int] = [], newMassOrgs: [Int] = []
    var residentials: [Int] = []
    /// The two active communes that register nothing, and the merged unit that kept its active models.
    var silentCommunes: [Int] = []
    var staleUnit = -1
    /// The duplicate unit records (index of the duplicate, index of the original).
    var duplicates: [(duplicate: Int, original: Int)] = []
    var clusterIDs: [Int64] = []

    // People.
    var people: [DemoPerson] = []

    // Catalogues.
    var fieldIDs: [Int64] = []
    var movementIDs: [(id: Int64, from: Int, to: Int)] = []
    var formIDs: [String: Int64] = [:]

    /// The stream for partners and tags, apart from the models' own, so that models are the
    /// same whether or not the schema has those tables.
    var extrasRandom = DemoRandom(seed: 0, stream: "")

    // Models, by year, for awards and replication.
    var models: [DemoModelRecord] = []
    /// Recognition decisions already numbered, by issuer, level and year: one decision
    /// recognises many models (domain.md §2.2).
    var decisions: [String: DemoDecision] = [:]
    /// The lead unit of each cluster (1...6 → index 0...5) by year, for the Cờ thi đua awards.
    var clusterLeads: [Int: [Int]] = [:]

    init(db: Database, options: DemoOptions, progress: ((Int, Int) -> Void)?) throws {
        self.options = options
        self.scale = options.scale
        self.writer = try DemoWriter(db)
        self.progressHandler = progress
    }

    func random(_ stream: String) -> DemoRandom {
        DemoRandom(seed: options.seed, stream: stream)
    }

    /// The id a unit gets: units are written in index order into an empty table.
    func id(_ unit: Int) -> Int64 { Int64(unit + 1) }
    func personID(_ person: Int) -> Int64 { Int64(person + 1) }

    /// The planned work in rows, by phase; used only for the progress bar.
    var plannedModels: Int { 3000 * scale }

    func run() throws {
        progressTotal = 1000 * scale + 800 * scale + plannedModels * 6 + 1700 * scale + 5000 + 600 * scale + plannedModels
        report(0)
        try buildOrganisation()
        try writeOrganisation()
        advance(to: 1000 * scale)
        try buildPeople()
        advance(to: 1800 * scale)
        try writeCatalogues()
        try writeModels()
        advance(to: 1800 * scale + plannedModels * 6)
        try writeAwards()
        advance(to: 3500 * scale + plannedModels * 6)
        try writeContests()
        try writeReports()
        try writeInspections()
        advance(to: progressTotal - plannedModels)
        try seedAnomalies()
        try Store.refreshSearchKeys(writer.db)
        advance(to: progressTotal)
    }

    /// Adds `rows` of work done.
    func step(_ rows: Int) {
        progressDone += rows
        report(progressDone)
    }

    func advance(to done: Int) {
        progressDone = max(progressDone, done)
        report(progressDone)
    }

    private func report(_ done: Int) {
        guard let progressHandler else { return }
        let clamped = min(done, progressTotal)
        // Report each thousandth at most: the handler may draw on a terminal.
        let permille = progressTotal > 0 ? clamped * 1000 / progressTotal : 1000
        guard permille != lastReported else { return }
        lastReported = permille
        progressHandler(clamped, progressTotal)
    }
}
