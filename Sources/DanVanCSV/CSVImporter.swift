// `danvan import`: loads CSV files into their tables, all or nothing. Inside one immediate
// write transaction (so no other session changes the keys between checking and writing) it
// reads every file twice, streaming:
//   1. check: header, syntax, UTF-8, types, codes, NOT NULL, duplicate ids and codes,
//      references (to the database, to earlier files, or anywhere in the same file: a unit's
//      parent may come later in the file than the unit); nothing is written;
//   2. write, only when pass 1 found nothing: the same conversion again, then INSERT.
// Any SQLite error in pass 2 (a composite UNIQUE, a CHECK) rolls everything back too, and
// is reported with the line of the row. Search keys are recomputed before commit.
import DanVanStore
import GRDB
import VietText

public struct CSVImportOptions: Sendable {
    /// Store text in NFC (the store's form). Off for an exact restore of an export.
    public var normalizeText: Bool
    /// How many problems are listed before "... and N more errors".
    public var problemLimit: Int

    public init(normalizeText: Bool = true, problemLimit: Int = 20) {
        self.normalizeText = normalizeText
        self.problemLimit = problemLimit
    }
}

public struct ImportProgress: Sendable {
    public enum Phase: Sendable { case checking, writing }
    public let phase: Phase
    public let bytes: Int64
    public let totalBytes: Int64
}

public struct ImportReport: Sendable {
    /// Rows inserted per table, in import order.
    public var rows: [(table: String, count: Int)] = []
    /// Text values changed to NFC.
    public var normalizedValues = 0
}

public enum CSVImportError: Error, Sendable {
    /// Gives every failure of an import one shape, as `CSVExportError(wrapping:)` does.
    init(wrapping error: any Error) {
        switch error {
        case let error as CSVImportError: self = error
        case let error as CSVIOError: self = .io(error)
        case let error as DatabaseError: self = .database(error.message ?? "\(error)")
        default: self = .database("\(error)")
        }
    }

    /// The files are wrong; nothing was imported. `problems` are the first ones in file order.
    case invalid(problems: [CSVProblem], total: Int)
    case io(CSVIOError)
    case database(String)

    /// One line per problem, then "... and N more errors" and a summary.
    public func messages(_ lang: Lang) -> [String] {
        switch self {
        case .invalid(let problems, let total):
            var lines = problems.map { $0.message(lang) }
            if total > problems.count { lines.append(Messages.moreProblems(lang, total - problems.count)) }
            lines.append(Messages.nothingImported(lang, total))
            return lines
        case .io(let error):
            return [Localized(vi: "không đọc được {0}: {1}", en: "cannot read {0}: {1}")(lang, error.path, error.reason)]
        case .database(let reason):
            return [Localized(vi: "lỗi cơ sở dữ liệu, không nhập gì: {0}",
                              en: "database error, nothing was imported: {0}")(lang, reason)]
        }
    }
}

public enum CSVImporter {
    /// Bytes between progress reports: a few per 64 KB chunk would be wasted work.
    static let progressStep: Int64 = 256 * 1024

    /// The files of an `export --all` directory, in catalog (dependency) order, and the
    /// tables whose file is missing.
    public static func sources(inDirectory directory: String, exists: (String) -> Bool)
        -> (sources: [ImportSource], missing: [String]) {
        var sources: [ImportSource] = []
        var missing: [String] = []
        for table in Catalog.tables {
            let path = directory + "/" + CSVExporter.fileName(of: table)
            if exists(path) { sources.append(ImportSource(table: table, path: path)) } else { missing.append(path) }
        }
        return (sources, missing)
    }

    /// Imports `sources` in order, all in one transaction.
    @discardableResult
    public static func importFiles(_ sources: [ImportSource], into store: Store,
                                   options: CSVImportOptions = CSVImportOptions(),
                                   progress: ((ImportProgress) -> Void)? = nil) throws(CSVImportError) -> ImportReport {
        var inputs: [ByteInput] = []
        do {
            for source in sources { inputs.append(try ByteInput(path: source.path)) }
        } catch {
            throw .io(error)
        }
        let totalBytes = inputs.reduce(Int64(0)) { $0 + $1.size }
        var run = Run(sources: sources, options: options, totalBytes: totalBytes, progress: progress)
        do {
            try store.pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try run.perform(db: db, firstInputs: inputs)
                    return .commit
                }
            }
        } catch {
            throw CSVImportError(wrapping: error)
        }
        return run.report
    }
}

/// The state of one import.
private struct Run {
    let sources: [ImportSource]
    let options: CSVImportOptions
    let totalBytes: Int64
    let progress: ((ImportProgress) -> Void)?
    var problems: ProblemList
    var report = ImportReport()
    private var bytesDone: Int64 = 0
    private var lastReported: Int64 = 0

    init(sources: [ImportSource], options: CSVImportOptions, totalBytes: Int64,
         progress: ((ImportProgress) -> Void)?) {
        self.sources = sources
        self.options = options
        self.totalBytes = totalBytes
        self.progress = progress
        self.problems = ProblemList(limit: options.problemLimit)
    }

    mutating func perform(db: Database, firstInputs: [ByteInput]) throws {
        let keys = KeyIndex(db: db)
        var plans: [ImportPlan] = []
        for (index, source) in sources.enumerated() {
            if let plan = try check(source, index: index, input: firstInputs[index], db: db, keys: keys) {
                plans.append(plan)
            }
        }
        report(.checking, force: true)
        guard problems.isEmpty else {
            throw CSVImportError.invalid(problems: problems.first, total: problems.total)
        }
        // New rows get ids after every id the database and the files hold.
        for plan in plans {
            let tableKeys = try keys.keys(plan.table)
            let (first, overflow) = tableKeys.maxID.addingReportingOverflow(1)
            let (_, lastOverflow) = first.addingReportingOverflow(Int64(tableKeys.newRows))
            if tableKeys.newRows > 0 && (overflow || lastOverflow) {
                throw CSVImportError.invalid(problems: [CSVProblem(file: plan.source.path, line: 1, column: "id",
                                                                   reason: .noFreeID)], total: 1)
            }
            tableKeys.firstNewID = first
        }
        // References inside a file may point forward; check them at commit.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        bytesDone = 0
        lastReported = 0
        for plan in plans {
            let count = try write(plan, db: db, keys: keys)
            report.rows.append((plan.table.name, count))
        }
        report(.writing, force: true)
        try Store.refreshSearchKeys(db)
    }

    // MARK: Pass 1

    private mutating func check(_ source: ImportSource, index: Int, input: ByteInput, db: Database,
                                keys: KeyIndex) throws -> ImportPlan? {
        var reader = CSVReader(input: input)
        var record = CSVRecord()
        let tableKeys = try keys.keys(source.table)
        guard try reader.next(into: &record) else {
            add(source, index, line: 1, field: 0, column: nil, .emptyFile)
            tableKeys.unchecked = true
            return nil
        }
        let plan: ImportPlan
        switch try ImportPlan.make(source: source, fileIndex: index, header: record, db: db) {
        case .success(let made):
            plan = made
        case .failure(let batch):
            for problem in batch.items { problems.add(problem) }
            tableKeys.unchecked = true
            bytesDone += input.size
            return nil
        }
        var row = ConvertedRow()
        var deferred: [(line: Int, field: Int, header: String, key: ReferenceKey)] = []
        var readBefore: Int64 = 0
        while try reader.next(into: &record) {
            advance(&readBefore, reader.bytesRead, .checking)
            if record.isBlank && plan.fieldCount > 1 { continue }
            if let syntax = record.problem {
                add(source, index, line: record.line, field: 0, column: nil, .syntax(syntax))
                continue
            }
            guard record.count == plan.fieldCount else {
                add(source, index, line: record.line, field: 0, column: nil,
                    .fieldCount(expected: plan.fieldCount, got: record.count))
                continue
            }
            plan.convert(record, normalize: options.normalizeText, into: &row)
            report.normalizedValues += row.normalized
            for problem in row.problems {
                add(source, index, line: record.line, field: problem.fieldIndex, column: problem.header, problem.reason)
            }
            // Keys: a row's id and code are registered even when another field is wrong, so
            // that rows referring to it do not all report a missing reference as well.
            let thisRow: RowRef
            if let id = row.id {
                if let existing = tableKeys.existingID(id) {
                    add(source, index, line: record.line, field: plan.idField ?? 0, column: header(plan, plan.idField),
                        .duplicateID(value: id, firstLine: existing.line))
                } else {
                    tableKeys.fileIDs[id] = record.line
                    if id > tableKeys.maxID { tableKeys.maxID = id }
                }
                thisRow = .id(id)
            } else {
                thisRow = .new(tableKeys.newRows)
                tableKeys.newRows += 1
            }
            if let code = row.code {
                if let existing = tableKeys.existingCode(code) {
                    add(source, index, line: record.line, field: plan.codeField ?? 0,
                        column: header(plan, plan.codeField), .duplicateCode(value: code, firstLine: existing.line))
                } else {
                    tableKeys.fileCodes[code] = (thisRow, record.line)
                }
            }
            for reference in row.references {
                guard let target = try keys.keys(named: reference.table), !target.unchecked else { continue }
                if target.resolve(reference.key) != nil { continue }
                if target === tableKeys {
                    deferred.append((record.line, reference.fieldIndex, reference.header, reference.key))
                } else {
                    add(source, index, line: record.line, field: reference.fieldIndex, column: reference.header,
                        .missingReference(table: target.table.name, value: reference.key.text))
                }
            }
        }
        advance(&readBefore, reader.bytesRead, .checking)
        for reference in deferred where tableKeys.resolve(reference.key) == nil {
            add(source, index, line: reference.line, field: reference.field, column: reference.header,
                .missingReference(table: source.table.name, value: reference.key.text))
        }
        return plan
    }

    // MARK: Pass 2

    private mutating func write(_ plan: ImportPlan, db: Database, keys: KeyIndex) throws -> Int {
        let input = try ByteInput(path: plan.source.path)
        var reader = CSVReader(input: input)
        var record = CSVRecord()
        let tableKeys = try keys.keys(plan.table)
        let statement = try db.makeStatement(sql: plan.insertSQL)
        var row = ConvertedRow()
        var arguments = [(any DatabaseValueConvertible)?](repeating: nil, count: plan.insertColumns.count)
        var newRow = 0
        var count = 0
        var readBefore: Int64 = 0
        func changed(_ line: Int) -> CSVImportError {
            .invalid(problems: [CSVProblem(file: plan.source.path, line: line, column: nil,
                                           reason: .changedDuringImport, fileIndex: plan.fileIndex)], total: 1)
        }
        guard try reader.next(into: &record) else { throw changed(1) }
        while try reader.next(into: &record) {
            advance(&readBefore, reader.bytesRead, .writing)
            if record.isBlank && plan.fieldCount > 1 { continue }
            guard record.problem == nil, record.count == plan.fieldCount else { throw changed(record.line) }
            plan.convert(record, normalize: options.normalizeText, into: &row)
            guard row.problems.isEmpty else { throw changed(record.line) }
            if let id = row.id {
                row.values[0] = id.databaseValue
            } else {
                guard let id = tableKeys.id(of: .new(newRow)) else { throw changed(record.line) }
                row.values[0] = id.databaseValue
                newRow += 1
            }
            for reference in row.references {
                guard let target = try keys.keys(named: reference.table),
                      let resolved = target.resolve(reference.key),
                      let id = target.id(of: resolved) else { throw changed(record.line) }
                row.values[reference.valueIndex] = id.databaseValue
            }
            do {
                // Through an array of existentials: GRDB's init for a sequence of DatabaseValue
                // maps with a key path, which cost a seventh of the whole import in profiles.
                for index in row.values.indices { arguments[index] = row.values[index] }
                try statement.execute(arguments: StatementArguments(arguments))
            } catch let error as DatabaseError {
                throw CSVImportError.invalid(problems: [
                    CSVProblem(file: plan.source.path, line: record.line, column: nil,
                               reason: .database(error.message ?? "\(error)"), fileIndex: plan.fileIndex),
                ], total: 1)
            }
            count += 1
        }
        advance(&readBefore, reader.bytesRead, .writing)
        return count
    }

    // MARK: Helpers

    private func header(_ plan: ImportPlan, _ field: Int?) -> String? {
        guard let field, field < plan.slots.count, let slot = plan.slots[field] else { return nil }
        return slot.header
    }

    private mutating func add(_ source: ImportSource, _ index: Int, line: Int, field: Int, column: String?,
                              _ reason: CSVProblem.Reason) {
        problems.add(CSVProblem(file: source.path, line: line, column: column, reason: reason,
                                fileIndex: index, fieldIndex: field))
    }

    /// Counts the bytes the reader took since `before` and reports progress now and then.
    private mutating func advance(_ before: inout Int64, _ now: Int64, _ phase: ImportProgress.Phase) {
        bytesDone += now - before
        before = now
        if bytesDone - lastReported >= CSVImporter.progressStep { report(phase, force: false) }
    }

    private mutating func report(_ phase: ImportProgress.Phase, force: Bool) {
        guard let progress else { return }
        if !force && bytesDone - lastReported < CSVImporter.progressStep { return }
        lastReported = bytesDone
        progress(ImportProgress(phase: phase, bytes: min(bytesDone, totalBytes), totalBytes: totalBytes))
    }
}
